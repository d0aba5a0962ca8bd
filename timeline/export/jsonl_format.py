"""JSON Lines: one event object of the contract per line."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.contract.encode import events_jsonl
from timeline.model import Event, Store


def render(store: Store, events: Sequence[Event]) -> str:
    """Each selected event as one compact JSON object per line."""
    return events_jsonl(store, events)
