"""The incremental search line: the timeline narrows to the matches as you
type; up and down move among them, Enter picks, Escape goes back.

A line of its own rather than Textual's `Input`: an Input changes its
scrolled size on every keystroke, and Textual then lays out and rewrites the
whole screen (some 40 ms a keystroke at 160x48 in a real terminal). This one
keeps its size, so a keystroke repaints the search line and the list alone.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widget import Widget

from timeline.text import one_line
from timeline.tui.messages import SearchChanged, SearchDone

PLACEHOLDER = "search titles, summaries, places, actors"


class SearchBar(Widget, can_focus=True):
    """Text searched in titles, summaries, places and actor names."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.step(1)", "Next match", show=False),
        Binding("up", "app.step(-1)", "Previous match", show=False),
        Binding("enter", "pick", "Pick the match"),
        Binding("escape", "cancel", "Cancel search"),
        Binding("backspace", "erase", "Erase a character", show=False),
        Binding("ctrl+u", "clear", "Erase the line", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = ""

    @property
    def value(self) -> str:
        """The text searched for."""
        return self._value

    @value.setter
    def value(self, text: str) -> None:
        self._value = one_line(text)
        self.refresh()

    def render(self) -> Text:
        """The text and a cursor after it, or the placeholder."""
        shown = Text(no_wrap=True, overflow="ellipsis")
        shown.append("/ ", style="bold")
        shown.append(self._value)
        shown.append(" ", style="reverse" if self.has_focus else "")
        if not self._value:
            shown.append(PLACEHOLDER, style="dim")
        return shown

    def _changed(self, text: str) -> None:
        # Not repainted here: the app repaints this line with the narrowed list,
        # so both reach the terminal in one frame, not two (a frame apart).
        self._value = one_line(text)
        self.post_message(SearchChanged(self._value))

    def on_key(self, event: events.Key) -> None:
        """A printable key adds its character."""
        if event.is_printable and event.character is not None:
            event.stop()
            event.prevent_default()
            self._changed(self._value + event.character)

    def on_paste(self, event: events.Paste) -> None:
        """Pasted text is typed, on one line."""
        event.stop()
        self._changed(self._value + event.text)

    def action_erase(self) -> None:
        """Backspace: the last character goes."""
        if self._value:
            self._changed(self._value[:-1])

    def action_clear(self) -> None:
        """Ctrl-U: the whole line goes."""
        if self._value:
            self._changed("")

    def action_pick(self) -> None:
        """Enter picks the event under the cursor."""
        self.post_message(SearchDone(picked=True))

    def action_cancel(self) -> None:
        """Escape: back to where the search began."""
        self.post_message(SearchDone(picked=False))
