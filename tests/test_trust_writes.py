"""Trust, data loss: concurrent adds, and what a write may replace (installed command)."""

from __future__ import annotations

import os
import stat
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import MINI_STORE
from tests.test_installed import COMMAND, run


def _add_args(ident: str) -> list[str]:
    return [
        "add",
        "--id",
        ident,
        "--title",
        "T",
        "--kind",
        "attack",
        "--start",
        "2020-02",
        "--source",
        "S",
        "--source-url",
        "https://example.org/s",
    ]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(MINI_STORE, encoding="utf-8")
    return path


def _ids(path: Path, cwd: Path) -> list[str]:
    result = run("--store", str(path), "--no-cache", "list", "--format", "ids", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_concurrent_adds_lose_no_event(store: Path, tmp_path: Path) -> None:
    def writer(n: int) -> list[int]:
        codes = []
        for i in range(5):
            codes.append(run("--store", str(store), *_add_args(f"w{n}-{i}"), cwd=tmp_path).returncode)
        return codes

    with ThreadPoolExecutor(8) as pool:
        codes = [code for codes in pool.map(writer, range(8)) for code in codes]
    assert codes == [0] * 40
    ids = _ids(store, tmp_path)
    assert {f"w{n}-{i}" for n in range(8) for i in range(5)} <= set(ids)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_held_lock_makes_add_fail_clearly_after_waiting(store: Path, tmp_path: Path) -> None:
    import fcntl

    with open(tmp_path / ".mine.toml.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        started = time.monotonic()
        result = run("--store", str(store), *_add_args("late"), cwd=tmp_path)
        waited = time.monotonic() - started
    assert result.returncode == 1
    assert "another `timeline add` has held the store for 10 s" in result.stderr
    assert 9 < waited < 30
    assert "late" not in store.read_text()


def test_a_symlinked_store_gets_the_event_and_stays_a_link(store: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(store.name)
    result = run("--store", str(link), *_add_args("via-link"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert 'id = "via-link"' in store.read_text()


def test_a_read_only_store_is_refused(store: Path, tmp_path: Path) -> None:
    store.chmod(0o444)
    before = store.read_bytes()
    result = run("--store", str(store), *_add_args("nope"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"error: {store}: is read-only; make it writable (chmod u+w) to replace it\n"
    assert store.read_bytes() == before


def test_a_hard_linked_store_keeps_its_links(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    os.link(store, other)
    result = run("--store", str(store), *_add_args("linked"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert store.stat().st_nlink == 2
    assert 'id = "linked"' in other.read_text()


def test_mode_is_kept(store: Path, tmp_path: Path) -> None:
    store.chmod(0o640)
    assert run("--store", str(store), *_add_args("moded"), cwd=tmp_path).returncode == 0
    assert stat.S_IMODE(store.stat().st_mode) == 0o640


def test_stale_temporaries_of_dead_writers_are_removed(store: Path, tmp_path: Path) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f".mine.toml.timeline-{dead.pid}-0000.tmp"
    stale.write_text("half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / f".mine.toml.timeline-{dead.pid}-1111.tmp"
    fresh.write_text("maybe still being written")
    assert run("--store", str(store), *_add_args("cleaner"), cwd=tmp_path).returncode == 0
    assert not stale.exists()
    assert fresh.exists()


def test_output_to_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "device"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("export", "--format", "csv", "--output", str(fifo), cwd=tmp_path)
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received[0].startswith(b"id,start,end")


def test_output_dash_is_stdout(tmp_path: Path) -> None:
    result = run("export", "--format", "csv", "-o", "-", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")  # no "wrote ..." line: stdout is the export
    assert result.stdout.startswith("id,start,end")
    assert not (tmp_path / "-").exists()


def test_output_through_a_symlink_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target.name)
    assert run("export", "-f", "csv", "-o", str(link), cwd=tmp_path).returncode == 0
    assert link.is_symlink()
    assert target.read_text().startswith("id,start,end")


def test_output_onto_the_input_store_is_refused(store: Path, tmp_path: Path) -> None:
    before = store.read_bytes()
    result = run("--store", str(store), "export", "-o", str(store), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"error: --output {store} is the store being read; write the export elsewhere\n"
    assert store.read_bytes() == before


def test_installed_command_exists() -> None:
    assert COMMAND is not None
