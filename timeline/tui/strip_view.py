"""A scrolling view of lines rendered once: the event and chain panes draw
their rich renderables into strips when their event changes, and a redraw
(a scroll, a cursor move elsewhere) only hands those strips out again.

A `Static` would measure and lay out the whole screen again each time its
content changed; here the height is known without rendering, and an
unchanged height costs no layout at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class StripView(ScrollView):
    """Lines of text, scrolled; subclasses say which lines and how to mark them."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: Sequence[Strip] = ()

    def render_strips(self, renderable: RenderableType, width: int) -> list[Strip]:
        """A rich renderable drawn at this width, one strip a line."""
        console = self.app.console
        options = console.options.update(width=width, highlight=False)
        return [Strip(line, width) for line in console.render_lines(renderable, options, pad=False)]

    def set_lines(self, lines: Sequence[Strip]) -> None:
        """Show these lines, repainting only this pane."""
        self.lines = lines
        self.set_size(max((line.cell_length for line in lines), default=0), len(lines))

    def set_size(self, width: int, height: int) -> None:
        """The size of what is shown; the screen is laid out again only if it changed."""
        size = Size(width, height)
        if size != self.virtual_size:
            self.virtual_size = size
        self.refresh()

    def get_strip(self, row: int) -> Strip:
        """A hook for lines drawn only when shown: the line at this index."""
        return self.lines[row]

    def line_style(self, row: int, strip: Strip) -> Strip:
        """A hook to mark a line (the cursor's), given its index."""
        return strip

    def render_line(self, y: int) -> Strip:
        """One line of the view at this height of the scrolled window."""
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= row < self.virtual_size.height:
            return Strip.blank(width, base)
        strip = self.line_style(row, self.get_strip(row).crop_extend(scroll_x, scroll_x + width, None))
        return strip.apply_style(base)
