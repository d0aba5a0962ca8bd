"""Causal chains and routes in words, with no rich: each event's label as
Styled text, chains as Branches (a label and the branches below it), routes
as steps. render.tree draws them as rich Trees on a terminal, and
render.plain_tree as plain lines when piped, so both say the same words."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo

from timeline.dates.format import format_span
from timeline.graph import ChainNode, Direction, Routes, via
from timeline.model import Event, Store
from timeline.palette import style
from timeline.render.styled import Styled, styled
from timeline.render.words import OUTSIDE, apart, relation
from timeline.text import one_line


@dataclass
class Branch:
    """One drawn event (or heading) and the branches below it."""

    label: Styled
    children: list[Branch] = field(default_factory=list)


def label_words(event: Event, zone: tzinfo | None = None, since: str | None = None) -> Styled:
    """ "29 Dec 2019  US airstrikes ...  airstrike  (retaliation for, 2 days after)  id"."""
    label = styled(format_span(event.start, event.end, zone), "bold")
    label.add("  ")
    label.nest(styled(one_line(event.title)))
    label.add("  ")
    label.nest(styled(event.kind, style(event.kind)))
    if since is not None:
        label.add(f"  ({since})", "dim")
    label.add("  ")
    label.nest(styled(event.id, "cyan"))
    return label


def step_words(store: Store, parent: Event, child: Event, direction: Direction) -> str:
    """How a drawn event was reached from the one above it, and when:
    "retaliation for, 2 days after", "part of, 3 months after"."""
    return f"{relation(via(store, parent.id, child.id, direction))}, {apart(parent.start, child.start)}"


def _node_label(
    node: ChainNode, parent: Event | None, store: Store, zone: tzinfo | None, direction: Direction
) -> Styled:
    event = store.by_id.get(node.event_id) or store.outside_by_id[node.event_id]
    since = step_words(store, parent, event, direction) if parent is not None else None
    if node.reference:
        return _marked("\u21b1 ", event, zone, since, "(shown above)")
    if node.outside:
        return _marked("\u2192 ", event, zone, since, OUTSIDE)
    label = label_words(event, zone, since)
    if node.cut:
        label.add("  \u2026 more beyond --depth", "dim")
    return label


def _marked(arrow: str, event: Event, zone: tzinfo | None, since: str | None, mark: str) -> Styled:
    """An event not drawn in full here: a back-reference ("↱ ... (shown
    above)"), or a link's far end outside a slice ("→ ... (outside this store)")."""
    label = styled(arrow, "yellow")
    label.nest(styled(format_span(event.start, event.end, zone)))
    label.add("  ")
    label.nest(styled(one_line(event.title)))
    if since is not None:
        label.add(f"  ({since})", "dim")
    label.add("  ")
    label.nest(styled(event.id, "cyan"))
    label.add(f"  {mark}", "yellow")
    return label


def chain_branches(
    forest: Sequence[ChainNode],
    store: Store,
    zone: tzinfo | None = None,
    direction: Direction = Direction.EFFECTS,
) -> list[Branch]:
    """The forest as branches, each event in full once and then as a marked
    back-reference ("shown above"), each edge with its relation and the time
    since the event above. Built iteratively for deep chains."""
    trees: list[Branch] = []
    for root in forest:
        top = Branch(_node_label(root, None, store, zone, direction))
        stack: list[tuple[ChainNode, Branch]] = [(root, top)]
        while stack:
            node, drawn = stack.pop()
            if node.outside:
                continue  # a leaf: the slice holds nothing further of it
            parent = store.by_id[node.event_id]
            pending = []
            for child in node.children:
                branch = Branch(_node_label(child, parent, store, zone, direction))
                drawn.children.append(branch)
                pending.append((child, branch))
            stack.extend(reversed(pending))
        trees.append(top)
    return trees


def both_branch(
    store: Store, root: str, before: ChainNode, after: ChainNode, zone: tzinfo | None = None
) -> Branch:
    """One event with what led to it ("Caused by") and what it led to ("Led to"),
    where `before` and `after` are its trees towards its causes and its effects."""
    centre = Branch(label_words(store.by_id[root], zone))
    sides = (("Caused by", before, Direction.CAUSES), ("Led to", after, Direction.EFFECTS))
    for name, node, direction in sides:
        if node.children or node.cut:
            side = ChainNode(root, 0, children=node.children, cut=node.cut)
            (drawn,) = chain_branches([side], store, zone, direction)
            centre.children.append(Branch(styled(name, "bold"), drawn.children))
    return centre


def route_words(route: Sequence[str], store: Store, zone: tzinfo | None = None) -> Styled:
    """A route as steps joined by arrows, each with its relation and the time
    between: "↓ retaliation for, 2 days after", "↓ part of, 3 months after"."""
    shown = Styled()
    previous: Event | None = None
    for ident in route:
        event = store.by_id[ident]
        if previous is not None:
            step = step_words(store, previous, event, Direction.EFFECTS)
            shown.add(f"\n   \u2193 {step}\n", "dim")
        shown.nest(label_words(event, zone))
        previous = event
    return shown


def routes_words(found: Routes, store: Store, zone: tzinfo | None = None) -> Iterator[Styled]:
    """Routes one after another, numbered ("Route 2 of 4 (3 steps)") when
    there are several or the list was cut, with a note when it was; one part
    at a time, so thousands of routes are printed as they are made, never held whole."""
    count = len(found.paths)
    numbered = count > 1 or found.truncated
    of = _how_many(found)
    for n, route in enumerate(found.paths, start=1):
        if n > 1:
            yield Styled()
        if numbered:
            yield styled(f"Route {n:,} of {of} ({_steps(len(route) - 1)})", "bold")
        yield route_words(route, store, zone)
    if found.truncated:
        yield Styled()
        yield styled(_cut_note(found), "dim")


def _steps(steps: int) -> str:
    return "1 step" if steps == 1 else f"{steps:,} steps"


def _how_many(found: Routes) -> str:
    """How many routes there are in all, as far as is known: "4", "more than
    50" (a route past the limit was found), "at least 7" (the search stopped)."""
    if found.total is not None:
        return f"{found.total:,}"
    return f"{'at least' if found.stopped else 'more than'} {len(found.paths):,}"


def _cut_note(found: Routes) -> str:
    """Why the list is cut short, and what to do about it."""
    count, total = len(found.paths), found.total
    if total is None:
        shown = "the first route is" if count == 1 else f"the first {count:,} routes are"
    elif count == 1:
        shown = f"the first of {total:,} routes is"
    else:
        shown = f"the first {count:,} of {total:,} routes are"
    if not found.stopped:
        return f"Only {shown} shown; raise --max for more."
    maybe = "" if total is not None else ", so there may be more"
    return f"Only {shown} shown: the search stopped at its bound of work{maybe}."
