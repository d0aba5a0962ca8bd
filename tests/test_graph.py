"""The causal graph: trees with back-references, depth, paths, cycles, scale."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from timeline.contract.encode import chain_json
from timeline.graph import ChainNode, all_paths, build_tree, find_cycles, shortest_path, walk
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
    routes, cut = all_paths(links, "a", "e", 10)
    assert (routes, cut) == ([["a", "b", "d", "e"], ["a", "c", "d", "e"]], False)
    routes, cut = all_paths(links, "a", "e", 1)
    assert (len(routes), cut) == (1, True)
    assert all_paths(links, "e", "a", 5) == ([], False)


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
    routes, truncated = all_paths(linked(edges), "root", "sink", 50)
    assert (len(routes), truncated) == (50, True)


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
