"""Selecting and ordering events: filters built from what users type and
combined, sort keys, and resolving what users type (event ids, actor names,
kinds) against a store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, NamedTuple

from timeline.errors import NotFoundError, UsageError
from timeline.hints import did_you_mean
from timeline.model import FIRM_STATUSES, Event, Store, chronological_key
from timeline.palette import EVENT_KINDS

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

    from timeline.dates.parse import Period

SORT_KEYS = ("date", "killed", "injured", "title", "kind")

#: Typographic quotes and apostrophes that word processors, web pages and
#: phone keyboards put in place of ASCII ones ("Kata\u2019ib"): single ones
#: (right and left, reversed, the modifier letters, prime, acute, grave,
#: fullwidth) to ', double ones (and the double prime) to ".
_QUOTES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u02bb\u02bc\u02bd\u2032\u00b4\u0060\uff07", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"')
)

#: Common short names for --country, each the name the store uses.
COUNTRY_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "gb": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "ksa": "Saudi Arabia",
}


class Filter(NamedTuple):
    """What to keep. Values of one option are alternatives (any may hold);
    different options must all hold. Empty means no constraint.

    A NamedTuple rather than a frozen dataclass, which would cost every
    command half a millisecond of start-up to create.
    """

    period: Period | None = None
    actors: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    search: tuple[str, ...] = ()
    #: Match actors only where their part is confirmed or claimed.
    confirmed: bool = False
    #: Keep only events that are part of nothing.
    top_level: bool = False
    #: Drop events that have parts.
    hide_wholes: bool = False
    #: Match the period by the event's start alone, not its whole span.
    starting: bool = False
    #: Drop spans (events with an end) longer than this.
    max_span: relativedelta | None = None
    #: The UTC offset (minutes) of a time typed in the period ("11:00 -05:00"):
    #: an event known to the minute is then compared on that clock, not on its
    #: own local one, so a time pasted from "reported as" finds its event.
    clock: int | None = None

    def matches(self, event: Event, store: Store) -> bool:
        """Whether the event passes every constraint."""
        if self.period is not None:
            first, last = event.period_start, event.start.end if self.starting else event.period_end
            if self.clock is not None and event.start.offset is not None:
                shift = timedelta(minutes=self.clock - event.start.offset)
                first, last = first + shift, last + shift
            if not (first < self.period.end and self.period.start < last):
                return False
        if self.max_span is not None and event.end is not None and longer_than(event, self.max_span):
            return False
        if self.kinds and event.kind not in self.kinds:
            return False
        if self.actors and not self._actor_matches(event):
            return False
        if self.top_level and event.part_of:
            return False
        if self.hide_wholes and event.id in store.parts:
            return False
        if self.countries and not any(loc.country.casefold() in self.countries for loc in event.locations):
            return False
        if self.tags and not any(tag.casefold() in self.tags for tag in event.tags):
            return False
        if self.search:
            haystack = searchable_text(event, store)
            if not any(needle in haystack for needle in self.search):
                return False
        return True

    def _actor_matches(self, event: Event) -> bool:
        """Whether one of the wanted actors acted or was targeted (with
        `confirmed`, by a confirmed or claimed account)."""
        for side, ids in (("actor", event.actors), ("target", event.targets)):
            for ident in ids:
                if ident not in self.actors:
                    continue
                if not self.confirmed:
                    return True
                accounts = event.accounts(ident, side)
                if not accounts or any(r.status in FIRM_STATUSES for r in accounts):
                    return True
        return False


def longer_than(event: Event, span: relativedelta) -> bool:
    """Whether the event's period is longer than the span (a relativedelta)."""
    try:
        return event.period_start + span < event.period_end
    except (OverflowError, ValueError):  # the span reaches past year 9999
        return False


