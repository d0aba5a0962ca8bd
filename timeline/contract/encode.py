"""The JSON contract, built: how events, actors, stores, chains, paths, stats
and check reports look as plain data and as JSON text.

Every command that speaks JSON uses these shapes; the store reader accepts
an exported store back (`timeline.contract.decode`), so an export is a valid store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from timeline.model import (
    SCHEMA_VERSION,
    Actor,
    Count,
    Event,
    FuzzyDate,
    Location,
    Precision,
    Source,
    Store,
    chronological_key,
)

if TYPE_CHECKING:
    from timeline.errors import Problem
    from timeline.graph import ChainNode, Routes
    from timeline.stats import ActorRow, Group, Summary, Total

#: json's C encoder as the exports use it, UTF-8 kept, made once (json.dumps
#: with options makes one per call). It skips the check for cycles: every
#: object encoded here is a fresh tree of dicts, lists and tuples, and the
#: check took a tenth of the encoding of a large store.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_encode_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def count_to_dict(count: Count | None) -> dict[str, Any] | None:
    """{"min", "max"} (an open bound is null), with "breakdown" when there is
    one, and "reports" (each source's figure) when sources disagree."""
    if count is None:
        return None
    shaped: dict[str, Any] = {"min": count.min, "max": count.max}
    if count.breakdown:
        shaped["breakdown"] = dict(count.breakdown)
    if count.reports:
        shaped["reports"] = [
            {"min": f.min, "max": f.max, "by": f.by, "source": f.source, "note": f.note}
            for f in count.reports
        ]
    return shaped


# Stores share equal values across events (the same source cited a thousand
# times), so their JSON shapes are built once per value. Callers never mutate
# what these return.
@lru_cache(maxsize=65536)
def _count(count: Count | None) -> dict[str, Any] | None:
    return count_to_dict(count)


@lru_cache(maxsize=65536)
def _locations(locations: tuple[Location, ...]) -> list[dict[str, Any]]:
    return [
        {
            "place": loc.place,
            "region": loc.region,
            "country": loc.country,
            "lat": loc.lat,
            "lon": loc.lon,
            "zone": loc.zone,
        }
        for loc in locations
    ]


@lru_cache(maxsize=65536)
def _sources(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [{"id": s.id, "title": s.title, "url": s.url, "note": s.note} for s in sources]


@lru_cache(maxsize=65536)
def _plain_accounts(ids: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"id": i, "status": "confirmed", "by": None, "source": None} for i in ids]


def _accounts(event: Event, ids: tuple[str, ...], side: str) -> list[dict[str, Any]]:
    """One object per account of each actor: a plain id is one confirmed account."""
    if not event.roles:
        return _plain_accounts(ids)
    shaped = []
    for ident in ids:
        roles = event.accounts(ident, side)
        if not roles:
            shaped.append({"id": ident, "status": "confirmed", "by": None, "source": None})
        shaped.extend({"id": ident, "status": r.status, "by": r.by, "source": r.source} for r in roles)
    return shaped


@lru_cache(maxsize=65536)
def _plain_causes(ids: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"id": i, "type": "cause", "by": None, "source": None} for i in ids]


def _causes(event: Event) -> list[dict[str, Any]]:
    if not event.links:
        return _plain_causes(event.causes)
    shaped = []
    for ident in event.causes:
        link = event.link(ident)
        shaped.append({"id": ident, "type": link.type, "by": link.by, "source": link.source})
    return shaped


@lru_cache(maxsize=65536)
def _iso(value: FuzzyDate) -> str:
    return value.iso()


_PRECISION_LABELS = {p: p.label for p in Precision}


