"""The fields of an event being added: how each is read from what a user types
(an option's value or an answer to a prompt), checked on its own, and named:
as an option (`--start`) on the command line, as a field ("start date") in
the prompts of `add -i`.

Every reader takes the text typed and returns the value to store, or raises
ValueError (or a TimelineError) with a message that names no option, so
that each mode can say it in its own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from timeline.model import Store

Reader = Callable[[str], Any]


class NewCountry(ValueError):
    """A country no event of the store is in yet (a typo, as often as not):
    written only once the user says it is new; `name` is what is then written
    (a short name's full one: US -> United States)."""

    def __init__(self, message: str, name: str) -> None:
        super().__init__(message)
        self.name = name


class Field(NamedTuple):
    """One field of a new event, in the order `add -i` asks for them.

    key: where its value is kept (and the option's name, but for lists);
    words: how a prompt names it; hint: the forms it takes, shown in the
    prompt; required: asked until answered; many: a comma-separated list in a
    prompt, a repeated option on the command line; place: asked only once a
    place is given (it belongs to the event's location).
    """

    key: str
    words: str
    hint: str = ""
    required: bool = False
    many: bool = False
    place: bool = False


DATE_HINT = "e.g. 2020-01-10, June 2024, 3 Jan 2020 01:00 +03:00"

FIELDS = (
    Field("title", "title", required=True),
    Field("id", "id", "lower-case letters, digits and -", required=True),
    Field("kind", "kind", required=True),
    Field("start", "start date", DATE_HINT, required=True),
    Field("end", "end date", "only for a span; same forms"),
    Field("place", "place"),
    Field("country", "country", required=True, place=True),
    Field("region", "region", place=True),
    Field("lat", "latitude", "-90 to 90", place=True),
    Field("lon", "longitude", "-180 to 180", place=True),
    Field("actors", "actors", "ids or names, comma-separated", many=True),
    Field("targets", "targets", "ids or names, comma-separated", many=True),
    Field("causes", "causes", "ids of earlier events, comma-separated", many=True),
    Field("killed", "killed", "25, 25+, 19-25 or ?"),
    Field("injured", "injured", "25, 25+, 19-25 or ?"),
    Field("tags", "tags", "comma-separated", many=True),
    Field("summary", "summary", "in your own words"),
    Field("source", "source title", required=True),
    Field("source_url", "source URL", "http:// or https://", required=True),
    Field("source_note", "source note", "e.g. a page or reference number"),
)
BY_KEY = {f.key: f for f in FIELDS}

#: The options whose name is not their key.
_OPTIONS = {"actors": "--actor", "targets": "--target", "causes": "--cause", "tags": "--tag"}

#: Which field a problem found by the store's checks belongs to.
_PROBLEM_FIELDS = {"locations": "place", "sources": "source", "part_of": "causes"}

_SLUG = re.compile(r"[^a-z0-9]+")


def option(key: str) -> str:
    """The command-line option of a field: "--start", "--actor", "--source-url"."""
    return _OPTIONS.get(key) or "--" + key.replace("_", "-")


def problem_field(name: str | None) -> str | None:
    """The field a store check names ("causes", "locations.lat", "killed_breakdown"),
    as one of FIELDS' keys, or None when it is none of them."""
    if name is None:
        return None
    head = name.split(".", 1)[0].removesuffix("_breakdown")
    key = _PROBLEM_FIELDS.get(head, head)
    return key if key in BY_KEY else None


def message_of(exc: Exception) -> str:
    """A reader's message without an option's name (resolve_actor says
    "--actor: unknown actor ..."), for each mode to name the field its way."""
    message = str(exc)
    head, sep, rest = message.partition(": ")
    return rest if sep and head.startswith("--") and " " not in head else message


def suggested_id(title: str) -> str:
    """An id made from a title: "Rockets hit K-2" -> "rockets-hit-k-2"."""
    return _SLUG.sub("-", title.lower()).strip("-")[:40].strip("-")


def reader(key: str, store: Store) -> Reader:
    """How the field `key` is read and checked."""
    return _READERS[key](store)


def _text(store: Store) -> Reader:
    def read(text: str) -> str:
        if not text.strip():
            raise ValueError("it is empty")
        return text.strip()

    return read


def _ident(store: Store) -> Reader:
    from timeline.store.fields import parse_identifier

    def read(text: str) -> str:
        ident = parse_identifier(text.strip())
        if ident in store.by_id:
            raise ValueError(f"{ident!r} is already the id of an event")
        return ident

    return read


def _kind(store: Store) -> Reader:
    from timeline.query import resolve_kind

    def read(text: str) -> str:
        return resolve_kind(text.strip())

    return read


def _date(store: Store) -> Reader:
    from timeline.dates.parse import parse_entry_date

    def read(text: str) -> str:
        return parse_entry_date(text).iso()

    return read


def _country(store: Store) -> Reader:
    """A country as `list --country` reads it, written as the store spells it,
    so that the new event is found as the others are and counted in their row."""
    from timeline.query import COUNTRY_ALIASES, store_country, unknown_country

    def read(text: str) -> str:
        typed = text.strip()
        if not typed:
            raise ValueError("it is empty")
        found = store_country(store, typed)
        if found is None:
            name = COUNTRY_ALIASES.get(typed.casefold(), typed)
            raise NewCountry(f"no event is in {unknown_country(store, typed)}", name)
        return found

    return read


def _coordinate(limit: int) -> Callable[[Store], Reader]:
    def make(store: Store) -> Reader:
        def read(text: str) -> float:
            try:
                value = float(text.strip())
            except ValueError:
                raise ValueError(f"{text.strip()!r} is not a number") from None
            if not -limit <= value <= limit:  # NaN fails this too
                raise ValueError(f"{text.strip()} is not a number from -{limit} to {limit}")
            return value

        return read

    return make


def _actors(store: Store) -> Reader:
    from timeline.query import resolve_actor

    return _each(lambda part: resolve_actor(store, part))


def _causes(store: Store) -> Reader:
    from timeline.query import resolve_event

    return _each(lambda part: resolve_event(store, part).id)


def _tags(store: Store) -> Reader:
    return _each(str)


def _each(one: Callable[[str], str]) -> Reader:
    """A comma-separated list, each part read by `one`, duplicates dropped."""

    def read(text: str) -> list[str]:
        return list(dict.fromkeys(one(part.strip()) for part in text.split(",") if part.strip()))

    return read


def _url(store: Store) -> Reader:
    """An http or https address: `check` wants every event to have a source
    with one, so add never writes an event it would then fault."""
    from timeline.urls import is_web_url

    def read(text: str) -> str:
        address = text.strip()
        if not is_web_url(address):
            raise ValueError(f"{address[:80]!r} is not an http:// or https:// address without spaces")
        return address

    return read


def _count(store: Store) -> Reader:
    from timeline.store.fields import parse_count

    def read(text: str) -> int | str:
        parse_count(text.strip())
        return int(text) if text.strip().isdigit() else text.strip()

    return read


_READERS: dict[str, Callable[[Store], Reader]] = {
    "title": _text,
    "id": _ident,
    "kind": _kind,
    "start": _date,
    "end": _date,
    "place": _text,
    "country": _country,
    "region": _text,
    "lat": _coordinate(90),
    "lon": _coordinate(180),
    "actors": _actors,
    "targets": _actors,
    "causes": _causes,
    "killed": _count,
    "injured": _count,
    "tags": _tags,
    "summary": _text,
    "source": _text,
    "source_url": _url,
    "source_note": _text,
}


def event_table(values: dict[str, Any]) -> str:
    """The `[[event]]` TOML table of the values read."""
    from timeline.append import event_toml

    location = {k: values.get(k) for k in ("place", "region", "country", "lat", "lon")}
    cited = {
        "title": values.get("source"),
        "url": values.get("source_url"),
        "note": values.get("source_note"),
    }
    return event_toml(
        {k: values.get(k) for k in _EVENT_KEYS},
        [location] if location["place"] is not None else [],
        [cited],
    )


#: The keys written in the `[[event]]` table itself, in the order written.
_EVENT_KEYS = (
    "id", "title", "kind", "start", "end", "actors", "targets", "causes", "killed", "injured", "tags",
    "summary",
)  # fmt: skip
