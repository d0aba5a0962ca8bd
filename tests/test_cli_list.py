"""`timeline list`: date ranges, filters, sorting, formats, safety, errors."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI_STORE, Result
from tests.test_render import EVENTS_TABLE

Invoke = Callable[..., Result]


def ids(invoke: Invoke, store: Path, *args: str) -> list[str]:
    result = invoke("--store", str(store), "list", "--format", "ids", *args)
    assert result.exit_code == 0, result
    return result.stdout.split()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["campaign", "k1", "strikes", "embassy", "soleimani", "drawdown"]),
        # A bound means its whole period; a month-precision event covers its month.
        (["--from", "Dec 2019"], ["campaign", "k1", "strikes", "embassy", "soleimani", "drawdown"]),
        (["--from", "2020"], ["embassy", "soleimani", "drawdown"]),
        (["--to", "2019-12-27"], ["campaign", "k1"]),
        (["--to", "26 December 2019"], ["campaign"]),
        (["--from", "2019-12-28", "--to", "2019-12-31"], ["campaign", "strikes", "embassy"]),
        (["--on", "2020-03"], ["drawdown"]),
        (["--on", "2020-01-01"], ["embassy"]),  # a span covers start to end
        (["--on", "2019-11"], ["campaign"]),
        (["--on", "2019-12-29T19:00"], ["campaign", "strikes"]),
        (["--on", "2019-12-29T19:01"], ["campaign"]),
        (["--on", "2020-01-02T11:01"], []),
        (["--to", "2019"], ["campaign", "k1", "strikes", "embassy"]),
        (["--around", "2020-01-03", "--window", "3d"], ["campaign", "embassy", "soleimani"]),
        (["--around", "2020-01-03", "--window", "2d"], ["embassy", "soleimani"]),
        (["--around", "2020-01-03", "--window", "1d"], ["soleimani"]),
        (["--around", "k1", "--window", "2d"], ["campaign", "k1", "strikes"]),
        (["--around", "soleim", "--window", "1d"], ["soleimani"]),
    ],
)
def test_date_ranges(invoke: Invoke, mini_store: Path, args: list[str], expected: list[str]) -> None:
    assert ids(invoke, mini_store, *args) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--actor", "kh"], ["campaign", "k1", "strikes", "embassy"]),
        (["--actor", "hezbollah brigades"], ["campaign", "k1", "strikes", "embassy"]),
        (["--actor", "KATA'IB HEZBOLLAH", "--kind", "airstrike"], ["strikes"]),
        (["--kind", "attack", "--kind", "killing"], ["k1", "soleimani"]),
        (["--country", "syria"], ["strikes"]),
        (["--country", "Syria", "--country", "Iraq", "--from", "2020"], ["embassy", "soleimani"]),
        (["--tag", "BASES"], ["campaign", "k1"]),
        (["--search", "rockets"], ["k1"]),
        (["--search", "hezbollah brigades"], ["campaign", "k1", "strikes", "embassy"]),
        (["--search", "qa'im"], ["strikes"]),
        # Typographic quotes and apostrophes, as pasted, are read as ASCII ones, on both sides.
        (["--search", "qa\u2019im"], ["strikes"]),
        (["--search", "QA\u02bcIM"], ["strikes"]),
        (["--actor", "Kata\u2019ib Hezbollah", "--kind", "airstrike"], ["strikes"]),
        (["--search", "zzz"], []),
    ],
)
def test_filters_combine(invoke: Invoke, mini_store: Path, args: list[str], expected: list[str]) -> None:
    assert ids(invoke, mini_store, *args) == expected


def test_search_folds_typographic_quotes_in_the_store_too(invoke: Invoke, mini_store: Path) -> None:
    curly = mini_store.read_text(encoding="utf-8").replace("strikes on Kata'ib", "strikes on Kata\u2019ib")
    mini_store.write_text(curly, encoding="utf-8")
    assert ids(invoke, mini_store, "--search", "strikes on kata'ib") == ["strikes"]
    assert ids(invoke, mini_store, "--search", "strikes on kata\u2018ib") == ["strikes"]


def test_a_country_the_store_has_comes_before_a_short_name(invoke: Invoke, mini_store: Path) -> None:
    # A store whose events say "US" finds them by it: the alias (United States) is only a fallback.
    text = mini_store.read_text(encoding="utf-8").replace('country = "Syria"', 'country = "US"')
    mini_store.write_text(text, encoding="utf-8")
    assert ids(invoke, mini_store, "--country", "us") == ["strikes"]
    result = invoke("--store", str(mini_store), "list", "--country", "USA")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --country: no event is in 'USA' (United States)\n",
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--sort", "killed"], ["campaign", "embassy", "drawdown", "k1", "soleimani", "strikes"]),
        (["--sort", "killed", "-r"], ["strikes", "soleimani", "k1", "campaign", "embassy", "drawdown"]),
        (["--sort", "title", "--limit", "2"], ["campaign", "embassy"]),
        (["--sort", "kind"], ["strikes", "k1", "campaign", "soleimani", "drawdown", "embassy"]),
        (["--reverse", "-n", "3"], ["drawdown", "soleimani", "embassy"]),
        (["--sort", "injured", "-r", "-n", "2"], ["strikes", "k1"]),
    ],
)
def test_sorting_is_stable(invoke: Invoke, mini_store: Path, args: list[str], expected: list[str]) -> None:
    assert ids(invoke, mini_store, *args) == expected


def test_chronological_order_is_start_then_coarser_precision_then_id(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "order.toml"
    body = ["schema = 1\n"]
    for ident, start in [("b-day", "2019-12-01"), ("a-day", "2019-12-01"), ("month", "2019-12"),
                         ("year", "2019"), ("minute", "2019-12-01T00:00+00:00")]:  # fmt: skip
        body.append(f'[[event]]\nid = "{ident}"\ntitle = "T"\nkind = "attack"\nstart = "{start}"\n')
        body.append('sources = ["S"]\n')
    store.write_text("".join(body), encoding="utf-8")
    assert ids(invoke, store) == ["year", "month", "a-day", "b-day", "minute"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "someday"], "error: --from: cannot read 'someday' as a date"),
        (["--on", "Dec"], "error: --on: 'Dec' has no year"),
        (["--from", "2020", "--to", "2019"], "error: --to '2019' is before --from '2020'"),
        (["--actor", "hezbolah"], "error: --actor: unknown actor 'hezbolah' (did you mean "),
        (["--kind", "airstrikes"], "error: --kind: unknown kind 'airstrikes' (did you mean 'airstrike'"),
        (["--window", "2x", "--around", "k1"], "error: --window: cannot read '2x'"),
        (["--around", "nothing-like-this"], "error: --around: cannot read 'nothing-like-this' as a date"),
        (["--around", "2020", "--from", "2019"], "error: --around cannot be combined"),
        (
            ["--sort", "size"],
            "error: --sort: 'size' is not one of date, killed, injured, title, kind; "
            "see 'timeline list --help'",
        ),
        (
            ["--sort", "date,killed"],
            "error: --sort: 'date,killed' is not one of date, killed, injured, "
            "title, kind; see 'timeline list --help'",
        ),
        (["--from"], "error: option '--from' requires an argument; see 'timeline list --help'"),
        (["--tz", "Nowhere/City"], "error: --tz: unknown time zone 'Nowhere/City'"),
    ],
)
def test_usage_errors_exit_2(invoke: Invoke, mini_store: Path, args: list[str], message: str) -> None:
    result = invoke("--store", str(mini_store), "list", *args)
    assert result.exit_code == 2, result
    assert result.stderr.startswith(message)
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "01/02/2020"], "error: --from: '01/02/2020' is ambiguous (1 Feb or 2 Jan?): "
                                   "write 2020-02-01 or '1 Feb 2020', or 2020-01-02"),
        (["--to", "12.01.20"], "error: --to: '12.01.20' is ambiguous (12 Jan or 1 Dec?): "
                               "write 2020-01-12 or '12 Jan 2020', or 2020-12-01"),
        (["--from", "0001"], "error: --from: '0001': years 100 to 9999 are read "
                             "(a year before 100 cannot be told from a two-digit one)"),
        (["--on", "Dec"], "error: --on: 'Dec' has no year (years 100 to 9999 are read); "
                          'try "2019", "Dec 2019", "2019-12", "29 December 2019", "2019-12-29T11:00-05:00"'),
    ],
)  # fmt: skip
def test_dates_read_wrongly_by_some_are_refused(
    invoke: Invoke, mini_store: Path, args: list[str], message: str
) -> None:
    result = invoke("--store", str(mini_store), "list", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


@pytest.mark.parametrize("day", ["29/12/2019", "12/29/2019", "29.12.2019", "2019/12/29", "29/12/19"])
def test_unambiguous_numeric_dates_are_read(invoke: Invoke, mini_store: Path, day: str) -> None:
    iso = invoke("--store", str(mini_store), "list", "--on", "2019-12-29", "--format", "ids")
    result = invoke("--store", str(mini_store), "list", "--on", day, "--format", "ids")
    assert iso.stdout != ""
    assert (result.exit_code, result.stdout) == (0, iso.stdout)


def test_from_the_last_day_of_the_calendar(invoke: Invoke, mini_store: Path) -> None:
    # --to defaults to the end of the calendar, never before any --from.
    result = invoke("--store", str(mini_store), "list", "--from", "9999-12-31", "--format", "ids")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_bad_option_value_is_usage_error(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr
    result = invoke("--store", str(mini_store), "list", "--limit", "-1")
    assert result.exit_code == 2


def test_piped_output_is_tab_separated_one_line_per_event(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "-k", "airstrike", "-k", "protest")
    assert result.exit_code == 0
    assert result.stdout == (
        "29 Dec 2019 19:00 +03:00\tstrikes\tUS strikes on Kata'ib Hezbollah\tairstrike"
        "\tal-Qa'im, Iraq; Euphrates valley, Syria\t25+\t55+\t2/2\n"
        "31 Dec 2019 \u2013 1 Jan 2020\tembassy\tEmbassy attack\tprotest\tBaghdad, Iraq\t\t\t1/1\n"
    )
    assert "\x1b" not in result.stdout


#: piped, every line stripped of the blanks rich pads its cells with
TABLE_80 = (
    "".join(line.rstrip() + "\n" for line in EVENTS_TABLE.splitlines())
    + "\n3 events, up to 29 Dec 2019. C/E: how many causes and effects each event has.\n"
)


def test_table_at_80_columns(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "-f", "table", "--to", "29 Dec 2019")
    assert result.exit_code == 0
    assert result.stdout == TABLE_80


TABLE_40 = """\
27 Dec 2019
Rocket attack on K-1
k1 · attack
K-1 Air Base, Iraq · killed 1 · injured
6 · 1 cause, 1 effect

