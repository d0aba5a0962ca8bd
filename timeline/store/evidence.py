"""The converters of schema 2's evidence forms: accounts of who acted (with
their status and whose account it is), typed causal links, reported figures
with their sources, membership (`part_of`), and places defined once.

Each plain form of schema 1 stays valid and takes the fast path: a list of
plain ids is still just ids, and a single figure is still just a Count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from timeline.model import LINK_TYPES, STATUSES, Count, Figure, Link, Location, Role
from timeline.store.fields import (
    Invalid,
    coordinates,
    hint,
    identifiers,
    nested_list,
    parse_count,
    parse_identifier,
    parse_zone,
    plain_identifiers,
    text,
)

ROLE_KEYS = frozenset({"id", "status", "by", "source"})
LINK_KEYS = frozenset({"id", "type", "by", "source"})
FIGURE_KEYS = frozenset({"value", "by", "source", "note"})
PLACE_KEYS = frozenset({"id", "name", "region", "country", "lat", "lon", "zone"})


class Accounted(NamedTuple):
    """A list of ids some of whose entries were tables: the distinct ids, in
    order, and the details (roles or links) the tables gave."""

    ids: tuple[str, ...]
    details: tuple[Any, ...]


def _keyed(value: object, known: frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{value!r} is neither an id nor a table")
    for key in value:
        if key not in known:
            raise Invalid(f"unknown key{hint(key, known)}", key)
    if "id" in known and "id" not in value:
        raise Invalid("is missing", "id")
    return value


def _optional_id(table: dict[str, Any], key: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    try:
        return parse_identifier(value)
    except ValueError as exc:
        raise Invalid(str(exc), key) from None


def _choice(table: dict[str, Any], key: str, choices: dict[str, str], default: str) -> str:
    value = table.get(key, default)
    if value not in choices:
        raise Invalid(f"{value!r} is not one of: {', '.join(choices)}", key)
    return str(value)


def _accounted(
    value: object, known: frozenset[str], detail: Callable[[dict[str, Any], str], Any | None]
) -> tuple[str, ...] | Accounted:
    """Ids, or ids with details where some entries are tables."""
    plain = plain_identifiers(value)
    if plain is not None:
        return plain
    if not isinstance(value, list) or all(type(v) is str for v in value):
        return identifiers(value)
    ids: dict[str, None] = {}
    details = []
    for position, item in enumerate(value):
        try:
            if isinstance(item, str):
                ids.setdefault(parse_identifier(item))
                continue
            table = _keyed(item, known)
            ident = parse_identifier(table["id"])
            ids.setdefault(ident)
            found = detail(table, ident)
            if found is not None:
                details.append(found)
        except Invalid as exc:
            raise Invalid(str(exc), f"{position}.{exc.field}") from None
        except ValueError as exc:
            raise Invalid(str(exc), str(position)) from None
    return Accounted(tuple(ids), tuple(details))


def _role(side: str) -> Callable[[dict[str, Any], str], Role | None]:
    def role(table: dict[str, Any], ident: str) -> Role | None:
        status = _choice(table, "status", STATUSES, "confirmed")
        by = _optional_id(table, "by")
        source = _optional_id(table, "source")
        if status == "attributed" and by is None:
            raise Invalid('an attribution says by whom: add `by = "<actor id>"`', "by")
        if status == "confirmed" and by is None and source is None:
            return None  # the plain form, written as a table
        return Role(ident, side, status, by, source)

    return role


def _link(table: dict[str, Any], ident: str) -> Link | None:
    kind = _choice(table, "type", LINK_TYPES, "cause")
    by = _optional_id(table, "by")
    source = _optional_id(table, "source")
    if kind == "cause" and by is None and source is None:
        return None
    return Link(ident, kind, by, source)


_actor_role = _role("actor")
_target_role = _role("target")


def parse_actors(value: object) -> tuple[str, ...] | Accounted:
    """`actors`: ids, or accounts `{ id, status, by, source }`."""
    return _accounted(value, ROLE_KEYS, _actor_role)


def parse_targets(value: object) -> tuple[str, ...] | Accounted:
    """`targets`: ids, or accounts `{ id, status, by, source }`."""
    return _accounted(value, ROLE_KEYS, _target_role)


def parse_causes(value: object) -> tuple[str, ...] | Accounted:
    """`causes`: ids, or typed links `{ id, type, by, source }`."""
    return _accounted(value, LINK_KEYS, _link)


def parse_part_of(value: object) -> tuple[str, ...]:
    """`part_of`: the id of a whole, or a list of them."""
    if isinstance(value, str):
        return (parse_identifier(value),)
    return identifiers(value)


def _figure(value: object) -> Figure:
    table = _keyed(value, FIGURE_KEYS)
    if "value" not in table:
        raise Invalid('is missing (the figure itself: 25, "25+", "19-25" or "?")', "value")
    try:
        count = parse_count(table["value"])
    except ValueError as exc:
        raise Invalid(str(exc), "value") from None
    note = table.get("note")
    if note is not None and not isinstance(note, str):
        raise Invalid(f"{note!r} is not a string", "note")
    return Figure(count.min, count.max, _optional_id(table, "by"), _optional_id(table, "source"), note)


def envelope(reports: tuple[Figure, ...]) -> Count:
    """The span of all reported figures: the lowest minimum to the highest
    maximum, open when any report is open. Unknown reports ("?") add nothing."""
    known = [f for f in reports if not (f.min is None and f.max is None)]
    if not known:
        return Count(None, None, (), reports)
    low = min(f.min or 0 for f in known)
    high: int | None = None if any(f.max is None for f in known) else max(f.max or 0 for f in known)
    return Count(low, high, (), reports)


_figures = nested_list(_figure)


def parse_figures(value: object) -> Count:
    """`killed` / `injured`: one figure as before, or a list of reported figures."""
    if not isinstance(value, list):
        return parse_count(value)
    if not value:
        raise ValueError("is an empty list; leave the field out, or give one figure per account")
    return envelope(_figures(value))


def parse_place(value: object) -> tuple[str, Location]:
    """A top-level `[[place]]`: its id and the location it stands for."""
    table = _keyed(value, PLACE_KEYS)
    ident = parse_identifier(table["id"])
    for key in ("name", "country"):
        if key not in table:
            raise Invalid("is missing", key)
    for key in ("name", "country", "region"):
        if key in table and not isinstance(table[key], str):
            raise Invalid(f"{table[key]!r} is not a string", key)
    lat, lon = coordinates(table)
    zone = parse_zone(table["zone"]) if table.get("zone") is not None else None
    return ident, Location(
        place=text(table["name"]),
        country=text(table["country"]),
        region=table.get("region"),
        lat=lat,
        lon=lon,
        zone=zone,
    )