def event_to_dict(event: Event, store: Store) -> dict[str, Any]:
    """An event as the JSON contract's event object, effects included.

    Tuples are left as they are: JSON writes them as arrays.
    """
    start, end = event.start, event.end
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "start": _iso(start),
        "end": _iso(end) if end is not None else None,
        "precision": _PRECISION_LABELS[start.precision],
        "zone": event.zone,
        "reported_start": _iso(event.reported_start) if event.reported_start is not None else None,
        "locations": _locations(event.locations),
        "actors": _accounts(event, event.actors, "actor"),
        "targets": _accounts(event, event.targets, "target"),
        "casualties": {"killed": _count(event.killed), "injured": _count(event.injured)},
        "causes": _causes(event),
        "effects": store.all_effects(event.id),
        "part_of": event.part_of,
        "parts": store.all_parts(event.id),
        "tags": event.tags,
        "sources": _sources(event.sources),
        "summary": event.summary,
    }


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    """An actor as the JSON contract's actor object."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "backers": list(actor.backers),
    }


def outside_events(store: Store, events: Sequence[Event]) -> list[Event]:
    """The events that the selected ones link to (by cause, effect, whole or
    part) but that the selection lacks, chronologically, each cut down to an
    outside event: its id, title, kind, dates and only its links into the
    selection. Empty for the whole store."""
    if len(events) == len(store.events) and not store.outside:
        return []  # a checked store's links all name its own events
    chosen = {e.id for e in events}
    named: dict[str, None] = {}
    for event in events:
        ident = event.id
        for other in (*event.causes, *event.part_of, *store.all_effects(ident), *store.all_parts(ident)):
            if other not in chosen:
                named[other] = None
    found = []
    for ident in named:
        source = store.known(ident)
        if source is None:
            continue
        causes = tuple(c for c in source.causes if c in chosen)
        found.append(
            Event(
                ident,
                source.title,
                source.kind,
                source.start,
                end=source.end,
                causes=causes,
                links=tuple(source.link(c) for c in causes if source.links),
                part_of=tuple(w for w in source.part_of if w in chosen),
            )
        )
    return sorted(found, key=chronological_key)


def outside_to_dict(event: Event) -> dict[str, Any]:
    """An outside event as the JSON contract's `outside` object."""
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "start": _iso(event.start),
        "end": _iso(event.end) if event.end is not None else None,
        "causes": [
            {"id": c, "type": link.type, "by": link.by} for c in event.causes for link in (event.link(c),)
        ],
        "part_of": event.part_of,
    }


def store_to_dict(store: Store, events: Sequence[Event] | None = None) -> dict[str, Any]:
    """The whole contract: version, the (selected) events, every actor and,
    for a slice, the outside events its links name."""
    chosen = store.events if events is None else events
    shaped = {
        "version": SCHEMA_VERSION,
        "events": [event_to_dict(e, store) for e in chosen],
        "actors": [actor_to_dict(a) for a in store.actors],
    }
    outside = outside_events(store, chosen)
    if outside:
        shaped["outside"] = [outside_to_dict(e) for e in outside]
    return shaped


def _array(name: str, items: Iterable[dict[str, Any]]) -> str:
    """A top-level member holding one object per line: `  "name": [...]`."""
    # One join over the encoded objects: an f-string per object, or a
    # replace over the whole text, would copy 100 MB again for a large store.
    body = ",\n    ".join(map(_encode, items))
    return f'  "{name}": [\n    {body}\n  ]' if body else f'  "{name}": []'


def store_json(store: Store, events: Sequence[Event]) -> str:
    """{"version": 2, "events": [...], "actors": [...]} for the selected events,
    and "outside": [...] when their links name events they lack (a slice);
    deterministic, one event or actor per line: readable and diffable, and
    written by json's C encoder, which `indent=` would replace with the
    pure-Python one (several times slower on a store of 100,000 events)."""
    members = [
        f'  "version": {SCHEMA_VERSION}',
        _array("events", (event_to_dict(e, store) for e in events)),
        _array("actors", map(actor_to_dict, store.actors)),
    ]
    outside = outside_events(store, events)
    if outside:
        members.append(_array("outside", map(outside_to_dict, outside)))
    return "{\n" + ",\n".join(members) + "\n}\n"


def events_jsonl(store: Store, events: Sequence[Event]) -> str:
    """Each event as one compact JSON object per line."""
    return "".join(_encode_compact(event_to_dict(e, store)) + "\n" for e in events)


