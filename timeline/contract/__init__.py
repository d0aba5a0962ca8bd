"""The JSON contract, both ways: `encode` builds the JSON shapes of the model
(events, actors, stores, chains, paths, stats, check reports), `decode` reads a
JSON store back into the reader's input, and `schema` describes them. No other
module builds or reads a JSON shape.

Nothing is imported here, so that a command loads only the side it uses.
"""
