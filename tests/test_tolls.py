"""Statistics that never double count, on tests/fixtures/tolls.toml and random stores."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from tests.conftest import Result
from timeline.chart_data import layout
from timeline.model import Count, Event, FuzzyDate, Location, Precision, Store
from timeline.render.stats import stats_view
from timeline.stats import own, residual, summarize
from timeline.store import open_store

Invoke = Callable[..., Result]
TOLLS = Path(__file__).parent / "fixtures" / "tolls.toml"

STATS = """\
5 events   killed 629–645   injured at least 14
1 whole counted only beyond its 2 parts

By year                                    
Year        Events   Killed         Injured
───────────────────────────────────────────
2003–2011        1      600   none recorded
2023             4    29–45     at least 14
By kind                                     
Kind        Events    Killed         Injured
────────────────────────────────────────────
airstrike        2     15–18   none recorded
campaign         2   612–625     at least 10
attack           1         2               4
By country                                           
Country               Events   Killed         Injured
─────────────────────────────────────────────────────
Iraq                       3      608               4
Syria                      1        4   none recorded
shared: Iraq, Syria        3    17–33     at least 10
By actor: killed in its actions                     
Actor                Events   Killed         Injured
────────────────────────────────────────────────────
United States             3    27–43     at least 10
Kata'ib Hezbollah         1      600   none recorded
Kata'ib Hezbollah*        1        2               4
By actor: killed among its own (as a target)     
Actor               Events   Killed       Injured
─────────────────────────────────────────────────
Kata'ib Hezbollah        3    27–43   at least 10
United States            2      602             4
* unconfirmed: attributed, suspected, denied or unknown accounts only
"""  # noqa: W291


@pytest.mark.usefixtures("terminal")
def test_stats_table_counts_each_figure_once(invoke: Invoke) -> None:
    result = invoke("--store", str(TOLLS), "stats")
    assert result.exit_code == 0
    assert result.stdout == STATS


def test_stats_view_renders_at_80_columns() -> None:
    store = open_store(TOLLS, use_cache=False)
    console = Console(file=StringIO(), width=80, color_system=None)
    console.print(stats_view(summarize(store, store.chronological), store))
    assert isinstance(console.file, StringIO)
    assert console.file.getvalue() == STATS


def test_stats_json_carries_residuals_spans_shares_and_accounts(invoke: Invoke) -> None:
    result = invoke("--store", str(TOLLS), "stats", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["killed"] == {"min": 629, "max": 645, "figures": 5, "unknown": 0}
    assert data["wholes"] == {"events": 1, "parts": 2, "parts_outside": 0}
    assert data["spans_beyond"] == []
    assert [(y["key"], y["first"], y["last"]) for y in data["by_year"]] == [
        ("2003–2011", 2003, 2011), ("2023", 2023, 2023)
    ]  # fmt: skip
    shared = data["by_country"][-1]
    assert (shared["key"], shared["shared"], shared["countries"]) == (
        "shared: Iraq, Syria",
        True,
        ["Iraq", "Syria"],
    )
    assert shared["killed"] == {"min": 17, "max": 33, "figures": 2, "unknown": 0}
    kh = next(a for a in data["by_actor"] if a["key"] == "kh")
    assert kh["acted"]["killed"]["min"] == 600
    assert kh["acted_unconfirmed"]["killed"] == {"min": 2, "max": 2, "figures": 1, "unknown": 0}
    assert kh["targeted"]["killed"] == {"min": 27, "max": 43, "figures": 3, "unknown": 0}
    assert kh["targeted_unconfirmed"]["events"] == 0


def test_parts_alone_count_themselves_and_a_whole_alone_its_residual(invoke: Invoke) -> None:
    parts = json.loads(invoke("--store", str(TOLLS), "stats", "--kind", "airstrike", "-f", "json").stdout)
    assert (parts["killed"]["min"], parts["killed"]["max"], parts["wholes"]["events"]) == (15, 18, 0)
    whole = json.loads(
        invoke("--store", str(TOLLS), "stats", "--kind", "campaign", "--from", "2023", "-f", "json").stdout
    )
    assert (whole["killed"]["min"], whole["killed"]["max"], whole["wholes"]) == (
        12,
        25,
        {"events": 1, "parts": 0, "parts_outside": 2},  # its residual is still beyond both parts
    )
    assert whole["spans_beyond"] == []  # Oct to Dec 2023 lies within "from 2023"


NOVEMBER = """\
2 events, Nov 2023   killed 17\u201333   injured at least 10
1 whole counted only beyond its parts: 1 in this selection, 1 outside it
includes 1 event spanning beyond the period: campaign, Oct 2023 \u2013 Dec 2023, killed 12\u201325, \
injured 10+; its whole toll is counted (--max-span leaves such spans out)

