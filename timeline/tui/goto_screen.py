"""`g`: jump to a date ("Dec 2019", read as `list --on` reads it) or an event
id (or a unique start of one), with the ids offered as completion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label


class GotoScreen(ModalScreen[str | None]):
    """Asks where to go; dismissed with what was typed, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, ids: Sequence[str]) -> None:
        super().__init__()
        self.ids = ids

    def compose(self) -> ComposeResult:
        with Vertical(id="goto"):
            yield Label("Go to a date (Dec 2019, 2020-01-03) or an event id (\u2192 completes):")
            yield Input(
                placeholder="date or id",
                suggester=SuggestFromList(self.ids, case_sensitive=False),
                id="goto-input",
            )

    def on_input_submitted(self, message: Input.Submitted) -> None:
        """Go there."""
        message.stop()
        self.dismiss(message.value.strip() or None)

    def action_cancel(self) -> None:
        """Stay where we are."""
        self.dismiss(None)
