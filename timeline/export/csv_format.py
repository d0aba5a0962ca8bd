"""CSV: one row per event, flat columns, lists joined with "; ".

Written with the csv module's full quoting rules so that commas, quotes and
newlines in summaries open cleanly in a spreadsheet; control characters
(an ESC, say) are replaced so they never reach a terminal.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from timeline.model import Count, Event, Store
from timeline.text import clean

COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "title",
    "kind",
    "countries",
    "places",
    "actors",
    "targets",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "causes",
    "effects",
    "tags",
    "sources",
    "summary",
)


def _bound(value: int | None) -> str:
    return "" if value is None else str(value)


def _bounds(count: Count | None) -> tuple[str, str]:
    if count is None:
        return "", ""
    return _bound(count.min), _bound(count.max)


def _sources(event: Event) -> str:
    return "; ".join(s.title + (f" <{s.url}>" if s.url else "") for s in event.sources)


def render(store: Store, events: Sequence[Event]) -> str:
    """A header row, then a row per event."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in events:
        killed, injured = _bounds(e.killed), _bounds(e.injured)
        writer.writerow(
            clean(cell)
            for cell in (
                e.id,
                e.start.iso(),
                e.end.iso() if e.end else "",
                e.start.precision.label,
                e.title,
                e.kind,
                "; ".join(e.countries),
                "; ".join(loc.place for loc in e.locations),
                "; ".join(e.actors),
                "; ".join(e.targets),
                *killed,
                *injured,
                "; ".join(e.causes),
                "; ".join(store.effects_of(e.id)),
                "; ".join(e.tags),
                _sources(e),
                e.summary.strip(),
            )
        )
    return buffer.getvalue()
