"""Causal chains as rich Trees, and routes between events as arrowed steps."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from timeline.dates.format import format_span
from timeline.graph import ChainNode, Direction, via
from timeline.model import Event, Store
from timeline.palette import style
from timeline.render.console import text
from timeline.render.words import OUTSIDE, apart, relation
from timeline.text import one_line


def event_label(event: Event, zone: tzinfo | None = None, since: str | None = None) -> Text:
    """ "29 Dec 2019  US airstrikes ...  airstrike  (retaliation for, 2 days after)  id"."""
    label = text(format_span(event.start, event.end, zone), "bold")
    label.append("  ")
    label.append_text(text(one_line(event.title)))
    label.append("  ")
    label.append_text(text(event.kind, style(event.kind)))
    if since is not None:
        label.append(f"  ({since})", style="dim")
    label.append("  ")
    label.append_text(text(event.id, "cyan"))
    return label


def step_words(store: Store, parent: Event, child: Event, direction: Direction) -> str:
    """How a drawn event was reached from the one above it, and when:
    "retaliation for, 2 days after", "part of, 3 months after"."""
    return f"{relation(via(store, parent.id, child.id, direction))}, {apart(parent.start, child.start)}"


def _node_label(
    node: ChainNode, parent: Event | None, store: Store, zone: tzinfo | None, direction: Direction
) -> Text:
    event = store.by_id.get(node.event_id) or store.outside_by_id[node.event_id]
    since = step_words(store, parent, event, direction) if parent is not None else None
    if node.reference:
        return _marked("\u21b1 ", event, zone, since, "(shown above)")
    if node.outside:
        return _marked("\u2192 ", event, zone, since, OUTSIDE)
    label = event_label(event, zone, since)
    if node.cut:
        label.append("  \u2026 more beyond --depth", style="dim")
    return label


def _marked(arrow: str, event: Event, zone: tzinfo | None, since: str | None, mark: str) -> Text:
    """An event not drawn in full here: a back-reference ("↱ ... (shown
    above)"), or a link's far end outside a slice ("→ ... (outside this store)")."""
    label = Text(arrow, style="yellow")
    label.append_text(text(format_span(event.start, event.end, zone)))
    label.append("  ")
    label.append_text(text(one_line(event.title)))
    if since is not None:
        label.append(f"  ({since})", style="dim")
    label.append("  ")
    label.append_text(text(event.id, "cyan"))
    label.append(f"  {mark}", style="yellow")
    return label


def chain_tree(
    forest: Sequence[ChainNode],
    store: Store,
    title: Text | None = None,
    zone: tzinfo | None = None,
    direction: Direction = Direction.EFFECTS,
) -> Tree | Group:
    """The forest drawn as trees, each event in full once and then as a marked
    back-reference ("shown above"), each edge with its relation and the time
    since the event above. Built iteratively for deep chains."""
    trees: list[Tree] = []
    for root in forest:
        top = Tree(_node_label(root, None, store, zone, direction), guide_style="dim")
        stack: list[tuple[ChainNode, Tree]] = [(root, top)]
        while stack:
            node, drawn = stack.pop()
            if node.outside:
                continue  # a leaf: the slice holds nothing further of it
            parent = store.by_id[node.event_id]
            pending = []
            for child in node.children:
                branch = drawn.add(_node_label(child, parent, store, zone, direction))
                pending.append((child, branch))
            stack.extend(reversed(pending))
        trees.append(top)
    if title is not None:
        holder = Tree(title, guide_style="dim")
        holder.children.extend(trees)
        return holder
    if len(trees) == 1:
        return trees[0]
    return Group(*trees)


def route_view(route: Sequence[str], store: Store, zone: tzinfo | None = None) -> Text:
    """A route as steps joined by arrows, each with its relation and the time
    between: "↓ retaliation for, 2 days after", "↓ part of, 3 months after"."""
    shown = Text()
    previous: Event | None = None
    for ident in route:
        event = store.by_id[ident]
        if previous is not None:
            step = step_words(store, previous, event, Direction.EFFECTS)
            shown.append(f"\n   \u2193 {step}\n", style="dim")
        shown.append_text(event_label(event, zone))
        previous = event
    return shown


def both_tree(
    store: Store, root: str, before: ChainNode, after: ChainNode, zone: tzinfo | None = None
) -> Group:
    """One event with what led to it ("Caused by") and what it led to ("Led to"),
    where `before` and `after` are its trees towards its causes and its effects."""
    centre = Tree(event_label(store.by_id[root], zone), guide_style="dim")
    sides = (("Caused by", before, Direction.CAUSES), ("Led to", after, Direction.EFFECTS))
    for name, node, direction in sides:
        if node.children or node.cut:
            side = ChainNode(root, 0, children=node.children, cut=node.cut)
            part = chain_tree([side], store, None, zone, direction)
            branch = centre.add(Text(name, style="bold"))
            assert isinstance(part, Tree)
            branch.children.extend(part.children)
    return Group(centre)


def routes_view(
    routes: Sequence[Sequence[str]], store: Store, zone: tzinfo | None, truncated: bool, most: int
) -> Group:
    """Routes one after another, numbered when there are several, with a note
    when only the first `most` are shown."""
    return Group(*routes_parts(routes, store, zone, truncated, most))


def routes_parts(
    routes: Sequence[Sequence[str]], store: Store, zone: tzinfo | None, truncated: bool, most: int
) -> Iterator[RenderableType]:
    """`routes_view`'s parts one at a time, so thousands of routes are printed
    as they are drawn, never held whole."""
    for n, route in enumerate(routes, start=1):
        if n > 1:
            yield Text()
        if len(routes) > 1:
            yield Text(f"Route {n} of {len(routes)} ({len(route) - 1} steps)", style="bold")
        yield route_view(route, store, zone)
    if truncated:
        yield Text()
        yield Text(f"Only the first {most} routes are shown; raise --max for more.", style="dim")
