"""The scrolling timeline: one line per event (date at its precision, kind
letter, title), the cursor on the current event.

Virtual: only the lines on screen are drawn, from the event list, so 10,000
events cost what 20 do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.strip import Strip

from timeline.dates.format import format_date
from timeline.model import Event, Precision
from timeline.palette import PALETTE
from timeline.text import one_line
from timeline.tui.messages import Go
from timeline.tui.strip_view import CURSOR_KEYS, StripView

#: Width of the date column: "29 Dec 2019", a span's spaced dash, and a gap
#: before the kind letter, so that the dash never runs into it.
DATE_WIDTH = 14


def date_cell(event: Event) -> str:
    """The start's date at its precision (a minute shows as its day), then " –"
    for a span: "Jan 2021 –" (its end is in the event pane)."""
    start = event.start
    shown = format_date(
        start if start.precision < Precision.MINUTE else start._replace(precision=Precision.DAY)
    )
    return (shown + (" \u2013" if event.end is not None else "")).ljust(DATE_WIDTH)


def fit(text: str, width: int) -> str:
    """Text cut to a width at a word boundary, with an ellipsis; never mid-word
    unless a single word is wider than the whole width."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "\u2026"[:width]
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "\u2026"


class TimelineList(StripView, can_focus=True):
    """The events in time order, one line each, drawn when shown."""

    BINDINGS: ClassVar[list[BindingType]] = CURSOR_KEYS

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline-list--cursor", "timeline-list--date"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events: Sequence[Event] = ()
        self.cursor = -1
        self._lines: dict[str, Strip] = {}
        self._rows: dict[str, int] = {}

    @property
    def line_count(self) -> int:
        """One line an event."""
        return len(self.events)

    def show_events(self, shown: Sequence[Event], current: str | None) -> None:
        """Show these events, the cursor on `current` if it is among them."""
        self.events = shown
        self._rows = {e.id: n for n, e in enumerate(shown)}
        self.cursor = -1
        self.top = 0
        if current is not None:
            self.put_cursor(current)
        self.refresh()

    def put_cursor(self, event_id: str) -> None:
        """Put the cursor on an event (nowhere if it is not listed) and scroll to it."""
        found = self._rows.get(event_id, -1)
        if found == self.cursor:
            return
        old, self.cursor = self.cursor, found
        top = self.top
        if found >= 0:
            self.keep_in_view(found)
        if self.top == top:  # not scrolled: only the lines the cursor left and reached change
            for row in (old, found):
                self.refresh_rows(row)

    def on_resize(self) -> None:
        """The cursor stays in view (the first events are listed before the list has a size)."""
        if self.cursor >= 0:
            self.keep_in_view(self.cursor)

    @property
    def current(self) -> Event | None:
        """The event under the cursor."""
        return self.events[self.cursor] if 0 <= self.cursor < len(self.events) else None

    def _move_to(self, row: int) -> None:
        if not self.events:
            return
        row = max(0, min(len(self.events) - 1, row))
        self.post_message(Go(self.events[row].id, record=False))

    def action_move(self, delta: int) -> None:
        """Move the cursor by some lines."""
        self._move_to((self.cursor if self.cursor >= 0 else 0) + delta if self.cursor >= 0 else 0)

    def action_page(self, direction: int) -> None:
        """Move the cursor by a screenful."""
        self.action_move(direction * max(1, self.size.height - 1))

    def action_edge(self, last: int) -> None:
        """Move to the first or the last event."""
        self._move_to(len(self.events) - 1 if last else 0)

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the line clicked."""
        inside = event.get_content_offset(self)  # the border is not a line
        row = -1 if inside is None else self.top + inside.y
        if 0 <= row < len(self.events):
            self._move_to(row)

    def get_strip(self, row: int) -> Strip:
        """The event's line: date, kind letter, title cut at a word; kept per width."""
        event, width = self.events[row], self.text_width
        key = f"{event.id}\x00{width}"
        found = self._lines.get(key)
        if found is None:
            kind = PALETTE.get(event.kind)
            date_style = self.get_component_rich_style("timeline-list--date", partial=True)
            found = Strip(
                [
                    Segment(date_cell(event), date_style),
                    Segment(kind.letter if kind else "?", Style.parse(kind.style) if kind else Style()),
                    Segment(" "),
                    Segment(fit(one_line(event.title), max(1, width - DATE_WIDTH - 2))),
                ]
            )
            self._lines[key] = found
        return found

    def line_style(self, row: int, strip: Strip) -> Strip:
        """The cursor's line stands out."""
        if row == self.cursor:
            return strip.apply_style(self.get_component_rich_style("timeline-list--cursor"))
        return strip
