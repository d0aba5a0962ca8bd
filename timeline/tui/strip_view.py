"""A pane of lines rendered once, scrolled by the pane itself: the event and
chain panes draw their rich renderables into strips when their event changes,
and a redraw (a scroll, a cursor move) only hands those strips out again.

Why not a `Static` or a `ScrollView`: Textual lays out the whole screen again
whenever a Static's content or a ScrollView's scrolled size changes, and then
writes the whole screen to the terminal (some 44 KB at 160x48, for each
keystroke). Here the pane's size never depends on what it shows, so a new
event repaints this pane alone. The last column is the pane's own scroll bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

#: The keys of every pane: each has actions move(delta), page(direction) and
#: edge(last), for its cursor (the timeline, the chain) or its view (the event).
CURSOR_KEYS: list[BindingType] = [
    Binding("down,j", "move(1)", "Down", show=False),
    Binding("up,k", "move(-1)", "Up", show=False),
    Binding("pagedown", "page(1)", "Page down", show=False),
    Binding("pageup", "page(-1)", "Page up", show=False),
    Binding("home", "edge(0)", "First", show=False),
    Binding("end", "edge(1)", "Last", show=False),
]


#: The scroll bar: its thumb and its track.
THUMB, TRACK = "\u2590", " "


class StripView(Widget):
    """Lines of text, scrolled; subclasses say which lines and how to mark them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"strip-view--thumb"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: Sequence[Strip] = ()
        self.top = 0  # the first line shown

    @property
    def text_width(self) -> int:
        """Columns for the lines: all but the scroll bar's."""
        return max(1, self.size.width - 1)

    @property
    def line_count(self) -> int:
        """How many lines there are."""
        return len(self.lines)

    def render_strips(self, renderable: RenderableType, width: int) -> list[Strip]:
        """A rich renderable drawn at this width, one strip a line."""
        console = self.app.console
        options = console.options.update(width=width, highlight=False)
        return [Strip(line, width) for line in console.render_lines(renderable, options, pad=False)]

    def set_lines(self, lines: Sequence[Strip]) -> None:
        """Show these lines from the top, repainting only this pane."""
        self.lines = lines
        self.top = 0
        self.refresh()

    def get_strip(self, row: int) -> Strip:
        """A hook for lines drawn only when shown: the line at this index."""
        return self.lines[row]

    def line_style(self, row: int, strip: Strip) -> Strip:
        """A hook to mark a line (the cursor's), given its index."""
        return strip

    # -- scrolling ---------------------------------------------------------

    def scroll_to_line(self, top: int) -> None:
        """Show the lines from this one (as far as there are lines to show)."""
        top = max(0, min(top, self.line_count - self.size.height))
        if top != self.top:
            self.top = top
            self.refresh()

    def refresh_rows(self, first: int, count: int = 1) -> None:
        """Repaint only these lines (by index), where they are shown."""
        if first >= 0:
            self.refresh(Region(0, first - self.top, self.size.width, count))

    def keep_in_view(self, first: int, count: int = 1) -> None:
        """Scroll as little as needed to show these lines (once the pane has a size)."""
        if self.size.height <= 0:
            return
        if first < self.top:
            self.scroll_to_line(first)
        elif first + count > self.top + self.size.height:
            self.scroll_to_line(first + count - self.size.height)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls three lines."""
        event.stop()
        self.scroll_to_line(self.top + 3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls three lines."""
        event.stop()
        self.scroll_to_line(self.top - 3)

    def on_resize(self) -> None:
        """Keep the view within the lines."""
        self.scroll_to_line(self.top)

    # -- drawing -----------------------------------------------------------

    def _bar(self, y: int) -> Segment:
        """This line's cell of the scroll bar: the thumb where the view is."""
        height, count = self.size.height, self.line_count
        if count <= height or height <= 0:
            return Segment(TRACK)
        thumb = max(1, height * height // count)
        start = (height - thumb) * self.top // max(1, count - height)
        shown = start <= y < start + thumb
        bar_style = self.get_component_rich_style("strip-view--thumb") if shown else Style()
        return Segment(THUMB if shown else TRACK, bar_style)

    def render_line(self, y: int) -> Strip:
        """One line of the pane at this height, and its cell of the scroll bar."""
        row = self.top + y
        width = self.text_width
        base = self.rich_style
        if 0 <= row < self.line_count:
            strip = self.line_style(row, self.get_strip(row).crop_extend(0, width, None))
        else:
            strip = Strip.blank(width)
        return Strip([*strip, self._bar(y)], width + 1).apply_style(base)
