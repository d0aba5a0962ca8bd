"""Every command documents itself with examples; the README's commands are real."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import Result
from timeline.cli import COMMANDS, app
from timeline.store import bundled_store_path

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
        "error: no such command 'chian' (did you mean chain, chart?); see 'timeline --help'\n"
    )


def test_the_readme_country_error_is_what_the_tool_prints(invoke: Invoke) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    result = invoke("list", "--country", "Irak")
    assert result.exit_code == 2
    expected = "error: --country: no event is in 'Irak' (did you mean 'Iran', 'Iraq', 'Israel'?)\n"
    assert result.stderr == expected
    assert result.stderr in readme


# --- Every example, in every --help and in the README, runs ------------------

ROOT = Path(__file__).parent.parent
BIN = Path(sys.executable).parent
#: Examples that cannot run unattended, and why.
NOT_RUN = {
    "timeline --store my-events.toml add -i": "asks questions on a terminal",
    "timeline --install-completion": "changes the shell's start-up files",
}
#: Examples meant to fail, with the exit code their documentation gives.
FAILING = {
    # path --help says, right above it, that this one finds no route and exits 1.
    "timeline path militia-attacks-2023 us-strikes-2024-02-02 --causes-only": 1,
}


def help_examples(text: str) -> list[str]:
    """The example commands of a --help text: the lines after "Examples:"
    indented as examples are (prose between them, at the description's
    indent, says what one does), a line ending in ` \\` continued on the next."""
    examples: list[str] = []
    inside = False
    for line in text.splitlines():
        if line.strip() == "Examples:":
            inside = True
        elif inside and line and not line.startswith(" "):
            inside = False
        elif inside and line.startswith("    ") and line.strip():
            if examples and examples[-1].endswith("\\"):
                examples[-1] = examples[-1][:-1] + line.strip()
            else:
                examples.append(line.strip())
    return examples


def readme_examples() -> list[str]:
    """The `timeline ...` lines of the README's sh code blocks (continued lines joined)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for line in block.replace("\\\n", "").splitlines():
            command = line.split(" #", 1)[0].strip()
            if command.startswith("timeline "):
                found.append(" ".join(command.split()))
    return found


def all_help_examples() -> list[str]:
    runner = CliRunner()
    found: list[str] = []
    for args in ([], *([name] for name in NAMES)):
        text = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "80"}).stdout
        found.extend(help_examples(text))
    return found


def shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell command line in cwd with the installed timeline first on PATH,
    the curated store as the store, and a home and cache of its own."""
    env = {k: v for k, v in os.environ.items() if k not in {"TIMELINE_STORE", "COLUMNS"}}
    env.update(HOME=str(cwd), XDG_CACHE_HOME=str(cwd / ".cache"))
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory to run examples in, with the copy of the curated store the
    README makes (`my-events.toml`), so that nothing is written to the repository."""
    if shutil.which("timeline", path=str(BIN)) is None:
        pytest.skip("timeline is not installed in this environment")
    where = tmp_path_factory.mktemp("examples")
    shutil.copy(bundled_store_path(), where / "my-events.toml")
    return where


def needs(example: str) -> str | None:
    """A program a pipeline needs that is not installed, or None."""
    for stage in example.split("|")[1:]:
        program = stage.split()[0]
        if shutil.which(program) is None:
            return program
    return None


@pytest.mark.parametrize("example", sorted(set(all_help_examples()) | set(readme_examples())))
def test_every_example_runs(workdir: Path, example: str) -> None:
    if example in NOT_RUN:
        pytest.skip(NOT_RUN[example])
    missing = needs(example)
    if missing:
        pytest.skip(f"{missing} is not installed")
    result = shell(example, workdir)
    assert result.returncode == FAILING.get(example, 0), (example, result.stderr[-1000:])


def test_the_examples_are_found() -> None:
    examples = all_help_examples()
    assert "timeline show soleimani-killing --tz Asia/Baghdad" in examples
    assert len(examples) >= 40
    assert "timeline list --format ids | head -3" in readme_examples()


def test_the_quick_tour_runs_verbatim(workdir: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = re.search(r"## Quick tour\n\n```sh\n(.*?)```", text, flags=re.DOTALL)
    assert tour is not None
    script = "set -e\n" + tour.group(1)
    result = shell(script, workdir)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "k1-air-base-attack" in result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_every_examples_heading_is_placed_alike(name: str) -> None:
    text = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "80"}).stdout
    headings = [line for line in text.splitlines() if line.strip() == "Examples:"]
    assert headings == ["  Examples:"]


def test_an_example_meant_to_fail_says_so_right_above_it() -> None:
    """In --help as it reads, the line before a failing example says it exits so."""
    found = set()
    for args in ([], *([name] for name in NAMES)):
        text = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "80"}).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for above, line in pairwise(lines):
            if line in FAILING:
                found.add(line)
                assert above.endswith(f"exits {FAILING[line]}:"), (line, above)
    assert found == set(FAILING)
