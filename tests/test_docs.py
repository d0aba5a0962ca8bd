"""Every command documents itself with examples; the README's commands are real."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from timeline.cli import COMMANDS

Invoke = Callable[..., Result]
NAMES = sorted(COMMANDS)


def test_there_are_commands() -> None:
    assert set(NAMES) == {"list", "show", "chain", "path", "explore", "stats", "chart", "export",
                          "schema", "check", "upgrade", "add"}  # fmt: skip


@pytest.mark.parametrize("command", NAMES)
def test_every_command_help_has_examples(invoke: Invoke, command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"timeline {command}" in result.stdout


def test_top_level_help_and_version(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    for command in NAMES:
        assert command in result.stdout
    result = invoke("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"timeline \d+\.\d+\.\d+\n", result.stdout)


def test_readme_starts_with_the_two_setup_commands() -> None:
    readme = Path(__file__).parent.parent / "README.md"
    if not readme.exists():
        pytest.skip("README is not installed with the package")
    head = readme.read_text(encoding="utf-8").splitlines()[:12]
    assert any("pip install" in line and "timeline list" in line for line in head)
    assert any('pip install ".[test]"' in line and "pytest" in line for line in head)


def test_unknown_commands_are_suggested(invoke: Invoke) -> None:
    result = invoke("chian")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no such command 'chian' (did you mean chain, chart, schema?); see 'timeline --help'\n"
    )