1 event.
"""


def test_narrow_terminal_stacks_events(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "-f", "table", "--kind", "attack",
                    env={"COLUMNS": "40"})  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == TABLE_40


@pytest.mark.parametrize("width", ["40", "60", "74", "80", "100", "120", "160"])
def test_table_never_drops_data_nor_breaks_an_id(invoke: Invoke, width: str) -> None:
    every = ids(invoke, Path(_curated()))
    result = invoke("list", "-f", "table", env={"COLUMNS": width})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= int(width) for line in lines)
    words = set(result.stdout.split())
    assert [i for i in every if len(i) <= int(width) and i not in words] == []
    header = lines[0].split()
    if header[0] == "Date":
        # the places and the causes/effects have columns, or (narrower) go under the titles
        assert [h for h in header if h not in ("Where", "C/E")] == ["Date", "Event", "Killed", "Injured"]
        assert "Where" not in header or "C/E" in header  # the places go under first
    if "C/E" not in header:
        assert len(re.findall(r"\d+\s+causes?,\s+\d+\s+effects?", result.stdout)) == len(every)


def _curated() -> str:
    from timeline.store import bundled_store_path

    return str(bundled_store_path())


def test_json_format_is_the_contract_narrowed(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "-f", "json", "--kind", "airstrike")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["version"] == 2
    assert [e["id"] for e in data["events"]] == ["strikes"]
    strikes = data["events"][0]
    assert strikes["start"] == "2019-12-29T19:00+03:00"
    assert strikes["reported_start"] == "2019-12-29T11:00-05:00"
    assert strikes["end"] is None
    assert strikes["precision"] == "minute"
    assert strikes["casualties"] == {
        "killed": {"min": 25, "max": None, "breakdown": {"Iraq": 19, "Syria": 6}},
        "injured": {"min": 55, "max": None},
    }
    assert [c["id"] for c in strikes["causes"]] == ["k1", "campaign"]
    assert strikes["effects"] == ["embassy", "soleimani"]
    assert strikes["locations"][0] == {
        "place": "al-Qa'im", "region": None, "country": "Iraq", "lat": None, "lon": None, "zone": None,
    }  # fmt: skip
    assert [a["id"] for a in data["actors"]] == ["us", "kh", "iran"]


def test_csv_format(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "-f", "csv", "--kind", "airstrike")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert rows[0]["countries"] == "Iraq; Syria"
    assert (rows[0]["killed_min"], rows[0]["killed_max"]) == ("25", "")


def test_tz_shows_minutes_in_another_zone(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "--kind", "airstrike", "--tz", "Asia/Baghdad")
    assert "29 Dec 2019 19:00 +03:00" in result.stdout


def test_empty_selection(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "-f", "table", "--on", "1990")
    assert (result.exit_code, result.stdout) == (0, "No events match.\n")
    result = invoke("--store", str(mini_store), "list", "-f", "json", "--on", "1990")
    assert json.loads(result.stdout)["events"] == []


HOSTILE = MINI_STORE.replace('title = "Embassy attack"', 'title = "[bold]x[/bold] \\u001b[2J wiped"')


@pytest.mark.parametrize("output", ["table", "plain", "csv", "ids"])
def test_store_text_is_never_markup_or_escape_sequences(invoke: Invoke, tmp_path: Path, output: str) -> None:
    store = tmp_path / "hostile.toml"
    store.write_text(HOSTILE, encoding="utf-8")
    result = invoke("--store", str(store), "list", "-f", output, "--kind", "protest", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    if output != "ids":
        assert "[bold]x[/bold] \ufffd[2J wiped" in result.stdout


def test_show_is_escaped_too(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "hostile.toml"
    store.write_text(HOSTILE, encoding="utf-8")
    result = invoke("--store", str(store), "show", "embassy", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "[bold]x[/bold] \ufffd[2J wiped" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--limit", "-1"], "--limit: -1 is not in the range x>=0"),
        (["list", "--limit", "many"], "--limit: 'many' is not a valid integer"),
        (["list", "--format", "xml"], "--format: 'xml' is not one of 'table', 'plain', 'json', 'csv', 'ids'"),
        (["chain", "k1", "--depth", "-2"], "--depth: -2 is not in the range x>=0"),
    ],
)
def test_option_values_are_checked_without_a_traceback(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}; see 'timeline {args[0]} --help'\n"
    assert "Traceback" not in result.stderr


def test_a_directory_as_store_is_bad_data_as_a_missing_file_is(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--store", str(tmp_path), "list")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"error: {tmp_path}: is a directory, not a store file\n",
    )  # fmt: skip


LONG_SPAN = (
    MINI_STORE
    + """
