"""The current event in full, as `timeline show` draws it."""

from __future__ import annotations

from datetime import tzinfo

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from timeline.model import Event, Store
from timeline.render.detail import event_panel


class EventPane(VerticalScroll):
    """A scrolling view of one event's panel."""

    def __init__(self, store: Store, zone: tzinfo | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.zone = zone
        self.border_title = "Event"

    def compose(self) -> ComposeResult:
        yield Static(id="event-body")

    def show(self, event: Event) -> None:
        """Draw this event, from its top."""
        self.query_one("#event-body", Static).update(event_panel(event, self.store, self.zone))
        self.scroll_home(animate=False)
