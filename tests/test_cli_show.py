"""`timeline show` and `timeline check`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.test_render import EVENT_PANEL

Invoke = Callable[..., Result]


@pytest.mark.usefixtures("terminal")
def test_show_panel_on_an_80_column_terminal(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "show", "strikes")
    assert result.exit_code == 0
    assert result.stdout == EVENT_PANEL


LONG_TITLE = """\
schema = 1
[[event]]
id = "ballistic"
title = "Iran fires ballistic missiles at Ain al-Asad and Erbil (Operation Martyr Soleimani)"
kind = "missile-strike"
start = "2020-01-08"
sources = [{ title = "Seed" }]
"""


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("width", [40, 80])
def test_a_long_title_is_whole_at_any_width(invoke: Invoke, tmp_path: Path, width: int) -> None:
    # rich cuts a panel's title at its top edge; the title is the body's first lines instead
    store = tmp_path / "long.toml"
    store.write_text(LONG_TITLE, encoding="utf-8")
    result = invoke("--store", str(store), "show", "ballistic", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    head = {
        40: [
            "╭──────────────────────────────────────╮",
            "│ Iran fires ballistic missiles at Ain │",
            "│ al-Asad and Erbil (Operation Martyr  │",
            "│ Soleimani)                           │",
            "│                                      │",
            "│ Id         ballistic                 │",
        ],
        80: [
            "╭" + "─" * 78 + "╮",
            "│ Iran fires ballistic missiles at Ain al-Asad and Erbil (Operation Martyr     │",
            "│ Soleimani)" + " " * 67 + "│",
            "│" + " " * 78 + "│",
            "│ Id         ballistic" + " " * 57 + "│",
        ],
    }[width]
    assert result.stdout.splitlines()[: len(head)] == head


def test_show_accepts_a_unique_prefix_and_a_zone(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "show", "str", "--tz", "Asia/Baghdad")
    assert result.exit_code == 0
    assert (
        "When       29 Dec 2019 19:00 +03 (Baghdad)\n           reported as 11:00 -05:00\n" in result.stdout
    )


def test_show_summary_and_missing_figures(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "show", "k1")
    assert "Rockets hit the base." in result.stdout
    result = invoke("--store", str(mini_store), "show", "drawdown")
    assert "Killed     none recorded" in result.stdout


def test_show_json_is_the_contract_envelope(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "show", "embassy", "--format", "json")
    assert result.exit_code == 0
    assert result.stdout == invoke("--store", str(mini_store), "export", "--search", "Embassy attack").stdout
    envelope = json.loads(result.stdout)
    assert (envelope["version"], [a["id"] for a in envelope["actors"]]) == (2, ["us", "kh", "iran"])
    assert [e["id"] for e in envelope["outside"]] == ["strikes", "soleimani"]
    (data,) = envelope["events"]
    assert data["id"] == "embassy"
    assert (data["start"], data["end"], data["precision"]) == ("2019-12-31", "2020-01-01", "day")
    assert data["casualties"] == {"killed": None, "injured": None}
    assert data["effects"] == ["soleimani"]


def test_unknown_and_ambiguous_ids_exit_1_with_suggestions(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "show", "soleiman1")
    assert (result.exit_code, result.stderr) == (
        1,
        "error: no event 'soleiman1' (did you mean 'soleimani'?)\n",
    )
    result = invoke("--store", str(mini_store), "show", "nothing")
    assert (result.exit_code, result.stderr) == (1, "error: no event 'nothing'\n")
    result = invoke("--store", str(mini_store), "show", "s")
    assert (result.exit_code, result.stderr) == (
        1,
        "error: 's' is the start of 2 event ids: soleimani, strikes\n",
    )


def test_check_clean(invoke: Invoke) -> None:
    store = Path(__file__).parent / "fixtures" / "schema2.toml"
    result = invoke("--store", str(store), "check")
    assert (result.exit_code, result.stdout) == (0, f"{store}: ok: 3 events, 4 actors, 2 causal links\n")
    result = invoke("--store", str(store), "check", "--format", "json")
    assert json.loads(result.stdout) == {
        "version": 2, "ok": True, "events": 3, "actors": 4, "problems": [], "notes": [],
    }  # fmt: skip


def test_check_audits_that_every_event_has_a_url(invoke: Invoke, mini_store: Path) -> None:
    assert invoke("--store", str(mini_store), "list", "--format", "ids").exit_code == 0  # it loads
    result = invoke("--store", str(mini_store), "check", "--format", "json")
    assert result.exit_code == 1
    shaped = json.loads(result.stdout)
    # The shape of a clean check, with the counts of the store that loaded.
    assert [(key, shaped[key]) for key in ("version", "ok", "events", "actors", "notes")] == [
        ("version", 2), ("ok", False), ("events", 6), ("actors", 3), ("notes", []),
    ]  # fmt: skip
    problems = shaped["problems"]
    assert {p["check"] for p in problems} == {"missing-urls"}
    assert len(problems) == 5  # one event cites a URL


ONE_SOURCE = """schema = 2
[[event]]
id = "a"
title = "A"
kind = "attack"
start = "2019"
[[event.sources]]
title = "Wire"
url = "URL"
"""


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://example.org/a report",
        "example.org/report",
        "https://",
        "http://[",
        " ",
    ],
)
def test_check_counts_only_absolute_web_addresses_as_urls(invoke: Invoke, tmp_path: Path, url: str) -> None:
    store = tmp_path / "one.toml"
    store.write_text(ONE_SOURCE.replace("URL", url), encoding="utf-8")
    result = invoke("--store", str(store), "check")
    message = (
        f"has no source with a URL: {url!r} is not an http:// or https:// address without spaces;"
        ' give its source `url = "https://..."`'
    )
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"error: {store}:7: event \"a\": field \"sources\": {message}\n"
    )  # fmt: skip


def test_check_takes_an_http_or_https_url(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "one.toml"
    for url in ("https://example.org/a%20report", "HTTP://example.org"):
        store.write_text(ONE_SOURCE.replace("URL", url), encoding="utf-8")
        result = invoke("--store", str(store), "check")
        assert (result.exit_code, result.stdout) == (0, f"{store}: ok: 1 events, 0 actors, 0 causal links\n")


def test_check_problems_as_json(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "bad.toml"
    store.write_text(
        'schema = 1\n[[event]]\nid = "a"\ntitle = "A"\nkind = "attack"\nstart = "2019"\ncauses = ["zz"]\n',
        encoding="utf-8",
    )
    result = invoke("--store", str(store), "check", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "version": 2,
        "ok": False,
        "events": None,  # the store did not load
        "actors": None,
        "notes": [],
        "problems": [  # in line order
            {"check": "missing-sources", "path": str(store), "line": 2, "event": "a", "field": "sources",
             "message": "has no source; add a [[event.sources]] table with a title"},
            {"check": "unknown-causes", "path": str(store), "line": 7, "event": "a", "field": "causes",
             "message": 'names unknown event "zz"'},
        ],
    }  # fmt: skip


def test_check_lists_problems_in_line_order(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "bad.toml"
    store.write_text(
        'schema = 1\n[[event]]\nid = "a"\ntitle = "A"\nkind = "attack"\nstart = "2019"\ncauses = ["zz"]\n',
        encoding="utf-8",
    )
    result = invoke("--store", str(store), "check")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f'error: {store}:2: event "a": field "sources": has no source; add a [[event.sources]] table'
        " with a title\n"
        f'error: {store}:7: event "a": field "causes": names unknown event "zz"\n'
        "2 problems\n"
    ))  # fmt: skip


def test_check_refuses_an_unknown_format(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "check", "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --format: 'xml' is not one of 'text', 'json'; see 'timeline check --help'\n"
    )
    assert result.stdout == ""


def test_check_names_the_curated_store(invoke: Invoke) -> None:
    result = invoke("check", env={"TIMELINE_STORE": ""})
    assert result.exit_code == 0
    assert result.stdout.startswith("the curated store (events.toml): ok: ")
    assert result.stdout.endswith(" causal links\n")