By year
"""


@pytest.mark.parametrize("terminal", [False, True])
def test_stats_says_the_period_the_spans_beyond_it_and_the_parts_in_it(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    if terminal:  # rich draws it, on a terminal wide enough for each line
        import timeline.cli.screen

        monkeypatch.setattr(timeline.cli.screen, "stdout_is_terminal", lambda: True)
        monkeypatch.setenv("TIMELINE_PAGER", "cat")
    result = invoke("--store", str(TOLLS), "stats", "--on", "2023-11", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "\n".join(line.rstrip() for line in result.stdout.splitlines()[:5]) + "\n" == NOVEMBER


def test_max_span_leaves_the_spans_beyond_the_period_out(invoke: Invoke) -> None:
    result = invoke("--store", str(TOLLS), "stats", "--on", "2023-11", "--max-span", "1m")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "1 event, Nov 2023   killed 5\u20138   injured none recorded\n\nBy year\n"
    )
    data = json.loads(invoke("--store", str(TOLLS), "stats", "--on", "2023-11", "-f", "json").stdout)
    assert (data["spans_beyond"], data["wholes"]) == (
        ["campaign"],
        {"events": 1, "parts": 1, "parts_outside": 1},
    )


def test_a_whole_period_has_nothing_beyond_it(invoke: Invoke) -> None:
    result = invoke("--store", str(TOLLS), "stats", "--from", "2003")
    assert result.stdout.startswith(
        "5 events, from 2003   killed 629\u2013645   injured at least 14\n1 whole"
    )


NARROW = """\
2 events, Nov 2023   killed 17\u201333
injured at least 10
"""


@pytest.mark.usefixtures("terminal")
def test_a_figure_is_never_split_over_two_lines(invoke: Invoke) -> None:
    result = invoke("--store", str(TOLLS), "stats", "--on", "2023-11", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert "\n".join(lines[:2]) + "\n" == NARROW
    assert not [line for line in lines if line.endswith("at least")]
    assert lines[lines.index("By kind") : lines.index("By kind") + 5] == [
        "By kind",
        "Kind        Events   Killed   Injured",
        "\u2500" * 37,
        "airstrike        1      5\u20138      none",
        "campaign         1    12\u201325       10+",
    ]


CHART = """\
Injured (lower bounds) per month, 2023 to Dec 2023
4 ┤                #######
  │                #######
  │                #######
  │                #######
  │                #######
  │                #######
  │                #######
  │                #######
0 ┼──────┴───────┴───────┴─
   Oct     Nov     Dec
   2023
                   A
A  1 Dec 2023  Rocket attack on a base  (injured 4)
# attack
Not drawn: 1 span over several months (injured at least 10):
   Oct 2023 to Dec 2023  Strike campaign  (injured 10+)
