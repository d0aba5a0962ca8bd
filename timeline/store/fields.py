"""The store's fields: which keys each table may have, and the converters that
turn a parsed value into a model value, or raise with a message fit for the user.

The reader (`timeline.store.read`) runs them; `add` uses two of them to check
what a user types.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

from timeline.hints import did_you_mean
from timeline.model import ACTOR_KINDS, Count, Location, Source
from timeline.palette import EVENT_KINDS
from timeline.text import reflow

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
_COUNT_TEXT = re.compile(r"\s*(\d+)\s*(?:(\+)|[-\u2013]\s*(\d+))?\s*")

EVENT_KEYS = frozenset(
    {
        "id",
        "title",
        "kind",
        "start",
        "end",
        "locations",
        "actors",
        "targets",
        "killed",
        "injured",
        "killed_breakdown",
        "injured_breakdown",
        "causes",
        "tags",
        "summary",
        "sources",
        "part_of",
        "places",
        "zone",
        "reported_start",
    }
)
#: Keys a JSON export adds that are derived, and so ignored when it is read back.
ACTOR_KEYS = frozenset({"id", "name", "kind", "aliases", "backers"})
LOCATION_KEYS = frozenset({"place", "region", "country", "lat", "lon", "zone"})
SOURCE_KEYS = frozenset({"title", "url", "note", "id"})
_PLAIN_SOURCE_KEYS = SOURCE_KEYS - {"id"}
COUNT_KEYS = frozenset({"min", "max", "breakdown"})

T = TypeVar("T")


class Invalid(Exception):
    """One field's value is wrong; the reader turns it into a Problem."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


REQUIRED = {
    "event": frozenset({"id", "title", "kind", "start"}),
    "outside": frozenset({"id", "title", "kind", "start"}),
    "actor": frozenset({"id", "name", "kind"}),
    "location": frozenset({"place", "country"}),
    "source": frozenset({"title"}),
}


def hint(key: str, known: frozenset[str] = frozenset()) -> str:
    """ " (did you mean 'x'?)" for an unknown key close to a known one."""
    return did_you_mean(key, sorted(known), n=1, cutoff=0.6, quoted=True)


def text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    if not value.strip():
        raise ValueError("is empty")
    return value


