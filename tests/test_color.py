"""--color auto|always|never, as ripgrep and git have it, over NO_COLOR and
FORCE_COLOR: the option wins over the environment, the environment over the
terminal."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from tests.conftest import Result
from tests.test_installed import COMMAND

Invoke = Callable[..., Result]
STORE = str(Path(__file__).parent / "fixtures" / "chain.toml")
SGR = re.compile(r"\x1b\[[0-9;]*m")
#: An SGR sequence that sets a colour (NO_COLOR leaves bold and dim, as rich reads it).
COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-7]|38;5;\d+|38;2;\d+;\d+;\d+|9[0-7])m")


@pytest.mark.parametrize("args", [["chain", "campaign"], ["show", "k1"], ["stats"],
                                  ["list", "-f", "table"], ["path", "k1", "soleimani"]])  # fmt: skip
def test_color_always_colours_piped_output(invoke: Invoke, args: list[str]) -> None:
    result = invoke("--color", "always", "--store", STORE, *args, env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result
    assert SGR.search(result.stdout)
    plain = invoke("--store", STORE, *args)
    assert SGR.sub("", result.stdout) == plain.stdout  # the same text, coloured


def test_force_color_colours_piped_output_and_never_overrides_it(invoke: Invoke) -> None:
    forced = invoke("--store", STORE, "chain", "campaign", env={"FORCE_COLOR": "1"})
    assert SGR.search(forced.stdout)
    never = invoke("--color", "never", "--store", STORE, "chain", "campaign", env={"FORCE_COLOR": "1"})
    assert not SGR.search(never.stdout)


def test_a_chart_drawn_with_color_always_uses_blocks(invoke: Invoke) -> None:
    result = invoke("--color", "always", "--store", STORE, "chart")
    assert SGR.search(result.stdout)
    assert "\u2588" in result.stdout  # blocks told apart by colour, not symbols
    assert "#" not in SGR.sub("", result.stdout).split("\n")[3]


def test_an_unknown_color_choice_is_bad_usage(invoke: Invoke) -> None:
    result = invoke("--color", "sometimes", "list")
    assert result.exit_code == 2
    assert "sometimes" in result.stderr


def _on_a_pty(*args: str, env: dict[str, str]) -> str:
    assert COMMAND is not None
    full = {k: v for k, v in os.environ.items() if k not in ("TIMELINE_STORE", "NO_COLOR", "FORCE_COLOR")}
    full |= {"TERM": "xterm-256color", "TIMELINE_PAGER": "cat", **env}
    child = pexpect.spawn(COMMAND, ["--store", STORE, *args], env=full, encoding="utf-8",
                          dimensions=(50, 100), timeout=30)  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_on_a_terminal_auto_colours_and_never_and_no_color_do_not() -> None:
    assert COLOUR.search(_on_a_pty("chain", "campaign", env={}))
    assert not SGR.search(_on_a_pty("--color", "never", "chain", "campaign", env={}))
    assert not COLOUR.search(_on_a_pty("chain", "campaign", env={"NO_COLOR": "1"}))
    assert COLOUR.search(_on_a_pty("--color", "always", "chain", "campaign", env={"NO_COLOR": "1"}))


def test_explore_line_mode_follows_color_too(invoke: Invoke) -> None:
    coloured = invoke("--color", "always", "--store", STORE, "explore", "k1", "--line", input="q\n")
    assert coloured.exit_code == 0, coloured
    assert SGR.search(coloured.stdout)
    plain = invoke("--store", STORE, "explore", "k1", "--line", input="q\n")
    assert not SGR.search(plain.stdout)
