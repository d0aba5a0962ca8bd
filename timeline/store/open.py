"""Opening the store a command works on: which file, cached or parsed,
structurally valid and passing every integrity check."""

from __future__ import annotations

import os
from pathlib import Path

from timeline.errors import DataError
from timeline.model import Store

STORE_ENV = "TIMELINE_STORE"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def bundled_store_path() -> Path:
    """The curated store: inside the installed package, or at the top of a
    source checkout."""
    packaged = _PACKAGE_DIR / "events.toml"
    if packaged.is_file():
        return packaged
    return _PACKAGE_DIR.parent / "events.toml"


def is_bundled(path: Path) -> bool:
    """Whether a path is the copy of the curated store inside an installed package."""
    return path.resolve() == (_PACKAGE_DIR / "events.toml")


def store_path(option: str | None) -> Path:
    """The store to use: --store, else $TIMELINE_STORE, else the curated one."""
    chosen = option or os.environ.get(STORE_ENV)
    return Path(chosen) if chosen else bundled_store_path()


def open_store(path: Path, use_cache: bool = True) -> Store:
    """Read, validate and check a store, through the cache when allowed.

    Raises:
        DataError: the file cannot be read, or has problems; each located.
    """
    from timeline.store.files import decode, read_store_file

    origin = str(path)
    if use_cache:
        from timeline.store import cache

        unchanged = cache.load_unchanged(path, origin)
        if unchanged is not None:
            return unchanged
    raw, info = read_store_file(path)
    key = None
    if use_cache:
        import time

        key = cache.content_key(raw)
        recorded = cache.identity(info, time.time_ns())
        cached = cache.load(path, key, origin)
        if cached is not None:
            # Same content, another identity (a checkout, a copy back): record
            # this one, so that the next run need not read the file again.
            if recorded != cache.UNSETTLED:
                cache.save(path, key, cached, recorded)
            return cached
    text = decode(raw, origin)
    # The bytes are done with once decoded; dropping them before the parse
    # keeps a large store's peak memory lower by the file's size.
    del raw
    store = validated(text, origin)
    if key is not None:
        cache.save(path, key, store, recorded)
    return store


def validated(text: str, origin: str) -> Store:
    """Read and check a whole store text, as every load does.

    Raises:
        DataError: every problem, located in the text.
    """
    from timeline.checks import run_checks
    from timeline.store.read import read_store_text

    store = read_store_text(text, origin)
    problems = run_checks(store)
    if problems:
        from timeline.store.lines import from_check, locate

        raise DataError(locate(map(from_check, problems), origin, text))
    return store
