"""query: filters built from option values, selection and sorting, on the fixture store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from timeline.errors import UsageError
from timeline.model import Store
from timeline.query import Filter, around_period, build_filter, select, sort_events
from timeline.store import read_store_text

STORE = Path(__file__).parent / "fixtures" / "chain.toml"


@pytest.fixture(scope="module")
def store() -> Store:
    return read_store_text(STORE.read_text(encoding="utf-8"), "chain.toml")


def ids(events: object) -> list[str]:
    return [e.id for e in events]  # type: ignore[attr-defined]


def test_no_options_build_an_empty_filter(store: Store) -> None:
    assert build_filter(store) == Filter()
    assert ids(select(store, Filter())) == ["campaign", "k1", "strikes", "embassy", "soleimani", "drawdown"]


def test_options_are_resolved_and_folded(store: Store) -> None:
    built = build_filter(
        store, actors=["KH", "united states"], countries=["SYRIA"], kinds=["Airstrike"], tags=["Bases"],
        search=["Strikes"],
    )  # fmt: skip
    assert built == Filter(
        actors=frozenset({"kh", "us"}),
        countries=frozenset({"syria"}),
        kinds=frozenset({"airstrike"}),
        tags=frozenset({"bases"}),
        search=("strikes",),
    )


def test_a_bound_means_its_whole_period(store: Store) -> None:
    built = build_filter(store, since="Dec 2019", until="2019")
    assert built.period is not None
    assert (built.period.start, built.period.end) == (datetime(2019, 12, 1), datetime(2020, 1, 1))
    assert ids(select(store, built)) == ["campaign", "k1", "strikes", "embassy"]
    assert ids(select(store, build_filter(store, on="2020-03"))) == ["drawdown"]


def test_around_an_event_or_a_date(store: Store) -> None:
    period = around_period(store, "k1")
    assert (period.start, period.end) == (datetime(2019, 12, 27), datetime(2019, 12, 28))
    assert around_period(store, "soleim").start == datetime(2020, 1, 3)  # a unique prefix
    assert around_period(store, "2020-03").end == datetime(2020, 4, 1)
    near = build_filter(store, around="k1", window="3d")  # 24 Dec up to (not including) 31 Dec
    assert ids(select(store, near)) == ["campaign", "k1", "strikes"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"around": "k1", "since": "2019"}, "--around cannot be combined with --from, --to or --on"),
        ({"around": "nowhere"}, "--around: cannot read 'nowhere' as a date"),
        ({"on": "2020", "since": "2019"}, "--on cannot be combined with --from or --to"),
        ({"actors": ["nobody"]}, "--actor: unknown actor 'nobody'"),
        (
            {"kinds": ["airstrik"]},
            "--kind: unknown kind 'airstrik' (did you mean 'airstrike'?)",
        ),
        ({"around": "k1", "window": "2 fortnights"}, "--window: cannot read '2 fortnights'"),
    ],
)
def test_bad_options_are_usage_errors(store: Store, options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError) as raised:
        build_filter(store, **options)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)


def test_filters_combine_any_within_an_option_and_all_across(store: Store) -> None:
    assert ids(select(store, build_filter(store, kinds=["attack", "killing"]))) == ["k1", "soleimani"]
    assert ids(select(store, build_filter(store, kinds=["attack", "killing"], actors=["kh"]))) == ["k1"]
    assert ids(select(store, build_filter(store, countries=["syria"]))) == ["strikes"]
    assert ids(select(store, build_filter(store, search=["hezbollah"]))) == ["campaign", "k1", "strikes",
                                                                             "embassy"]  # fmt: skip


def test_sorting_is_stable_and_chronological_on_ties(store: Store) -> None:
    events = list(store.events)
    assert ids(sort_events(events)) == ["campaign", "k1", "strikes", "embassy", "soleimani", "drawdown"]
    assert ids(sort_events(events, reverse=True))[0] == "drawdown"
    # Unknown figures sort lowest; "25+" is above "7-10"; ties stay chronological.
    assert ids(sort_events(events, "killed")) == ["campaign", "embassy", "drawdown", "k1", "soleimani",
                                                  "strikes"]  # fmt: skip
    assert ids(sort_events(events, "killed", reverse=True))[:3] == ["strikes", "soleimani", "k1"]
    assert ids(sort_events(events, "title"))[:2] == ["campaign", "embassy"]
    assert ids(sort_events(events, "kind"))[:2] == ["strikes", "k1"]
    with pytest.raises(UsageError, match="--sort: 'size' is not one of"):
        sort_events(events, "size")


def test_countries_and_tags_are_checked_against_the_store(store: Store) -> None:
    assert build_filter(store, countries=["IRAQ", "syria"]).countries == {"iraq", "syria"}
    assert build_filter(store, tags=["Bases"]).tags == {"bases"}
    with pytest.raises(UsageError, match=r"^--country: no event is in 'Irak' \(did you mean 'Iraq'\?\)$"):
        build_filter(store, countries=["Irak"])
    with pytest.raises(UsageError, match=r"^--country: no event is in 'USA' \(United States\)$"):
        build_filter(store, countries=["USA"])
    with pytest.raises(UsageError, match=r"^--tag: no event has the tag 'base' \(did you mean 'bases'\?\)$"):
        build_filter(store, tags=["base"])


def test_with_backed_adds_what_the_actors_back(store: Store) -> None:
    assert build_filter(store, actors=["iran"]).actors == {"iran"}
    assert build_filter(store, actors=["iran"], with_backed=True).actors == {"iran", "kh"}
    assert build_filter(store, actors=["us"], with_backed=True).actors == {"us"}
    with pytest.raises(UsageError, match="--with-backed needs --actor"):
        build_filter(store, with_backed=True)


def test_backing_is_followed_through(tmp_path: Path) -> None:
    from timeline.query import backed_by

    text = (
        STORE.read_text(encoding="utf-8").replace('backers = ["iran"]', 'backers = ["proxy"]')
        + '\n[[actor]]\nid = "proxy"\nname = "Proxy"\nkind = "armed-group"\nbackers = ["iran"]\n'
    )
    nested = read_store_text(text, "nested.toml")
    assert backed_by(nested, ["iran"]) == {"proxy", "kh"}
    assert backed_by(nested, ["proxy"]) == {"kh"}