def build_filter(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    on: str | None = None,
    around: str | None = None,
    window: str = "2w",
    actors: Iterable[str] = (),
    countries: Iterable[str] = (),
    kinds: Iterable[str] = (),
    tags: Iterable[str] = (),
    search: Iterable[str] = (),
    confirmed: bool = False,
    top_level: bool = False,
    hide_wholes: bool = False,
    with_backed: bool = False,
    starting: bool = False,
    max_span: str | None = None,
) -> Filter:
    """The Filter for the values of the filter options (--from, --to, --on,
    --around with --window, --starting, --actor with --confirmed, --country,
    --kind, --tag, --search, --top-level, --hide-wholes, --with-backed,
    --max-span), checked against the store.

    Raises:
        UsageError: a date, actor, country, kind or tag that cannot be understood.
    """
    period: Period | None = None
    clock: int | None = None
    if around is not None:
        from timeline.dates.parse import around as widened
        from timeline.dates.parse import parse_window

        if since or until or on:
            raise UsageError("--around cannot be combined with --from, --to or --on")
        period = widened(around_period(store, around), parse_window(window))
    elif since is not None or until is not None or on is not None:
        from timeline.dates.parse import user_clock, user_range

        period = user_range(since, until, on)
        clock = user_clock(since, until, on)
    if confirmed and not actors:
        raise UsageError("--confirmed narrows --actor to confirmed or claimed parts; give --actor")
    longest = None
    if max_span is not None:
        from timeline.dates.parse import parse_window

        longest = parse_window(max_span, "--max-span")
    return Filter(
        period=period,
        actors=_actors(store, actors, with_backed),
        countries=frozenset(resolve_country(store, c) for c in countries),
        kinds=frozenset(resolve_kind(k) for k in kinds),
        tags=frozenset(resolve_tag(store, t) for t in tags),
        search=tuple(folded(s) for s in search),
        confirmed=confirmed,
        top_level=top_level,
        hide_wholes=hide_wholes,
        starting=starting,
        max_span=longest,
        clock=clock,
    )


def _actors(store: Store, texts: Iterable[str], with_backed: bool) -> frozenset[str]:
    """The actor ids wanted; with `with_backed`, also every actor they back."""
    wanted = {resolve_actor(store, text) for text in texts}
    if with_backed:
        if not wanted:
            raise UsageError("--with-backed needs --actor")
        wanted |= backed_by(store, wanted)
    return frozenset(wanted)


def backed_by(store: Store, backers: Iterable[str]) -> set[str]:
    """The actors that the given ones back, through the actors' `backers`,
    and those that these back in turn (a militia backed by the Quds Force is
    reached from Iran only when the store says Iran backs the Quds Force)."""
    found: set[str] = set()
    frontier = set(backers)
    while frontier:
        frontier = {a.id for a in store.actors if frontier & set(a.backers)} - found - set(backers)
        found |= frontier
    return found


def around_period(store: Store, text: str) -> Period:
    """The period of --around: an event's (by id or unique prefix), or a date's.

    Raises:
        UsageError: neither a date nor an event.
    """
    from timeline.dates.parse import Period, parse_user_date

    event = store.known(text)  # in a slice, an outside event's dates are known too
    if event is not None:
        return Period(event.period_start, event.period_end)
    try:
        return parse_user_date(text, "--around")[0]
    except UsageError as date_error:
        try:
            event = resolve_event(store, text)
        except NotFoundError:
            raise UsageError(f"{date_error} or an event id") from None
        return Period(event.period_start, event.period_end)


def folded(text: str) -> str:
    """Text as --search and --actor compare it: its typographic quotes made
    ASCII, then case-folded, so "Kata\u2019ib" finds "Kata'ib" (and the other way)."""
    return text.translate(_QUOTES).casefold()


def searchable_text(event: Event, store: Store) -> str:
    """Title, summary, places and actor names, folded (see `folded`), for --search."""
    parts = [event.title, event.summary]
    for loc in event.locations:
        parts.extend(p for p in (loc.place, loc.region, loc.country) if p)
    for ident in (*event.actors, *event.targets):
        actor = store.actors_by_id.get(ident)
        parts.append(ident)
        if actor is not None:
            parts.append(actor.name)
            parts.extend(actor.aliases)
    return folded("\n".join(parts))


def select(store: Store, where: Filter) -> list[Event]:
    """The events that match, in chronological order."""
    return [e for e in store.chronological if where.matches(e, store)]


def _count_key(pick: Callable[[Event], object]) -> Callable[[Event], tuple[int, int, int]]:
    def key(event: Event) -> tuple[int, int, int]:
        count = pick(event)
        low = getattr(count, "min", None)
        high = getattr(count, "max", None)
        if low is None:
            return (0, 0, 0)  # unknown or not recorded sorts lowest
        return (1, low, high if high is not None else 1 << 62)

    return key


_SORTERS: dict[str, Callable[[Event], object]] = {
    "killed": _count_key(lambda e: e.killed),
    "injured": _count_key(lambda e: e.injured),
    "title": lambda e: e.title.casefold(),
    "kind": lambda e: e.kind,
}


def sort_events(events: Sequence[Event], key: str = "date", reverse: bool = False) -> list[Event]:
    """Events ordered by a key; ties stay in chronological order (stable)."""
    ordered = sorted(events, key=chronological_key)
    if key != "date":
        if key not in _SORTERS:
            raise UsageError(f"--sort: {key!r} is not one of {', '.join(SORT_KEYS)}")
        # Sorting the chronological list by the key alone keeps ties chronological,
        # also when reversed.
        ordered.sort(key=_SORTERS[key], reverse=reverse)  # type: ignore[arg-type]
        return ordered
    return ordered[::-1] if reverse else ordered


