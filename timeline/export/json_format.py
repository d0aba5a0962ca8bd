"""The store's JSON contract, deterministic: the same store gives the same bytes."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.contract import dumps, store_to_dict
from timeline.model import Event, Store


def render(store: Store, events: Sequence[Event]) -> str:
    """{"version": 1, "events": [...], "actors": [...]} for the selected events."""
    return dumps(store_to_dict(store, events))
