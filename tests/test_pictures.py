"""`stats` and `chart`: bound arithmetic, exact pictures, empty selections."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Result
from tests.test_render import CHART_VIEW
from timeline.chart_data import CLIP_MOST, CLIP_RATIO, GAP_MIN, Unit, choose_unit, scale_top, stack
from timeline.model import Count
from timeline.stats import Total, total

Invoke = Callable[..., Result]


@pytest.mark.parametrize(
    ("counts", "shown", "bounds"),
    [
        ([Count(25, 25), Count(6, 6)], "31", (31, 31)),
        ([Count(25, None), Count(6, 6)], "at least 31", (31, None)),
        ([Count(19, 25), Count(6, 15)], "25\u201340", (25, 40)),
        ([Count(None, None), Count(3, 3)], "at least 3", (3, None)),
        ([None, None], "none recorded", (0, 0)),
        ([Count(0, 30), None], "0\u201330", (0, 30)),
    ],
)
def test_casualties_sum_as_bounds(
    counts: list[Count | None], shown: str, bounds: tuple[int, int | None]
) -> None:
    result = total(counts)
    assert str(result) == shown
    assert (result.min, result.max) == bounds


bounded = st.tuples(st.integers(0, 1000), st.integers(0, 1000)).map(lambda t: Count(min(t), max(t)))
figures = st.lists(st.one_of(st.none(), bounded, st.integers(0, 1000).map(lambda n: Count(n, None)),
                             st.just(Count(None, None))))  # fmt: skip


@given(figures)
def test_the_total_contains_every_possible_sum(counts: list[Count | None]) -> None:
    result = total(counts)
    lows = sum((c.min or 0) for c in counts if c is not None)
    assert result.min == lows
    if any(c is not None and c.max is None for c in counts):
        assert result.max is None
    else:
        assert result.max == sum(c.max or 0 for c in counts if c is not None)
    assert result.figures == sum(c is not None for c in counts)
    assert Total().add(None) == Total()


def test_stats_json(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "stats", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["events"] == 6
    assert data["killed"] == {"min": 33, "max": None, "figures": 3, "unknown": 0}
    assert data["injured"] == {"min": 61, "max": None, "figures": 2, "unknown": 0}
    assert [(g["key"], g["events"]) for g in data["by_year"]] == [
        ("2019", 3),
        ("2019\u20132020", 1),
        ("2020", 2),
    ]
    assert data["by_kind"][0] == {
        "key": "airstrike", "events": 1,
        "killed": {"min": 25, "max": None, "figures": 1, "unknown": 0},
        "injured": {"min": 55, "max": None, "figures": 1, "unknown": 0},
    }  # fmt: skip
    kh = next(g for g in data["by_actor"] if g["key"] == "kh")
    assert (kh["name"], kh["events"], kh["acted"]["events"], kh["targeted"]["events"]) == (
        "Kata'ib Hezbollah",
        4,
        3,
        1,
    )
    assert kh["targeted"]["killed"] == {
        "min": 25,
        "max": None,
        "figures": 1,
        "unknown": 0,
    }  # suffered, not caused
    assert kh["acted"]["killed"] == {"min": 1, "max": 1, "figures": 1, "unknown": 0}
    # The 29 Dec strikes are split by their breakdown, not copied to each country.
    assert [(g["key"], g["killed"]["min"]) for g in data["by_country"]] == [
        ("Iraq", 27), ("Syria", 6), ("no country", 0), ("shared: Iraq, Syria", 0)
    ]  # fmt: skip


STATS = """\
3 events, from 2020   killed 7–10   injured none recorded

