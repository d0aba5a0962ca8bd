"""The JSON contract: how events, actors and stores look as plain data.

Every command that speaks JSON uses these shapes; the store reader accepts
them back, so an export is a valid store.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from timeline.model import (
    SCHEMA_VERSION,
    Actor,
    Count,
    Event,
    FuzzyDate,
    Location,
    Precision,
    Source,
    Store,
)


def count_to_dict(count: Count | None) -> dict[str, Any] | None:
    """{"min", "max"} (an open bound is null), with "breakdown" when there is one."""
    if count is None:
        return None
    shaped: dict[str, Any] = {"min": count.min, "max": count.max}
    if count.breakdown:
        shaped["breakdown"] = dict(count.breakdown)
    return shaped


# Stores share equal values across events (the same source cited a thousand
# times), so their JSON shapes are built once per value. Callers never mutate
# what these return.
@lru_cache(maxsize=65536)
def _count(count: Count | None) -> dict[str, Any] | None:
    return count_to_dict(count)


@lru_cache(maxsize=65536)
def _locations(locations: tuple[Location, ...]) -> list[dict[str, Any]]:
    return [
        {"place": loc.place, "region": loc.region, "country": loc.country, "lat": loc.lat, "lon": loc.lon}
        for loc in locations
    ]


@lru_cache(maxsize=65536)
def _sources(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [{"title": s.title, "url": s.url, "note": s.note} for s in sources]


@lru_cache(maxsize=65536)
def _iso(value: FuzzyDate) -> str:
    return value.iso()


_PRECISION_LABELS = {p: p.label for p in Precision}


def event_to_dict(event: Event, store: Store) -> dict[str, Any]:
    """An event as the JSON contract's event object, effects included.

    Tuples are left as they are: JSON writes them as arrays.
    """
    start, end = event.start, event.end
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "start": _iso(start),
        "end": _iso(end) if end is not None else None,
        "precision": _PRECISION_LABELS[start.precision],
        "locations": _locations(event.locations),
        "actors": event.actors,
        "targets": event.targets,
        "casualties": {"killed": _count(event.killed), "injured": _count(event.injured)},
        "causes": event.causes,
        "effects": store.effects.get(event.id, ()),
        "tags": event.tags,
        "sources": _sources(event.sources),
        "summary": event.summary,
    }


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    """An actor as the JSON contract's actor object."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "backers": list(actor.backers),
    }


def store_to_dict(store: Store, events: Iterable[Event] | None = None) -> dict[str, Any]:
    """The whole contract: version, the (selected) events, and every actor."""
    chosen = store.events if events is None else events
    return {
        "version": SCHEMA_VERSION,
        "events": [event_to_dict(e, store) for e in chosen],
        "actors": [actor_to_dict(a) for a in store.actors],
    }


def dumps(data: object) -> str:
    """JSON text as every command prints it: stable, indented, UTF-8 kept."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
