"""The current event in full, as `timeline show` draws it."""

from __future__ import annotations

from collections import OrderedDict
from datetime import tzinfo
from typing import ClassVar

from textual.binding import BindingType
from textual.strip import Strip

from timeline.model import Event, Store
from timeline.render.detail import event_panel
from timeline.tui.strip_view import CURSOR_KEYS, StripView

#: Panels kept drawn: moving back and forth over a stretch of the timeline
#: draws each event once.
KEPT = 256


class EventPane(StripView, can_focus=True):
    """A scrolling view of one event's panel."""

    BINDINGS: ClassVar[list[BindingType]] = CURSOR_KEYS

    def __init__(self, store: Store, zone: tzinfo | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.zone = zone
        self.border_title = "Event"
        self.event: Event | None = None
        self._drawn: OrderedDict[tuple[str, int], list[Strip]] = OrderedDict()

    def show(self, event: Event) -> None:
        """Draw this event, from its top."""
        self.event = event
        self._draw()

    def _draw(self) -> None:
        width = self.text_width
        if self.event is None or self.size.width <= 1:
            return  # drawn on the first resize, once the width is known
        key = (self.event.id, width)
        lines = self._drawn.get(key)
        if lines is None:
            lines = self.render_strips(event_panel(self.event, self.store, self.zone), width)
            self._drawn[key] = lines
            if len(self._drawn) > KEPT:
                self._drawn.popitem(last=False)
        else:
            self._drawn.move_to_end(key)
        self.set_lines(lines)

    def on_resize(self) -> None:
        """Draw the panel again at the new width."""
        self._draw()

    def action_move(self, lines: int) -> None:
        """Scroll by some lines."""
        self.scroll_to_line(self.top + lines)

    def action_page(self, direction: int) -> None:
        """Scroll by the pane's height, less a line to keep the eye's place."""
        self.scroll_to_line(self.top + direction * max(1, self.size.height - 1))

    def action_edge(self, last: int) -> None:
        """To the top or the bottom of the panel."""
        self.scroll_to_line(self.line_count if last else 0)
