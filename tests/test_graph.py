"""The causal graph: trees with back-references, depth, paths, cycles, scale."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.contract.encode import chain_json
from timeline.graph import ChainNode, Routes, all_paths, build_tree, find_cycles, shortest_path, walk
from timeline.model import Event, FuzzyDate, Precision, Source, Store


def linked(edges: dict[str, list[str]]) -> Callable[[str], Sequence[str]]:
    return lambda ident: edges.get(ident, [])


def shape(forest: Sequence[ChainNode]) -> list[tuple[int, str, bool, bool]]:
    return [(n.depth, n.event_id, n.reference, n.cut) for n in walk(forest)]


DIAMOND = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": ["e"]}


def test_an_event_reached_twice_is_drawn_once_then_referenced() -> None:
    forest = build_tree(["a"], linked(DIAMOND))
    assert shape(forest) == [
        (0, "a", False, False),
        (1, "b", False, False),
        (2, "d", False, False),
        (3, "e", False, False),
        (1, "c", False, False),
        (2, "d", True, False),
    ]


def test_depth_limit_marks_cut_nodes() -> None:
    assert shape(build_tree(["a"], linked(DIAMOND), max_depth=1)) == [
        (0, "a", False, False),
        (1, "b", False, True),
        (1, "c", False, True),
    ]
    assert shape(build_tree(["a"], linked(DIAMOND), max_depth=0)) == [(0, "a", False, True)]


def test_traversal_terminates_on_a_cycle() -> None:
    cyclic = {"a": ["b"], "b": ["c"], "c": ["a"]}
    assert shape(build_tree(["a"], linked(cyclic))) == [
        (0, "a", False, False),
        (1, "b", False, False),
        (2, "c", False, False),
        (3, "a", True, False),
    ]
    assert find_cycles(cyclic) == [["a", "b", "c"]]
    assert find_cycles({"a": ["a"]}) == [["a"]]
    assert find_cycles(DIAMOND | {"e": []}) == []


def test_paths() -> None:
    links = linked(DIAMOND)
    assert shortest_path(links, "a", "e") == ["a", "b", "d", "e"]
    assert shortest_path(links, "e", "a") is None
    assert shortest_path(links, "a", "a") == ["a"]
    by_b, by_c = ["a", "b", "d", "e"], ["a", "c", "d", "e"]
    assert all_paths(links, "a", "e", 10) == Routes([by_b, by_c], False, 2, False)
    assert all_paths(links, "a", "e", 1) == Routes([by_b], True, 2, False)
    assert all_paths(links, "e", "a", 5) == Routes([], False, 0, False)


def chain_store(n: int) -> Store:
    """n events in one long chain, e0 -> e1 -> ... (each caused by the one before)."""
    events = tuple(
        Event(
            id=f"e{i}",
            title=f"Event {i}",
            kind="attack",
            start=FuzzyDate(Precision.YEAR, 1000 + i // 100),
            sources=(Source("s"),),
            causes=(f"e{i - 1}",) if i else (),
        )
        for i in range(n)
    )
    return Store(events, ())


def test_a_100000_event_chain_needs_no_recursion() -> None:
    from timeline.graph import Direction, neighbours

    store = chain_store(100_000)
    forward = build_tree(["e0"], neighbours(store, Direction.EFFECTS))
    nodes = list(walk(forward))
    assert len(nodes) == 100_000
    assert nodes[-1].event_id == "e99999"
    assert nodes[-1].depth == 99_999
    backward = build_tree(["e99999"], neighbours(store, Direction.CAUSES))
    assert sum(1 for _ in walk(backward)) == 100_000
    assert shortest_path(neighbours(store, Direction.EFFECTS), "e0", "e99999") is not None
    assert find_cycles({e.id: e.causes for e in store.events}) == []
    text = chain_json(forward, store, "effects")
    # json.loads would recurse too deeply; check the nesting from the text instead:
    # every event opens its effects list, and all of them close at the very end.
    assert text.count('"via": "cause", "effects": [') == 99_999
    assert text.endswith('"effects": []' + "}]" * 99_999 + "}]}\n")


def test_a_wide_dag() -> None:
    # One root, 300 children, each linked to one shared sink and to the next child.
    edges: dict[str, list[str]] = {"root": [f"c{i}" for i in range(300)]}
    for i in range(300):
        edges[f"c{i}"] = ["sink"] + ([f"c{i + 1}"] if i < 299 else [])
    forest = build_tree(["root"], linked(edges))
    full = [n for n in walk(forest) if not n.reference]
    assert sorted(n.event_id for n in full) == sorted(["root", "sink", *(f"c{i}" for i in range(300))])
    assert sum(1 for n in walk(forest) if n.event_id == "sink" and not n.reference) == 1
    assert len(shortest_path(linked(edges), "root", "sink") or []) == 3
    found = all_paths(linked(edges), "root", "sink", 50)
    assert (len(found.paths), found.truncated, found.total) == (50, True, 300 * 301 // 2)
    assert found.paths[:2] == [["root", "c0", "sink"], ["root", "c1", "sink"]]  # the shortest first


def test_chain_json_shape() -> None:
    store = chain_store(3)
    from timeline.graph import Direction, neighbours

    forest = build_tree(["e0"], neighbours(store, Direction.EFFECTS), max_depth=1)
    data = json.loads(chain_json(forest, store, "effects"))
    assert data["version"] == 2
    assert data["direction"] == "effects"
    root = data["roots"][0]
    assert root["event"]["id"] == "e0"
    child = root["effects"][0]
    assert (child["event"]["id"], child["truncated"], child["effects"]) == ("e1", True, [])


# --- all_paths: the shortest routes first, within bounds ----------------------


def every_route(edges: dict[str, list[str]], start: str, goal: str) -> list[list[str]]:
    """Every simple route by brute force, by length and then by the order of
    each step among its event's links: the order all_paths must give."""
    found: list[list[str]] = []
    stack = [[start]]
    while stack:
        route = stack.pop()
        if route[-1] == goal:
            found.append(route)
            continue
        stack.extend([*route, n] for n in edges.get(route[-1], []) if n not in route)
    rank = {(a, b): i for a, targets in edges.items() for i, b in enumerate(targets)}
    return sorted(found, key=lambda r: (len(r), [rank[step] for step in pairwise(r)]))


