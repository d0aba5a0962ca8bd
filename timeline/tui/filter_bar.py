"""The live filter bar: actor, kind, country, tag and a date range, read as
`list` reads its options (a comma separates alternatives, as a repeated
option does)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input

from timeline.filters import FilterOptions
from timeline.tui.messages import FiltersChanged

#: Each field: its FilterOptions name, its placeholder, and whether it takes several values.
FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("actor", "actor", True),
    ("kind", "kind", True),
    ("country", "country", True),
    ("tag", "tag", True),
    ("since", "from date", False),
    ("until", "to date", False),
)


def _values(text: str) -> list[str] | None:
    found = [part.strip() for part in text.split(",") if part.strip()]
    return found or None


def shown(values: object) -> str:
    """An option's value as the bar shows it."""
    if values is None:
        return ""
    if isinstance(values, str):
        return values
    assert isinstance(values, list | tuple)
    return ", ".join(str(v) for v in values)


class FilterBar(Horizontal):
    """One input per filter; every keystroke posts the options they make."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back to the list"),
    ]

    def __init__(self, options: FilterOptions, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = options

    def compose(self) -> ComposeResult:
        for name, placeholder, _ in FIELDS:
            field = Input(shown(getattr(self.options, name)), placeholder=placeholder, id=f"filter-{name}")
            field.border_title = placeholder
            yield field

    def on_input_changed(self, message: Input.Changed) -> None:
        """Read every field again and say what they now ask for."""
        message.stop()
        changes: dict[str, object] = {}
        for name, _, several in FIELDS:
            text = self.query_one(f"#filter-{name}", Input).value
            changes[name] = _values(text) if several else (text.strip() or None)
        self.options = self.options._replace(**changes)  # type: ignore[arg-type]
        self.post_message(FiltersChanged(self.options))

    def on_input_submitted(self, message: Input.Submitted) -> None:
        """Enter, like Escape, goes back to the list."""
        message.stop()
        self.action_leave()

    def action_leave(self) -> None:
        """Back to the timeline, the filters kept."""
        self.app.set_focus(self.app.query_one("#timeline"))
