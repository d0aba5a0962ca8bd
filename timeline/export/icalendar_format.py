"""iCalendar (RFC 5545): a VEVENT per event, at the event's precision.

A day, month or year is an all-day event (VALUE=DATE) whose DTEND is the day
after the period's last day, as RFC 5545 wants an exclusive end: "Dec 2019"
runs from 1 Dec to 1 Jan. An event given to the minute, at both ends, is
timed in UTC; a span that mixes a minute with a coarser bound is all-day on
the local dates. A minute with no end (a strike at 11:00) is drawn as the hour
from it (DTEND one hour on, and DESCRIPTION says its end is not known): RFC
5545 allows DTSTART alone, but that is an event of no length, which calendar
apps draw as a sliver or not at all, and an hour is the slot they give a new
event. DTSTAMP, which RFC 5545 requires, is not the time of the
export but midnight UTC of the latest day the store's events start, so the
same store always gives the same file. The `icalendar` package is imported
here only, when this format is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from timeline.dates.zones import aware
from timeline.export.addresses import web_address
from timeline.export.features import first_url
from timeline.model import Event, FuzzyDate, Precision, Store
from timeline.text import clean, places

PRODID = "-//timeline//timeline export//EN"

#: How long a minute-precision event with no end is drawn (see the module's docstring).
INSTANT = timedelta(hours=1)
INSTANT_NOTE = "Drawn as one hour from the time it began: its end is not known."


def uid(event: Event) -> str:
    """The event's UID: its id, the same in every export."""
    return f"{event.id}@timeline"


def stamp(store: Store) -> datetime:
    """A DTSTAMP that the store, not the clock, decides."""
    # By sort key: FuzzyDate's own order would compare the precision first.
    latest = max((e.start for e in store.events), key=_start_key, default=FuzzyDate(Precision.YEAR, 1970))
    return datetime(latest.year, latest.month, latest.day, tzinfo=UTC)


def _start_key(value: FuzzyDate) -> tuple[int, int, int, int, int, int]:
    return value.sort_key


def when(event: Event) -> tuple[date | datetime, date | datetime]:
    """DTSTART and DTEND (exclusive): both dates, or both UTC times."""
    last = event.end or event.start
    if event.start.precision is Precision.MINUTE and last.precision is Precision.MINUTE:
        end = aware(last).astimezone(UTC)
        if event.end is None:
            end += INSTANT
        return (aware(event.start).astimezone(UTC), end)
    return (event.period_start.date(), event.period_end.date())


def description(event: Event) -> str:
    """The summary, then a line per source with its address."""
    lines = [event.summary.strip()] if event.summary.strip() else []
    if event.end is None and event.start.precision is Precision.MINUTE:
        lines.append(INSTANT_NOTE)
    lines += ["Sources:"] if event.sources else []
    lines += [f"- {s.title}" + (f" <{s.url}>" if s.url else "") for s in event.sources]
    return clean("\n".join(lines))


def render(store: Store, events: Sequence[Event]) -> str:
    """A VCALENDAR of the events' VEVENTs, with CRLF line ends."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Timeline")
    dtstamp = stamp(store)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", uid(event))
        entry.add("dtstamp", dtstamp)
        start, end = when(event)
        entry.add("dtstart", start)
        entry.add("dtend", end)
        entry.add("summary", clean(event.title))
        entry.add("description", description(event))
        entry.add("categories", [event.kind])
        if event.locations:
            entry.add("location", places(event))
        mapped = next((loc for loc in event.locations if loc.lat is not None and loc.lon is not None), None)
        if mapped is not None:
            entry.add("geo", (mapped.lat, mapped.lon))
        # A URI property: only a web address, percent-encoded (a line break
        # in one would make the file unwritable); any other stays in DESCRIPTION.
        url = web_address(first_url(event))
        if url:
            entry.add("url", url)
        calendar.add_component(entry)
    text: str = calendar.to_ical().decode("utf-8")
    return text