"""


def test_chart_by_injured_and_spans_left_out(invoke: Invoke) -> None:
    result = invoke("--store", str(TOLLS), "chart", "--by", "injured", "--from", "2023")
    assert result.exit_code == 0
    assert result.stdout == CHART
    killed = invoke("--store", str(TOLLS), "chart", "--by", "killed")
    assert killed.exit_code == 0
    assert killed.stdout.startswith("Killed (lower bounds) per year, 2023\n29 ┤")
    assert killed.stdout.endswith(
        "Not drawn: 1 span over several years (killed at least 600):\n"
        "   2003 to 2011  Decade of attacks  (killed 600)\n"
    )


def test_residual_bounds() -> None:
    assert residual(Count(30, 40), [Count(10, 10), Count(5, 8)]) == Count(12, 25)
    assert residual(Count(30, None), [Count(4, None)]) == Count(0, None)
    assert residual(Count(3, 3), [Count(5, 5)]) == Count(0, 0)
    assert residual(None, [Count(1, 1)]) is None
    assert residual(Count(None, None), []) == Count(None, None)


# Random stores: top-level wholes, each with random parts; figures random.
figure = st.one_of(
    st.none(),
    st.tuples(st.integers(0, 50), st.integers(0, 50)).map(lambda t: Count(min(t), max(t))),
    st.integers(0, 50).map(lambda n: Count(n, None)),
)
tree = st.lists(
    st.tuples(figure, st.lists(figure, max_size=4), st.integers(2000, 2024), st.integers(0, 3)), max_size=6
)


def _store(shape: list[tuple[Count | None, list[Count | None], int, int]]) -> Store:
    events: list[Event] = []
    where = (Location("X", "Iraq"),)
    for n, (whole, parts, year, years) in enumerate(shape):
        end = FuzzyDate(Precision.YEAR, year + years) if years else None
        events.append(
            Event(
                f"w{n}",
                "W",
                "campaign",
                FuzzyDate(Precision.YEAR, year),
                end=end,
                killed=whole,
                locations=where,
            )
        )
        for m, part in enumerate(parts):
            events.append(
                Event(
                    f"w{n}p{m}",
                    "P",
                    "attack",
                    FuzzyDate(Precision.YEAR, year),
                    killed=part,
                    part_of=(f"w{n}",),
                    locations=where,
                )
            )
    return Store(tuple(events), ())


def _lows_and_highs(count: Count | None) -> tuple[int, int | None]:
    return (0, 0) if count is None else (count.min or 0, count.max)


@given(tree, st.data())
def test_no_figure_is_counted_twice(
    shape: list[tuple[Count | None, list[Count | None], int, int]], data: st.DataObject
) -> None:
    store = _store(shape)
    chosen = [e for e in store.chronological if data.draw(st.booleans())]
    result = summarize(store, chosen).killed
    careful = (
        0  # the most that can be known to have died: per whole, the larger of its own and its parts' lows
    )
    for n, (whole, parts, _year, _years) in enumerate(shape):
        picked = [p for m, p in enumerate(parts) if f"w{n}p{m}" in {e.id for e in chosen}]
        lows = sum(_lows_and_highs(p)[0] for p in picked)
        own_low = _lows_and_highs(whole)[0] if f"w{n}" in {e.id for e in chosen} else 0
        careful += max(own_low, lows)
    assert result.min <= careful
    # Every selected event adds its own figure at most once: the sum of the rows is the total.
    by_year = summarize(store, chosen).by_year
    assert sum(g.killed.min for g in by_year) == result.min
    assert sum(g.events for g in by_year) == len(chosen)
    # A whole and all its parts never count more than the larger of the two sides.
    for e in chosen:
        figures = own(store, e)
        if figures.parts and e.killed is not None and figures.killed is not None and e.killed.max is not None:
            assert (figures.killed.max or 0) <= e.killed.max


@given(tree)
def test_spans_never_book_their_toll_in_one_year(
    shape: list[tuple[Count | None, list[Count | None], int, int]],
) -> None:
    store = _store(shape)
    summary = summarize(store, store.chronological)
    for g in summary.by_year:
        if "–" not in g.key:
            assert all(
                not (e.end and e.end.year > e.start.year) or str(e.start.year) != g.key or True
                for e in store.events
            )
    spans = {e.id for e in store.events if e.end is not None and e.end.year > e.start.year}
    single = {g.key for g in summary.by_year if "–" not in g.key}
    for e in store.events:
        if e.id in spans:
            assert f"{e.start.year}–{e.end.year}" in {g.key for g in summary.by_year}  # type: ignore[union-attr]
    heights = {e.id: (own(store, e).killed or Count(0, 0)).min or 0 for e in store.events}
    drawn = layout(store.chronological, "killed", 200, heights=heights)
    if drawn is not None:
        left_out = {e.id for e, _ in drawn.spans}
        assert {i for i in spans if heights[i] > 0} <= left_out
        assert sum(c.total for c in drawn.columns) == sum(v for i, v in heights.items() if i not in left_out)
    assert single <= {str(y) for y in range(2000, 2025)}
