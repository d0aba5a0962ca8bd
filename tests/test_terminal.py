"""Behaviour that needs a real terminal or a shell: colour, NO_COLOR, completion."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.test_installed import COMMAND

COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-7]|38;5;\d+|38;2;\d+;\d+;\d+|9[0-7])m")


def on_terminal(*args: str, env: dict[str, str]) -> str:
    assert COMMAND is not None
    # no pager waiting for a key (the pager has tests of its own)
    full = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "TIMELINE_PAGER": "cat", **env}
    full.pop("TIMELINE_STORE", None)
    child = pexpect.spawn(COMMAND, list(args), env=full, encoding="utf-8", dimensions=(50, 100), timeout=30)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return str(child.before)


def test_a_terminal_gets_a_coloured_table_and_no_color_turns_it_off() -> None:
    coloured = on_terminal("list", "--kind", "airstrike", env={})
    assert COLOUR.search(coloured)
    assert "Event" in coloured
    assert "Where" in coloured
    plain = on_terminal("list", "--kind", "airstrike", env={"NO_COLOR": "1"})
    assert not COLOUR.search(plain)
    assert "us-strikes-2024-02-02" in plain


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("timeline show k1", "k1-air-base-attack"),
        ("timeline chain soleimani-k", "soleimani-killing"),
        ("timeline list --kind air", "airstrike"),
        ("timeline list --actor Kata", "Kata\\'ib\\ Hezbollah"),  # quoted for bash
    ],
)
def test_shell_completion(tmp_path: Path, words: str, expected: str) -> None:
    assert COMMAND is not None
    typed = words.split()
    env = {**os.environ, "_TIMELINE_COMPLETE": "complete_bash", "_TIMELINE_COMP_WORDS": "\n".join(typed),
           "_TIMELINE_COMP_INDEX": str(len(typed) - 1)}  # fmt: skip
    env.pop("TIMELINE_STORE", None)
    result = subprocess.run([COMMAND], env=env, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert expected in result.stdout.splitlines()


def test_module_runs_without_a_terminal() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "list", "--on", "2020-01-03", "-f", "ids"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.stdout.split() == [
        "soleimani-quds-command", "persian-gulf-crisis", "tishreen-protests", "militia-attacks-2020",
        "soleimani-killing",
    ]  # fmt: skip


def test_the_chart_is_coloured_on_a_terminal_and_drawn_in_symbols_without_colour() -> None:
    coloured = on_terminal("chart", "--from", "2023-10", env={})
    assert COLOUR.search(coloured)
    assert "\u2588" in coloured  # solid blocks, told apart by colour
    plain = on_terminal("chart", "--from", "2023-10", env={"NO_COLOR": "1"})
    assert not COLOUR.search(plain)
    assert ":::" in plain  # symbols instead, never letters: ":" for campaign
