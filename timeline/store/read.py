"""Reading a store file (TOML, or a JSON export) into the typed model.

The reader validates everything and collects every problem before it fails,
so a user fixes a broken file in one pass. It never prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from timeline.contract.decode import from_contract, outside_from_contract
from timeline.errors import DataError, Problem
from timeline.model import READABLE_SCHEMAS, SCHEMA_VERSION, Actor, Count, Event, Location, Precision, Store
from timeline.store.evidence import Accounted, parse_place
from timeline.store.fields import ACTOR_KEYS, EVENT_KEYS, REQUIRED, Invalid, hint, parse_breakdown
from timeline.store.local_time import on_local_clock
from timeline.store.tables import ACTOR_FIELDS, EVENT_FIELDS, OUTSIDE_FIELDS, OUTSIDE_KEYS, SHARED_FIELDS

if TYPE_CHECKING:
    from timeline.store.lines import Found

_NEWER = "schema 2, but the file says `schema = 1`: set `schema = 2` (`timeline upgrade FILE` does)"


def _schema_two_forms(raw: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The fields of an event table written in a form only schema 2 reads,
    each with the form's name."""
    found = []
    for name in ("actors", "targets"):
        value = raw.get(name)
        if isinstance(value, list) and any(isinstance(item, dict) for item in value):
            found.append((name, "an account (a table with status or by) is"))
    causes = raw.get("causes")
    if isinstance(causes, list) and any(isinstance(item, dict) for item in causes):
        found.append(("causes", "a typed cause (a table with type, by or source) is"))
    for name in ("killed", "injured"):
        if isinstance(raw.get(name), list):
            found.append((name, "figures by source (a list) are"))
    if "places" in raw:
        found.append(("places", "places (ids of [[place]] tables) are"))
    return found