def resolve_event(store: Store, text: str) -> Event:
    """The event named by an id or a unique prefix of one.

    Raises:
        NotFoundError: no event, or an ambiguous prefix, with suggestions.
    """
    if text in store.by_id:
        return store.by_id[text]
    if text in store.outside_by_id:
        raise NotFoundError(
            f"event {text!r} is outside this store: {store.origin} is a slice that only links to it; "
            "export a wider slice, or read the whole store"
        )
    matches = [ident for ident in store.by_id if ident.startswith(text)] if text else []
    if len(matches) == 1:
        return store.by_id[matches[0]]
    if matches:
        shown = ", ".join(sorted(matches)[:8]) + (", ..." if len(matches) > 8 else "")
        raise NotFoundError(f"{text!r} is the start of {len(matches)} event ids: {shown}")
    raise NotFoundError(f"no event {text!r}{did_you_mean(text, store.by_id)}")


def resolve_actor(store: Store, text: str) -> str:
    """The actor id for an id, name or alias, case-insensitively.

    Raises:
        UsageError: an unknown actor, with the closest names suggested.
    """
    wanted = folded(text)
    names: dict[str, str] = {}
    for actor in store.actors:
        for name in (actor.id, actor.name, *actor.aliases):
            names.setdefault(folded(name), actor.id)
    if wanted in names:
        return names[wanted]
    raise UsageError(f"--actor: unknown actor {text!r}{_actor_hint(store, text)}")


def _actor_hint(store: Store, text: str) -> str:
    """The closest actors, each once, by the name (or id or alias) as written
    that is most like what was typed."""
    from timeline.hints import closest

    written = {name: actor.id for actor in store.actors for name in (actor.name, actor.id, *actor.aliases)}
    shown: dict[str, str] = {}
    for name in closest(text, written, n=len(written)):
        shown.setdefault(written[name], name)
    return did_you_mean(text, list(shown.values())[:3], cutoff=0.0)


def store_country(store: Store, text: str) -> str | None:
    """The country as the store's events spell it: one of theirs in any case,
    else by a common short name (US, USA, UK, UAE: COUNTRY_ALIASES); None when
    no event is in it. A country the store really has comes first, so a store
    whose events are in "US" (or "UK") finds them by that name."""
    known = countries(store)
    typed = text.strip().casefold()
    if typed in known:
        return known[typed]
    full = COUNTRY_ALIASES.get(typed)
    return known.get(full.casefold()) if full is not None else None


def countries(store: Store) -> dict[str, str]:
    """The countries of the store's events, by their case-folded name."""
    return {loc.country.casefold(): loc.country for e in store.events for loc in e.locations}


def unknown_country(store: Store, text: str) -> str:
    """Why a country is not one of the store's: "'Irak' (did you mean 'Iran',
    'Iraq', 'Israel'?)", or "'US' (United States)" for a short name whose
    country no event is in."""
    full = COUNTRY_ALIASES.get(text.strip().casefold())
    if full is not None:
        return f"{text!r} ({full})"
    return f"{text!r}{did_you_mean(text, sorted(countries(store).values()))}"


def resolve_country(store: Store, text: str) -> str:
    """A country of the store's events (case-folded), as `store_country` finds it.

    Raises:
        UsageError: a country no event is in, with the closest suggested.
    """
    found = store_country(store, text)
    if found is None:
        raise UsageError(f"--country: no event is in {unknown_country(store, text)}")
    return found.casefold()


def resolve_tag(store: Store, text: str) -> str:
    """A tag of the store's events (case-folded).

    Raises:
        UsageError: a tag no event has, with the closest suggested.
    """
    known = {tag.casefold() for e in store.events for tag in e.tags}
    wanted = text.casefold()
    if wanted in known:
        return wanted
    raise UsageError(f"--tag: no event has the tag {text!r}{did_you_mean(wanted, sorted(known))}")


def resolve_kind(text: str) -> str:
    """A known event kind.

    Raises:
        UsageError: an unknown kind, with the closest kinds suggested.
    """
    if text in EVENT_KINDS:
        return text
    lowered = text.casefold()
    if lowered in EVENT_KINDS:
        return lowered
    hint = did_you_mean(lowered, EVENT_KINDS)
    raise UsageError(f"--kind: unknown kind {text!r}{hint}; kinds are {', '.join(EVENT_KINDS)}")
