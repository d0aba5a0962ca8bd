"""Which converter reads each field of an `[[event]]` and an `[[actor]]`, in
the order they are read (the reader loops over these tables)."""

from __future__ import annotations

from collections.abc import Callable

from timeline.dates.parse import from_toml_value
from timeline.store.evidence import (
    parse_actors,
    parse_causes,
    parse_figures,
    parse_part_of,
    parse_targets,
)
from timeline.store.fields import (
    actor_kind,
    event_kind,
    identifiers,
    paragraphs,
    parse_identifier,
    parse_locations,
    parse_sources,
    parse_zone,
    text,
    texts,
)

Fields = tuple[tuple[str, Callable[[object], object]], ...]

#: Actor fields, with their converters.
ACTOR_FIELDS: Fields = (
    ("id", parse_identifier), ("name", text), ("kind", actor_kind), ("aliases", texts),
    ("backers", identifiers),
)  # fmt: skip

#: Event fields whose values often repeat across a store, and are shared.
SHARED_FIELDS = ("locations", "actors", "targets", "killed", "injured", "tags", "sources", "part_of", "zone")

#: Event fields, with their converters. `places` is resolved by the reader,
#: which knows the store's `[[place]]` tables.
EVENT_FIELDS: Fields = (
    ("id", parse_identifier), ("title", text), ("kind", event_kind), ("start", from_toml_value),
    ("end", from_toml_value), ("locations", parse_locations), ("actors", parse_actors),
    ("targets", parse_targets), ("killed", parse_figures), ("injured", parse_figures),
    ("causes", parse_causes), ("tags", texts), ("summary", paragraphs), ("sources", parse_sources),
    ("part_of", parse_part_of), ("zone", parse_zone), ("reported_start", from_toml_value),
)  # fmt: skip

#: The fields of a slice's outside event (a JSON export's `outside`): who it
#: is and when, and its links into the slice; nothing else is kept of it.
OUTSIDE_FIELDS: Fields = tuple(
    (name, convert)
    for name, convert in EVENT_FIELDS
    if name in ("id", "title", "kind", "start", "end", "causes", "part_of")
)
OUTSIDE_KEYS = frozenset(name for name, _ in OUTSIDE_FIELDS)
