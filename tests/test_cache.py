"""The store cache: a hit, a stale entry, a corrupt one, and a cache that cannot be written."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from tests.conftest import MINI_STORE
from timeline.compat import OPENSSL_FROM_BYTES, sha256_hex
from timeline.model import Store
from timeline.store import cache, open_store, read_store_text


@pytest.fixture
def store_file(tmp_path: Path) -> tuple[Path, bytes, Store]:
    path = tmp_path / "store.toml"
    path.write_text(MINI_STORE, encoding="utf-8")
    raw = path.read_bytes()
    return path, raw, read_store_text(MINI_STORE, str(path))


def entries(isolated_cache: Path) -> list[Path]:
    return sorted((isolated_cache / "timeline").glob("*.pickle"))


def test_a_saved_store_is_a_hit(store_file: tuple[Path, bytes, Store], isolated_cache: Path) -> None:
    path, raw, store = store_file
    assert cache.load(path, cache.content_key(raw), str(path)) is None  # nothing cached yet
    cache.save(path, cache.content_key(raw), store)
    assert len(entries(isolated_cache)) == 1
    found = cache.load(path, cache.content_key(raw), "elsewhere")
    assert found == store
    assert found is not None
    assert found.origin == "elsewhere"


def test_changed_content_is_stale(store_file: tuple[Path, bytes, Store], isolated_cache: Path) -> None:
    path, raw, store = store_file
    cache.save(path, cache.content_key(raw), store)
    assert cache.load(path, cache.content_key(raw + b"\n# a comment\n"), str(path)) is None


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a cache\n", b"timeline-cache 1\n", b"timeline-cache 1\nKEY\n\x80\x05garbage"],
    ids=["empty", "foreign", "truncated", "corrupt"],
)
def test_a_corrupt_entry_is_ignored_and_rebuilt(
    store_file: tuple[Path, bytes, Store], isolated_cache: Path, damage: bytes
) -> None:
    path, raw, store = store_file
    cache.save(path, cache.content_key(raw), store)
    (entry,) = entries(isolated_cache)
    if damage.endswith(b"garbage"):
        key = entry.read_bytes().split(b"\n")[1]
        damage = damage.replace(b"KEY", key)
    entry.write_bytes(damage)
    assert cache.load(path, cache.content_key(raw), str(path)) is None
    cache.save(path, cache.content_key(raw), store)
    assert cache.load(path, cache.content_key(raw), str(path)) == store


def test_a_foreign_pickle_is_ignored(store_file: tuple[Path, bytes, Store], isolated_cache: Path) -> None:
    import pickle

    path, raw, store = store_file
    cache.save(path, cache.content_key(raw), store)
    (entry,) = entries(isolated_cache)
    magic, key, _ = entry.read_bytes().split(b"\n", 2)
    entry.write_bytes(magic + b"\n" + key + b"\n" + pickle.dumps((("not", "events"), (), 1)))
    assert cache.load(path, cache.content_key(raw), str(path)) is None


def test_an_unwritable_cache_is_not_an_error(
    store_file: tuple[Path, bytes, Store], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, raw, store = store_file
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    cache.save(path, cache.content_key(raw), store)  # quietly does nothing
    assert cache.load(path, cache.content_key(raw), str(path)) is None
    assert blocked.read_text(encoding="utf-8").startswith("a file")


@pytest.mark.parametrize("size", [0, 1, OPENSSL_FROM_BYTES - 1, OPENSSL_FROM_BYTES, OPENSSL_FROM_BYTES + 7])
def test_small_and_large_files_get_the_same_sha256(size: int) -> None:
    # Below the threshold the builtin SHA-256 hashes, from it OpenSSL's: one digest either way.
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


# The file's identity: while its device, inode, size and times are those its
# entry recorded, the store is not read or hashed again.


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Count the reads of store files from now on."""
    from timeline.store import files

    read: list[Path] = []
    original = files.read_store_file

    def counted(path: Path) -> tuple[bytes, os.stat_result]:
        read.append(path)
        return original(path)

    monkeypatch.setattr(files, "read_store_file", counted)
    return read


def test_an_unchanged_file_is_not_read_again(
    store_file: tuple[Path, bytes, Store], isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _, store = store_file
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    assert open_store(path) == store  # parsed, and its identity recorded
    read = _reads(monkeypatch)
    assert open_store(path) == store
    assert read == []


def test_a_rewrite_keeping_size_and_mtime_is_seen(
    store_file: tuple[Path, bytes, Store], isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its change time moves, which no program can set back.
    path, raw, _ = store_file
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    open_store(path)
    before = path.stat()
    time.sleep(0.05)  # past the file system clock's tick
    changed = raw.replace(b'title = "Rocket attack on K-1"', b'title = "Rocket attack on K-2"')
    assert len(changed) == len(raw)
    assert changed != raw
    path.write_bytes(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert open_store(path).by_id["k1"].title == "Rocket attack on K-2"


def test_a_file_changed_just_before_it_was_read_is_hashed_again(
    store_file: tuple[Path, bytes, Store], isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It could change again within the same tick of the clock, keeping its
    # identity: so its identity vouches for nothing, and the next load hashes it.
    path, _, store = store_file
    open_store(path)
    read = _reads(monkeypatch)
    assert open_store(path) == store
    assert read == [path]


def test_the_same_content_under_a_new_identity_is_recorded_again(
    store_file: tuple[Path, bytes, Store], isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _, store = store_file
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    open_store(path)
    time.sleep(0.05)
    os.utime(path)  # touched: same bytes, new times
    read = _reads(monkeypatch)
    assert open_store(path) == store  # read, hashed: the same content, from the cache
    assert open_store(path) == store  # and now known by its new identity
    assert read == [path]


def test_identity_is_unsettled_for_a_file_changed_within_the_last_two_seconds(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("x", encoding="utf-8")
    info = path.stat()
    changed = max(info.st_mtime_ns, info.st_ctime_ns)
    assert cache.identity(info, changed + cache.SETTLED_NS - 1) == cache.UNSETTLED
    settled = cache.identity(info, changed + cache.SETTLED_NS)
    assert settled == f"{info.st_dev} {info.st_ino} 1 {info.st_mtime_ns} {info.st_ctime_ns}\n".encode()
