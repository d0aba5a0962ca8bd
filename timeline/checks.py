"""Named, pure integrity checks over a loaded store.

Each check takes a Store and returns the problems it finds; none prints.
They all run on every load (they are linear), and `timeline check` reports them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from timeline.dates.zones import aware
from timeline.errors import Problem
from timeline.model import Count, Event, Figure, FuzzyDate, Link, Precision, Role, Store

Check = Callable[[Store], Iterator[Problem]]


def duplicate_ids(store: Store) -> Iterator[Problem]:
    """Two events, or two actors, with the same id: told at each copy after
    the first (the one a user most likely just added)."""
    if len(store.by_id) == len(store.events) and len(store.actors_by_id) == len(store.actors):
        return  # the usual case, known without counting
    counts = Counter(e.id for e in store.events)
    seen: Counter[str] = Counter()
    for position, event in enumerate(store.events):
        n = counts[event.id]
        seen[event.id] += 1
        if seen[event.id] > 1:
            yield Problem(
                f"the id is used by {n} events (this is the {_ordinal(seen[event.id])}); ids must be unique",
                event_id=event.id,
                field="id",
                position=position,
            )
    for ident, n in Counter(a.id for a in store.actors).items():
        if n > 1:
            yield Problem(f'actor id "{ident}" is used by {n} actors; ids must be unique')


def _ordinal(n: int) -> str:
    return {2: "second", 3: "third"}.get(n, f"{n}th")


def unknown_causes(store: Store) -> Iterator[Problem]:
    """A cause that names no event of the store (nor, in a slice, one of its
    outside events)."""
    outside = store.outside_by_id
    for event in store.events:
        for cause in event.causes:
            if cause not in store.by_id and cause not in outside:
                yield Problem(f'names unknown event "{cause}"', event_id=event.id, field="causes")


def causal_cycles(store: Store) -> Iterator[Problem]:
    """Events that are, through their causes, their own cause."""
    from timeline.graph import find_cycles

    # Only an event with causes can be in a cycle of them.
    causes = {e.id: e.causes for e in store.events if e.causes}
    for cycle in find_cycles(causes):
        loop = " -> ".join([*cycle, cycle[0]])
        yield Problem(f"causes form a cycle: {loop}", event_id=cycle[0], field="causes")


def effect_before_cause(store: Store) -> Iterator[Problem]:
    """An effect that certainly starts before its cause, at their precisions."""
    for event in store.events:
        for cause_id in event.causes:
            cause = store.known(cause_id)
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
    # A period that starts no earlier than b cannot end before b starts: the
    # usual case (an effect after its cause) is known without a datetime.
    if a[1:6] >= b[1:6]:
        return False
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
    """An actor, target, backer, or giver of an account, figure or link, that
    the actor registry does not hold."""
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
        if not _has_evidence(event):
            continue
        for name, by in _givers(event):
            if by not in known:
                yield Problem(
                    f'says "by" unknown actor "{by}"; add an [[actor]] with that id',
                    event_id=event.id,
                    field=name,
                )
    for actor in store.actors:
        for backer in actor.backers:
            if backer not in known:
                yield Problem(f'actor "{actor.id}": backer "{backer}" is not a known actor')


def _has_evidence(event: Event) -> bool:
    """Whether an event has any account, typed link or reported figure (most
    events of a large store have none, and their checks can skip them)."""
    killed, injured = event.killed, event.injured
    return bool(
        event.roles
        or event.links
        or (killed is not None and killed.reports)
        or (injured is not None and injured.reports)
    )


def _evidence(event: Event) -> Iterator[tuple[str, Role | Link | Figure]]:
    """(field, item) for every account, link and reported figure of an event."""
    for role in event.roles:
        yield (f"{role.side}s", role)
    for link in event.links:
        yield ("causes", link)
    for name, count in (("killed", event.killed), ("injured", event.injured)):
        if count is not None:
            for figure in count.reports:
                yield (name, figure)


def _givers(event: Event) -> Iterator[tuple[str, str]]:
    """(field, actor id) for every account, figure and link that says by whom."""
    return ((name, item.by) for name, item in _evidence(event) if item.by is not None)


def _cited(event: Event) -> Iterator[tuple[str, str]]:
    """(field, source id) for every account, figure and link that cites a source."""
    return ((name, item.source) for name, item in _evidence(event) if item.source is not None)


def unknown_source_refs(store: Store) -> Iterator[Problem]:
    """An account, figure or link citing a source id the event does not have,
    or two sources of one event sharing an id."""
    for event in store.events:
        ids = [s.id for s in event.sources if s.id is not None]
        if len(ids) > 1:
            for ident, n in Counter(ids).items():
                if n > 1:
                    yield Problem(
                        f'source id "{ident}" is used by {n} sources', event_id=event.id, field="sources"
                    )
        if not _has_evidence(event):
            continue
        for name, source in _cited(event):
            if source not in ids:
                yield Problem(
                    f'cites unknown source "{source}"; give one of the event\'s sources `id = "{source}"`',
                    event_id=event.id,
                    field=name,
                )


def figure_sources(store: Store) -> Iterator[Problem]:
    """A reported figure that says neither who gave it nor where it was reported."""
    for event in store.events:
        if event.killed is None and event.injured is None:
            continue
        for name, count in (("killed", event.killed), ("injured", event.injured)):
            if count is None:
                continue
            for position, figure in enumerate(count.reports):
                if figure.by is None and figure.source is None:
                    yield Problem(
                        f'figure {figure} has no source: add `source = "<source id>"` or `by = "<actor id>"`',
                        event_id=event.id,
                        field=f"{name}.{position}",
                    )


def unknown_parts(store: Store) -> Iterator[Problem]:
    """A `part_of` that names no event of the store (nor, in a slice, one of
    its outside events), or the event itself."""
    outside = store.outside_by_id
    for event in store.events:
        for whole in event.part_of:
            if whole == event.id:
                yield Problem("is part of itself", event_id=event.id, field="part_of")
            elif whole not in store.by_id and whole not in outside:
                yield Problem(f'names unknown event "{whole}"', event_id=event.id, field="part_of")


def part_of_cycles(store: Store) -> Iterator[Problem]:
    """Events that are, through `part_of`, part of themselves."""
    from timeline.graph import find_cycles

    wholes = {e.id: tuple(w for w in e.part_of if w != e.id) for e in store.events if e.part_of}
    for cycle in find_cycles(wholes):
        loop = " -> ".join([*cycle, cycle[0]])
        yield Problem(f"part_of forms a cycle: {loop}", event_id=cycle[0], field="part_of")


def part_outside_whole(store: Store) -> Iterator[Problem]:
    """A part that certainly starts before its whole starts, or ends after it
    ends, at their precisions ("Oct 2019" holds "2019-10-08"). A whole with no
    end only bounds its parts' start."""
    for event in store.events:
        for whole_id in event.part_of:
            whole = store.known(whole_id)
            if whole is None or whole_id == event.id:
                continue
            if certainly_before(event.start, whole.start):
                yield Problem(
                    f'starts {event.start.iso()}, before its whole "{whole_id}" starts ({whole.start.iso()})',
                    event_id=event.id,
                    field="part_of",
                )
            last = event.end or event.start
            if whole.end is not None and certainly_before(whole.end, last):
                yield Problem(
                    f'ends {last.iso()}, after its whole "{whole_id}" ends ({whole.end.iso()})',
                    event_id=event.id,
                    field="part_of",
                )


