"""The incremental search line: the timeline narrows to the matches as you
type; up and down move among them, Enter picks, Escape goes back."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

from timeline.tui.messages import SearchChanged, SearchDone


class SearchBar(Input):
    """Text searched in titles, summaries, places and actor names."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.step(1)", "Next match", show=False),
        Binding("up", "app.step(-1)", "Previous match", show=False),
        Binding("escape", "cancel", "Cancel search"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search titles, summaries, places, actors", id=id)

    def on_input_changed(self, message: Input.Changed) -> None:
        """Every keystroke narrows the list."""
        message.stop()
        self.post_message(SearchChanged(message.value))

    def on_input_submitted(self, message: Input.Submitted) -> None:
        """Enter picks the event under the cursor."""
        message.stop()
        self.post_message(SearchDone(picked=True))

    def action_cancel(self) -> None:
        """Escape: back to where the search began."""
        self.post_message(SearchDone(picked=False))
