"""Trust, the cache: only entries the user alone controls are unpickled (installed command)."""

from __future__ import annotations

import os
import pickle
import pwd
import stat
from pathlib import Path

import pytest

from tests.conftest import MINI_STORE
from tests.test_installed import run
from timeline.compat import sha256_hex
from timeline.store import cache


class _Planted:
    """Unpickling this creates a marker file: proof that a planted entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(MINI_STORE, encoding="utf-8")
    return path


def _plant(cache_home: Path, store: Path, marker: Path) -> Path:
    resolved = str(store.resolve())
    directory = cache_home / "timeline"
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    entry = directory / f"{sha256_hex(resolved.encode())[:40]}.pickle"
    key = cache.content_key(store.read_bytes())
    header = cache._MAGIC + key + cache.UNSETTLED + cache._path_line(resolved)
    entry.write_bytes(header + pickle.dumps(_Planted(marker)))
    entry.chmod(0o600)
    return entry


def _list(store: Path, cwd: Path, cache_home: str) -> None:
    result = run("--store", str(store), "list", "--format", "ids", cwd=cwd,
                 env={"XDG_CACHE_HOME": cache_home, "HOME": str(cwd / "home")})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["campaign", "k1"]


def test_a_planted_entry_of_the_user_is_loaded_which_is_what_the_guard_protects(
    store: Path, tmp_path: Path
) -> None:
    # The control case: the planted entry does run when it passes the checks, so
    # the tests below prove that the checks, not chance, keep it out.
    marker = tmp_path / "ran"
    _plant(tmp_path / "c", store, marker)
    run("--store", str(store), "list", cwd=tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "c")})
    assert marker.exists()


def test_an_entry_writable_by_others_is_ignored(store: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    _plant(tmp_path / "c", store, marker).chmod(0o666)
    _list(store, tmp_path, str(tmp_path / "c"))
    assert not marker.exists()


def test_a_cache_directory_writable_by_others_is_ignored(store: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    _plant(tmp_path / "c", store, marker)
    (tmp_path / "c" / "timeline").chmod(0o777)
    _list(store, tmp_path, str(tmp_path / "c"))
    assert not marker.exists()


def test_an_entry_of_another_owner_is_ignored(store: Path, tmp_path: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("giving a file to another user needs root; the owner check is then untestable here")
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no second user (nobody) on this machine")
    marker = tmp_path / "ran"
    entry = _plant(tmp_path / "c", store, marker)
    os.chown(entry, nobody.pw_uid, nobody.pw_gid)
    _list(store, tmp_path, str(tmp_path / "c"))
    assert not marker.exists()
    os.chown(entry.parent, nobody.pw_uid, nobody.pw_gid)
    entry.unlink()
    entry = _plant(tmp_path / "c", store, marker)  # the user's entry in another's directory
    _list(store, tmp_path, str(tmp_path / "c"))
    assert not marker.exists()


def test_a_relative_xdg_cache_home_is_ignored(store: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    _plant(tmp_path / ".cache", store, marker)
    (tmp_path / "home").mkdir()
    _list(store, tmp_path, ".cache")
    assert not marker.exists()
    assert list((tmp_path / "home" / ".cache" / "timeline").glob("*.pickle"))


def test_the_cache_is_private(store: Path, tmp_path: Path) -> None:
    _list(store, tmp_path, str(tmp_path / "c"))
    directory = tmp_path / "c" / "timeline"
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    (entry,) = directory.iterdir()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert entry.stat().st_uid == os.getuid()


def test_the_cache_is_bounded_and_forgets_stores_that_are_gone(tmp_path: Path) -> None:
    stores = []
    for n in range(cache.MAX_ENTRIES + 6):
        path = tmp_path / f"s{n}.toml"
        path.write_text(MINI_STORE, encoding="utf-8")
        stores.append(path)
        _list(path, tmp_path, str(tmp_path / "c"))
    directory = tmp_path / "c" / "timeline"
    assert len(list(directory.glob("*.pickle"))) == cache.MAX_ENTRIES
    for path in stores[-10:-1]:
        path.unlink()
    _list(stores[-1], tmp_path, str(tmp_path / "c"))  # a warm load: nothing written
    stores[-1].write_text(MINI_STORE + "\n", encoding="utf-8")
    _list(stores[-1], tmp_path, str(tmp_path / "c"))  # a cold load prunes
    assert len(list(directory.glob("*.pickle"))) == cache.MAX_ENTRIES - 9


def test_pruning_leaves_another_versions_entries_to_the_limit(store: Path, tmp_path: Path) -> None:
    # Their layout is not ours: read as ours, their store's path would be a
    # line of something else, and the entry of a version still in use would go.
    directory = tmp_path / "c" / "timeline"
    directory.mkdir(parents=True, mode=0o700)
    other = directory / "0123456789abcdef0123456789abcdef01234567.pickle"
    other.write_bytes(b"timeline-cache 2\nkey\n" + str(store).encode() + b"\n" + pickle.dumps(None))
    fresh = tmp_path / "fresh.toml"
    fresh.write_text(MINI_STORE, encoding="utf-8")
    _list(fresh, tmp_path, str(tmp_path / "c"))  # a cold load: it writes, and prunes
    assert other.exists()
    assert len(list(directory.glob("*.pickle"))) == 2