def dumps(data: object) -> str:
    """JSON text as every command prints it: stable, indented, UTF-8 kept."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Causal chains as nested JSON, written iteratively: json.dumps recurses, so a
# 100,000-event chain would overflow it; here each event object is dumped flat
# and the nesting is written by hand from a stack.


def _write_nodes(
    nodes: Sequence[ChainNode],
    store: Store,
    links_key: str,
    parts: list[str],
    parent: str | None = None,
) -> None:
    """Append the nodes, comma-separated, each as {"event": {...}, "<links_key>":
    [...]}, a back-reference as {"ref": "<id>"}, a link leading outside a slice
    as {"outside": "<id>"}, a node whose links the depth limit hid with
    "truncated": true. A node under a parent carries "via": the
    link type by which it was reached, or "part" / "whole" for membership."""
    from timeline.graph import Direction, via

    direction = Direction(links_key)
    # The stack holds (node, its parent's id) to open, or text to emit.
    stack: list[tuple[ChainNode, str | None] | str] = []

    def push(children: Sequence[ChainNode], above: str | None) -> None:
        for n, child in reversed(list(enumerate(children))):
            stack.append((child, above))
            if n:
                stack.append(", ")

    push(nodes, parent)
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        node, above = item
        reached = {} if above is None else {"via": via(store, above, node.event_id, direction)}
        if node.outside:
            parts.append(json.dumps({"outside": node.event_id, **reached}))
            continue
        if node.reference:
            parts.append(json.dumps({"ref": node.event_id, **reached}))
            continue
        event = store.by_id[node.event_id]
        parts.append('{"event": ' + _encode(event_to_dict(event, store)))
        if reached:
            parts.append(f', "via": {json.dumps(reached["via"])}')
        if node.cut:
            parts.append(', "truncated": true')
        parts.append(f', "{links_key}": [')
        stack.append("]}")
        push(node.children, node.event_id)


def chain_json(forest: Sequence[ChainNode], store: Store, links_key: str) -> str:
    """{"version": 2, "direction": "<links_key>", "roots": [node, ...]}."""
    parts = [f'{{"version": {SCHEMA_VERSION}, "direction": {json.dumps(links_key)}, "roots": [']
    _write_nodes(forest, store, links_key, parts)
    parts.append("]}\n")
    return "".join(parts)


def both_json(before: ChainNode, after: ChainNode, store: Store) -> str:
    """One root with both sides: {"version": 1, "direction": "both", "roots":
    [{"event": {...}, "effects": [...], "causes": [...]}]}, where `before` and
    `after` are the same event's trees towards its causes and its effects."""
    event = store.by_id[after.event_id]
    parts = [
        f'{{"version": {SCHEMA_VERSION}, "direction": "both", "roots": [{{"event": ',
        _encode(event_to_dict(event, store)),
    ]
    if before.cut or after.cut:
        parts.append(', "truncated": true')
    parts.append(', "effects": [')
    _write_nodes(after.children, store, "effects", parts, after.event_id)
    parts.append('], "causes": [')
    _write_nodes(before.children, store, "causes", parts, before.event_id)
    parts.append("]}]}\n")
    return "".join(parts)


def path_json(found: Routes, store: Store) -> str:
    """{"version": 2, "truncated": false, "total": 2, "paths": [[event, ...],
    ...]}, each step after the first with "via": the link type by which it
    follows the step before, or "part" when it is a part of it. "truncated"
    says more routes exist (or may: the search stopped at its bound of work)
    than "paths" holds, and "total" how many routes there are, or null when
    that is not known."""
    return "".join(path_json_chunks(found, store))


def path_json_chunks(found: Routes, store: Store) -> Iterator[str]:
    """`path_json`'s text route by route, so thousands of routes are written as
    they are made, never held whole; each event is dumped once however many
    routes pass through it. The same bytes as dumps() of the whole."""
    from timeline.graph import Direction, via

    dumped: dict[str, str] = {}

    def event_text(ident: str) -> str:
        """The event object at its depth in the document, without its last line ("}")."""
        text = dumped.get(ident)
        if text is None:
            body = json.dumps(event_to_dict(store.by_id[ident], store), ensure_ascii=False, indent=2)
            text = dumped[ident] = "      " + body[: -len("\n}")].replace("\n", "\n      ")
        return text

    def step_text(route: Sequence[str], n: int) -> str:
        ident = route[n]
        if not n:
            return event_text(ident) + "\n      }"
        link = json.dumps(via(store, route[n - 1], ident, Direction.EFFECTS), ensure_ascii=False)
        return f'{event_text(ident)},\n        "via": {link}\n      }}'

    head = f'"truncated": {json.dumps(found.truncated)},\n  "total": {json.dumps(found.total)}'
    yield f'{{\n  "version": {SCHEMA_VERSION},\n  {head},\n  "paths": ['
    for n, route in enumerate(found.paths):
        steps = ",\n".join(step_text(route, i) for i in range(len(route)))
        yield f"{',' if n else ''}\n    [\n{steps}\n    ]"
    yield "\n  ]\n}\n" if found.paths else "]\n}\n"