[[event]]
id = "war"
title = "A long war"
kind = "background"
start = "2003"
end = "2011-12"
sources = [{ title = "Seed" }]
"""
)


@pytest.fixture
def spans(tmp_path: Path) -> Path:
    path = tmp_path / "spans.toml"
    path.write_text(LONG_SPAN.replace('end = "2011-12"', 'end = "2020-06"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["war", "campaign", "k1", "strikes", "embassy"]),
        (["--max-span", "1y"], ["campaign", "k1", "strikes", "embassy"]),
        (["--max-span", "2m"], ["k1", "strikes", "embassy"]),
        (["--max-span", "20 years"], ["war", "campaign", "k1", "strikes", "embassy"]),
        (["--starting"], ["k1", "strikes", "embassy"]),
    ],
)
def test_long_spans_can_be_left_out_or_matched_by_their_start(
    invoke: Invoke, spans: Path, args: list[str], expected: list[str]
) -> None:
    assert ids(invoke, spans, "--from", "Dec 2019", "--to", "Dec 2019", *args) == expected


def test_max_span_keeps_events_without_an_end_and_reads_like_window(invoke: Invoke, spans: Path) -> None:
    assert "drawdown" in ids(invoke, spans, "--max-span", "1d")
    result = invoke("--store", str(spans), "list", "--max-span", "long")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: --max-span: cannot read 'long'; use a number and a unit")


CAPTIONED = """\
Date                 Event                         Where  C/E
─────────────────────────────────────────────────────────────
2003 – Jun 2020      A long war                           0/0
                     war · background
