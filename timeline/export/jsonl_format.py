"""JSON Lines: one event object of the contract per line."""

from __future__ import annotations

import json
from collections.abc import Sequence

from timeline.contract import event_to_dict
from timeline.model import Event, Store


def render(store: Store, events: Sequence[Event]) -> str:
    """Each selected event as one compact JSON object per line."""
    return "".join(
        json.dumps(event_to_dict(e, store), ensure_ascii=False, separators=(",", ":")) + "\n" for e in events
    )