def paragraphs(value: object) -> str:
    """A summary: lines within a paragraph joined, paragraphs kept apart by a
    blank line, so that hard-wrapped TOML text never reaches JSON or CSV
    mid-sentence."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    return reflow(value)


_is_id = ID_PATTERN.fullmatch
# Ids cannot hold a newline, so a list joined with newlines is checked in one go
# (as long as the joined text has no newline of its own).
_are_ids = re.compile(r"[a-z0-9][a-z0-9._-]*(?:\n[a-z0-9][a-z0-9._-]*)*").fullmatch


def parse_identifier(value: object) -> str:
    if type(value) is not str or not _is_id(value):
        raise ValueError(
            f"{value!r} is not an id (lower-case letters, digits, '.', '_' and '-', "
            "starting with a letter or digit)"
        )
    return value


def _list_of(convert: Callable[[object], T]) -> Callable[[object], tuple[T, ...]]:
    def converted(value: object) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise ValueError(f"{value!r} is not a list")
        items = []
        for position, item in enumerate(value):
            try:
                items.append(convert(item))
            except ValueError as exc:
                raise Invalid(str(exc), str(position)) from None
        return tuple(items)

    return converted


_each_identifier = _list_of(parse_identifier)
texts = _list_of(text)


def plain_identifiers(value: object) -> tuple[str, ...] | None:
    """A list of valid ids, checked in one regex, or None when the value is
    anything else."""
    if type(value) is not list:
        return None
    try:
        joined = "\n".join(value)  # refuses a list holding anything but strings
    except TypeError:
        return None
    # An id holding a newline would read as two: the count of newlines tells.
    if joined.count("\n") != len(value) - 1 or not _are_ids(joined):
        return None
    return tuple(value)


def identifiers(value: object) -> tuple[str, ...]:
    """A list of ids; the usual valid case in one regex, errors item by item."""
    found = plain_identifiers(value)
    if found is not None:
        return found
    if value == []:
        return ()
    return _each_identifier(value)


def event_kind(value: object) -> str:
    if value not in EVENT_KINDS:
        raise ValueError(f"{value!r} is not a kind; use one of: {', '.join(EVENT_KINDS)}")
    return str(value)


def actor_kind(value: object) -> str:
    if value not in ACTOR_KINDS:
        raise ValueError(f"{value!r} is not an actor kind; use one of: {', '.join(ACTOR_KINDS)}")
    return str(value)


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{value!r} is not a whole number of people")
    return value


def parse_count(value: object) -> Count:
    """25, "25", "55+", "19-25", "?", or {min = 55, max = 60} as a Count."""
    if isinstance(value, int) and not isinstance(value, bool):
        n = _whole(value)
        return Count(n, n)
    if isinstance(value, str):
        if value.strip() == "?":
            return Count(None, None)
        match = _COUNT_TEXT.fullmatch(value)
        if match is None:
            raise ValueError(
                f'{value!r} is not a count (write 25, "25+" for at least 25, '
                '"19-25" for a range, or "?" for unknown)'
            )
        low = int(match[1])
        if match[2]:
            return Count(low, None)
        high = int(match[3]) if match[3] else low
        if high < low:
            raise ValueError(f"{value!r}: the range runs backwards")
        return Count(low, high)
    if isinstance(value, dict):
        for key in value:
            if key not in COUNT_KEYS:
                raise Invalid(f"unknown key{hint(key, COUNT_KEYS)}", key)
        least = None if value.get("min") is None else _whole(value["min"])
        most = None if value.get("max") is None else _whole(value["max"])
        if least is None and most is not None:
            least = 0
        if least is not None and most is not None and most < least:
            raise ValueError(f"max {most} is below min {least}")
        parts = parse_breakdown(value["breakdown"]) if value.get("breakdown") is not None else ()
        return Count(least, most, parts)
    raise ValueError(f"{value!r} is not a count")


def parse_breakdown(value: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{value!r} is not a table of parts, e.g. {{ Iraq = 19, Syria = 6 }}")
    parts = []
    for label, n in value.items():
        try:
            parts.append((label, _whole(n)))
        except ValueError as exc:
            raise Invalid(str(exc), label) from None
    return tuple(parts)


def coordinate(value: object, limit: float, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise Invalid(f"{value!r} is not a number", name)
    if not -limit <= value <= limit:
        raise Invalid(f"{value} is outside -{limit:g}..{limit:g}", name)
    return float(value)


def _table(value: object, known: frozenset[str], kind: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{value!r} is not a table")
    if not value.keys() <= known:
        for key in value:
            if key not in known:
                raise Invalid(f"unknown key{hint(key, known)}", key)
    for key in REQUIRED[kind]:
        if key not in value:
            raise Invalid("is missing", key)
    for key, item in value.items():
        if key not in ("lat", "lon") and not isinstance(item, str):
            raise Invalid(f"{item!r} is not a string", key)
    return value


def _location(value: object) -> Location:
    # Stores name the same places again and again, so a table of the same
    # keys and values as one read before is read once. A bool lat or lon
    # would equal 1 or 0 and be taken for it: such a table, and one holding
    # a list or table (unhashable), take the checking path, which refuses it.
    if type(value) is dict and type(value.get("lat")) is not bool and type(value.get("lon")) is not bool:
        try:
            return _known_location(tuple(value.items()))
        except TypeError:
            pass
    return _checked_location(value)


@functools.lru_cache(maxsize=4096)
def _known_location(items: tuple[tuple[str, object], ...]) -> Location:
    return _checked_location(dict(items))


def _checked_location(value: object) -> Location:
    table = _table(value, LOCATION_KEYS, "location")
    lat, lon = coordinates(table)
    # A JSON export writes each location's zone (from its [[place]]), so an
    # inline location takes one too, checked as a place's is.
    zone = table.get("zone")
    if zone is not None:
        _checked(parse_zone, zone, "zone")
    return Location(
        place=table["place"],
        country=table["country"],
        region=table.get("region"),
        lat=lat,
        lon=lon,
        zone=zone,
    )


def _checked(convert: Callable[[object], object], value: object, key: str) -> None:
    """Raise Invalid at `key` when `convert` refuses the value."""
    try:
        convert(value)
    except ValueError as exc:
        raise Invalid(str(exc), key) from None


def parse_zone(value: object) -> str:
    """An IANA zone name that this machine's zone database knows."""
    from timeline.store.local_time import zone_info

    name = text(value)
    zone_info(name)
    return name


def coordinates(table: dict[str, Any]) -> tuple[float | None, float | None]:
    """A table's `lat` and `lon`: both, or neither."""
    lat, lon = table.get("lat"), table.get("lon")
    if (lat is None) != (lon is None):
        raise Invalid("give both lat and lon, or neither", "lat" if lat is None else "lon")
    if lat is None:
        return None, None
    return coordinate(lat, 90, "lat"), coordinate(lon, 180, "lon")


def _source(value: object) -> Source:
    if isinstance(value, str):
        return Source(text(value))
    # The usual source (a title, a URL, perhaps a note) is known good at a
    # glance; anything else is read field by field, to say what is wrong.
    if type(value) is dict and value.keys() <= _PLAIN_SOURCE_KEYS:
        title = value.get("title")
        # Absent is fine; present must be text (a JSON null is not).
        texts = type(value.get("url", "")) is str and type(value.get("note", "")) is str
        if type(title) is str and title.strip() and texts:
            return Source(title, value.get("url"), value.get("note"))
    return _checked_source(value)


def _checked_source(value: object) -> Source:
    table = _table(value, SOURCE_KEYS, "source")
    source_id = table.get("id")
    if source_id is not None:
        _checked(parse_identifier, source_id, "id")
    return Source(text(table["title"]), table.get("url"), table.get("note"), source_id)


def nested_list(convert: Callable[[object], T]) -> Callable[[object], tuple[T, ...]]:
    def converted(value: object) -> tuple[T, ...]:
        if type(value) is list:
            try:
                return tuple([convert(item) for item in value])
            except (Invalid, ValueError):
                pass  # read again below, item by item, to say which one is wrong
        if not isinstance(value, list):
            raise ValueError(f"{value!r} is not a list of tables")
        items = []
        for position, item in enumerate(value):
            try:
                items.append(convert(item))
            except Invalid as exc:
                raise Invalid(str(exc), f"{position}.{exc.field}") from None
            except ValueError as exc:
                raise Invalid(str(exc), str(position)) from None
        return tuple(items)

    return converted


parse_locations = nested_list(_location)
parse_sources = nested_list(_source)