By year                                           
Year        Events          Killed         Injured
──────────────────────────────────────────────────
2019–2020        1   none recorded   none recorded
2020             2            7–10   none recorded
By kind                                          
Kind       Events          Killed         Injured
─────────────────────────────────────────────────
killing         1            7–10   none recorded
military        1   none recorded   none recorded
protest         1   none recorded   none recorded
By country                                         
Country      Events          Killed         Injured
───────────────────────────────────────────────────
Iraq              2            7–10   none recorded
no country        1   none recorded   none recorded
By actor: killed in its actions                           
Actor               Events          Killed         Injured
──────────────────────────────────────────────────────────
United States            2            7–10   none recorded
Kata'ib Hezbollah        1   none recorded   none recorded
By actor: killed among its own (as a target)          
Actor           Events          Killed         Injured
──────────────────────────────────────────────────────
United States        1   none recorded   none recorded
"""  # noqa: W291


@pytest.mark.usefixtures("terminal")
def test_stats_table(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "stats", "--from", "2020")
    assert result.exit_code == 0
    assert result.stdout == STATS


def test_stats_filters_and_empty(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "stats", "--on", "1990", "--format", "json")
    assert json.loads(result.stdout)["events"] == 0
    assert json.loads(result.stdout)["killed"]["figures"] == 0
    result = invoke("--store", str(mini_store), "stats", "--on", "1990")
    assert (result.exit_code, result.stdout) == (0, "No events match.\n")
    chart = invoke("--store", str(mini_store), "chart", "--from", "2019-06", "--to", "2019-12")
    assert "\u2248 empty months left out" not in chart.stdout
    result = invoke("--store", str(mini_store), "stats", "--actor", "nobody")
    assert result.exit_code == 2


def test_units_follow_the_span() -> None:
    assert choose_unit(2019 * 12, 2019 * 12 + 35) is Unit.MONTH
    assert choose_unit(2019 * 12, 2019 * 12 + 36) is Unit.QUARTER
    assert choose_unit(2010 * 12, 2021 * 12 + 11) is Unit.QUARTER
    assert choose_unit(1979 * 12, 2024 * 12) is Unit.YEAR
    assert Unit.QUARTER.label(Unit.QUARTER.bin_of(2019, 12)) == "Q4 2019"
    assert Unit.MONTH.label(Unit.MONTH.bin_of(2019, 12)) == "Dec 2019"
    assert GAP_MIN == 3


def test_stacks_are_proportional_and_never_vanish() -> None:
    assert stack({"attack": 3, "airstrike": 1}, 4, 8) == ["attack"] * 6 + ["airstrike"] * 2
    assert stack({"attack": 1}, 100, 8) == ["attack"]
    assert stack({}, 5, 8) == []
    assert len(stack({"a": 1, "b": 1, "c": 1}, 3, 8)) == 8


# The mini store draws as the fixture store does (rich prints one newline more).
CHART_MINI = CHART_VIEW.removesuffix("\n")


def test_chart_of_a_small_store(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "chart")
    assert result.exit_code == 0
    assert result.stdout == CHART_MINI


CHART_OUTLIER = """\
Killed (lower bounds) per year, 1979 to 2024
                            176
25 ┤                ^^^^^^^ !!!!!!!
   │                ^^^^^^^ ///////
   │                ^^^^^^^ !!!!!!!                         ^^^^^^^
   │                ^^^^^^^ !!!!!!!                         ^^^^^^^
   │                ^^^^^^^ !!!!!!!                         ^^^^^^^
   │                ^^^^^^^ !!!!!!!                 ^^^^^^^ ^^^^^^^
   │                ^^^^^^^ !!!!!!!                 ^^^^^^^ ^^^^^^^
   │                ^^^^^^^ !!!!!!! ^^^^^^^         ^^^^^^^ #######
 0 ┼──────┴─≈≈≈≈≈≈≈≈──────┴───────┴───────┴───────┴───────┴───────┴─
    1979            2019    2020    2021    2022    2023    2024
                    A       B       C               D       E
A  29 Dec 2019  Strikes of December 2019  (killed 25)
B  8 Jan 2020  An airliner shot down  (killed 176)
C  27 Jun 2021  Strikes of June 2021  (killed 4)
D  8 Nov 2023  Strikes of November 2023  (killed 9)
E  2 Feb 2024  Strikes of February 2024  (killed 16)
# attack  ^ airstrike  ! missile-strike
/ 1 bar over 25 cut short, its value above   ≈ empty years left out
Not drawn: 1 span over several years (killed at least 603):
   2003 to 2011  A long insurgency  (killed 603+)
