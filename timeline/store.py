"""Reading a store file (TOML, or a JSON export) into the typed model.

The reader validates everything and collects every problem before it fails,
so a user fixes a broken file in one pass. It never prints.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

from timeline.dates import from_toml_value
from timeline.errors import DataError, Problem
from timeline.model import (
    ACTOR_KINDS,
    EVENT_KINDS,
    SCHEMA_VERSION,
    Actor,
    Count,
    Event,
    Location,
    Source,
    Store,
)

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
    }
)
#: Keys a JSON export adds that are derived, and so ignored when it is read back.
DERIVED_KEYS = frozenset({"precision", "effects", "casualties"})
ACTOR_KEYS = frozenset({"id", "name", "kind", "aliases", "backers"})
LOCATION_KEYS = frozenset({"place", "region", "country", "lat", "lon"})
SOURCE_KEYS = frozenset({"title", "url", "note"})
COUNT_KEYS = frozenset({"min", "max", "breakdown"})

T = TypeVar("T")


class Invalid(Exception):
    """One field's value is wrong; the reader turns it into a Problem."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class _Reader:
    """Builds the model from parsed data, collecting problems as it goes."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        # Equal immutable values (a source cited a thousand times, the same
        # place, actors, tags, figures) are kept once: less memory, and the
        # store cache pickles and loads each of them once.
        self.shared: dict[object, Any] = {}
        # (table, index, event id, field, message): located later, only if needed.
        self.problems: list[tuple[str, int | None, str | None, str | None, str]] = []

    def fail(self, table: str, index: int | None, ident: str | None, field: str | None, message: str) -> None:
        self.problems.append((table, index, ident, field, message))

    def document(self, data: Mapping[str, Any], json_form: bool) -> Store:
        version_key, event_key, actor_key = (
            ("version", "events", "actors") if json_form else ("schema", "event", "actor")
        )
        for key in data:
            if key not in (version_key, event_key, actor_key):
                self.fail("top", None, None, key, f"unknown top-level key {key!r}{_hint(key)}")
        version = data.get(version_key)
        if version is None:
            self.fail("top", None, None, version_key, f"missing; add `{version_key} = 1`")
        elif version != SCHEMA_VERSION:
            self.fail(
                "top",
                None,
                None,
                version_key,
                f"{version!r} is not a supported version (this program reads {SCHEMA_VERSION})",
            )
        raw_actors = data.get(actor_key, [])
        raw_events = data.get(event_key, [])
        actors: list[Actor] = []
        events: list[Event] = []
        if not isinstance(raw_actors, list):
            self.fail("top", None, None, actor_key, "must be an array of tables")
        else:
            for index, raw in enumerate(raw_actors):
                actor = self.actor(index, raw)
                if actor is not None:
                    actors.append(actor)
        if not isinstance(raw_events, list):
            self.fail("top", None, None, event_key, "must be an array of tables")
        else:
            for index, raw in enumerate(raw_events):
                event = self.event(index, raw, json_form)
                if event is not None:
                    events.append(event)
        return Store(tuple(events), tuple(actors), self.origin)

    def actor(self, index: int, raw: object) -> Actor | None:
        if not isinstance(raw, dict):
            self.fail("actor", index, None, None, "an actor must be a table")
            return None
        ident = raw.get("id") if isinstance(raw.get("id"), str) else None
        before = len(self.problems)

        if not raw.keys() <= ACTOR_KEYS:
            self.unknown_keys("actor", index, ident, raw, ACTOR_KEYS)
        values = self.fields("actor", index, ident, raw, _ACTOR_FIELDS)
        if len(self.problems) > before:
            return None
        return Actor(**values)

    def event(self, index: int, raw: object, json_form: bool) -> Event | None:
        if not isinstance(raw, dict):
            self.fail("event", index, None, None, "an event must be a table")
            return None
        ident = raw.get("id") if isinstance(raw.get("id"), str) else None
        before = len(self.problems)
        if json_form:
            raw = _from_contract(raw)

        if not raw.keys() <= EVENT_KEYS:
            self.unknown_keys("event", index, ident, raw, EVENT_KEYS)
        values = self.fields("event", index, ident, raw, _EVENT_FIELDS)
        for name in ("killed", "injured"):
            if f"{name}_breakdown" in raw:
                values[name] = self.breakdown(index, ident, raw, name, values.get(name))
        if len(self.problems) > before:
            return None
        shared = self.shared
        for name in _SHARED_FIELDS:
            value = values.get(name)
            if value is not None:
                values[name] = shared.setdefault(value, value)
        return Event(**values)

    def fields(
        self,
        table: str,
        index: int,
        ident: str | None,
        raw: Mapping[str, Any],
        spec: tuple[tuple[str, Callable[[object], object]], ...],
    ) -> dict[str, Any]:
        """Convert the fields a table has, recording a problem for each bad or
        missing required one instead of raising.

        A loop over a table rather than a call per field: it runs for every
        event of stores of 100,000, and absent optional fields cost nothing.
        """
        values: dict[str, Any] = {}
        required = _REQUIRED[table]
        for name, convert in spec:
            value = raw.get(name)
            if value is None:
                if name in required:
                    self.fail(table, index, ident, name, "is missing")
                continue
            try:
                values[name] = convert(value)
            except Invalid as exc:
                where = name if exc.field is None else f"{name}.{exc.field}"
                self.fail(table, index, ident, where, str(exc))
            except ValueError as exc:
                self.fail(table, index, ident, name, str(exc))
        return values

    def unknown_keys(
        self, table: str, index: int, ident: str | None, raw: Mapping[str, Any], known: frozenset[str]
    ) -> None:
        for key in raw:
            if key not in known:
                self.fail(table, index, ident, key, f"unknown key{_hint(key, known)}")

    def breakdown(
        self, index: int, ident: str | None, raw: Mapping[str, Any], name: str, count: Count | None
    ) -> Count | None:
        parts = raw.get(f"{name}_breakdown")
        if parts is None:
            return count
        key = f"{name}_breakdown"
        try:
            pairs = _breakdown(parts)
        except Invalid as exc:
            self.fail("event", index, ident, key, str(exc))
            return count
        if count is None:
            self.fail("event", index, ident, key, f"a breakdown needs a `{name}` figure too")
            return count
        return Count(count.min, count.max, pairs)


_REQUIRED = {
    "event": frozenset({"id", "title", "kind", "start"}),
    "actor": frozenset({"id", "name", "kind"}),
    "location": frozenset({"place", "country"}),
    "source": frozenset({"title"}),
}


def _hint(key: str, known: frozenset[str] = frozenset()) -> str:
    from difflib import get_close_matches

    close = get_close_matches(key, sorted(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _from_contract(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-contract event reshaped into the store's keys."""
    shaped = {k: v for k, v in raw.items() if k not in DERIVED_KEYS}
    casualties = raw.get("casualties")
    if isinstance(casualties, dict):
        for name in ("killed", "injured"):
            figure = casualties.get(name)
            if figure is not None:
                shaped[name] = figure
        for key in casualties:
            if key not in ("killed", "injured"):
                shaped[f"casualties.{key}"] = casualties[key]
    elif casualties is not None:
        shaped["casualties"] = casualties
    for loc in shaped.get("locations") or []:
        if isinstance(loc, dict):
            for key in [k for k, v in loc.items() if v is None]:
                del loc[key]
    for src in shaped.get("sources") or []:
        if isinstance(src, dict):
            for key in [k for k, v in src.items() if v is None]:
                del src[key]
    return shaped


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    if not value.strip():
        raise ValueError("is empty")
    return value