def outside_refs(store: Store) -> Iterator[Problem]:
    """A slice's outside event listed twice, or that the slice also holds, or
    whose links lead anywhere but into the slice (an outside event is only a
    link's far end)."""
    held = store.by_id
    for ident, n in Counter(e.id for e in store.outside).items():
        if n > 1:
            yield Problem(f"is listed {n} times in `outside`; list it once", event_id=ident, field="outside")
    for event in store.outside:
        if event.id in held:
            yield Problem(
                "is both an event of the store and one of its outside events; drop it from `outside`",
                event_id=event.id,
                field="outside",
            )
        for name, ids in (("causes", event.causes), ("part_of", event.part_of)):
            for ident in ids:
                if ident not in held:
                    yield Problem(
                        f'outside event names "{ident}", which the store does not hold; '
                        "an outside event links only into the store",
                        event_id=event.id,
                        field=f"outside.{name}",
                    )


def outside_links(store: Store) -> Iterator[Problem]:
    """Each link of a slice that leads outside it: to a cause, effect, whole
    or part the slice does not hold. Information, not a fault: `timeline
    check` lists them as notes."""
    if not store.outside:
        return
    is_outside = store.is_outside
    for event in store.chronological:
        ident = event.id
        linked = (
            ("causes", event.causes),
            ("effects", store.outside_effects.get(ident, ())),
            ("part_of", event.part_of),
            ("parts", store.outside_parts.get(ident, ())),
        )
        for name, ids in linked:
            for other in ids:
                if is_outside(other):
                    yield Problem(f'leads to "{other}", outside this slice', event_id=ident, field=name)


def missing_urls(store: Store) -> Iterator[Problem]:
    """An event none of whose sources has a URL, an absolute http(s) address
    without spaces (timeline.urls): a reader cannot check it. (Run by
    `timeline check`, not on every load: a private store may cite papers and
    interviews.)"""
    from timeline.urls import is_web_url

    for event in store.events:
        if not event.sources or any(s.url and is_web_url(s.url) for s in event.sources):
            continue
        others = [s.url for s in event.sources if s.url]
        if others:
            message = (
                f"has no source with a URL: {others[0][:80]!r} is not an http:// or https:// address"
                ' without spaces; give its source `url = "https://..."`'
            )
        else:
            message = 'has no source with a URL; add `url = "https://..."` to a [[event.sources]]'
        yield Problem(message, event_id=event.id, field="sources")


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
    "unknown-source-refs": unknown_source_refs,
    "figure-sources": figure_sources,
    "unknown-parts": unknown_parts,
    "part-of-cycles": part_of_cycles,
    "part-outside-whole": part_outside_whole,
    "outside-refs": outside_refs,
}

#: Checks `timeline check` runs besides those of every load: the store's
#: completeness as evidence rather than its soundness.
AUDITS: dict[str, Check] = {
    "missing-urls": missing_urls,
}


#: What `timeline check` tells besides: facts worth knowing that are not faults.
NOTES: dict[str, Check] = {
    "outside-links": outside_links,
}


def run_notes(store: Store) -> list[Problem]:
    """Every note, each tagged with its check's name."""
    return _run(NOTES, store)


def run_checks(store: Store, audits: bool = False) -> list[Problem]:
    """All problems every check finds (and, asked, every audit), each tagged
    with its check's name."""
    return _run({**CHECKS, **AUDITS} if audits else CHECKS, store)


def run_audits(store: Store) -> list[Problem]:
    """All problems the audits find, each tagged with its audit's name."""
    return _run(AUDITS, store)


def _run(chosen: dict[str, Check], store: Store) -> list[Problem]:
    found = []
    for name, check in chosen.items():
        for problem in check(store):
            found.append(problem._replace(path=store.origin, line=None, check=name))
    return found
