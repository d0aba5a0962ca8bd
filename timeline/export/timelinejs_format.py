"""TimelineJS3: a JSON file that Knight Lab's TimelineJS loads as it is."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from timeline.dates.format import format_date, format_span
from timeline.model import Event, FuzzyDate, Precision, Store

#: What slides are grouped by; `export --group-by` chooses.
GROUPINGS = ("kind", "country")


def date_object(value: FuzzyDate) -> dict[str, Any]:
    """A TimelineJS date cut to the precision, with the date as we show it."""
    shown: dict[str, Any] = {"year": value.year}
    if value.precision >= Precision.MONTH:
        shown["month"] = value.month
    if value.precision >= Precision.DAY:
        shown["day"] = value.day
    if value.precision is Precision.MINUTE:
        shown["hour"] = value.hour
        shown["minute"] = value.minute
    shown["display_date"] = format_date(value)
    return shown


def _text(event: Event, store: Store) -> str:
    parts = [f"<p>{html.escape(event.summary.strip())}</p>"] if event.summary.strip() else []
    figures = []
    if event.killed is not None:
        figures.append(f"killed {event.killed}")
    if event.injured is not None:
        figures.append(f"injured {event.injured}")
    if figures:
        parts.append(f"<p>{html.escape(', '.join(figures))}</p>")
    if event.causes:
        causes = "; ".join(store.by_id[c].title if c in store.by_id else c for c in event.causes)
        parts.append(f"<p>Caused by: {html.escape(causes)}</p>")
    sources = "; ".join(s.title for s in event.sources)
    parts.append(f"<p>Sources: {html.escape(sources)}</p>")
    return "".join(parts)


def render(store: Store, events: Sequence[Event], group_by: str = "kind") -> str:
    """{"title": {...}, "events": [slide, ...]}, slides grouped by kind or country."""
    slides = []
    for event in events:
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": date_object(event.start),
            "text": {"headline": html.escape(event.title), "text": _text(event, store)},
            "group": event.kind if group_by == "kind" else "; ".join(event.countries) or "unknown",
            "display_date": format_span(event.start, event.end),
        }
        if event.end is not None:
            slide["end_date"] = date_object(event.end)
        slides.append(slide)
    document = {
        "title": {
            "text": {
                "headline": "US and Iran-backed militias in Iraq and Syria",
                "text": f"<p>{len(slides)} events, from the timeline store.</p>",
            }
        },
        "events": slides,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
