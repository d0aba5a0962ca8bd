"""The store cache: a hit, a stale entry, a corrupt one, and a cache that cannot be written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import MINI_STORE
from timeline.compat import OPENSSL_FROM_BYTES, sha256_hex
from timeline.model import Store
from timeline.store import cache, read_store_text


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
