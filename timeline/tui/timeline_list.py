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
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from timeline.dates.format import format_date
from timeline.model import Event, Precision
from timeline.palette import PALETTE
from timeline.text import one_line
from timeline.tui.messages import Go

#: Width of the date column: "29 Dec 2019" and a span's dash.
DATE_WIDTH = 12


def date_cell(event: Event) -> str:
    """The start's date at its precision (a minute shows as its day), a dash for a span."""
    start = event.start
    shown = format_date(
        start if start.precision < Precision.MINUTE else start._replace(precision=Precision.DAY)
    )
    return (shown + ("\u2013" if event.end is not None else "")).ljust(DATE_WIDTH)


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


#: The keys of a pane with a cursor (the timeline, the chain): each pane has
#: actions move(delta), page(direction) and edge(last).
CURSOR_KEYS: list[BindingType] = [
    Binding("down,j", "move(1)", "Down", show=False),
    Binding("up,k", "move(-1)", "Up", show=False),
    Binding("pagedown", "page(1)", "Page down", show=False),
    Binding("pageup", "page(-1)", "Page up", show=False),
    Binding("home", "edge(0)", "First", show=False),
    Binding("end", "edge(1)", "Last", show=False),
]


class TimelineList(ScrollView, can_focus=True):
    """The events in time order, one line each."""

    BINDINGS: ClassVar[list[BindingType]] = CURSOR_KEYS

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline-list--cursor", "timeline-list--date"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events: Sequence[Event] = ()
        self.cursor = -1
        self._lines: dict[str, list[Segment]] = {}
        self._rows: dict[str, int] = {}

    def show_events(self, shown: Sequence[Event], current: str | None) -> None:
        """Show these events, the cursor on `current` if it is among them."""
        self.events = shown
        self._rows = {e.id: n for n, e in enumerate(shown)}
        self._lines.clear()
        self.virtual_size = Size(self.size.width, len(shown))
        self.cursor = -1
        if current is not None:
            self.put_cursor(current)
        self.refresh()

    def put_cursor(self, event_id: str) -> None:
        """Put the cursor on an event (nowhere if it is not listed) and scroll to it."""
        found = self._rows.get(event_id, -1)
        if found == self.cursor:
            return
        old, self.cursor = self.cursor, found
        top = self.scroll_offset.y
        if found >= 0:
            self.scroll_to_region(Region(0, found, 1, 1), animate=False, immediate=True)
        if self.scroll_offset.y != top:
            self.refresh()  # scrolled: every line moved
            return
        # Only the lines the cursor left and reached change.
        for row in (old, found):
            if row >= 0:
                self.refresh_line(row)

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
        row = -1 if inside is None else int(self.scroll_offset.y) + inside.y
        if 0 <= row < len(self.events):
            self._move_to(row)

    def _segments(self, event: Event, width: int) -> list[Segment]:
        key = f"{event.id}\x00{width}"
        found = self._lines.get(key)
        if found is None:
            kind = PALETTE.get(event.kind)
            date_style = self.get_component_rich_style("timeline-list--date", partial=True)
            found = [
                Segment(date_cell(event), date_style),
                Segment(kind.letter if kind else "?", Style.parse(kind.style) if kind else Style()),
                Segment(" "),
                Segment(fit(one_line(event.title), max(1, width - DATE_WIDTH - 2))),
            ]
            self._lines[key] = found
        return found

    def render_line(self, y: int) -> Strip:
        """One line of the list: the event at this height of the scrolled view."""
        row = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= row < len(self.events):
            return Strip.blank(width, base)
        segments = self._segments(self.events[row], width)
        strip = Strip(segments).crop_extend(0, width, base)
        if row == self.cursor:
            strip = strip.apply_style(self.get_component_rich_style("timeline-list--cursor"))
        return strip.apply_style(base)
