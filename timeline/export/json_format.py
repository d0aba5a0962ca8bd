"""The store's JSON contract, deterministic: the same store gives the same bytes.

One event or actor per line: readable and diffable, and written by json's C
encoder, which `indent=` would replace with the pure-Python one (several
times slower on a store of 100,000 events).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from timeline.contract import actor_to_dict, event_to_dict
from timeline.model import SCHEMA_VERSION, Event, Store


def _lines(items: Iterable[dict[str, Any]]) -> str:
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    return ",\n".join(f"    {encode(item)}" for item in items)


def render(store: Store, events: Sequence[Event]) -> str:
    """{"version": 1, "events": [...], "actors": [...]} for the selected events."""
    event_lines = _lines(event_to_dict(e, store) for e in events)
    actor_lines = _lines(actor_to_dict(a) for a in store.actors)
    return (
        f'{{\n  "version": {SCHEMA_VERSION},\n'
        f'  "events": [\n{event_lines}\n  ],\n'
        f'  "actors": [\n{actor_lines}\n  ]\n}}\n'
    ).replace("[\n\n  ]", "[]")
