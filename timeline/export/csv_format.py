"""CSV: one row per event, flat columns, lists joined with "; ".

`start` and `end` keep the store's precision ("2019-12", "2019-12-29T19:00+03:00"),
which a spreadsheet reads as a mix of dates, numbers and text; `start_sort` and
`end_sort` are plain ISO days that sort as text and parse as dates: the first
day of the start's period, and the last day of the end's (of the start's when
there is no end), so that sorting by either orders spans as they cover time.
`lat`/`lon` are the first located place's. A summary is one line (its
paragraphs joined by a space), so a row is one line of the file.

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
from datetime import timedelta

from timeline.model import Count, Event, Store
from timeline.text import clean, one_line

COLUMNS = (
    "id",
    "start",
    "end",
    "start_sort",
    "end_sort",
    "precision",
    "title",
    "kind",
    "countries",
    "places",
    "lat",
    "lon",
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


def _first_day(event: Event) -> str:
    return event.period_start.date().isoformat()


def _last_day(event: Event) -> str:
    # period_end is exclusive: the first instant after the period.
    return (event.period_end - timedelta(microseconds=1)).date().isoformat()


def _coordinates(event: Event) -> tuple[str, str]:
    for loc in event.locations:
        if loc.lat is not None and loc.lon is not None:
            return f"{loc.lat:g}", f"{loc.lon:g}"
    return "", ""


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
                _first_day(e),
                _last_day(e),
                e.start.precision.label,
                e.title,
                e.kind,
                "; ".join(e.countries),
                "; ".join(loc.place for loc in e.locations),
                *_coordinates(e),
                "; ".join(e.actors),
                "; ".join(e.targets),
                *killed,
                *injured,
                "; ".join(e.causes),
                "; ".join(store.effects_of(e.id)),
                "; ".join(e.tags),
                _sources(e),
                one_line(e.summary.strip()),
            )
        )
    return buffer.getvalue()