def _text_or_empty(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    return value


_is_id = ID_PATTERN.fullmatch
# Ids cannot hold a newline, so a list joined with newlines is checked in one go.
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
_texts = _list_of(_text)


def _identifiers(value: object) -> tuple[str, ...]:
    """A list of ids; the usual valid case in one regex, errors item by item."""
    if type(value) is list and all(type(v) is str for v in value) and _are_ids("\n".join(value)):
        return tuple(value)
    if value == []:
        return ()
    return _each_identifier(value)


def _event_kind(value: object) -> str:
    if value not in EVENT_KINDS:
        raise ValueError(f"{value!r} is not a kind; use one of: {', '.join(EVENT_KINDS)}")
    return str(value)


def _actor_kind(value: object) -> str:
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
                raise Invalid(f"unknown key{_hint(key, COUNT_KEYS)}", key)
        least = None if value.get("min") is None else _whole(value["min"])
        most = None if value.get("max") is None else _whole(value["max"])
        if least is None and most is not None:
            least = 0
        if least is not None and most is not None and most < least:
            raise ValueError(f"max {most} is below min {least}")
        parts = _breakdown(value["breakdown"]) if value.get("breakdown") is not None else ()
        return Count(least, most, parts)
    raise ValueError(f"{value!r} is not a count")


def _breakdown(value: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{value!r} is not a table of parts, e.g. {{ Iraq = 19, Syria = 6 }}")
    parts = []
    for label, n in value.items():
        try:
            parts.append((label, _whole(n)))
        except ValueError as exc:
            raise Invalid(str(exc), label) from None
    return tuple(parts)


def _coordinate(value: object, limit: float, name: str) -> float:
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
                raise Invalid(f"unknown key{_hint(key, known)}", key)
    for key in _REQUIRED[kind]:
        if key not in value:
            raise Invalid("is missing", key)
    for key, item in value.items():
        if key not in ("lat", "lon") and not isinstance(item, str):
            raise Invalid(f"{item!r} is not a string", key)
    return value


def _location(value: object) -> Location:
    table = _table(value, LOCATION_KEYS, "location")
    lat = table.get("lat")
    lon = table.get("lon")
    if (lat is None) != (lon is None):
        raise Invalid("give both lat and lon, or neither", "lat" if lat is None else "lon")
    return Location(
        place=table["place"],
        country=table["country"],
        region=table.get("region"),
        lat=None if lat is None else _coordinate(lat, 90, "lat"),
        lon=None if lon is None else _coordinate(lon, 180, "lon"),
    )


def _source(value: object) -> Source:
    if isinstance(value, str):
        return Source(_text(value))
    table = _table(value, SOURCE_KEYS, "source")
    return Source(_text(table["title"]), table.get("url"), table.get("note"))


def _nested_list(convert: Callable[[object], T]) -> Callable[[object], tuple[T, ...]]:
    def converted(value: object) -> tuple[T, ...]:
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


_locations = _nested_list(_location)
_sources = _nested_list(_source)


#: Actor fields in the order they are read, with their converters.
_ACTOR_FIELDS: tuple[tuple[str, Callable[[object], object]], ...] = (
    ("id", parse_identifier), ("name", _text), ("kind", _actor_kind), ("aliases", _texts),
    ("backers", _identifiers),
)  # fmt: skip

#: Event fields whose values often repeat across a store, and are shared.
_SHARED_FIELDS = ("locations", "actors", "targets", "killed", "injured", "tags", "sources")

#: Event fields in the order they are read, with their converters.
_EVENT_FIELDS: tuple[tuple[str, Callable[[object], object]], ...] = (
    ("id", parse_identifier), ("title", _text), ("kind", _event_kind), ("start", from_toml_value),
    ("end", from_toml_value), ("locations", _locations), ("actors", _identifiers),
    ("targets", _identifiers), ("killed", parse_count), ("injured", parse_count), ("causes", _identifiers),
    ("tags", _texts), ("summary", _text_or_empty), ("sources", _sources),
)  # fmt: skip


class Found(NamedTuple):
    """A problem found while reading, before its line is known."""

    table: str  # "top", "event" or "actor"
    position: int | None  # index among the tables of that kind
    event_id: str | None
    field: str | None
    message: str


def read_data(data: Mapping[str, Any], origin: str, json_form: bool) -> tuple[Store, list[Found]]:
    """Build a Store from parsed data, with the problems found (not yet located)."""
    reader = _Reader(origin)
    store = reader.document(data, json_form)
    return store, [Found(*found) for found in reader.problems]


def read_store_text(text: str, origin: str) -> Store:
    """Parse and validate a store given as text (TOML, or JSON when it starts with `{`).

    Raises:
        DataError: every problem found, each located by file, line, event and field.
    """
    json_form = text.lstrip().startswith("{")
    data = _parse_json(text, origin) if json_form else _parse_toml(text, origin)
    store, found = read_data(data, origin, json_form)
    if found:
        raise DataError(locate(found, origin, None if json_form else text))
    return store


def locate(found: list[Found], origin: str, text: str | None) -> list[Problem]:
    """Problems with their line numbers in a TOML text, where they can be found."""
    from timeline.locate import index_lines

    lines = index_lines(text) if text is not None else None
    problems = []
    for f in found:
        line = None
        if lines is not None:
            name = f.field.split(".")[0] if f.field else None
            line = lines.line(f.table, f.position, name)
        ident = f.event_id if f.table == "event" else None
        field = f.field
        if f.table == "actor":
            field = f"actor[{f.position}].{f.field}" if f.field else f"actor[{f.position}]"
        problems.append(Problem(f.message, path=origin, line=line, event_id=ident, field=field))
    return problems


def _parse_toml(text: str, origin: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match[1]) if match else None
        if match:
            message = message[: match.start()].rstrip() + f" (column {match[2]})"
        raise DataError([Problem(f"not valid TOML: {message}", path=origin, line=line)]) from None


def _parse_json(text: str, origin: str) -> dict[str, Any]:
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            [Problem(f"not valid JSON: {exc.msg} (column {exc.colno})", path=origin, line=exc.lineno)]
        ) from None
    if not isinstance(data, dict):
        raise DataError([Problem("a JSON store must be an object", path=origin)])
    return data
