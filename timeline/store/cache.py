"""A cache of validated stores, so repeated commands skip parsing.

One entry per store path in the user's cache directory. An entry records a
digest of the file's bytes and the program's version: any change to the
content (not only the mtime) or to the program makes it stale, and a stale,
corrupt or unreadable entry is silently rebuilt. Failing to write one (a
read-only disk) is never an error.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from timeline import __version__
from timeline.compat import pickler, sha256_hex
from timeline.model import Actor, Event, Store

_MAGIC = b"timeline-cache 1\n"


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/timeline, or ~/.cache/timeline."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline"


def _entry(path: Path) -> Path:
    name = sha256_hex(str(path.resolve()).encode("utf-8", "surrogateescape"))
    return cache_dir() / f"{name[:40]}.pickle"


def _key(raw: bytes) -> bytes:
    digest = sha256_hex(raw)
    return f"{digest} {__version__} {sys.version_info[:2]}\n".encode()


def load(path: Path, raw: bytes, origin: str) -> Store | None:
    """The cached store for this file content, or None."""
    try:
        with _entry(path).open("rb") as handle:
            if handle.readline() != _MAGIC or handle.readline() != _key(raw):
                return None
            events, actors, schema = pickler().load(handle)
    except Exception:  # any unreadable or foreign entry just means "no cache"
        return None
    if not (isinstance(events, tuple) and all(isinstance(e, Event) for e in events[:1])):
        return None
    if not (isinstance(actors, tuple) and all(isinstance(a, Actor) for a in actors[:1])):
        return None
    return Store(events, actors, origin, schema)


def save(path: Path, raw: bytes, store: Store) -> None:
    """Remember a validated store; quietly does nothing if it cannot."""
    target = _entry(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            handle.write(_MAGIC)
            handle.write(_key(raw))
            pickler().dump((store.events, store.actors, store.schema), handle, protocol=5)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
