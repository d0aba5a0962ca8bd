"""The store's JSON contract, deterministic: the same store gives the same bytes
(built by `timeline.contract.encode.store_json`)."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.contract.encode import store_json
from timeline.model import Event, Store


def render(store: Store, events: Sequence[Event]) -> str:
    """{"version": 1, "events": [...], "actors": [...]} for the selected events."""
    return store_json(store, events)
