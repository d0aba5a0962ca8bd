"""The typed, immutable model of a timeline store.

Values are NamedTuples: immutable, typed, and built and unpickled at C speed,
which matters for stores (and their cache) of 100,000 events; a frozen
dataclass unpickles about five times slower. Loaders build them, queries
return new sequences of them, nothing mutates them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import IntEnum
from functools import cached_property
from typing import Final, NamedTuple


def _rebuilt_in_c(self: tuple[object, ...]) -> tuple[object, tuple[object, ...]]:
    """Pickle a NamedTuple as tuple.__new__(cls, values), which runs in C; its
    own __new__ is a Python call, and the store cache holds hundreds of
    thousands of these."""
    return (tuple.__new__, (type(self), tuple(self)))


class Precision(IntEnum):
    """How much of a date is known. Coarser precisions compare lower."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    MINUTE = 4

    @property
    def label(self) -> str:
        """The lower-case name used in files and JSON: "year", "month", ..."""
        return self.name.lower()

    def __reduce_ex__(self, protocol: object) -> tuple[object, tuple[object, ...]]:
        # getattr(Precision, "DAY") runs in C; Enum's own reduce calls Precision(3).
        return (getattr, (type(self), self.name))


class FuzzyDate(NamedTuple):
    """A date known to a precision: a year, a month, a day or a minute.

    The fields finer than the precision stay at their minimum (month 1, day 1,
    00:00) and mean nothing. A minute carries its UTC offset in minutes, since
    sources give local clock times ("11:00 a.m. EST").
    """

    precision: Precision
    year: int
    month: int = 1
    day: int = 1
    hour: int = 0
    minute: int = 0
    offset: int | None = None

    @property
    def start(self) -> datetime:
        """First instant of the period, as a naive local wall-clock time."""
        return datetime(self.year, self.month, self.day, self.hour, self.minute)

    @property
    def end(self) -> datetime:
        """First instant after the period (exclusive end), naive wall clock;
        the last instant of the calendar for a period ending with year 9999."""
        try:
            return self._end()
        except (OverflowError, ValueError):  # after 9999-12-31: datetime stops there
            return datetime.max

    def _end(self) -> datetime:
        p = self.precision
        if p is Precision.YEAR:
            return datetime(self.year + 1, 1, 1)
        if p is Precision.MONTH:
            last = days_in_month(self.year, self.month)
            return datetime(self.year, self.month, last) + timedelta(days=1)
        if p is Precision.DAY:
            return datetime(self.year, self.month, self.day) + timedelta(days=1)
        return self.start + timedelta(minutes=1)

    @property
    def sort_key(self) -> tuple[int, int, int, int, int, int]:
        """Start of period, then coarser precision first."""
        return (self.year, self.month, self.day, self.hour, self.minute, self.precision)

    def iso(self) -> str:
        """ISO 8601 cut to the precision: "2019", "2019-12", "2019-12-27",
        "2019-12-29T11:00-05:00"."""
        p = self.precision
        if p is Precision.YEAR:
            return f"{self.year:04d}"
        if p is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if p is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return (
            f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            f"T{self.hour:02d}:{self.minute:02d}{format_offset(self.offset or 0)}"
        )

    def __str__(self) -> str:
        return self.iso()


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (the calendar module would import locale on every start)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


def format_offset(minutes: int, minus: str = "-") -> str:
    """A UTC offset in minutes as "+03:00" (or with another minus sign)."""
    sign = "+" if minutes >= 0 else minus
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


class Figure(NamedTuple):
    """One reported casualty figure, with who gave it: an actor (`by`), or one
    of the event's sources (`source`, its id), or both."""

    min: int | None
    max: int | None
    by: str | None = None
    source: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        return str(Count(self.min, self.max))


class Count(NamedTuple):
    """A casualty figure with its uncertainty: min..max, either end open.

    25 is Count(25, 25); "at least 55" is Count(55, None); unknown is
    Count(None, None). A breakdown (("Iraq", 19), ("Syria", 6)) must fit the bounds.
    When sources disagree, `reports` holds each account and min..max is their
    envelope: the lowest minimum to the highest maximum (open if any is open).
    """

    min: int | None
    max: int | None
    breakdown: tuple[tuple[str, int], ...] = ()
    reports: tuple[Figure, ...] = ()

    @property
    def is_unknown(self) -> bool:
        """True when nothing at all is known of the figure."""
        return self.min is None and self.max is None

    def __str__(self) -> str:
        if self.is_unknown:
            return "?"
        low = self.min or 0
        if self.max is None:
            return f"{low}+"
        if low == self.max:
            return str(low)
        return f"{low}\u2013{self.max}"


class Location(NamedTuple):
    """A place an event happened."""

    place: str
    country: str
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    zone: str | None = None


