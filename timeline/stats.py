"""Counts and casualty totals over a selection of events, with their bounds.

Summing uncertain figures keeps the uncertainty: minimums add up to the total's
minimum; maximums add up to its maximum, which is open as soon as any figure
is open ("55+") or unknown ("?").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from timeline.model import Count, Event, Store


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


def total(counts: Iterable[Count | None]) -> Total:
    """The bounded sum of figures."""
    result = Total()
    for count in counts:
        result = result.add(count)
    return result


class Group(NamedTuple):
    """Events sharing a key (a year, a kind, a country, an actor)."""

    key: str
    events: int
    killed: Total
    injured: Total
    acted: int = 0
    targeted: int = 0


class Summary(NamedTuple):
    """Everything `stats` reports."""

    events: int
    killed: Total
    injured: Total
    by_year: list[Group]
    by_kind: list[Group]
    by_country: list[Group]
    by_actor: list[Group]


def _grouped(
    events: Sequence[Event], keys: Callable[[Event], Iterable[str]], order: Callable[[Group], Any]
) -> list[Group]:
    members: dict[str, list[Event]] = {}
    for event in events:
        for key in dict.fromkeys(keys(event)):
            members.setdefault(key, []).append(event)
    groups = [
        Group(key, len(found), total(e.killed for e in found), total(e.injured for e in found))
        for key, found in members.items()
    ]
    return sorted(groups, key=order)


def _by_count(group: Group) -> tuple[int, str]:
    return (-group.events, group.key)


def summarize(store: Store, events: Sequence[Event]) -> Summary:
    """Counts by year, kind, country and actor, and casualty totals, of the events."""
    by_actor = _grouped(events, lambda e: (*e.actors, *e.targets), _by_count)
    acted: dict[str, int] = {}
    targeted: dict[str, int] = {}
    for event in events:
        for ident in dict.fromkeys(event.actors):
            acted[ident] = acted.get(ident, 0) + 1
        for ident in dict.fromkeys(event.targets):
            targeted[ident] = targeted.get(ident, 0) + 1
    return Summary(
        events=len(events),
        killed=total(e.killed for e in events),
        injured=total(e.injured for e in events),
        by_year=_grouped(events, lambda e: (str(e.start.year),), lambda g: g.key),
        by_kind=_grouped(events, lambda e: (e.kind,), _by_count),
        by_country=_grouped(events, lambda e: e.countries, _by_count),
        by_actor=[g._replace(acted=acted.get(g.key, 0), targeted=targeted.get(g.key, 0)) for g in by_actor],
    )
