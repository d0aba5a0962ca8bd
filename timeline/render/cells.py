"""Store values as short strings for tables and plain lines (no rich here)."""

from __future__ import annotations

from datetime import tzinfo

from timeline.dates.format import format_span
from timeline.model import Count, Event, Store
from timeline.text import one_line, places


def count_cell(count: Count | None) -> str:
    """ "25", "55+", "19–25", "?", or "" when no figure is recorded."""
    return "" if count is None else str(count)


def when_cell(event: Event, zone: tzinfo | None = None) -> str:
    """The event's date or span at its precision."""
    return format_span(event.start, event.end, zone)


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
        places(event),
        count_cell(event.killed),
        count_cell(event.injured),
        links_cell(event, store),
    )