class Source(NamedTuple):
    """Where a fact comes from: a document, with an optional URL and note, and an
    optional short id that the event's accounts, figures and causes cite."""

    title: str
    url: str | None = None
    note: str | None = None
    id: str | None = None


class Actor(NamedTuple):
    """Someone who acts or is acted on: a state, an armed group, a person."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    backers: tuple[str, ...] = ()


class Role(NamedTuple):
    """One account of an actor's part in an event: whose account it is.

    An actor or target listed by plain id has no Role: it is confirmed.
    """

    actor: str
    side: str  # "actor" or "target"
    status: str = "confirmed"
    by: str | None = None
    source: str | None = None


class Link(NamedTuple):
    """What kind of cause an earlier event was, and who states it.

    A cause listed by plain id has no Link: it is a plain cause, unattributed.
    """

    event: str
    type: str = "cause"
    by: str | None = None
    source: str | None = None


class Event(NamedTuple):
    """One event of the timeline. Effects are derived by the Store, never stored."""

    id: str
    title: str
    kind: str
    start: FuzzyDate
    sources: tuple[Source, ...] = ()
    end: FuzzyDate | None = None
    locations: tuple[Location, ...] = ()
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    killed: Count | None = None
    injured: Count | None = None
    causes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str = ""
    part_of: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    links: tuple[Link, ...] = ()
    zone: str | None = None
    reported_start: FuzzyDate | None = None

    @property
    def period_start(self) -> datetime:
        """Earliest instant the event may cover."""
        return self.start.start

    @property
    def period_end(self) -> datetime:
        """First instant after the latest the event may cover (exclusive)."""
        return (self.end or self.start).end

    @property
    def sort_key(self) -> tuple[int, int, int, int, int, int, str]:
        """Chronological order: start of period, coarser precision first, then id."""
        return chronological_key(self)

    def accounts(self, actor_id: str, side: str = "actor") -> tuple[Role, ...]:
        """The accounts of an actor's part on one side; none means confirmed."""
        if not self.roles:
            return ()
        return tuple(r for r in self.roles if r.actor == actor_id and r.side == side)

    def link(self, cause_id: str) -> Link:
        """The typed link to one of the causes (a plain cause if untyped)."""
        for link in self.links:
            if link.event == cause_id:
                return link
        return Link(cause_id)

    @property
    def countries(self) -> tuple[str, ...]:
        """The distinct countries of the event's locations, in order."""
        return tuple(dict.fromkeys(loc.country for loc in self.locations))


def chronological_key(event: Event) -> tuple[int, int, int, int, int, int, str]:
    """Start of period, then the coarser precision first, then id.

    This runs for every event of every sort; attribute access by field name
    costs about as little as indexing (and far less than a dotted attrgetter).
    """
    start = event.start
    return (start.year, start.month, start.day, start.hour, start.minute, start.precision, event.id)