Oct 2019 – Dec 2019  Campaign of attacks on bases  Iraq   0/2
                     campaign · campaign

the first 2 of 5 events (--limit), Dec 2019; 1 span over a year among them (--max-span 1y hides
them, --starting matches by start). C/E: how many causes and effects each event has.
"""


def test_the_caption_says_how_many_the_period_and_the_long_spans(invoke: Invoke, spans: Path) -> None:
    result = invoke("--store", str(spans), "list", "-f", "table", "--on", "Dec 2019", "-n", "2",
                    env={"COLUMNS": "100"})  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == CAPTIONED


def test_the_caption_counts_what_max_span_left_out(invoke: Invoke, spans: Path) -> None:
    asked = ["--from", "2019", "--to", "2020", "--max-span", "1y", "-k", "background", "-k", "protest"]
    result = invoke("--store", str(spans), "list", "-f", "table", *asked, env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "\n1 event, 2019 to 2020; 1 span longer than 1y left out. C/E: how many causes and effects each event"
        "\nhas.\n"
    )
    assert "Killed" not in result.stdout  # no figures: the columns give up their width


@pytest.mark.parametrize(
    ("on", "ids"),
    [
        ("29 Dec 2019 19:00", "strikes\n"),  # no offset: the event's own (Iraq's) clock
        ("29 Dec 2019 11:00 -05:00", "strikes\n"),  # the Pentagon's clock, pasted from "reported as"
        ("29 Dec 2019 11:00 \u221205:00", "strikes\n"),  # ... with the minus sign a web page gives
        ("29 Dec 2019 16:00 Z", "strikes\n"),
        ("29 Dec 2019 11:00", ""),  # 11:00 on the local clock: nothing struck then
        ("29 Dec 2019 19:00 -05:00", ""),
    ],
)
def test_a_time_with_an_offset_is_matched_on_that_clock(
    invoke: Invoke, mini_store: Path, on: str, ids: str
) -> None:
    result = invoke("--store", str(mini_store), "list", "--on", on, "--kind", "airstrike", "--format", "ids")
    assert (result.exit_code, result.stdout) == (0, ids)


def test_a_time_with_an_offset_beside_one_without_is_a_usage_error(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "--from", "2019-12-29T10:00-05:00",
                    "--to", "2019-12-29T20:00")  # fmt: skip
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: --to gives a time without a UTC offset beside one with an offset; give both on one "
        "offset, or neither (the events' local clocks)\n"
    )
    # A day has no clock: it may stand beside a time with an offset.
    ok = invoke("--store", str(mini_store), "list", "--from", "2019-12-29T10:00-05:00", "--to", "2019-12-30",
                "--kind", "airstrike", "--format", "ids")  # fmt: skip
    assert (ok.exit_code, ok.stdout) == (0, "strikes\n")


def test_bounds_on_two_clocks_are_a_usage_error(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "--from", "2019-12-29T10:00-05:00",
                    "--to", "2019-12-29T20:00+03:00")  # fmt: skip
    assert (result.exit_code, result.stderr) == (
        2, "error: --from and --to give times on two clocks; give both on one UTC offset\n"
    )  # fmt: skip
