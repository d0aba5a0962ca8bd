"""Store values as short strings for tables and plain lines (no rich here)."""

from __future__ import annotations

import re
from datetime import tzinfo

from timeline.dates import format_span
from timeline.model import Count, Event, Store

# C0 and C1 controls and DEL, but not tab and newline: an ESC in the data must
# never reach the terminal, and rich strips only some of these itself.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def clean(text: str) -> str:
    """Text from the store made safe to print: control characters become U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """Cleaned text with line breaks folded to spaces, for one-line cells."""
    return clean(_LINE_BREAKS.sub(" ", text))


def count_cell(count: Count | None) -> str:
    """ "25", "55+", "19–25", "?", or "" when no figure is recorded."""
    return "" if count is None else str(count)


def when_cell(event: Event, zone: tzinfo | None = None) -> str:
    """The event's date or span at its precision."""
    return format_span(event.start, event.end, zone)


def where_cell(event: Event) -> str:
    """ "al-Qa'im, Iraq; Middle Euphrates River Valley, Syria"."""
    return one_line(
        "; ".join(
            loc.country if loc.place == loc.country else f"{loc.place}, {loc.country}"
            for loc in event.locations
        )
    )


def links_cell(event: Event, store: Store) -> str:
    """Number of causes and effects as "causes/effects"."""
    return f"{len(event.causes)}/{len(store.effects_of(event.id))}"


HEADERS = ("date", "id", "title", "kind", "where", "killed", "injured", "causes/effects")


def row(event: Event, store: Store, zone: tzinfo | None = None) -> tuple[str, ...]:
    """One event as the cells of a listing, in HEADERS order."""
    return (
        when_cell(event, zone),
        event.id,
        one_line(event.title),
        event.kind,
        where_cell(event),
        count_cell(event.killed),
        count_cell(event.injured),
        links_cell(event, store),
    )
