"""Named, pure integrity checks over a loaded store.

Each check takes a Store and returns the problems it finds; none prints.
They all run on every load (they are linear), and `timeline check` reports them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from timeline.dates.zones import aware
from timeline.errors import Problem
from timeline.model import Count, FuzzyDate, Precision, Store

Check = Callable[[Store], Iterator[Problem]]


def duplicate_ids(store: Store) -> Iterator[Problem]:
    """Two events, or two actors, with the same id."""
    for ident, n in Counter(e.id for e in store.events).items():
        if n > 1:
            yield Problem(f"the id is used by {n} events; ids must be unique", event_id=ident, field="id")
    for ident, n in Counter(a.id for a in store.actors).items():
        if n > 1:
            yield Problem(f'actor id "{ident}" is used by {n} actors; ids must be unique')


def unknown_causes(store: Store) -> Iterator[Problem]:
    """A cause that names no event of the store."""
    for event in store.events:
        for cause in event.causes:
            if cause not in store.by_id:
                yield Problem(f'names unknown event "{cause}"', event_id=event.id, field="causes")


def causal_cycles(store: Store) -> Iterator[Problem]:
    """Events that are, through their causes, their own cause."""
    from timeline.graph import find_cycles

    causes = {e.id: e.causes for e in store.events}
    for cycle in find_cycles(causes):
        loop = " -> ".join([*cycle, cycle[0]])
        yield Problem(f"causes form a cycle: {loop}", event_id=cycle[0], field="causes")


def effect_before_cause(store: Store) -> Iterator[Problem]:
    """An effect that certainly starts before its cause, at their precisions."""
    for event in store.events:
        for cause_id in event.causes:
            cause = store.by_id.get(cause_id)
            if cause is not None and certainly_before(event.start, cause.start):
                yield Problem(
                    f'starts {event.start.iso()}, before its cause "{cause_id}" ({cause.start.iso()})',
                    event_id=event.id,
                    field="causes",
                )


def certainly_before(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether every instant a may stand for is before every instant b may."""
    if a.precision is Precision.MINUTE and b.precision is Precision.MINUTE:
        return aware(a) < aware(b)
    return a.end <= b.start


def end_before_start(store: Store) -> Iterator[Problem]:
    """A span whose end certainly comes before its start."""
    for event in store.events:
        if event.end is not None and certainly_before(event.end, event.start):
            yield Problem(
                f"ends {event.end.iso()}, before it starts ({event.start.iso()})",
                event_id=event.id,
                field="end",
            )


def unknown_actors(store: Store) -> Iterator[Problem]:
    """An actor, target or backer id that the actor registry does not hold."""
    known = store.actors_by_id
    for event in store.events:
        for name, ids in (("actors", event.actors), ("targets", event.targets)):
            for ident in ids:
                if ident not in known:
                    yield Problem(
                        f'names unknown actor "{ident}"; add an [[actor]] with that id',
                        event_id=event.id,
                        field=name,
                    )
    for actor in store.actors:
        for backer in actor.backers:
            if backer not in known:
                yield Problem(f'actor "{actor.id}": backer "{backer}" is not a known actor')


def missing_sources(store: Store) -> Iterator[Problem]:
    """An event that cites no source."""
    for event in store.events:
        if not event.sources:
            yield Problem(
                "has no source; add a [[event.sources]] table with a title",
                event_id=event.id,
                field="sources",
            )


def breakdown_bounds(store: Store) -> Iterator[Problem]:
    """A casualty breakdown whose total falls outside the figure's bounds."""
    for event in store.events:
        for name, count in (("killed", event.killed), ("injured", event.injured)):
            if count is not None and count.breakdown and not _fits(count):
                total = sum(n for _, n in count.breakdown)
                yield Problem(
                    f"breakdown adds up to {total}, outside the figure {count}",
                    event_id=event.id,
                    field=f"{name}_breakdown",
                )


def _fits(count: Count) -> bool:
    total = sum(n for _, n in count.breakdown)
    if count.min is not None and total < count.min:
        return False
    return count.max is None or total <= count.max


#: Every check, by name, in the order they report.
CHECKS: dict[str, Check] = {
    "duplicate-ids": duplicate_ids,
    "unknown-causes": unknown_causes,
    "causal-cycles": causal_cycles,
    "effect-before-cause": effect_before_cause,
    "end-before-start": end_before_start,
    "unknown-actors": unknown_actors,
    "missing-sources": missing_sources,
    "breakdown-bounds": breakdown_bounds,
}


def run_checks(store: Store) -> list[Problem]:
    """All problems every check finds, each tagged with its check's name."""
    found = []
    for name, check in CHECKS.items():
        for problem in check(store):
            found.append(Problem(problem.message, store.origin, None, problem.event_id, problem.field, name))
    return found
