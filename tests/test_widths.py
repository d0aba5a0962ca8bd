"""Layouts at 60, 80, 100 and 120 columns, compared exactly with the goldens in
tests/fixtures/widths/, on tests/fixtures/layout.toml: list, show, chain,
stats and chart as a terminal of each width draws them, and list, show,
chain, path and stats piped (never wrapped, whatever COLUMNS says).

To write the goldens again after a deliberate change:
`TIMELINE_WRITE_GOLDENS=1 pytest tests/test_widths.py`, then read the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures"
STORE = str(FIXTURES / "layout.toml")
GOLDENS = FIXTURES / "widths"

VIEWS = {
    "list": ["list", "-f", "table"],
    "show": ["show", "k1-air-base-attack"],
    "chain": ["chain", "ain-al-asad-rocket-attack-2019-12-03"],
    "stats": ["stats"],
    "chart": ["chart", "--from", "2019", "--by", "killed"],
}
PIPED = {
    "list": ["list"],
    "show": ["show", "k1-air-base-attack"],
    "chain": ["chain", "ain-al-asad-rocket-attack-2019-12-03"],
    "path": ["path", "ain-al-asad-rocket-attack-2019-12-03", "soleimani-killing"],
    "stats": ["stats"],
}


def _compare(name: str, output: str) -> None:
    golden = GOLDENS / f"{name}.txt"
    if os.environ.get("TIMELINE_WRITE_GOLDENS"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("view", VIEWS)
def test_on_a_terminal(invoke: Invoke, view: str, width: int) -> None:
    result = invoke("--store", STORE, *VIEWS[view], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    _compare(f"{view}-{width}", result.stdout)


@pytest.mark.parametrize("view", PIPED)
def test_piped_output_is_never_wrapped(invoke: Invoke, view: str) -> None:
    narrow = invoke("--store", STORE, *PIPED[view], env={"COLUMNS": "40"})
    assert narrow.exit_code == 0, narrow
    assert narrow.stdout == invoke("--store", STORE, *PIPED[view], env={"COLUMNS": "200"}).stdout
    assert all(line == line.rstrip() for line in narrow.stdout.splitlines())  # no padding to a width
    _compare(f"{view}-piped", narrow.stdout)


def test_ids_are_whole_at_every_width(invoke: Invoke) -> None:
    for width in (60, 80, 100, 120):
        shown = (GOLDENS / f"list-{width}.txt").read_text(encoding="utf-8").split()
        assert "ain-al-asad-rocket-attack-2019-12-03" in shown


def test_the_summary_is_reflowed_as_paragraphs(invoke: Invoke) -> None:
    piped = (GOLDENS / "show-piped.txt").read_text(encoding="utf-8")
    assert (
        "\nA rocket salvo fired from a pickup truck struck K-1, an Iraqi base near Kirkuk hosting "
        "coalition personnel, killing a US civilian contractor and wounding four US troops.\n\n"
        "Washington blamed Kata'ib Hezbollah, which denied it.\n"
    ) in piped


@pytest.mark.usefixtures("terminal")
def test_causes_and_effects_go_under_the_title_before_the_table_gives_way(invoke: Invoke) -> None:
    result = invoke("--store", STORE, "list", "-f", "table", env={"COLUMNS": "68"})
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Date", "Event", "Killed", "Injured"]
    assert " ".join(result.stdout.split()).count("K-1 Air Base, Iraq · 1 cause, 2 effects") == 1
    assert "C/E:" not in result.stdout  # the caption explains only what is shown
    assert max(len(line) for line in lines) <= 68
