"""The JSON Schema (draft 2020-12) of the JSON contract."""

from __future__ import annotations

from typing import Any

from timeline.model import ACTOR_KINDS, LINK_TYPES, SCHEMA_VERSION, STATUSES
from timeline.palette import EVENT_KINDS

_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$"}
_DATE = {
    "type": "string",
    "pattern": r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}[+-]\d{2}:\d{2})?)?)?$",
    "description": "ISO 8601 cut to the event's precision",
}
_BOUND = {"type": ["integer", "null"], "minimum": 0}
_NULLABLE_TEXT = {"type": ["string", "null"]}
_NULLABLE_ID = {"anyOf": [_ID, {"type": "null"}]}
#: What an event is and when: the first fields of an event and of an outside event.
_WHAT_AND_WHEN = {
    "id": _ID,
    "title": {"type": "string", "minLength": 1},
    "kind": {"enum": list(EVENT_KINDS)},
    "start": _DATE,
    "end": {"anyOf": [_DATE, {"type": "null"}]},
}
_REPORT = {
    "type": "object",
    "required": ["min", "max", "by", "source", "note"],
    "additionalProperties": False,
    "properties": {
        "min": _BOUND,
        "max": _BOUND,
        "by": {**_NULLABLE_ID, "description": "the actor that gave the figure"},
        "source": {**_NULLABLE_ID, "description": "the id of the event's source that reported it"},
        "note": _NULLABLE_TEXT,
    },
}
_COUNT = {
    "type": ["object", "null"],
    "required": ["min", "max"],
    "additionalProperties": False,
    "properties": {
        "min": _BOUND,
        "max": {**_BOUND, "description": "null for an open 'at least' figure"},
        "breakdown": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        "reports": {
            "type": "array",
            "items": _REPORT,
            "description": "each source's figure; min..max is their envelope",
        },
    },
}
_ACCOUNT = {
    "type": "object",
    "required": ["id", "status", "by", "source"],
    "additionalProperties": False,
    "properties": {
        "id": _ID,
        "status": {"enum": list(STATUSES)},
        "by": {**_NULLABLE_ID, "description": "who attributed it, for status 'attributed'"},
        "source": _NULLABLE_ID,
    },
}
_CAUSE = {
    "type": "object",
    "required": ["id", "type", "by", "source"],
    "additionalProperties": False,
    "properties": {
        "id": _ID,
        "type": {"enum": list(LINK_TYPES)},
        "by": {**_NULLABLE_ID, "description": "the actor that states the link"},
        "source": _NULLABLE_ID,
    },
}

EVENT: dict[str, Any] = {
    "type": "object",
    "required": [
        "id", "title", "kind", "start", "end", "precision", "zone", "reported_start", "locations",
        "actors", "targets", "casualties", "causes", "effects", "part_of", "parts", "tags", "sources",
        "summary",
    ],
    "additionalProperties": False,
    "properties": {
        **_WHAT_AND_WHEN,
        "precision": {"enum": ["year", "month", "day", "minute"]},
        "zone": {**_NULLABLE_TEXT, "description": "IANA zone of the place's clock: start and end are on it"},
        "reported_start": {
            "anyOf": [_DATE, {"type": "null"}],
            "description": "the start as its source reported it, when on another clock",
        },
        "locations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["place", "region", "country", "lat", "lon", "zone"],
                "additionalProperties": False,
                "properties": {
                    "place": {"type": "string"},
                    "region": _NULLABLE_TEXT,
                    "country": {"type": "string"},
                    "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
                    "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
                    "zone": _NULLABLE_TEXT,
                },
            },
        },
        "actors": {"type": "array", "items": _ACCOUNT, "description": "one object per account"},
        "targets": {"type": "array", "items": _ACCOUNT},
        "casualties": {
            "type": "object",
            "required": ["killed", "injured"],
            "additionalProperties": False,
            "properties": {"killed": _COUNT, "injured": _COUNT},
        },
        "causes": {"type": "array", "items": _CAUSE},
        "effects": {"type": "array", "items": _ID},
        "part_of": {"type": "array", "items": _ID},
        "parts": {"type": "array", "items": _ID},
        "tags": {"type": "array", "items": {"type": "string"}},
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title", "url", "note"],
                "additionalProperties": False,
                "properties": {
                    "id": _NULLABLE_ID,
                    "title": {"type": "string"},
                    "url": _NULLABLE_TEXT,
                    "note": _NULLABLE_TEXT,
                },
            },
        },
        "summary": {"type": "string"},
    },
}  # fmt: skip

ACTOR: dict[str, Any] = {
    "type": "object",
    "required": ["id", "name", "kind", "aliases", "backers"],
    "additionalProperties": False,
    "properties": {
        "id": _ID,
        "name": {"type": "string"},
        "kind": {"enum": list(ACTOR_KINDS)},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "backers": {"type": "array", "items": _ID},
    },
}

OUTSIDE: dict[str, Any] = {
    "type": "object",
    "description": "an event a slice's links name but the slice does not hold: only its links into the slice",
    "required": ["id", "title", "kind", "start", "end", "causes", "part_of"],
    "additionalProperties": False,
    "properties": {
        **_WHAT_AND_WHEN,
        "causes": {
            "type": "array",
            "description": "its causes among the slice's events",
            "items": {
                "type": "object",
                "required": ["id", "type", "by"],
                "additionalProperties": False,
                "properties": {"id": _ID, "type": {"enum": list(LINK_TYPES)}, "by": _NULLABLE_ID},
            },
        },
        "part_of": {"type": "array", "items": _ID, "description": "its wholes among the slice's events"},
    },
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://timeline.invalid/schema/store-v2.json",
    "title": f"timeline store, JSON contract version {SCHEMA_VERSION}",
    "type": "object",
    "required": ["version", "events", "actors"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": SCHEMA_VERSION},
        "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
        "actors": {"type": "array", "items": {"$ref": "#/$defs/actor"}},
        "outside": {
            "type": "array",
            "items": {"$ref": "#/$defs/outside"},
            "description": "a slice (a filtered export) only: the events its links lead to that it lacks",
        },
    },
    "$defs": {"event": EVENT, "actor": ACTOR, "outside": OUTSIDE},
}
