"""The JSON contract: how events, actors and stores look as plain data.

Every command that speaks JSON uses these shapes; the store reader accepts
them back, so an export is a valid store.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from timeline.model import SCHEMA_VERSION, Actor, Count, Event, Store


def count_to_dict(count: Count | None) -> dict[str, Any] | None:
    """{"min", "max"} (an open bound is null), with "breakdown" when there is one."""
    if count is None:
        return None
    shaped: dict[str, Any] = {"min": count.min, "max": count.max}
    if count.breakdown:
        shaped["breakdown"] = dict(count.breakdown)
    return shaped


def event_to_dict(event: Event, store: Store) -> dict[str, Any]:
    """An event as the JSON contract's event object, effects included."""
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "start": event.start.iso(),
        "end": event.end.iso() if event.end is not None else None,
        "precision": event.start.precision.label,
        "locations": [
            {
                "place": loc.place,
                "region": loc.region,
                "country": loc.country,
                "lat": loc.lat,
                "lon": loc.lon,
            }
            for loc in event.locations
        ],
        "actors": list(event.actors),
        "targets": list(event.targets),
        "casualties": {
            "killed": count_to_dict(event.killed),
            "injured": count_to_dict(event.injured),
        },
        "causes": list(event.causes),
        "effects": list(store.effects_of(event.id)),
        "tags": list(event.tags),
        "sources": [{"title": s.title, "url": s.url, "note": s.note} for s in event.sources],
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
