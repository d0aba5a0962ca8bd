"""The one place rich consoles are made, and store text turned into rich Text."""

from __future__ import annotations

import os
from typing import IO, Any

from rich.console import Console
from rich.text import Text

from timeline.text import clean


def make_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console for stdout (or a file). Colour follows the terminal and NO_COLOR;
    when not a terminal the width comes from COLUMNS, else 80."""
    if width is None and file is None:
        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            width = int(columns)
    return _SafeConsole(file=file, width=width, highlight=False, emoji=False, markup=False)


class _SafeConsole(Console):
    """A Console whose plain-string arguments are cleaned like store text, so a
    message that quotes the store or the user (explore's replies) is safe too."""

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(clean(o) if isinstance(o, str) else o for o in objects), **options)


def text(value: str, style: str = "") -> Text:
    """Store text as a rich Text: never parsed as markup, controls replaced."""
    return Text(clean(value), style=style)
