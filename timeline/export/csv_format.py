"""CSV: one row per event, flat columns, lists joined with "; ".

Written with the csv module's full quoting rules so that commas, quotes and
newlines in summaries open cleanly in a spreadsheet; control characters
(an ESC, say) are replaced so they never reach a terminal. A cell that starts
with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single
quote (the OWASP rule against CSV injection), so a spreadsheet shows the text
instead of running it as a formula.
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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A cell's text: cleaned, and neutralised if a spreadsheet would read it as a formula."""
    return "'" + clean(text) if text.startswith(_FORMULA_START) else clean(text)


def render(store: Store, events: Sequence[Event]) -> str:
    """A header row, then a row per event."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in events:
        killed, injured = _bounds(e.killed), _bounds(e.injured)
        writer.writerow(
            cell(text)
            for text in (
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
