"""What `explore` draws: numbered links under an event, numbered lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING

from rich.text import Text

from timeline.dates.format import format_span
from timeline.model import Event
from timeline.palette import style
from timeline.render.console import text
from timeline.render.words import apart, relation
from timeline.text import one_line

if TYPE_CHECKING:
    from timeline.explore import Step

#: How each way of a link is marked: causes and wholes lead back, effects and
#: parts lead on.
_ARROWS = {
    "cause": "\u2190 cause ",
    "effect": "\u2192 effect",
    "whole": "\u2191 whole ",
    "part": "\u2193 part  ",
}


def number(n: int, most: int) -> str:
    """ "[n]", right-aligned to the width of "[most]"."""
    return f"[{n}]".rjust(len(str(most)) + 2)


def links_view(current: Event, numbered: Sequence[Step], zone: tzinfo | None = None) -> Text:
    """ "[1] ← cause   27 Dec 2019  Rocket attack ...  (retaliation for, 2 days before)",
    one per line, the numbers right-aligned so that " [9]" and "[10]" line up
    (dates are not padded: a span or a minute would push every title right);
    a whole or a part says "part of" / "has part"."""
    shown = Text()
    for n, step in enumerate(numbered, start=1):
        event = step.event
        # Membership reads from the current event: it is part of its whole, has its parts.
        said = {"whole": "part of", "part": "has part"}.get(step.role) or relation(step.via)
        shown.append(number(n, len(numbered)) + " ", style="bold cyan")
        shown.append(f"{_ARROWS[step.role]}  ", style="dim")
        shown.append_text(text(format_span(event.start, event.end, zone)))
        shown.append("  ")
        shown.append_text(text(one_line(event.title)))
        shown.append(f"  ({said}, {apart(current.start, event.start)})\n", style="dim")
    if not numbered:
        shown.append("No causes, effects, wholes or parts recorded.\n", style="dim")
    return shown


def choices_view(title: str, events: Sequence[Event], current: Event | None = None) -> Text:
    """A numbered list of events to pick from, the current one marked, the
    numbers aligned as in `links_view`."""
    shown = Text(f"{title}\n", style="bold")
    for n, event in enumerate(events, start=1):
        marker = "\u25b6" if current is not None and event.id == current.id else " "
        shown.append(f"{marker}{number(n, len(events))} ", style="bold cyan")
        shown.append_text(text(format_span(event.start, event.end)))
        shown.append("  ")
        shown.append_text(text(one_line(event.title)))
        shown.append("  ")
        shown.append_text(text(event.kind, style(event.kind)))
        shown.append("\n")
    return shown
