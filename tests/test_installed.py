"""The installed `timeline` command, run as a real subprocess from elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
COMMAND = shutil.which("timeline", path=str(BIN)) or shutil.which("timeline")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    assert COMMAND is not None, "the timeline command is not installed"
    full_env = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"}
    full_env.update(env or {})
    return subprocess.run(
        [COMMAND, *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60, check=False
    )


def test_lists_the_bundled_store_from_any_directory(tmp_path: Path) -> None:
    result = run("list", "--format", "ids", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    ids = result.stdout.split()
    assert len(ids) >= 35
    assert "k1-air-base-attack" in ids
    assert result.stderr == ""


def test_piped_list_is_plain(tmp_path: Path) -> None:
    result = run("list", "--on", "2019-12-27", cwd=tmp_path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert ["27 Dec 2019 19:20 +03:00", "k1-air-base-attack"] in [
        line.split("\t")[:2] for line in result.stdout.splitlines()
    ]


def test_version_and_module_entry_point(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("timeline ")
    module = subprocess.run(
        [sys.executable, "-m", "timeline", "--version"], cwd=tmp_path, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert module.stdout == result.stdout


def test_check_passes_on_the_bundled_store(tmp_path: Path) -> None:
    result = run("check", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["ok"] is True


def test_errors_have_no_traceback_and_the_right_exit_codes(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 1\n[[event]]\nid = "x"\ntitle = "X"\nkind = "attack"\nstart = "2019-13"\n')
    result = run("--store", str(broken), "list", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f'error: {broken}:6: event "x": field "start": ')
    result = run("list", "--from", "yesterday-ish", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: --from: cannot read 'yesterday-ish' as a date")
    result = run("list", "--no-such-option", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    result = run("show", "no-such-event", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: no event 'no-such-event'")


def test_store_from_the_environment(tmp_path: Path) -> None:
    from tests.conftest import MINI_STORE

    store = tmp_path / "mine.toml"
    store.write_text(MINI_STORE, encoding="utf-8")
    result = run("list", "--format", "ids", cwd=tmp_path, env={"TIMELINE_STORE": str(store)})
    assert result.stdout.split() == ["campaign", "k1", "strikes", "embassy", "soleimani", "drawdown"]


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    if shutil.which("head") is None:
        pytest.skip("no head")
    assert COMMAND is not None
    result = subprocess.run(
        f"'{COMMAND}' list --format ids | head -1", shell=True, cwd=tmp_path, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert result.stdout.strip() == "iranian-revolution"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["export"], ["export", "-o", "-"]])
def test_a_closed_pipe_ends_an_export_quietly(tmp_path: Path, args: list[str]) -> None:
    # The curated store's export is far larger than a pipe's buffer: the
    # writer is still writing when the reader closes its end.
    assert COMMAND is not None
    with subprocess.Popen(
        [COMMAND, *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.read(50).startswith(b'{\n  "version": 2,')
        proc.stdout.close()
        stderr = proc.stderr.read()
        code = proc.wait(timeout=60)
    assert (code != 0, stderr) == (True, b"")


def test_export_to_dev_stdout_writes_into_the_pipe(tmp_path: Path) -> None:
    # /dev/stdout resolves to "pipe:[N]", a name no file has: the pipe is
    # reached through the link, and written straight through.
    result = run("export", "--format", "jsonl", "-o", "/dev/stdout", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.startswith("wrote ")
    assert result.stderr.endswith(" events as jsonl to /dev/stdout\n")
    assert result.stdout.startswith('{"id":"')
    assert result.stdout == run("export", "--format", "jsonl", cwd=tmp_path).stdout


def test_a_usage_error_keeps_an_argument_s_name_in_capitals(tmp_path: Path) -> None:
    result = run("upgrade", "", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "error: FILE: the file name is empty; see 'timeline upgrade --help'\n"
