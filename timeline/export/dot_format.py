"""Graphviz DOT: the causal graph of the exported events, cause -> effect.

By default the graph reads in time, left to right: a time axis of year or
month bands, each event in the band of its start (`rank=same` with the band,
or, inside a cluster, invisible edges to it), so every cause arrow points
forward or, within a band, across. Parts sit in
their whole's cluster; nodes are coloured by kind, with a legend. The `kind`
layout clusters events by kind instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from timeline.dates.format import MONTHS, format_span
from timeline.model import Event, Precision, Store, chronological_key
from timeline.palette import PALETTE
from timeline.text import one_line

#: Layout name -> what it does (`export --format dot --layout NAME`).
LAYOUTS: dict[str, str] = {
    "time": "time bands: months when the events span at most three years, else years",
    "year": "a band per year",
    "month": "a band per month (year-precision events before their year's months)",
    "kind": "a cluster per kind, no time axis",
}

#: A typed link's edge attributes; a plain cause is drawn as the default edge.
#: xlabel, not label: an edge label takes a rank of its own, and with clusters
#: that makes Graphviz fail ("trouble in init_rank") on the curated store.
LINK_STYLES: dict[str, str] = {
    "retaliation": 'xlabel="retaliation", color=firebrick, fontcolor=firebrick, penwidth=1.5',
    "response": 'xlabel="response", color=navy, fontcolor=navy',
    "enabled": 'xlabel="enabled", style=dashed',
}

#: (year, month); month 0 is a year band, and sorts before the year's months.
Band = tuple[int, int]

_MONTH_SPAN = 36  # months: the widest span `time` still draws month by month

_HEADER = (
    "digraph timeline {",
    "  graph [rankdir=LR, fontname=Helvetica];",
    '  node [shape=box, style="rounded,filled", fontname=Helvetica, fontsize=10];',
    "  edge [color=gray40, fontname=Helvetica, fontsize=9];",
)


def _escaped(text: str) -> str:
    return one_line(text).replace("\\", "\\\\").replace('"', '\\"')


def quote(text: str) -> str:
    """A DOT double-quoted string on one line, backslashes and quotes escaped."""
    return f'"{_escaped(text)}"'


def render(store: Store, events: Sequence[Event], layout: str = "time") -> str:
    """digraph timeline { the events laid out by `layout`; edges cause -> effect }."""
    lines = list(_HEADER)
    if layout == "kind":
        lines += _kind_clusters(events)
        lines += _edges(events, {})
    else:
        size = band_size(events, layout)
        lines += _time_layout(store, events, size)
        lines += _edges(events, ranks(events, size))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node(event: Event, indent: str) -> str:
    label = f'"{_escaped(format_span(event.start, event.end))}\\n{_escaped(event.title)}"'
    return f"{indent}{quote(event.id)} [label={label}, fillcolor={PALETTE[event.kind].dot}];"


def _edges(events: Sequence[Event], rank: dict[str, Band]) -> Iterator[str]:
    chosen = {e.id for e in events}
    for event in events:
        for cause in event.causes:
            if cause in chosen:
                style = [LINK_STYLES.get(event.link(cause).type, "")]
                if rank and rank[cause] == rank[event.id]:
                    # Both in one band: a rank apart would contradict the axis
                    # when one of them is in a cluster, and Graphviz gives up.
                    style.append("minlen=0")
                attributes = ", ".join(filter(None, style))
                yield f"  {quote(cause)} -> {quote(event.id)}{f' [{attributes}]' if attributes else ''};"


def _kind_clusters(events: Sequence[Event]) -> Iterator[str]:
    for kind in PALETTE:
        members = [e for e in events if e.kind == kind]
        if not members:
            continue
        yield f"  subgraph {quote('cluster_' + kind)} {{"
        yield f"    label={quote(kind)}; style=dashed; color=gray70;"
        for event in members:
            yield _node(event, "    ")
        yield "  }"


def band_size(events: Sequence[Event], layout: str) -> str:
    if layout != "time":
        return layout
    if not events:
        return "year"
    # By start, not by FuzzyDate's own order, which compares the precision first.
    first = min(events, key=chronological_key).start
    last = max(events, key=chronological_key).start
    months = (last.year - first.year) * 12 + last.month - first.month
    return "month" if months <= _MONTH_SPAN else "year"


def band(event: Event, size: str) -> Band:
    """The band an event's start falls in: (year, 0) or (year, month)."""
    if size == "year" or event.start.precision is Precision.YEAR:
        return (event.start.year, 0)
    return (event.start.year, event.start.month)


def band_id(value: Band) -> str:
    # ":" is never in an event id, so the axis cannot collide with an event.
    return f"band:{value[0]:04d}" if value[1] == 0 else f"band:{value[0]:04d}-{value[1]:02d}"


def _band_label(value: Band) -> str:
    return str(value[0]) if value[1] == 0 else f"{MONTHS[value[1] - 1]} {value[0]}"


def ranks(events: Sequence[Event], size: str) -> dict[str, Band]:
    """Each event's band, moved later to its latest cause's band when that is
    later: a year-precision effect of a May cause, or a same-day effect listed
    before its cause. So no arrow points back in time.

    Relaxed until nothing moves; bands only grow and are finitely many, so
    this ends even on a (broken) cyclic store.
    """
    rank = {e.id: band(e, size) for e in events}
    changed = True
    while changed:
        changed = False
        for event in events:
            latest = max((rank[c] for c in event.causes if c in rank), default=rank[event.id])
            if latest > rank[event.id]:
                rank[event.id] = latest
                changed = True
    return rank


