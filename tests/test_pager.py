"""The pager: chosen as git chooses it, started only for output longer than the
screen of a terminal, never for piped output; tried with a fake pager that
records what it was given, in-process and through a real pty."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.test_installed import COMMAND, run
from timeline.cli.pager import DEFAULT, Pager, pager_command

STORE = str(Path(__file__).parent / "fixtures" / "chain.toml")

FAKE = "import sys\nopen(sys.argv[1], 'w', encoding='utf-8').write(sys.stdin.read())\n"


@pytest.fixture
def fake(tmp_path: Path) -> tuple[str, Path]:
    """A pager command that writes what it reads to a file, and that file."""
    script = tmp_path / "fake_pager.py"
    script.write_text(FAKE, encoding="utf-8")
    return f"{sys.executable} {script} {tmp_path / 'paged.txt'}", tmp_path / "paged.txt"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, DEFAULT.split()),
        ({"PAGER": "more"}, ["more"]),
        ({"PAGER": "more", "TIMELINE_PAGER": "less -S"}, ["less", "-S"]),
        ({"PAGER": "more", "TIMELINE_PAGER": ""}, None),
        ({"PAGER": "cat"}, None),
        ({"PAGER": "  "}, None),
        ({"PAGER": "less 'unclosed"}, None),
    ],
)
def test_the_pager_is_chosen_as_git_chooses_it(environ: dict[str, str], expected: list[str] | None) -> None:
    assert pager_command(environ) == expected
    assert DEFAULT == "less -RFX"


def test_short_output_is_written_directly_and_no_pager_starts(fake: tuple[str, Path]) -> None:
    command, paged = fake
    out = io.StringIO()
    with Pager(command.split(), height=10, stdout=out) as pager:
        pager.write("one\ntwo\n")
    assert out.getvalue() == "one\ntwo\n"
    assert not paged.exists()


def test_long_output_goes_through_the_pager_whole(fake: tuple[str, Path]) -> None:
    command, paged = fake
    out = io.StringIO()
    text = "".join(f"line {n}\n" for n in range(30))
    with Pager(command.split(), height=10, stdout=out) as pager:
        for line in text.splitlines(keepends=True):
            pager.write(line)
    assert out.getvalue() == ""
    assert paged.read_text(encoding="utf-8") == text


def test_a_pager_that_cannot_start_leaves_the_output_on_stdout(tmp_path: Path) -> None:
    out = io.StringIO()
    text = "".join(f"line {n}\n" for n in range(30))
    with Pager([str(tmp_path / "no-such-pager")], height=10, stdout=out) as pager:
        pager.write(text)
        pager.write("and more\n")
    assert out.getvalue() == text + "and more\n"


def _on_a_pty(*args: str, rows: int, env: dict[str, str]) -> str:
    assert COMMAND is not None
    full = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"} | {"TERM": "xterm", **env}
    full.pop("COLUMNS", None)
    full.pop("LINES", None)
    child = pexpect.spawn(COMMAND, ["--store", STORE, *args], env=full, encoding="utf-8",
                          dimensions=(rows, 100), timeout=30)  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_a_long_table_on_a_terminal_is_paged(fake: tuple[str, Path]) -> None:
    command, paged = fake
    shown = _on_a_pty("list", rows=10, env={"TIMELINE_PAGER": command})
    assert "Soleimani killed" not in shown
    drawn = paged.read_text(encoding="utf-8")
    assert "Soleimani killed" in drawn
    assert "\x1b[" in drawn  # coloured, for less -R
    assert "C/E: how many causes and effects each event has." in drawn


def test_pager_comes_from_pager_when_timeline_pager_is_unset(fake: tuple[str, Path]) -> None:
    command, paged = fake
    _on_a_pty("chain", "campaign", rows=5, env={"PAGER": command})
    assert "Soleimani killed" in paged.read_text(encoding="utf-8")


def test_output_that_fits_the_screen_is_not_paged(fake: tuple[str, Path]) -> None:
    command, paged = fake
    shown = _on_a_pty("list", rows=60, env={"TIMELINE_PAGER": command})
    assert "Soleimani killed" in shown
    assert not paged.exists()


def test_no_pager_prints_directly(fake: tuple[str, Path]) -> None:
    command, paged = fake
    shown = _on_a_pty("--no-pager", "list", rows=10, env={"TIMELINE_PAGER": command})
    assert "Soleimani killed" in shown
    assert not paged.exists()


@pytest.mark.parametrize("args", [["list"], ["list", "-f", "table"], ["chain", "campaign"], ["stats"],
                                  ["show", "strikes"], ["path", "k1", "soleimani"]])  # fmt: skip
def test_piped_output_is_never_paged(fake: tuple[str, Path], tmp_path: Path, args: list[str]) -> None:
    command, paged = fake
    result = run("--store", STORE, *args, cwd=tmp_path, env={"TIMELINE_PAGER": command, "LINES": "2"})
    assert result.returncode == 0, result.stderr
    assert result.stdout
    assert not paged.exists()


@pytest.mark.parametrize("args", [["list"], ["list", "-f", "table"], ["show", "strikes"],
                                  ["chain", "campaign"], ["stats"], ["chart"]])  # fmt: skip
def test_piped_runs_never_import_the_pager(tmp_path: Path, args: list[str]) -> None:
    from tests.test_imports import imported

    found = imported("--store", STORE, *args, cwd=tmp_path)
    assert "timeline.cli.pager" not in found