NAMES = "abcdefg"


#: Links, and the two events to find routes between.
Graph = tuple[dict[str, list[str]], str, str]


@st.composite
def graphs(draw: st.DrawFn) -> Graph:
    """A small directed graph, cycles and self-links allowed, and two distinct events of it."""
    size = draw(st.integers(2, len(NAMES)))
    names = list(NAMES[:size])
    edges = {n: draw(st.lists(st.sampled_from(names), unique=True, max_size=size)) for n in names}
    start, goal = draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
    return edges, start, goal


@settings(max_examples=300, deadline=None)
@given(graphs(), st.integers(1, 30))
def test_all_paths_gives_the_shortest_routes_first(graph: Graph, limit: int) -> None:
    edges, start, goal = graph
    expected = every_route(edges, start, goal)
    found = all_paths(linked(edges), start, goal, limit)
    assert found.paths == expected[:limit]
    assert found.truncated == (len(expected) > limit)
    assert not found.stopped
    # Counted whenever the list is whole, and otherwise only when it can be: never wrongly.
    assert found.total == len(expected) if not found.truncated else found.total in (None, len(expected))


def test_all_paths_counts_no_routes_through_a_cycle() -> None:
    edges = {"a": ["b", "e"], "b": ["c"], "c": ["a", "e"]}  # a -> b -> c -> a
    assert all_paths(linked(edges), "a", "e", 1) == Routes([["a", "e"]], True, None, False)
    both = [["a", "e"], ["a", "b", "c", "e"]]
    assert all_paths(linked(edges), "a", "e", 2) == Routes(both, False, 2, False)


def test_all_paths_from_an_event_to_itself_is_the_route_of_no_step() -> None:
    assert all_paths(linked(DIAMOND), "a", "a", 5) == Routes([["a"]], False, 1, False)
    assert shortest_path(linked(DIAMOND), "a", "a") == ["a"]


def every_earlier(n: int) -> dict[str, list[str]]:
    """n events, each linked to every later one: 2^(n-2) routes from first to last."""
    return {f"e{i}": [f"e{j}" for j in range(i + 1, n)] for i in range(n)}


def test_all_paths_stops_at_its_bound_on_work_with_the_shortest_found() -> None:
    edges = every_earlier(30)
    looked_at = 0

    class Counted(list[str]):
        """Links that count each one looked at."""

        def __iter__(self) -> Iterator[str]:
            nonlocal looked_at
            for ident in super().__iter__():
                looked_at += 1
                yield ident

    found = all_paths(lambda ident: Counted(edges[ident]), "e0", "e29", 10_000, work=1_000)
    assert (found.truncated, found.total, found.stopped) == (True, 2**28, True)
    assert 0 < len(found.paths) < 10_000
    assert found.paths == all_paths(linked(edges), "e0", "e29", len(found.paths)).paths  # the first ones
    # At most `work` links looked at by the search (and one more, to know it
    # is spent), beyond the two linear scans that measure the distances and
    # count the routes, of the 30 x 29 / 2 links each.
    assert looked_at <= 1_000 + 1 + 2 * 435


def test_all_paths_is_quick_on_a_dense_graph() -> None:
    # 2^98 routes: listing them is impossible; the 10,000 shortest are not.
    found = all_paths(linked(every_earlier(100)), "e0", "e99", 10_000)
    assert (len(found.paths), found.truncated, found.total, found.stopped) == (10_000, True, None, False)
    assert [len(route) for route in found.paths[:100]] == [2] + [3] * 98 + [4]