"""
OUTLIER = str(Path(__file__).parent / "fixtures" / "outlier.toml")


def test_one_outlier_does_not_flatten_the_other_bars(invoke: Invoke) -> None:
    """Issue 13: over 1979-2024, a 176-killed event cut short, the 2019-2024
    bars drawn to a scale of 25 (16 killed is 5 rows of 8, not 1)."""
    result = invoke("--store", OUTLIER, "chart", "--by", "killed", "--from", "1979", "--to", "2024")
    assert result.exit_code == 0
    assert result.stdout == CHART_OUTLIER


@pytest.mark.parametrize(
    ("totals", "top"),
    [
        ([176, 25, 16, 9, 4], 25),
        ([10, 9, 8], 10),
        ([500, 450, 20, 10, 8, 5, 4, 3], 20),  # two bars cut short
        ([500, 450, 20, 10], 500),  # but never more than one bar in four
        ([900, 300, 100, 30, 10], 900),  # a steady climb: nothing stands out
        ([7], 7),
        ([176, 25, 16], 176),  # fewer than four bars: none is cut
        ([0, 0], 0),
        ([], 0),
    ],
)
def test_the_scale_cuts_only_bars_far_above_the_rest(totals: list[int], top: int) -> None:
    assert scale_top(totals) == top


@given(st.lists(st.integers(0, 10_000), max_size=40))
def test_bars_cut_short_are_few_and_far_above_the_scale(totals: list[int]) -> None:
    top = scale_top(totals)
    above = sorted(t for t in totals if t > top)
    assert top <= max(totals, default=0)
    assert len(above) <= min(CLIP_MOST, sum(1 for t in totals if t) // 4)
    if above:
        assert above[0] > CLIP_RATIO * top
        assert top in totals


def test_counts_are_never_cut_short(invoke: Invoke) -> None:
    result = invoke("--store", OUTLIER, "chart", "--from", "1979")
    assert "cut short" not in result.stdout


def test_the_title_keeps_the_period_asked(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "chart", "--from", "2019", "--to", "2020")
    assert result.stdout.startswith("Events per month, 2019 to 2020\n")
    result = invoke("--store", str(mini_store), "chart", "--from", "Dec 2019")
    assert result.stdout.startswith("Events per month, Dec 2019 to Mar 2020\n")
    result = invoke("--store", str(mini_store), "chart", "--on", "2020-01")
    assert result.stdout.startswith("Events per month, Jan 2020\n")


@pytest.mark.parametrize("width", ["40", "80", "120", "200"])
def test_chart_fits_any_width(invoke: Invoke, width: str) -> None:
    result = invoke("chart", env={"COLUMNS": width})
    assert result.exit_code == 0
    assert all(len(line) <= int(width) for line in result.stdout.splitlines())
    assert "\x1b" not in result.stdout
    assert result.stdout.startswith("Events per year, 1979 to 2024\n")
    # 1982-1997 hold no event: drawn as one compressed gap, not 16 empty columns.
    assert "\u2248 empty years left out" in result.stdout
    months = invoke("chart", "--from", "2019", "--to", "2020", env={"COLUMNS": width})
    widest = max(len(line) for line in months.stdout.splitlines()[:10])
    assert widest >= int(width) * 2 // 3  # the bars use the terminal's width


def test_chart_empty_and_errors(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "chart", "--on", "1990")
    assert (result.exit_code, result.stdout) == (0, "No events match.\n")
    # events matched, but none with a figure to stack: a message, never empty axes
    result = invoke("--store", str(mini_store), "chart", "--by", "injured", "--on", "2020-01-03")
    assert (result.exit_code, result.stdout) == (0, "No injured to draw (no figure above 0).\n")
    result = invoke("--store", str(mini_store), "chart", "--by", "deaths")
    assert result.exit_code == 2


def _narrow_store(path: Path) -> Path:
    """Two years of small attacks, one a month, and five larger events, two of
    them in January 2020 and two in March: at 40 columns a bar is one cell."""
    larger = [
        ("dec", "2019-12-29", 25, "airstrike"),
        ("jan-a", "2020-01-03", 10, "killing"),
        ("jan-b", "2020-01-08", 176, "missile-strike"),
        ("mar-a", "2020-03-11", 3, "attack"),
        ("mar-b", "2020-03-13", 6, "airstrike"),
    ]
    monthly = [(f"m{y}-{m:02d}", f"{y}-{m:02d}-20", 1, "attack") for y in (2019, 2020) for m in range(1, 13)]
    path.write_text(
        "schema = 1\n\n"
        + "".join(
            f'[[event]]\nid = "{ident}"\ntitle = "Event {ident}"\nkind = "{kind}"\nstart = "{start}"\n'
            f'killed = {killed}\nsources = [{{ title = "Seed" }}]\n\n'
            for ident, start, killed, kind in larger + monthly
        ),
        encoding="utf-8",
    )
    return path


CHART_NARROW = """\
Killed (lower bounds) per month, 2019 to
2020
                187
26 ┤           ^!
   │           ^/
   │           ^!
   │           ^!
   │           ^!
   │           ^! ^
   │           ^! ^
   │###########^!###########
 0 ┼┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴┴
    J M M J S N J M M J S N
    2019        2020
               AB D
                C E
A  29 Dec 2019  Event dec  (killed 25)
B  3 Jan 2020  Event jan-a  (killed 10)
C  8 Jan 2020  Event jan-b  (killed 176)
D  11 Mar 2020  Event mar-a  (killed 3)
E  13 Mar 2020  Event mar-b  (killed 6)
# attack  ^ airstrike  ! missile-strike
* killing
/ 1 bar over 26 cut short, its value
above
"""


def test_labels_stay_under_their_own_bar_at_any_width(invoke: Invoke, tmp_path: Path) -> None:
    """At 40 columns a bar is one cell wide: C (8 Jan) and E (13 Mar) go on a
    line below B and D, under January and March, not under February and April."""
    store = _narrow_store(tmp_path / "narrow.toml")
    result = invoke("--store", str(store), "chart", "--from", "2019", "--to", "2020", "--by", "killed",
                    env={"COLUMNS": "40"})  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == CHART_NARROW
