"""The one place rich consoles are made, and store text turned into rich Text."""

from __future__ import annotations

import os
from typing import IO, Any

from rich.console import Console, Group
from rich.text import Text

from timeline.render.styled import Styled
from timeline.text import clean

#: The width text is laid out at when it must never wrap (piped output): wider
#: than any line a store gives, and cheap, since rich does not pad to it.
UNBOUNDED = 1_000_000


def make_console(
    file: IO[str] | None = None,
    width: int | None = None,
    color: str = "auto",
    unwrapped: bool = False,
    height: int | None = None,
    trimmed: bool = False,
) -> Console:
    """A console for stdout (or a file).

    Colour: "auto" follows the terminal, NO_COLOR and FORCE_COLOR (as rich
    reads them); "always" and "never" override all three, as --color does in
    ripgrep and git. Width: `unwrapped` lays text out on unbounded lines, with
    trailing blanks stripped (piped views, for grep); otherwise the terminal's,
    or when not a terminal COLUMNS, else 80, its lines' trailing blanks
    stripped when `trimmed` (piped pictures: a table pads every cell).
    """
    if unwrapped:
        width = UNBOUNDED
    elif width is None and file is None:
        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            width = int(columns)
    colour: dict[str, Any] = {}
    if color == "never":
        colour = {"color_system": None, "no_color": True}
    elif color == "always":
        colour = {"force_terminal": True, "no_color": False}
    kind = _UnwrappedConsole if unwrapped else _TrimmedConsole if trimmed else _SafeConsole
    console = kind(
        file=file, width=width, height=height, highlight=False, emoji=False, markup=False, **colour
    )
    if color == "always" and console.color_system is None:  # TERM=dumb or unset: still colour, as asked
        console = kind(file=file, width=width, height=height, highlight=False, emoji=False, markup=False,
                       color_system="standard", **colour)  # fmt: skip
    return console


class _SafeConsole(Console):
    """A Console whose plain-string arguments are cleaned like store text, so a
    message that quotes the store or the user (explore's replies) is safe too."""

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(clean(o) if isinstance(o, str) else o for o in objects), **options)


class _TrimmedConsole(_SafeConsole):
    """A console whose lines carry no trailing blanks (rich pads table cells
    to their column), laid out at its width. Each object starts a line of its own."""

    def print(self, *objects: Any, **options: Any) -> None:
        style = options.pop("style", None)
        parts = [Text(clean(o), style=style or "") if isinstance(o, str) else o for o in objects]
        shown = Text()
        for n, line in enumerate(self.render_lines(Group(*parts), self.options, pad=False)):
            if n:
                shown.append("\n")
            row = Text.assemble(*((s.text, s.style or "") for s in line if not s.control))
            row.rstrip()
            shown.append_text(row)
        super().print(shown, soft_wrap=True, end=options.get("end", "\n"))


class _UnwrappedConsole(_TrimmedConsole):
    """A trimmed console whose lines are never wrapped: one line of output
    per line of text, for grep and awk."""


def unwrapped(console: Console) -> bool:
    """Whether the console lays text out on lines that never wrap (piped):
    a frame around such text would be as wide as its longest paragraph."""
    return isinstance(console, _UnwrappedConsole)


def text(value: str, style: str = "") -> Text:
    """Store text as a rich Text: never parsed as markup, controls replaced."""
    return Text(clean(value), style=style)


def rich_text(shown: Styled) -> Text:
    """A Styled as the rich Text it mirrors: the same spans, part for part
    (its runs are cleaned already)."""
    drawn = Text(style=shown.style)
    for part in shown.parts:
        if isinstance(part, Styled):
            drawn.append_text(rich_text(part))
        else:
            drawn.append(*part)
    return drawn