def _in_schema_two_form(values: Mapping[str, Any]) -> bool:
    """Whether converted event fields came from a form only schema 2 reads:
    accounts or typed causes (`Accounted`), or figures by source."""
    for name in ("actors", "targets", "causes"):
        if type(values.get(name)) is Accounted:
            return True
    for name in ("killed", "injured"):
        count = values.get(name)
        if count is not None and count.reports:
            return True
    return False


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
        self.places: dict[str, Location] = {}
        self.schema_one = False

    def fail(self, table: str, index: int | None, ident: str | None, field: str | None, message: str) -> None:
        self.problems.append((table, index, ident, field, message))

    def document(self, data: Mapping[str, Any], json_form: bool) -> Store:
        version_key, event_key, actor_key = (
            ("version", "events", "actors") if json_form else ("schema", "event", "actor")
        )
        known = (
            (version_key, event_key, actor_key, "outside")
            if json_form
            else (version_key, event_key, actor_key, "place")
        )
        for key in data:
            if key not in known:
                self.fail("top", None, None, key, f"unknown top-level key {key!r}{hint(key)}")
        version = data.get(version_key)
        if version is None:
            wanted = f'"version": {SCHEMA_VERSION}' if json_form else f"schema = {SCHEMA_VERSION}"
            self.fail("top", None, None, version_key, f"missing; add `{wanted}`")
        elif type(version) is not int or version not in READABLE_SCHEMAS:
            readable = " and ".join(str(v) for v in READABLE_SCHEMAS)
            self.fail(
                "top",
                None,
                None,
                version_key,
                f"{version!r} is not a supported version (this program reads {readable})",
            )
        schema = version if type(version) is int and version in READABLE_SCHEMAS else SCHEMA_VERSION
        # A TOML file marked schema 1 is read as schema 1: a form only schema 2
        # has is an error (the file says it is older than it is), not a surprise.
        self.schema_one = schema == 1 and not json_form
        if self.schema_one and "place" in data:
            self.fail("place", 0, None, None, f"[[place]] tables are {_NEWER}")
        self.read_places(data.get("place", []) if not json_form else [])
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
        outside = self.read_outside(data.get("outside", [])) if json_form else ()
        return Store(tuple(events), tuple(actors), self.origin, schema, outside)

    def read_outside(self, raw_outside: object) -> tuple[Event, ...]:
        """A slice's outside events: the events its links name that it does
        not hold, each with only its id, title, kind, dates and links into the
        slice (`checks.outside_refs` sees that they hold no more)."""
        if not isinstance(raw_outside, list):
            self.fail("top", None, None, "outside", "must be an array of objects")
            return ()
        found = []
        for index, raw in enumerate(raw_outside):
            if not isinstance(raw, dict):
                self.fail("outside", index, None, None, "an outside event must be an object")
                continue
            ident = raw.get("id") if isinstance(raw.get("id"), str) else None
            before = len(self.problems)
            shaped = outside_from_contract(raw)
            if not shaped.keys() <= OUTSIDE_KEYS:
                self.unknown_keys("outside", index, ident, shaped, OUTSIDE_KEYS)
            values = self.fields("outside", index, ident, shaped, OUTSIDE_FIELDS)
            if len(self.problems) > before:
                continue
            self.unpack_accounts(values)
            found.append(Event(**values))
        return tuple(found)

    def read_places(self, raw_places: object) -> None:
        if not isinstance(raw_places, list):
            self.fail("top", None, None, "place", "must be an array of tables")
            return
        for index, raw in enumerate(raw_places):
            ident = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
            try:
                found, location = parse_place(raw)
            except Invalid as exc:
                self.fail("place", index, ident, exc.field, str(exc))
                continue
            except ValueError as exc:
                self.fail("place", index, ident, None, str(exc))
                continue
            if found in self.places:
                self.fail(
                    "place", index, ident, "id", f'place id "{found}" is used twice; ids must be unique'
                )
            self.places[found] = location

    def actor(self, index: int, raw: object) -> Actor | None:
        if not isinstance(raw, dict):
            self.fail("actor", index, None, None, "an actor must be a table")
            return None
        ident = raw.get("id") if isinstance(raw.get("id"), str) else None
        before = len(self.problems)

        if not raw.keys() <= ACTOR_KEYS:
            self.unknown_keys("actor", index, ident, raw, ACTOR_KEYS)
        values = self.fields("actor", index, ident, raw, ACTOR_FIELDS)
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
            raw = from_contract(raw)

        if not raw.keys() <= EVENT_KEYS:
            self.unknown_keys("event", index, ident, raw, EVENT_KEYS)
        known_keys = len(self.problems)
        values = self.fields("event", index, ident, raw, EVENT_FIELDS)
        if "killed_breakdown" in raw:
            values["killed"] = self.breakdown(index, ident, raw, "killed", values.get("killed"))
        if "injured_breakdown" in raw:
            values["injured"] = self.breakdown(index, ident, raw, "injured", values.get("injured"))
        if "places" in raw:
            self.resolve_places(index, ident, raw["places"], values)
        # The converted values show cheaply whether a schema-2 form was used;
        # only then (or when the event has problems to explain) is the raw
        # table walked for each form's name.
        if self.schema_one and (
            len(self.problems) > before or "places" in raw or _in_schema_two_form(values)
        ):
            self.problems[known_keys:known_keys] = [
                ("event", index, ident, field, f"{form} {_NEWER}") for field, form in _schema_two_forms(raw)
            ]
        if len(self.problems) > before:
            return None
        self.unpack_accounts(values)
        shared = self.shared
        for name in SHARED_FIELDS:
            value = values.get(name)
            if value is not None:
                values[name] = shared.setdefault(value, value)
        event = Event(**values)
        if Precision.MINUTE in (event.start.precision, event.end.precision if event.end else None):
            try:
                return on_local_clock(event)
            except ValueError as exc:
                self.fail("event", index, ident, "zone", str(exc))
                return None
        return event

    def resolve_places(self, index: int, ident: str | None, raw: object, values: dict[str, Any]) -> None:
        """Put the `places` an event names before its inline locations."""
        names = raw if isinstance(raw, list) else None
        if names is None or not all(isinstance(n, str) for n in names):
            self.fail("event", index, ident, "places", f"{raw!r} is not a list of place ids")
            return
        found = []
        for position, name in enumerate(names):
            place = self.places.get(name)
            if place is None:
                self.fail(
                    "event",
                    index,
                    ident,
                    f"places.{position}",
                    f'names unknown place "{name}"; add a [[place]] with that id'
                    + hint(name, frozenset(self.places)),
                )
            else:
                found.append(place)
        values["locations"] = (*found, *values.get("locations", ()))

    @staticmethod
    def unpack_accounts(values: dict[str, Any]) -> None:
        """Split the accounted forms of actors, targets and causes into ids
        and the roles and links the tables gave."""
        roles: list[Any] = []
        for name in ("actors", "targets"):
            value = values.get(name)
            if type(value) is Accounted:
                values[name] = value.ids
                # Grouped by actor, in the order of the ids, so that the same
                # accounts in another order (as JSON writes them) are equal.
                order = {ident: n for n, ident in enumerate(value.ids)}
                roles.extend(sorted(value.details, key=lambda r: order[r.actor]))
        if roles:
            values["roles"] = tuple(roles)
        causes = values.get("causes")
        if type(causes) is Accounted:
            values["causes"] = causes.ids
            if causes.details:
                values["links"] = causes.details

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
        required = REQUIRED[table]
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
                self.fail(table, index, ident, key, f"unknown key{hint(key, known)}")

    def breakdown(
        self, index: int, ident: str | None, raw: Mapping[str, Any], name: str, count: Count | None
    ) -> Count | None:
        parts = raw.get(f"{name}_breakdown")
        if parts is None:
            return count
        key = f"{name}_breakdown"
        try:
            pairs = parse_breakdown(parts)
        except Invalid as exc:
            self.fail("event", index, ident, key, str(exc))
            return count
        if count is None:
            self.fail("event", index, ident, key, f"a breakdown needs a `{name}` figure too")
            return count
        return count._replace(breakdown=pairs)


def read_data(data: Mapping[str, Any], origin: str, json_form: bool) -> tuple[Store, list[Found]]:
    """Build a Store from parsed data, with the problems found (not yet located)."""
    reader = _Reader(origin)
    store = reader.document(data, json_form)
    if not reader.problems:
        return store, []
    # Only a store with problems needs the module that finds their lines.
    from timeline.store.lines import Found

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
        from timeline.store.lines import locate

        raise DataError(locate(found, origin, text))
    return store


def _parse_toml(text: str, origin: str) -> dict[str, Any]:
    import tomllib

    from timeline.store.limits import parse_limits

    try:
        with parse_limits(origin, "TOML"):
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

    from timeline.store.limits import check_surrogates, parse_limits

    try:
        with parse_limits(origin, "JSON"):
            data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            [Problem(f"not valid JSON: {exc.msg} (column {exc.colno})", path=origin, line=exc.lineno)]
        ) from None
    if not isinstance(data, dict):
        raise DataError([Problem("a JSON store must be an object", path=origin)])
    check_surrogates(text, data, origin)
    return data
