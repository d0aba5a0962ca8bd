"""The status line: where the cursor is, which filters hold, marks, and a hint."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from timeline.filters import FilterOptions
from timeline.text import one_line
from timeline.tui.filter_bar import shown

#: FilterOptions fields as the status line names them.
NAMES = (
    ("since", "from"),
    ("until", "to"),
    ("on", "on"),
    ("around", "around"),
    ("actor", "actor"),
    ("kind", "kind"),
    ("country", "country"),
    ("tag", "tag"),
    ("search", "search"),
)


def describe(options: FilterOptions) -> str:
    """ "from 2023, actor kh", or "" without filters."""
    parts = []
    for name, label in NAMES:
        value = shown(getattr(options, name))
        if value:
            parts.append(f"{label} {value}")
    if options.around is not None:
        parts.append(f"window {options.window}")
    return ", ".join(parts)


class StatusLine(Widget):
    """One line at the bottom, above the footer. Its height is fixed, so a new
    line repaints it alone (a `Static` would lay out the whole screen again)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._line = Text()

    def render(self) -> Text:
        """The line last shown."""
        return self._line

    def show_state(
        self,
        position: int,
        total: int,
        options: FilterOptions,
        marks: Sequence[str],
        note: str = "",
    ) -> None:
        """Draw it again from the app's state."""
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{position}/{total}" if position else f"-/{total}", style="bold")
        filters = describe(options)
        line.append("  \u00b7  ")
        line.append(one_line(filters) if filters else "no filters", style="" if filters else "dim")
        if marks:
            line.append("  \u00b7  marked ")
            line.append(" \u2192 ".join(marks), style="cyan")
        if note:
            line.append("  \u00b7  ")
            line.append(one_line(note), style="yellow")
        line.append("  \u00b7  ? keys", style="dim")
        if line != self._line:
            self._line = line
            self.refresh()