def _linked_from(
    events: tuple[Event, ...], links: Callable[[Event], tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """For each id the events name through `links`, those events' ids, chronologically."""
    found: dict[str, list[str]] = {}
    for event in sorted(events, key=chronological_key):
        for ident in links(event):
            found.setdefault(ident, []).append(event.id)
    return {ident: tuple(ids) for ident, ids in found.items()}


# Every value pickles as tuple.__new__(cls, values), which runs in C (see _rebuilt_in_c).
for _value_type in (FuzzyDate, Figure, Count, Location, Source, Actor, Role, Link, Event):
    _value_type.__reduce__ = _rebuilt_in_c  # type: ignore[method-assign,assignment]


#: Actor kinds, with what each means. The loader refuses any other.
ACTOR_KINDS: Final[dict[str, str]] = {
    "state": "a country acting through its government",
    "state-force": "a force or body of a state: an army branch, a parliament",
    "armed-group": "a non-state armed group or militia",
    "coalition": "an alliance or umbrella of states or groups",
    "person": "an individual",
    "civilians": "crowds, protesters, the public",
}

#: Whose account an actor's part in an event is, with how `show` says it.
STATUSES: Final[dict[str, str]] = {
    "confirmed": "established by the sources",
    "claimed": "claimed by the actor itself",
    "attributed": "blamed on the actor by another (`by`)",
    "denied": "denied by the actor",
    "suspected": "suspected, not formally attributed",
    "unknown": "named, but the sources cannot say",
}
#: Statuses that count as the actor's own or established part.
FIRM_STATUSES: Final = frozenset({"confirmed", "claimed"})

#: Kinds of causal link, with how they read from the effect's side.
LINK_TYPES: Final[dict[str, str]] = {
    "retaliation": "retaliation for",
    "response": "in response to",
    "enabled": "enabled by",
    "cause": "caused by",
}

SCHEMA_VERSION: Final = 2
#: Every schema version this program reads.
READABLE_SCHEMAS: Final = (1, 2)


class Store:
    """A whole, validated timeline: events in file order, actors, derived indexes.

    A slice (a filtered JSON export) also holds `outside`: brief stand-ins for
    the events its links name that it does not hold. An outside event has an
    id, title, kind and dates, and only its links to events of the slice; it
    is never listed, selected or counted, only named where a link leads to it.

    Not a dataclass, so that loading a store does not import `dataclasses`
    (and `inspect`) on every start; treat it as immutable.
    """

    def __init__(
        self,
        events: tuple[Event, ...],
        actors: tuple[Actor, ...],
        origin: str = "events.toml",
        schema: int = SCHEMA_VERSION,
        outside: tuple[Event, ...] = (),
    ) -> None:
        self.events = events
        self.actors = actors
        self.origin = origin
        self.schema = schema
        self.outside = outside

    def __repr__(self) -> str:
        return f"Store({self.origin!r}, {len(self.events)} events, {len(self.actors)} actors)"

    def __eq__(self, other: object) -> bool:
        """Same content (where it was read from does not count)."""
        if not isinstance(other, Store):
            return NotImplemented
        mine = (self.events, self.actors, self.schema, self.outside)
        return mine == (other.events, other.actors, other.schema, other.outside)

    __hash__ = None  # type: ignore[assignment]

    @cached_property
    def by_id(self) -> dict[str, Event]:
        """Events by id (the last wins if ids repeat; `check` reports that)."""
        return {e.id: e for e in self.events}

    @cached_property
    def actors_by_id(self) -> dict[str, Actor]:
        """Actors by id."""
        return {a.id: a for a in self.actors}

    @cached_property
    def effects(self) -> dict[str, tuple[str, ...]]:
        """For each event id, the ids of the events that name it as a cause,
        in chronological order (one pass over the chronological order, so each
        list comes out sorted)."""
        found: dict[str, list[str]] = {}
        for event in self.chronological:
            for cause in event.causes:
                found.setdefault(cause, []).append(event.id)
        return {cause: tuple(effects) for cause, effects in found.items()}

    def effects_of(self, event_id: str) -> tuple[str, ...]:
        """Ids of the events caused by this one."""
        return self.effects.get(event_id, ())

    @cached_property
    def parts(self) -> dict[str, tuple[str, ...]]:
        """For each whole's id, the ids of the events that are part of it,
        chronologically."""
        found: dict[str, list[str]] = {}
        for event in self.chronological:
            for whole in event.part_of:
                found.setdefault(whole, []).append(event.id)
        return {whole: tuple(parts) for whole, parts in found.items()}

    def parts_of(self, event_id: str) -> tuple[str, ...]:
        """Ids of the events that are part of this one."""
        return self.parts.get(event_id, ())

    @cached_property
    def outside_by_id(self) -> dict[str, Event]:
        """The outside events of a slice, by id (empty for a whole store)."""
        return {e.id: e for e in self.outside}

    @cached_property
    def outside_effects(self) -> dict[str, tuple[str, ...]]:
        """For an event of the slice, the outside events that name it as a
        cause, chronologically."""
        return _linked_from(self.outside, lambda e: e.causes)

    @cached_property
    def outside_parts(self) -> dict[str, tuple[str, ...]]:
        """For a whole of the slice, its outside parts, chronologically."""
        return _linked_from(self.outside, lambda e: e.part_of)

    def all_effects(self, event_id: str) -> tuple[str, ...]:
        """The effects of an event, held and outside, chronologically."""
        return self._with_outside(self.effects.get(event_id, ()), self.outside_effects, event_id)

    def all_parts(self, event_id: str) -> tuple[str, ...]:
        """The parts of a whole, held and outside, chronologically."""
        return self._with_outside(self.parts.get(event_id, ()), self.outside_parts, event_id)

    def _with_outside(
        self, held: tuple[str, ...], beyond: dict[str, tuple[str, ...]], event_id: str
    ) -> tuple[str, ...]:
        if not self.outside:
            return held
        more = beyond.get(event_id)
        if not more:
            return held
        found = [e for e in map(self.known, (*held, *more)) if e is not None]
        return tuple(e.id for e in sorted(found, key=chronological_key))

    def known(self, event_id: str) -> Event | None:
        """The event of that id, held or outside (None when neither)."""
        return self.by_id.get(event_id) or self.outside_by_id.get(event_id)

    def is_outside(self, event_id: str) -> bool:
        """Whether a link to this id leads outside the store (a slice's outside event)."""
        return event_id in self.outside_by_id and event_id not in self.by_id

    @cached_property
    def chronological(self) -> tuple[Event, ...]:
        """All events in chronological order."""
        return tuple(sorted(self.events, key=chronological_key))

    def actor_name(self, actor_id: str) -> str:
        """The display name of an actor id (the id itself if unknown)."""
        actor = self.actors_by_id.get(actor_id)
        return actor.name if actor else actor_id
