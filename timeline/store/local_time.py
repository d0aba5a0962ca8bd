"""Minute times moved onto the local clock of where an event happened.

Sources give clock times in their own zone (the Pentagon in EST); the store
keeps what they reported, and the reader moves the time onto the clock of the
event's place, whose IANA zone comes from its `zone`, its first location's
`zone`, or that location's country. Runs only while parsing: a cached store
has its local times already, and never imports zoneinfo.
"""

from __future__ import annotations

from datetime import tzinfo

from timeline.dates.zones import in_zone
from timeline.model import Event

#: The zone each country keeps its clocks in. Countries spanning several zones
#: (the United States) have none: give their places a `zone`.
COUNTRY_ZONES: dict[str, str] = {
    "Iraq": "Asia/Baghdad",
    "Syria": "Asia/Damascus",
    "Jordan": "Asia/Amman",
    "Iran": "Asia/Tehran",
    "Israel": "Asia/Jerusalem",
    "Palestine": "Asia/Gaza",
    "Lebanon": "Asia/Beirut",
    "Kuwait": "Asia/Kuwait",
    "Saudi Arabia": "Asia/Riyadh",
    "Qatar": "Asia/Qatar",
    "Bahrain": "Asia/Bahrain",
    "United Arab Emirates": "Asia/Dubai",
    "Oman": "Asia/Muscat",
    "Yemen": "Asia/Aden",
    "Turkey": "Europe/Istanbul",
    "Afghanistan": "Asia/Kabul",
    "United Kingdom": "Europe/London",
    "Russia": "Europe/Moscow",
    "Ukraine": "Europe/Kyiv",
}


def event_zone(event: Event) -> str | None:
    """The IANA zone of the event's place: its own `zone`, else its first
    location's, else that location's country's."""
    if event.zone is not None:
        return event.zone
    if not event.locations:
        return None
    first = event.locations[0]
    return first.zone or COUNTRY_ZONES.get(first.country)


def on_local_clock(event: Event) -> Event:
    """The event with its minute times on its place's clock, the reported
    start kept when that clock differs (an event with no known zone keeps the
    clock its source used).

    Raises:
        ValueError: the zone is not one this machine's zone database knows.
    """
    name = event_zone(event)
    if name is None:
        return event
    zone = zone_info(name)
    start = in_zone(event.start, zone)
    end = in_zone(event.end, zone) if event.end is not None else None
    reported = event.reported_start
    if reported is None and start != event.start:
        reported = event.start
    return event._replace(start=start, end=end, zone=name, reported_start=reported)


def zone_info(name: str) -> tzinfo:
    """The IANA zone of that name.

    Raises:
        ValueError: no such zone (a path, or a name the zone database lacks).
    """
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    # Not found is a KeyError; a path or an empty name, a ValueError; an
    # unreadable or corrupt zone file, an OSError.
    except (KeyError, ValueError, OSError):
        raise ValueError(f"{name!r} is not an IANA time zone (e.g. Asia/Baghdad)") from None