def _cluster_roots(store: Store, events: Sequence[Event]) -> dict[str, str | None]:
    """Each exported event's enclosing whole in the export (the first listed),
    or None; a part_of cycle is cut where it closes."""
    chosen = {e.id for e in events}
    parent: dict[str, str | None] = {}
    for event in events:
        whole = next((w for w in event.part_of if w in chosen and w != event.id), None)
        seen = {event.id}
        step = whole
        while step is not None and step not in seen:  # does the chain of wholes loop back?
            seen.add(step)
            found = store.by_id[step]
            step = next((w for w in found.part_of if w in chosen and w != found.id), None)
        parent[event.id] = None if step is not None else whole
    return parent


def _time_layout(store: Store, events: Sequence[Event], size: str) -> Iterator[str]:
    rank = ranks(events, size)
    bands = sorted(set(rank.values()))
    place = {value: n for n, value in enumerate(bands)}
    yield "  // the time axis: one band per year or month that has events"
    for value in bands:
        yield f"  {quote(band_id(value))} [label={quote(_band_label(value))}, shape=plaintext, style=solid];"
    if len(bands) > 1:
        chain = " -> ".join(quote(band_id(value)) for value in bands)
        yield f"  {chain} [color=gray80, arrowhead=none];"
    parent = _cluster_roots(store, events)
    # Clusters never nest: Graphviz drops or misplaces a nested cluster whose
    # events it also ranks in the outer one. A whole that is part of another
    # stands beside it, joined by a dashed "has part" edge that ranks nothing
    # (from the whole, which starts first, so it too reads forward in time).
    nested = {whole: parent[whole] for whole in set(parent.values()) if whole is not None}
    for whole, outer in nested.items():
        parent[whole] = None
        if outer is not None:
            edge = '[style=dashed, color=gray50, xlabel="has part", constraint=false]'
            yield f"  {quote(outer)} -> {quote(whole)} {edge};"
    children: dict[str | None, list[Event]] = {}
    for event in events:
        children.setdefault(parent[event.id], []).append(event)
    yield from _members(children, None, "  ", rank, place)
    # Graphviz (without newrank, which fails on these graphs with "trouble in
    # init_rank") takes a node out of its cluster when a rank=same group at the
    # top holds it: only events outside any cluster join their band's group.
    # A cluster's members are ranked inside it (see _members) and the cluster
    # is tied to the axis by invisible edges.
    free = {e.id for e in children.get(None, ()) if e.id not in children}
    for value in bands:
        members = "".join(f"; {quote(e.id)}" for e in events if rank[e.id] == value and e.id in free)
        yield f"  {{ rank=same; {quote(band_id(value))}{members}; }}"
    for event in events:
        if event.id not in free:  # at or after its band, and before the next
            at = place[rank[event.id]]
            yield f"  {quote(band_id(bands[at]))} -> {quote(event.id)} [style=invis, minlen=0];"
            if at + 1 < len(bands):
                yield f"  {quote(event.id)} -> {quote(band_id(bands[at + 1]))} [style=invis];"
    yield from _legend(events)


def _members(
    children: dict[str | None, list[Event]],
    whole: str | None,
    indent: str,
    rank: dict[str, Band],
    place: dict[Band, int],
) -> Iterator[str]:
    for event in children.get(whole, ()):
        if event.id not in children:
            yield _node(event, indent)
            continue
        inner = indent + "  "
        yield f"{indent}subgraph {quote('cluster_' + event.id)} {{"
        yield f"{inner}label={quote(event.title)}; style=dashed; color=gray60; fontname=Helvetica;"
        yield _node(event, inner)
        yield from _members(children, event.id, inner, rank, place)
        yield from _cluster_ranks([event, *_descendants(children, event.id)], inner, rank, place)
        yield f"{indent}}}"


def _descendants(children: dict[str | None, list[Event]], whole: str) -> Iterator[Event]:
    for part in children.get(whole, ()):
        yield part
        yield from _descendants(children, part.id)


def _cluster_ranks(
    members: list[Event], indent: str, rank: dict[str, Band], place: dict[Band, int]
) -> Iterator[str]:
    """Inside a cluster, each band's members side by side, and a chain of
    invisible edges as many ranks long as the bands between them."""
    by_band: dict[Band, list[str]] = {}
    for member in members:
        by_band.setdefault(rank[member.id], []).append(member.id)
    ordered = sorted(by_band)
    for value in ordered:
        if len(by_band[value]) > 1:
            yield f"{indent}{{ rank=same; {'; '.join(quote(i) for i in by_band[value])}; }}"
    for earlier, later in pairwise(ordered):
        first, then = quote(by_band[earlier][0]), quote(by_band[later][0])
        yield f"{indent}{first} -> {then} [style=invis, minlen={place[later] - place[earlier]}];"


def _legend(events: Sequence[Event]) -> Iterator[str]:
    used = {e.kind for e in events}
    if not used:
        return
    yield '  subgraph "cluster_legend" {'
    yield '    label="Kinds"; style=solid; color=gray70; fontname=Helvetica;'
    for kind, drawn in PALETTE.items():
        if kind in used:
            yield f"    {quote('legend:' + kind)} [label={quote(kind)}, fillcolor={drawn.dot}];"
    yield "  }"
