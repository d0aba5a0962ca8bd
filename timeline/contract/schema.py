"""The JSON Schema (draft 2020-12) of the JSON contract."""

from __future__ import annotations

from typing import Any

from timeline.model import ACTOR_KINDS, SCHEMA_VERSION
from timeline.palette import EVENT_KINDS

_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$"}
_DATE = {
    "type": "string",
    "pattern": r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}[+-]\d{2}:\d{2})?)?)?$",
    "description": "ISO 8601 cut to the event's precision",
}
_BOUND = {"type": ["integer", "null"], "minimum": 0}
_COUNT = {
    "type": ["object", "null"],
    "required": ["min", "max"],
    "additionalProperties": False,
    "properties": {
        "min": _BOUND,
        "max": {**_BOUND, "description": "null for an open 'at least' figure"},
        "breakdown": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
    },
}
_NULLABLE_TEXT = {"type": ["string", "null"]}

EVENT: dict[str, Any] = {
    "type": "object",
    "required": [
        "id", "title", "kind", "start", "end", "precision", "locations", "actors", "targets",
        "casualties", "causes", "effects", "tags", "sources", "summary",
    ],
    "additionalProperties": False,
    "properties": {
        "id": _ID,
        "title": {"type": "string", "minLength": 1},
        "kind": {"enum": list(EVENT_KINDS)},
        "start": _DATE,
        "end": {"anyOf": [_DATE, {"type": "null"}]},
        "precision": {"enum": ["year", "month", "day", "minute"]},
        "locations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["place", "region", "country", "lat", "lon"],
                "additionalProperties": False,
                "properties": {
                    "place": {"type": "string"},
                    "region": _NULLABLE_TEXT,
                    "country": {"type": "string"},
                    "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
                    "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
                },
            },
        },
        "actors": {"type": "array", "items": _ID},
        "targets": {"type": "array", "items": _ID},
        "casualties": {
            "type": "object",
            "required": ["killed", "injured"],
            "additionalProperties": False,
            "properties": {"killed": _COUNT, "injured": _COUNT},
        },
        "causes": {"type": "array", "items": _ID},
        "effects": {"type": "array", "items": _ID},
        "tags": {"type": "array", "items": {"type": "string"}},
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "url", "note"],
                "additionalProperties": False,
                "properties": {"title": {"type": "string"}, "url": _NULLABLE_TEXT, "note": _NULLABLE_TEXT},
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

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://timeline.invalid/schema/store-v1.json",
    "title": "timeline store, JSON contract version 1",
    "type": "object",
    "required": ["version", "events", "actors"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": SCHEMA_VERSION},
        "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
        "actors": {"type": "array", "items": {"$ref": "#/$defs/actor"}},
    },
    "$defs": {"event": EVENT, "actor": ACTOR},
}
