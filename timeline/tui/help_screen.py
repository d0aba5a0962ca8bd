"""`?`: every key and what it does, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: How keys are written in the help, where their names are not what a user types.
KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "backspace": "Backspace",
    "enter": "Enter",
    "escape": "Esc",
    "up": "\u2191",
    "down": "\u2193",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
    "ctrl+c": "Ctrl-C",
    "ctrl+u": "Ctrl-U",
}


def key_text(keys: str) -> str:
    """ "down,j" as "↓ j"."""
    return " ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def binding_rows(groups: Iterable[tuple[str, Iterable[BindingType]]]) -> list[tuple[str, str, str]]:
    """(where, keys, description) for each described binding."""
    rows = []
    for where, bindings in groups:
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                rows.append((where, key_text(binding.key), binding.tooltip or binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """The key table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, padding=(0, 2), show_header=True, header_style="bold")
        table.add_column("where")
        table.add_column("keys", style="bold cyan", no_wrap=True)
        table.add_column("what it does")
        previous = ""
        for where, keys, description in self.rows:
            table.add_row("" if where == previous else where, Text(keys), Text(description))
            previous = where
        with VerticalScroll(id="help"):
            yield Static(Text("Keys (Esc, q or ? to close)", style="bold"))
            yield Static(table)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