def total_to_dict(value: Total) -> dict[str, int | None]:
    """A total as JSON: min, max (null when open), and how many figures made it."""
    return {"min": value.min, "max": value.max, "figures": value.figures, "unknown": value.unknown}


def summary_to_dict(summary: Summary, store: Store) -> dict[str, object]:
    """The summary as the JSON that `stats --format json` prints.

    Every figure is counted once: a whole contributes only its residual beyond
    its parts ("wholes": their parts in the selection, and those outside it,
    whose figures are in no total). "spans_beyond" names the selected spans
    reaching beyond the period asked, whose whole toll is counted. A by_year
    key is a year or a span ("2003\u20132011"); a by_country key is a country
    or "shared: Iraq, Syria" (a figure with no breakdown by country); by_actor
    splits each actor's figures by side and by whether the account is firm
    (confirmed, claimed) or not.
    """

    def group(g: Group) -> dict[str, object]:
        return {"events": g.events, "killed": total_to_dict(g.killed), "injured": total_to_dict(g.injured)}

    def keyed(found: list[Group]) -> list[dict[str, object]]:
        return [{"key": g.key} | group(g) for g in found]

    def years(found: list[Group]) -> list[dict[str, object]]:
        rows = []
        for g in found:
            first, _, last = g.key.partition("\u2013")
            rows.append({"key": g.key, "first": int(first), "last": int(last or first)} | group(g))
        return rows

    def countries(found: list[Group]) -> list[dict[str, object]]:
        rows = []
        for g in found:
            shared = g.key.startswith("shared: ")
            names = g.key.removeprefix("shared: ").split(", ") if shared else [g.key]
            rows.append({"key": g.key, "shared": shared, "countries": names} | group(g))
        return rows

    def actor(a: ActorRow) -> dict[str, object]:
        return {
            "key": a.key,
            "name": store.actor_name(a.key),
            "events": a.events,
            "acted": group(a.acted),
            "acted_unconfirmed": group(a.acted_unconfirmed),
            "targeted": group(a.targeted),
            "targeted_unconfirmed": group(a.targeted_unconfirmed),
        }

    return {
        "version": SCHEMA_VERSION,
        "events": summary.events,
        "killed": total_to_dict(summary.killed),
        "injured": total_to_dict(summary.injured),
        "wholes": {"events": summary.wholes, "parts": summary.parts, "parts_outside": summary.parts_outside},
        "spans_beyond": list(summary.beyond),
        "by_year": years(summary.by_year),
        "by_kind": keyed(summary.by_kind),
        "by_country": countries(summary.by_country),
        "by_actor": [actor(a) for a in summary.by_actor],
    }


def problem_to_dict(p: Problem) -> dict[str, object]:
    """One problem of `check --format json`."""
    return {
        "check": p.check or "load",
        "path": p.path,
        "line": p.line,
        "event": p.event_id,
        "field": p.field,
        "message": p.message,
    }


def check_json(store: Store | None, problems: Sequence[Problem] = (), notes: Sequence[Problem] = ()) -> str:
    """What `check --format json` prints, one shape whatever the outcome:
    {"version", "ok", "events", "actors", "problems": [...], "notes": [...]}.
    "ok" is true when there is no problem; "events" and "actors" are null when
    the store did not load; notes (shaped as problems) are the links of a
    slice that lead outside it."""
    return dumps(
        {
            "version": SCHEMA_VERSION,
            "ok": not problems,
            "events": None if store is None else len(store.events),
            "actors": None if store is None else len(store.actors),
            "problems": [problem_to_dict(p) for p in problems],
            "notes": [problem_to_dict(n) for n in notes],
        }
    )
