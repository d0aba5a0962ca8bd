"""Trust, crashes: hostile input ends in one clear line and exit 1 or 2, in
bounded time (installed command; each run has a time limit)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import timeline
from tests.test_installed import COMMAND, run

PACKAGE = os.path.dirname(timeline.__file__).encode()
SOURCE = '{ title = "s", url = "https://example.org/s" }'

EVENT = (
    'schema = 1\n[[event]]\nid = "a"\ntitle = "A"\nkind = "attack"\nstart = "{start}"\n'
    '{extra}sources = [{{ title = "s", url = "https://example.org/s" }}]\n'
)


def _one_clear_line(result: subprocess.CompletedProcess[str], code: int, starts: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(starts), result.stderr


def _store(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_deep_toml(tmp_path: Path) -> None:
    path = _store(tmp_path, "deep.toml", "schema = 1\nx = " + "[" * 500 + "]" * 500 + "\n")
    _one_clear_line(run("--store", str(path), "list", cwd=tmp_path), 1, f"error: {path}: not valid TOML: ")


def test_deep_json(tmp_path: Path) -> None:
    path = _store(tmp_path, "deep.json", '{"version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    _one_clear_line(run("--store", str(path), "check", cwd=tmp_path), 1, f"error: {path}: not valid JSON: ")


@pytest.mark.parametrize("suffix", ["toml", "json"])
def test_huge_integers(tmp_path: Path, suffix: str) -> None:
    if suffix == "toml":
        text = EVENT.format(start="2019", extra=f"killed = {'9' * 5000}\n")
    else:
        text = '{"version": 1, "actors": [], "events": [], "x": ' + "9" * 5000 + "}"
    path = _store(tmp_path, f"big.{suffix}", text)
    _one_clear_line(run("--store", str(path), "list", cwd=tmp_path), 1, "error: ")
    assert "4,300 digits" in run("--store", str(path), "list", cwd=tmp_path).stderr


def test_year_zero_is_refused(tmp_path: Path) -> None:
    path = _store(tmp_path, "y0.toml", EVENT.format(start="0000", extra=""))
    _one_clear_line(run("--store", str(path), "check", cwd=tmp_path), 1, f"error: {path}:6: ")


def test_year_9999_and_a_span_ending_then(tmp_path: Path) -> None:
    text = EVENT.format(start="0001", extra='end = "9999"\n') + (
        '[[event]]\nid = "b"\ntitle = "B"\nkind = "attack"\nstart = "9999-12-31"\ncauses = ["a"]\n'
        'sources = [{ title = "s", url = "https://example.org/s" }]\n'
    )
    path = _store(tmp_path, "y9999.toml", text)
    for args in (("check",), ("list",), ("chain", "a"), ("chart",), ("stats",), ("list", "--to", "9999"),
                 ("list", "--on", "9999-12-31"), ("export", "-f", "timelinejs")):  # fmt: skip
        result = run("--store", str(path), *args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    assert (
        run("--store", str(path), "list", "--on", "9999-12-31", "--format", "ids", cwd=tmp_path).stdout
        == "a\nb\n"
    )


def test_bounds_at_the_end_of_the_calendar(tmp_path: Path) -> None:
    for args in (("list", "--to", "9999"), ("list", "--on", "9999-12-31"), ("list", "--from", "9999")):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("zone", ["/etc/passwd", "../../../../etc/passwd", "/dev/zero"])
def test_tz_given_a_file(tmp_path: Path, zone: str) -> None:
    result = run("show", "k1-air-base-attack", "--tz", zone, cwd=tmp_path)
    _one_clear_line(result, 2, f"error: --tz: {zone!r} is a path, not a time zone name")


def test_a_non_ascii_digit_in_explore(tmp_path: Path) -> None:
    assert COMMAND is not None
    result = subprocess.run([COMMAND, "explore"], input="²\n٣\nq\n", capture_output=True, text=True,
                            cwd=tmp_path, timeout=30, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "No command or event id '²'" in result.stdout
    assert "Traceback" not in result.stderr


def test_invalid_utf8_in_an_argument(tmp_path: Path) -> None:
    assert COMMAND is not None
    result = subprocess.run([COMMAND.encode(), b"list", b"--from", b"\xff\xfe"], capture_output=True,
                            cwd=tmp_path, timeout=30, check=False)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "error: argument 3 is not valid UTF-8: '\ufffd\ufffd'\n".encode()


def test_invalid_utf8_on_stdin(tmp_path: Path) -> None:
    assert COMMAND is not None
    store = _store(tmp_path, "mine.toml", "schema = 1\n")
    for command in ([COMMAND, "explore"], [COMMAND, "--store", str(store), "add", "-i"]):
        result = subprocess.run(command, input=b"\xff\xfe\n1\nq\n", capture_output=True, cwd=tmp_path,
                                timeout=30, check=False, env={**os.environ, "LC_ALL": "C.UTF-8"})  # fmt: skip
        assert result.returncode in (0, 2), result.stderr
        assert b"Traceback" not in result.stderr


def test_stores_that_are_not_regular_files(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        result = run("--store", path, "list", cwd=tmp_path)
        _one_clear_line(result, 1, f"error: {path}: is not a regular file")


def test_a_store_over_the_size_limit(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(2 * 2**30)  # sparse: 2 GiB that take no disk
    started = time.monotonic()
    result = run("--store", str(huge), "list", cwd=tmp_path)
    _one_clear_line(result, 1, f"error: {huge}: is 2048 MiB; a store may be at most 256 MiB")
    assert time.monotonic() - started < 10


def _fully_linked(tmp_path: Path, n: int = 30) -> Path:
    parts = ["schema = 1"]
    for i in range(n):
        causes = ", ".join(f'"e{j}"' for j in range(i))
        day = f"2020-01-{i + 1:02d}"
        parts.append(f'[[event]]\nid = "e{i}"\ntitle = "E{i}"\nkind = "attack"\nstart = "{day}"\n'
                     f'causes = [{causes}]\nsources = [{SOURCE}]')  # fmt: skip
    return _store(tmp_path, "full.toml", "\n".join(parts) + "\n")


def _peak_kib(*args: str, cwd: Path) -> tuple[int, int, str]:
    """Exit status, peak memory of the command (KiB) and the time it took.

    Measured through a small Python parent: a child forked from pytest itself
    would count pytest's own memory until it execs.
    """
    assert COMMAND is not None
    measure = (
        "import resource, subprocess, sys; "
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
        "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", measure, COMMAND, *args], cwd=cwd, capture_output=True,
                            text=True, timeout=120, check=True)  # fmt: skip
    code, peak = result.stdout.split()
    return int(code), int(peak), f"{time.monotonic() - started:.1f} s"


def test_all_routes_json_is_streamed(tmp_path: Path) -> None:
    path = _fully_linked(tmp_path)
    code, peak, took = _peak_kib("--store", str(path), "path", "e0", "e29", "--all", "--max", "10000",
                                 "--format", "json", cwd=tmp_path)  # fmt: skip
    assert code == 0
    assert peak < 200_000, (peak, took)


def test_all_routes_tree_is_streamed(tmp_path: Path) -> None:
    path = _fully_linked(tmp_path)
    code, peak, took = _peak_kib("--store", str(path), "path", "e0", "e29", "--all", "--max", "1000",
                                 cwd=tmp_path)  # fmt: skip
    assert code == 0
    assert peak < 150_000, (peak, took)


def test_a_10000_deep_chain_is_drawn_fast_and_says_where_it_stopped(tmp_path: Path) -> None:
    parts = ["schema = 1"]
    for i in range(10_000):
        cause = f'causes = ["c{i - 1}"]\n' if i else ""
        parts.append(f'[[event]]\nid = "c{i}"\ntitle = "C{i}"\nkind = "attack"\nstart = "2020"\n{cause}'
                     'sources = [{ title = "s", url = "https://example.org/s" }]')  # fmt: skip
    path = _store(tmp_path, "deep.toml", "\n".join(parts) + "\n")
    started = time.monotonic()
    result = run("--store", str(path), "chain", "c0", cwd=tmp_path)
    assert time.monotonic() - started < 20
    assert result.returncode == 0
    assert result.stderr == (
        "note: the drawing stops at depth 100, the deepest drawn legibly; "
        "--format ids or --format json give all of it\n"
    )
    ids = run("--store", str(path), "chain", "c0", "--format", "ids", cwd=tmp_path).stdout.split()
    assert len(ids) == 10_000


def test_ctrl_c_while_starting_prints_no_traceback(tmp_path: Path) -> None:
    assert COMMAND is not None
    for delay in (0.02, 0.03, 0.04, 0.05, 0.06, 0.08):
        process = subprocess.Popen([COMMAND, "list"], cwd=tmp_path, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        before_handler = b"\n    import signal\n" in err or b"\n    import os\n" in err
        if b"Traceback" in err and (PACKAGE not in err or before_handler):
            continue  # the interpreter or launcher was starting, or the handler not yet installed
        assert b"Traceback" not in err, (delay, err)
        assert process.returncode in (0, 130, -signal.SIGINT), (delay, process.returncode, err)


def test_a_broken_pipe_is_not_success(tmp_path: Path) -> None:
    assert COMMAND is not None
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    path = _fully_linked(tmp_path)  # megabytes of output: far more than a pipe holds
    process = subprocess.Popen([COMMAND, "--store", str(path), "path", "e0", "e29", "--all", "--max", "2000",
                                "--format", "json"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert process.stdout is not None
    process.stdout.read(10)
    process.stdout.close()
    _, err = process.communicate(timeout=30)
    assert process.returncode != 0
    assert b"Traceback" not in err


def test_a_failed_write_is_an_error(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    assert COMMAND is not None
    for env in ({}, {"PYTHONUNBUFFERED": "1"}):
        with open("/dev/full", "w") as full:
            result = subprocess.run([COMMAND, "list", "--format", "ids"], cwd=tmp_path, stdout=full,
                                    stderr=subprocess.PIPE, text=True, timeout=30, check=False,
                                    env={**os.environ, **env})  # fmt: skip
        assert result.returncode == 1
        assert result.stderr == "error: cannot write the output: No space left on device\n"
