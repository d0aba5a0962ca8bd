"""TimelineJS3: a JSON file that Knight Lab's TimelineJS loads as it is.

Dates are cut to each event's precision; an end is the end of its period
(a span "Oct 2019 – Dec 2019" runs to 31 December 23:59, past its own K-1
attack, not to 1 December); minute times are shown on the place's clock,
"29 Dec 2019 19:00 +03 (Baghdad)". Store text is data: it is HTML-escaped
everywhere TimelineJS reads HTML, and only http(s) source URLs become links.
Campaigns, and events with parts among those exported, are also eras.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from timeline.dates.format import local_date, local_span
from timeline.model import Event, FuzzyDate, Precision, Source, Store
from timeline.text import one_line

#: What slides are grouped by; `export --group-by` chooses.
GROUPINGS = ("kind", "country")


def date_object(value: FuzzyDate, zone: str | None = None) -> dict[str, Any]:
    """A TimelineJS date cut to the precision, with the date as we show it
    (a minute on the clock of `zone`, the event's place)."""
    shown: dict[str, Any] = {"year": value.year}
    if value.precision >= Precision.MONTH:
        shown["month"] = value.month
    if value.precision >= Precision.DAY:
        shown["day"] = value.day
    if value.precision is Precision.MINUTE:
        shown["hour"] = value.hour
        shown["minute"] = value.minute
    shown["display_date"] = local_date(value, zone)
    return shown


def end_object(value: FuzzyDate, zone: str | None = None) -> dict[str, Any]:
    """A TimelineJS end date: the last minute of the period, so that a span
    known to the month or year is drawn to the end of it, not its start."""
    if value.precision is Precision.MINUTE:
        return date_object(value, zone)
    last = value.end - timedelta(minutes=1) if value.end != datetime.max else value.end
    return {
        "year": last.year,
        "month": last.month,
        "day": last.day,
        "hour": last.hour,
        "minute": last.minute,
        "display_date": local_date(value, zone),
    }


def _escaped(text: str) -> str:
    return html.escape(one_line(text.strip()))


def _source(source: Source) -> str:
    """A source's title, linked when its URL is http(s); anything else
    (javascript:, data:, ...) is shown as text, never linked."""
    from timeline.export.addresses import web_address

    title = _escaped(source.title)
    if not source.url:
        return title
    address = web_address(source.url)
    if address is None:
        return f"{title} ({_escaped(source.url.strip())})"
    return f'<a href="{html.escape(address, quote=True)}" target="_blank" rel="noopener">{title}</a>'


def _text(event: Event, store: Store) -> str:
    summary = event.summary.strip()
    parts = [f"<p>{_escaped(paragraph)}</p>" for paragraph in summary.split("\n\n") if paragraph.strip()]
    figures = []
    if event.killed is not None:
        figures.append(f"killed {event.killed}")
    if event.injured is not None:
        figures.append(f"injured {event.injured}")
    if figures:
        parts.append(f"<p>{html.escape(', '.join(figures))}</p>")
    if event.causes:
        causes = "; ".join(_title(store, c) for c in event.causes)
        parts.append(f"<p>Caused by: {_escaped(causes)}</p>")
    if event.sources:
        parts.append(f"<p>Sources: {'; '.join(_source(s) for s in event.sources)}</p>")
    return "".join(parts)


def _title(store: Store, ident: str) -> str:
    """An event's title, held or outside the store (a slice)."""
    other = store.known(ident)
    return other.title if other is not None else ident


def _is_era(event: Event, store: Store) -> bool:
    return event.kind == "campaign" or bool(store.parts_of(event.id))


def _era(event: Event) -> dict[str, Any]:
    """An era spans the whole period of a campaign or an operation."""
    return {
        "start_date": date_object(event.start, event.zone),
        "end_date": end_object(event.end or event.start, event.zone),
        "text": {"headline": _escaped(event.title)},
    }


def render(store: Store, events: Sequence[Event], group_by: str = "kind") -> str:
    """{"title": {...}, "events": [slide, ...], "eras": [...]}, slides grouped by
    kind or country; "eras" only when a campaign or a whole is exported."""
    slides = []
    for event in events:
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": date_object(event.start, event.zone),
            "text": {"headline": _escaped(event.title), "text": _text(event, store)},
            "group": event.kind if group_by == "kind" else "; ".join(event.countries) or "unknown",
            "display_date": local_span(event.start, event.end, event.zone),
        }
        if event.end is not None:
            slide["end_date"] = end_object(event.end, event.zone)
        slides.append(slide)
    document: dict[str, Any] = {
        "title": {
            "text": {
                "headline": "US and Iran-backed militias in Iraq and Syria",
                "text": f"<p>{len(slides)} events, from the timeline store.</p>",
            }
        },
        "events": slides,
    }
    eras = [_era(e) for e in events if _is_era(e, store)]
    if eras:
        document["eras"] = eras
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
