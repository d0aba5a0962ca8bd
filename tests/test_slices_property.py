"""For any filter, the filtered JSON export is a store: it loads, passes every
check and audit, and `check` tells only of the links that lead outside it; a
slice of that slice loads too, and a slice exports back to its own bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.checks import run_audits, run_notes
from timeline.contract.encode import store_json
from timeline.filters import FilterOptions
from timeline.model import Store
from timeline.query import select
from timeline.store import open_store, validated

FIXTURES = Path(__file__).parent / "fixtures"
STORES = {name: open_store(FIXTURES / name) for name in ("slices.toml", "evidence.toml")}
BOUNDS = [None, "2019", "2019-10", "2019-12-28", "2019-12-30", "2020-01", "2023", "2023-10-18", "2024-01"]


def _some(values: list[str]) -> st.SearchStrategy[list[str] | None]:
    if not values:
        return st.none()
    return st.one_of(st.none(), st.lists(st.sampled_from(values), min_size=1, max_size=2, unique=True))


@st.composite
def filters(draw: st.DrawFn, store: Store) -> FilterOptions:
    """Random date ranges, actors, kinds, countries and tags, alone or combined."""
    countries = sorted({c for e in store.events for c in e.countries})
    first, last = sorted(draw(st.lists(st.integers(0, len(BOUNDS) - 1), min_size=2, max_size=2)))
    return FilterOptions(
        since=BOUNDS[first],
        until=BOUNDS[last] if draw(st.booleans()) else None,
        actor=draw(_some(sorted(a.id for a in store.actors))),
        kind=draw(_some(sorted({e.kind for e in store.events}))),
        country=draw(_some(countries)),
        tag=draw(_some(sorted({t for e in store.events for t in e.tags}))),
        top_level=draw(st.booleans()),
        hide_wholes=draw(st.booleans()),
    )


def _slice(store: Store, options: FilterOptions) -> str:
    return store_json(store, select(store, options.build(store)))


def _loads_and_checks(text: str) -> Store:
    store = validated(text, "slice.json")  # raises on any load problem or failed check
    assert run_audits(store) == []
    assert {n.check for n in run_notes(store)} <= {"outside-links"}
    assert [n for n in run_notes(store) if not store.is_outside(n.message.split('"')[1])] == []
    return store


@pytest.mark.parametrize("name", sorted(STORES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_filtered_export_is_a_store(name: str, data: st.DataObject) -> None:
    store = STORES[name]
    first = _slice(store, data.draw(filters(store), label="filter"))
    sliced = _loads_and_checks(first)
    assert store_json(sliced, sliced.events) == first
    second = _slice(sliced, data.draw(filters(sliced), label="filter of the slice"))
    _loads_and_checks(second)
