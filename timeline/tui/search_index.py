"""The incremental search's index: each event's searchable text, case-folded
once, so a keystroke is one substring test per event."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.model import Event, Store
from timeline.query import searchable_text


class SearchIndex:
    """Titles, summaries, places and actor names of every event, as `--search` reads them."""

    def __init__(self, store: Store) -> None:
        self._texts = {e.id: searchable_text(e, store) for e in store.events}

    def matching(self, events: Sequence[Event], needle: str) -> list[Event]:
        """The events (in their given order) whose text contains the needle, any case."""
        folded = needle.casefold().strip()
        if not folded:
            return list(events)
        texts = self._texts
        return [e for e in events if folded in texts[e.id]]
