"""Counts and casualty totals over a selection of events, with their bounds.

Summing uncertain figures keeps the uncertainty: minimums add up to the total's
minimum; maximums add up to its maximum, which is open as soon as any figure
is open ("55+") or unknown ("?").

A figure is counted once. A whole (an event with parts in the store) counts
only its residual, what its parts' figures cannot cover, whether or not the
parts are selected; each part counts itself. So no selection can add a
campaign's toll to the tolls of the strikes inside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from timeline.model import FIRM_STATUSES, Count, Event, Store

if TYPE_CHECKING:
    from timeline.dates.parse import Period


class Total(NamedTuple):
    """The sum of some casualty figures."""

    min: int = 0
    max: int | None = 0
    figures: int = 0  # events that had a figure at all
    unknown: int = 0  # of which "?"

    def add(self, count: Count | None) -> Total:
        """This total with one more figure (None, no figure, changes nothing)."""
        if count is None:
            return self
        low = count.min or 0
        high = None if self.max is None or count.max is None else self.max + count.max
        return Total(self.min + low, high, self.figures + 1, self.unknown + count.is_unknown)

    def __str__(self) -> str:
        if not self.figures:
            return "none recorded"
        if self.max is None:
            return f"at least {self.min}"
        if self.max == self.min:
            return str(self.min)
        return f"{self.min}\u2013{self.max}"

    def brief(self) -> str:
        """The total in a word, where a column is too narrow for `str`: "33+",
        as the store writes an open figure, and "none" (never split over two
        lines between "at least" and its number)."""
        if not self.figures:
            return "none"
        return f"{self.min}+" if self.max is None else str(self)


def total(counts: Iterable[Count | None]) -> Total:
    """The bounded sum of figures."""
    result = Total()
    for count in counts:
        result = result.add(count)
    return result


def residual(whole: Count | None, parts: Iterable[Count | None]) -> Count | None:
    """What a whole's figure adds beyond its parts' figures.

    min = max(0, whole.min - sum of the parts' max), 0 when a part's max is
    open; max = whole.max - sum of the parts' min (never below 0), open when
    the whole's is. An unknown whole stays unknown; no figure stays None.
    """
    if whole is None or whole.is_unknown:
        return whole
    covered_min = 0
    covered_max: int | None = 0
    for part in parts:
        if part is None:
            continue
        covered_min += part.min or 0
        covered_max = None if covered_max is None or part.max is None else covered_max + part.max
    low = 0 if covered_max is None else max(0, (whole.min or 0) - covered_max)
    high = None if whole.max is None else max(0, whole.max - covered_min)
    return Count(low if high is None else min(low, high), high)


class Own(NamedTuple):
    """The figures one event contributes to any sum: its own, or a whole's residual."""

    killed: Count | None
    injured: Count | None
    parts: int  # the whole's parts in the store; 0 for an event that is no whole


def own(store: Store, event: Event) -> Own:
    """The event's figures as counted: a whole's residual beyond its parts."""
    part_ids = store.parts_of(event.id)
    if not part_ids:
        return Own(event.killed, event.injured, 0)
    parts = [store.by_id[i] for i in part_ids if i in store.by_id]
    return Own(
        residual(event.killed, (p.killed for p in parts)),
        residual(event.injured, (p.injured for p in parts)),
        len(parts),
    )


class Group(NamedTuple):
    """Events sharing a key (a year or span, a kind, a country, an actor's side)."""

    key: str
    events: int
    killed: Total
    injured: Total


class ActorRow(NamedTuple):
    """One actor: what was killed in its actions, and among its own (as a target),
    from firm accounts (confirmed, claimed) and, apart, from unconfirmed ones."""

    key: str
    events: int
    acted: Group
    acted_unconfirmed: Group
    targeted: Group
    targeted_unconfirmed: Group


class Summary(NamedTuple):
    """Everything `stats` reports."""

    events: int
    killed: Total
    injured: Total
    by_year: list[Group]
    by_kind: list[Group]
    by_country: list[Group]
    by_actor: list[ActorRow]
    wholes: int = 0  # selected wholes counted only beyond their parts
    parts: int = 0  # the parts of those wholes that are selected too
    parts_outside: int = 0  # and those that are not (their figures are in no total)
    #: Selected spans with a figure whose period reaches beyond the period
    #: asked for: their whole toll is counted, not the period's share of it.
    beyond: tuple[str, ...] = ()
    #: The period the events were selected for, when one was asked.
    period: Period | None = None


class _Sums:
    """Per-key running totals, in first-seen order."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[set[str], Total, Total]] = {}

    def book(self, key: str, event: Event, killed: Count | None, injured: Count | None) -> None:
        ids, k, i = self.rows.get(key, (set(), Total(), Total()))
        ids.add(event.id)
        self.rows[key] = (ids, k.add(killed), i.add(injured))

    def groups(self) -> list[Group]:
        return [Group(key, len(ids), k, i) for key, (ids, k, i) in self.rows.items()]


def year_key(event: Event) -> str:
    """ "2019", or "2003–2011" for an event whose period crosses a year boundary."""
    first = event.start.year
    last = (event.end or event.start).year
    return str(first) if last == first else f"{first}\u2013{last}"


def _year_order(group: Group) -> tuple[int, int]:
    first, _, last = group.key.partition("\u2013")
    return (int(first), int(last or first))


def _by_count(group: Group) -> tuple[int, str]:
    return (-group.events, group.key)


def _split(
    count: Count | None, countries: Sequence[str], known: frozenset[str]
) -> list[tuple[str, Count | None]] | None:
    """A figure split by its country breakdown, the rest under "shared"; None
    when it has no breakdown by country (one keyed by other labels does not count)."""
    if count is None or not count.breakdown or not all(label in known for label, _ in count.breakdown):
        return None
    booked = sum(n for _, n in count.breakdown)
    shares: list[tuple[str, Count | None]] = [(label, Count(n, n)) for label, n in count.breakdown]
    rest_min = max(0, (count.min or 0) - booked)
    rest_max = None if count.max is None else max(0, count.max - booked)
    if rest_max != 0:
        shares.append((_shared(countries), Count(rest_min, rest_max)))
    return shares


def _shared(countries: Sequence[str]) -> str:
    return "shared: " + ", ".join(sorted(countries))  # one row per set of countries, whatever their order


def _book_countries(sums: _Sums, event: Event, figures: Own, known: frozenset[str]) -> None:
    countries = event.countries
    if len(countries) <= 1:
        sums.book(countries[0] if countries else "no country", event, figures.killed, figures.injured)
        return
    for measure, count in (("killed", figures.killed), ("injured", figures.injured)):
        split = None if figures.parts else _split(count, countries, known)
        for key, share in split or [(_shared(countries), count)]:
            sums.book(
                key, event, share if measure == "killed" else None, share if measure == "injured" else None
            )


def is_firm(event: Event, actor: str, side: str) -> bool:
    """Whether an actor's part on one side rests on a firm account (confirmed or
    claimed); a plain id, with no accounts, is confirmed."""
    accounts = event.accounts(actor, side)
    return not accounts or any(r.status in FIRM_STATUSES for r in accounts)


def summarize(store: Store, events: Sequence[Event], period: Period | None = None) -> Summary:
    """Counts by year, kind, country and actor, and casualty totals, of the
    events (selected for `period`, when one was asked: the spans reaching
    beyond it are named)."""
    years, kinds, countries = _Sums(), _Sums(), _Sums()
    sides: dict[tuple[str, str, bool], _Sums] = {}
    involved: dict[str, set[str]] = {}
    known = frozenset(loc.country for e in store.events for loc in e.locations)
    killed, injured = Total(), Total()
    wholes = parts = parts_outside = 0
    selected = {event.id for event in events}
    beyond: list[str] = []
    for event in events:
        figures = own(store, event)
        if figures.parts:
            wholes += 1
            inside = sum(1 for part in store.parts_of(event.id) if part in selected)
            parts += inside
            parts_outside += figures.parts - inside
        if (
            period is not None
            and _reaches_beyond(event, period)
            and (_adds(figures.killed) or _adds(figures.injured))
        ):
            beyond.append(event.id)
        killed, injured = killed.add(figures.killed), injured.add(figures.injured)
        years.book(year_key(event), event, figures.killed, figures.injured)
        kinds.book(event.kind, event, figures.killed, figures.injured)
        _book_countries(countries, event, figures, known)
        for role, ids in (("actor", event.actors), ("target", event.targets)):
            for ident in ids:
                involved.setdefault(ident, set()).add(event.id)
                sums = sides.setdefault((ident, role, is_firm(event, ident, role)), _Sums())
                sums.book(ident, event, figures.killed, figures.injured)

    def side(ident: str, name: str, firm: bool) -> Group:
        found = sides.get((ident, name, firm))
        return found.groups()[0] if found else Group(ident, 0, Total(), Total())

    actors = [
        ActorRow(ident, len(ids), side(ident, "actor", True), side(ident, "actor", False),
                 side(ident, "target", True), side(ident, "target", False))
        for ident, ids in involved.items()
    ]  # fmt: skip
    return Summary(
        events=len(events),
        killed=killed,
        injured=injured,
        by_year=sorted(years.groups(), key=_year_order),
        by_kind=sorted(kinds.groups(), key=_by_count),
        by_country=sorted(countries.groups(), key=lambda g: (g.key.startswith("shared: "), -g.events, g.key)),
        by_actor=sorted(actors, key=lambda a: (-a.events, a.key)),
        wholes=wholes,
        parts=parts,
        parts_outside=parts_outside,
        beyond=tuple(beyond),
        period=period,
    )


def _reaches_beyond(event: Event, period: Period) -> bool:
    """Whether a span (an event with an end) starts before the period or ends after it."""
    return event.end is not None and (event.period_start < period.start or event.period_end > period.end)


def _adds(count: Count | None) -> bool:
    """Whether a figure adds anything to a total (a known 0 does not)."""
    return count is not None and (count.is_unknown or count.max is None or count.max > 0)
