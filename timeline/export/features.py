"""Map features: one point per event location with coordinates, and the
properties a map shows. GeoJSON and KML are both written from these."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from timeline.model import Count, Event, Location, Store


class Feature(NamedTuple):
    """One event at one of its places."""

    event: Event
    location: Location
    lon: float
    lat: float
    number: int  # 1, 2, ... among the event's mapped places


def features(events: Sequence[Event]) -> list[Feature]:
    """The mapped places of the events, in event order."""
    found: list[Feature] = []
    for event in events:
        number = 0
        for location in event.locations:
            if location.lat is not None and location.lon is not None:
                number += 1
                found.append(Feature(event, location, location.lon, location.lat, number))
    return found


def unplaced(events: Sequence[Event]) -> list[str]:
    """Ids of the events no map can show: none of their places has coordinates."""
    return [
        e.id for e in events if not any(loc.lat is not None and loc.lon is not None for loc in e.locations)
    ]


def _bounds(count: Count | None) -> tuple[int | None, int | None]:
    if count is None:
        return (None, None)
    return (count.min, count.max)


def first_url(event: Event) -> str | None:
    """The event's first source address, if any source has one."""
    return next((s.url for s in event.sources if s.url), None)


def properties(store: Store, feature: Feature) -> dict[str, object]:
    """What a map shows of a feature: the event's id, title, kind, dates at
    their precision, casualty ranges (an open end is null), actors and url."""
    event = feature.event
    killed_low, killed_high = _bounds(event.killed)
    injured_low, injured_high = _bounds(event.injured)
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "start": event.start.iso(),
        "end": event.end.iso() if event.end else None,
        "precision": event.start.precision.label,
        "place": feature.location.place,
        "country": feature.location.country,
        "killed_low": killed_low,
        "killed_high": killed_high,
        "injured_low": injured_low,
        "injured_high": injured_high,
        "actors": [store.actor_name(a) for a in event.actors],
        "targets": [store.actor_name(a) for a in event.targets],
        "url": first_url(event),
    }
