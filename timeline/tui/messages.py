"""The messages the explorer's widgets post to the app, which owns the state."""

from __future__ import annotations

from textual.message import Message

from timeline.filters import FilterOptions


class Go(Message):
    """Make an event current: `record` puts the move in the back/forward history
    (following a link does; moving the list's cursor does not)."""

    def __init__(self, event_id: str, record: bool = True) -> None:
        super().__init__()
        self.event_id = event_id
        self.record = record


class FiltersChanged(Message):
    """The filter bar's fields, as the options they stand for."""

    def __init__(self, options: FilterOptions) -> None:
        super().__init__()
        self.options = options


class SearchChanged(Message):
    """The incremental search's text, after each keystroke."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SearchDone(Message):
    """The search was closed: `picked` (Enter) keeps the event under the
    cursor, otherwise (Escape) the event from before the search comes back."""

    def __init__(self, picked: bool) -> None:
        super().__init__()
        self.picked = picked
