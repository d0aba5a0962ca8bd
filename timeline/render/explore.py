"""What `explore` draws: numbered links under an event, numbered lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from rich.text import Text

from timeline.dates.format import elapsed, format_span
from timeline.model import Event
from timeline.palette import style
from timeline.render.console import text
from timeline.text import one_line


def links_view(current: Event, numbered: Sequence[tuple[str, Event]], zone: tzinfo | None = None) -> Text:
    """ "[1] ← cause  27 Dec 2019  Rocket attack ...  (−2 days)", one per line."""
    shown = Text()
    for n, (role, event) in enumerate(numbered, start=1):
        arrow = "\u2190 cause " if role == "cause" else "\u2192 effect"
        shown.append(f"[{n}] ", style="bold cyan")
        shown.append(f"{arrow}  ", style="dim")
        shown.append_text(text(format_span(event.start, event.end, zone)))
        shown.append("  ")
        shown.append_text(text(one_line(event.title)))
        shown.append(f"  ({elapsed(current.start, event.start)})\n", style="dim")
    if not numbered:
        shown.append("No causes or effects recorded.\n", style="dim")
    return shown


def choices_view(title: str, events: Sequence[Event], current: Event | None = None) -> Text:
    """A numbered list of events to pick from, the current one marked."""
    shown = Text(f"{title}\n", style="bold")
    for n, event in enumerate(events, start=1):
        marker = "\u25b6" if current is not None and event.id == current.id else " "
        shown.append(f"{marker}[{n}] ", style="bold cyan")
        shown.append_text(text(format_span(event.start, event.end)))
        shown.append("  ")
        shown.append_text(text(one_line(event.title)))
        shown.append("  ")
        shown.append_text(text(event.kind, style(event.kind)))
        shown.append("\n")
    return shown
