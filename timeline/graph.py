"""The causal graph over a store: causes, effects, trees, paths and cycles.

Every traversal is iterative (no recursion limit on a 100,000-event chain)
and visits each event and link at most once, except `all_paths`, which is
bounded by its caller's limit and by a bound on work of its own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from timeline.model import Store, chronological_key

if TYPE_CHECKING:
    from timeline.dates.parse import Period


#: The years `chain` draws without an id and `explore` starts in: the escalation.
ESCALATION_YEARS = ("2019", "2024")


class Direction(Enum):
    """Which way to follow the links."""

    EFFECTS = "effects"
    CAUSES = "causes"


def neighbours(
    store: Store, direction: Direction, membership: bool = False
) -> Callable[[str], Sequence[str]]:
    """A function giving the linked events of an id, known events only,
    in chronological order.

    With `membership`, part-of links are followed too: a whole leads to its
    parts in the effects direction, a part to its wholes in the causes
    direction. `via` says which relation an edge is.
    """
    by_id = store.by_id
    if direction is Direction.EFFECTS:
        effects = store.effects
        if not membership:
            return lambda ident: effects.get(ident, ())
        parts = store.parts

        def downwards(ident: str) -> Sequence[str]:
            found = effects.get(ident, ())
            inside = parts.get(ident, ())
            if not inside:
                return found
            if not found:
                return inside
            merged = {i: by_id[i] for i in (*found, *inside) if i in by_id}
            return [e.id for e in sorted(merged.values(), key=chronological_key)]

        return downwards

    def causes(ident: str) -> Sequence[str]:
        event = by_id.get(ident)
        if event is None:
            return ()
        linked = (*event.causes, *event.part_of) if membership else event.causes
        known = {c: by_id[c] for c in linked if c in by_id}
        return [e.id for e in sorted(known.values(), key=chronological_key)]

    return causes


def outside_neighbours(
    store: Store, direction: Direction, membership: bool = False
) -> Callable[[str], Sequence[str]] | None:
    """For a slice, a function giving the ids an event links to that lead
    outside it, chronologically (None for a whole store, which has none)."""
    if not store.outside:
        return None
    if direction is Direction.EFFECTS:
        effects, parts = store.outside_effects, store.outside_parts
        if not membership:
            return lambda ident: effects.get(ident, ())
        return lambda ident: (*effects.get(ident, ()), *parts.get(ident, ()))
    by_id, is_outside = store.by_id, store.is_outside

    def causes(ident: str) -> Sequence[str]:
        event = by_id[ident]
        linked = (*event.causes, *event.part_of) if membership else event.causes
        return [c for c in linked if is_outside(c)]

    return causes


#: How `via` names membership edges: the next event is a part of the one
#: before it, or the whole it belongs to.
PART, WHOLE = "part", "whole"


def via(store: Store, parent: str, child: str, direction: Direction) -> str:
    """The relation by which `child` was reached from `parent`: a link type of
    LINK_TYPES ("retaliation", "cause", ...), or "part" (the child is a part of
    the parent) or "whole" (the child is the parent's whole). A cause wins when
    an edge is both."""
    by_id = store.by_id
    if direction is Direction.EFFECTS:
        later = by_id.get(child) or store.outside_by_id[child]
        if parent in later.causes:
            return later.link(parent).type
        return PART if parent in later.part_of else "cause"
    earlier = by_id[parent]
    if child in earlier.causes:
        return earlier.link(child).type
    return WHOLE if child in earlier.part_of else "cause"


class ChainNode:
    """One event in a drawn chain.

    A `reference` node stands for an event already drawn in full elsewhere in
    the same tree; `cut` says the depth limit hid its further links; an
    `outside` node is a link's far end that a slice does not hold (a leaf).
    """

    __slots__ = ("children", "cut", "depth", "event_id", "outside", "reference")

    def __init__(
        self,
        event_id: str,
        depth: int,
        reference: bool = False,
        cut: bool = False,
        children: list[ChainNode] | None = None,
        outside: bool = False,
    ) -> None:
        self.event_id = event_id
        self.depth = depth
        self.reference = reference
        self.cut = cut
        self.children: list[ChainNode] = children if children is not None else []
        self.outside = outside

    def __repr__(self) -> str:
        return (
            f"ChainNode({self.event_id!r}, depth={self.depth}, reference={self.reference}, "
            f"cut={self.cut}, outside={self.outside})"
        )


def build_tree(
    roots: Iterable[str],
    links: Callable[[str], Sequence[str]],
    max_depth: int | None = None,
    allowed: Callable[[str], bool] | None = None,
    seen: set[str] | None = None,
    beyond: Callable[[str], Sequence[str]] | None = None,
) -> list[ChainNode]:
    """Trees of the events reachable from the roots, each event drawn in full once.

    Depth-first in chronological order, so the full drawing of an event comes
    before any back-reference to it in reading order. Terminates on cycles too.

    Args:
        roots: Ids to start from (drawn at depth 0).
        links: The linked ids of an id, e.g. from `neighbours`.
        max_depth: Deepest level drawn; deeper links mark the node as `cut`.
        allowed: Only events for which this holds are followed.
        seen: Ids already drawn in an earlier tree of the same picture.
        beyond: The ids an id links to outside the store (a slice), drawn
            as `outside` leaves after its other links.
    """
    seen = set() if seen is None else seen
    forest: list[ChainNode] = []
    for root in roots:
        top = ChainNode(root, 0)
        forest.append(top)
        stack: list[ChainNode] = [top]
        while stack:
            node = stack.pop()
            # Decided on visiting, in reading order, so the full drawing always
            # comes before its back-references.
            if node.event_id in seen:
                node.reference = True
                continue
            seen.add(node.event_id)
            children = [c for c in links(node.event_id) if allowed is None or allowed(c)]
            outside = beyond(node.event_id) if beyond is not None else ()
            if not children and not outside:
                continue
            if max_depth is not None and node.depth >= max_depth:
                node.cut = True
                continue
            node.children = [ChainNode(child, node.depth + 1) for child in children]
            stack.extend(reversed(node.children))
            node.children.extend(ChainNode(other, node.depth + 1, outside=True) for other in outside)
    return forest


def window_forest(
    store: Store, period: Period, context: bool, depth: int | None, membership: bool = False
) -> list[ChainNode]:
    """Every causal chain of the events within a period, roots first.

    With `context`, the earlier events outside the period that led into it are
    drawn too; with `membership`, wholes lead to their parts.
    """
    from timeline.query import Filter, select

    inside = {e.id for e in select(store, Filter(period=period))}
    allowed = set(inside)
    if context:
        causes = neighbours(store, Direction.CAUSES, membership)
        queue = list(inside)
        for current in queue:
            for earlier in causes(current):
                if earlier not in allowed:
                    allowed.add(earlier)
                    queue.append(earlier)
    roots = [
        e.id
        for e in store.chronological
        if e.id in allowed
        and not any(c in allowed for c in e.causes)
        and not (membership and any(w in allowed for w in e.part_of))
    ]
    links = neighbours(store, Direction.EFFECTS, membership)
    beyond = outside_neighbours(store, Direction.EFFECTS, membership)
    return build_tree(roots, links, depth, allowed.__contains__, beyond=beyond)


def escalation_root(store: Store, period: Period | None = None) -> str | None:
    """Where the escalation starts: the first root `timeline chain` draws
    without an id. That is the earliest event of the period (by default
    ESCALATION_YEARS) with no cause and no whole in the period that leads to
    at least one other event of it, by cause or part-of. When no event of the
    period leads anywhere, its first event; None when the period holds none.
    """
    if period is None:
        from timeline.dates.parse import user_range

        period = user_range(*ESCALATION_YEARS, None)
        assert period is not None  # both bounds are given
    # depth 1 is enough to tell a chain from a lone event, and stays linear
    forest = window_forest(store, period, context=False, depth=1, membership=True)
    linked = [root for root in forest if root.children]
    first = linked[0] if linked else forest[0] if forest else None
    return first.event_id if first is not None else None


def walk(forest: Sequence[ChainNode]) -> Iterable[ChainNode]:
    """Every node of a forest in drawing (pre-)order, iteratively."""
    stack = list(reversed(forest))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def shortest_path(links: Callable[[str], Sequence[str]], start: str, goal: str) -> list[str] | None:
    """The shortest route from start to goal following links (breadth-first)."""
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if current == goal:
            route = [current]
            while (step := previous[route[-1]]) is not None:
                route.append(step)
            return route[::-1]
        for nxt in links(current):
            if nxt not in previous:
                previous[nxt] = current
                queue.append(nxt)
    return None


#: The most links `all_paths` looks at (about a second of work): past it
#: the routes found so far are given, since a dense graph between two events
#: can hold more routes than could ever be listed.
ROUTE_WORK = 2_000_000

#: The most routes `all_paths` counts: past it the total is not given (the
#: count is cheap, but a number of thirty digits tells a reader nothing).
COUNT_CAP = 10**9


class Routes(NamedTuple):
    """Routes from one event to another, shortest first, and what is known of the rest."""

    #: The routes, each a list of ids from the start to the goal.
    paths: list[list[str]]
    #: There are more routes than `paths` (or, when `stopped`, there may be).
    truncated: bool
    #: How many routes there are in all, when known: always when `paths`
    #: holds them all, and when they can be counted (no cycle, at most COUNT_CAP).
    total: int | None
    #: The bound on work, not the limit, ended the search.
    stopped: bool


def all_paths(
    links: Callable[[str], Sequence[str]], start: str, goal: str, limit: int, work: int = ROUTE_WORK
) -> Routes:
    """The `limit` shortest simple routes from start to goal, shortest first,
    routes of one length in the order of `links` (chronological), and whether
    others remain.

    An iterative deepening search: one bounded depth-first pass per length,
    each stepping only to events from which the goal is near enough, so memory
    stays that of one route and the first routes come as fast as the shortest
    one does. After `work` links looked at (and at least one route found) it
    stops and gives what it has. When the limit cuts the list, the routes are
    counted as well, if no cycle lies between the two events (then every route
    is simple, and a count over the events between is linear).
    """
    if start == goal:
        return Routes([[start]], False, 1, False)  # as shortest_path: the route of no step
    distance = _distances_to_goal(links, start, goal)
    if start not in distance:
        return Routes([], False, 0, False)
    found: list[list[str]] = []
    stopped = truncated = False
    for route in _shortest_first(links, start, goal, distance, work):
        if route is None:
            stopped = truncated = True
            break
        if len(found) == limit:
            truncated = True  # a route beyond the limit exists
            break
        found.append(route)
    if not truncated:
        return Routes(found, False, len(found), False)
    total = _count_routes(links, start, goal, distance)
    if total is not None and total == len(found):
        truncated = False  # the search stopped, but nothing was left to find
    return Routes(found, truncated, total, stopped)


def _shortest_first(
    links: Callable[[str], Sequence[str]], start: str, goal: str, distance: Mapping[str, int], work: int
) -> Iterator[list[str] | None]:
    """Every simple route, by length and then in the order of `links`; None,
    then nothing more, once `work` links have been looked at after a first route."""
    spent = 0
    given = False
    length = distance[start]
    longest = len(distance) - 1  # a simple route visits each event at most once
    while length <= longest:
        # The shortest length of the branches left for being too long: no
        # longer route is shorter, so the next pass is at that length.
        beyond = longest + 1
        route = [start]
        on_route = {start}
        stack = [iter(links(start))]
        while stack:
            left = length - len(route)  # the steps left after the next one
            for nxt in stack[-1]:
                spent += 1
                if given and spent > work:
                    yield None
                    return
                near = distance.get(nxt)
                if near is None or nxt in on_route:
                    continue
                if near > left:
                    beyond = min(beyond, length - left + near)
                elif nxt == goal:
                    if not left:  # else a shorter route, given in an earlier pass
                        given = True
                        yield [*route, goal]
                else:
                    route.append(nxt)
                    on_route.add(nxt)
                    stack.append(iter(links(nxt)))
                    break
            else:
                stack.pop()
                on_route.discard(route.pop())
        length = beyond


def _distances_to_goal(links: Callable[[str], Sequence[str]], start: str, goal: str) -> dict[str, int]:
    """For each event reachable from start from which goal is reachable too,
    the fewest steps from it to goal (empty when start cannot reach goal)."""
    forward: dict[str, list[str]] = {}
    order = [start]
    seen = {start}
    for current in order:  # grows as we go: a breadth-first scan
        forward[current] = list(links(current))
        for nxt in forward[current]:
            if nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
    if goal not in seen:
        return {}
    backward: dict[str, list[str]] = {}
    for source, targets in forward.items():
        for target in targets:
            backward.setdefault(target, []).append(source)
    distance = {goal: 0}
    queue = [goal]
    for current in queue:
        for prev in backward.get(current, ()):
            if prev not in distance:
                distance[prev] = distance[current] + 1
                queue.append(prev)
    return distance


def _count_routes(
    links: Callable[[str], Sequence[str]], start: str, goal: str, distance: Mapping[str, int]
) -> int | None:
    """How many routes lead from start to goal through the events of
    `distance`, or None when a cycle lies among them (routes can then only be
    counted by listing them) or there are over COUNT_CAP."""
    inside = {ident: [n for n in links(ident) if n in distance] for ident in distance}
    pending = dict.fromkeys(inside, 0)
    for targets in inside.values():
        for target in targets:
            pending[target] += 1
    order = [ident for ident, count in pending.items() if not count]
    for current in order:  # grows as we go: Kahn's topological sort
        for target in inside[current]:
            pending[target] -= 1
            if not pending[target]:
                order.append(target)
    if len(order) < len(inside):
        return None
    ways = dict.fromkeys(inside, 0)
    ways[goal] = 1
    for current in reversed(order):
        if current != goal:  # capped, so the sums stay small however many routes there are
            ways[current] = min(COUNT_CAP + 1, sum(ways[n] for n in inside[current]))
    return ways[start] if ways[start] <= COUNT_CAP else None


def find_cycles(causes: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Cycles among causes, each as a list of ids whose last causes the first.

    Iterative three-colour depth-first search: one cycle is reported per
    back edge found, so every event in a cycle appears in some report.
    """
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(causes, white)
    cycles: list[list[str]] = []
    for root in causes:
        if colour[root] != white:
            continue
        colour[root] = grey
        path = [root]
        stack = [iter(causes[root])]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                colour[path.pop()] = black
                continue
            state = colour.get(nxt)
            if state is None:
                continue  # an unknown id: reported by another check
            if state == grey:
                cycles.append(path[path.index(nxt) :])
            elif state == white:
                colour[nxt] = grey
                path.append(nxt)
                stack.append(iter(causes[nxt]))
    return cycles
