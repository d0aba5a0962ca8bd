"""A cache of validated stores, so repeated commands skip parsing.

One entry per store path in the user's cache directory. An entry records a
digest of the file's bytes and the program's version: any change to the
content (not only the mtime) or to the program makes it stale, and a stale,
corrupt or unreadable entry is silently rebuilt. Failing to write one (a
read-only disk) is never an error.

An entry also records the file's identity as it was read: device, inode,
size, modification and change times. While they are all unchanged the file
is not read or hashed again, as git trusts its index: every write to a file
sets its change time, which no program can set back. A file changed less
than SETTLED_NS before it was read could change again within the same tick
of the file system's clock, unseen; its identity is not recorded, and the
next load hashes it.

The cache trusts only what the user alone controls, since loading an entry
unpickles it: the directory is made 0700 and each entry 0600; a directory or
entry that is not the user's own, is writable by group or others, or is a
symlink, is ignored. A relative $XDG_CACHE_HOME is ignored (as the XDG
specification says), so a checked-out `.cache/` is never read. Temporaries have
unpredictable names and are opened O_EXCL|O_NOFOLLOW. The cache holds at most
MAX_ENTRIES entries: on each write, entries whose store is gone are removed,
then the least recently written beyond the limit.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from timeline import __version__
from timeline.compat import pickler, sha256_hex
from timeline.model import Actor, Event, Store

_MAGIC = b"timeline-cache 3\n"
MAX_ENTRIES = 32
_SUFFIX = ".pickle"
#: How long ago a file must have last changed for its identity to vouch for its content.
SETTLED_NS = 2_000_000_000
#: The identity line of a file too recently changed to vouch for: it matches no file.
UNSETTLED = b"-\n"


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/timeline when that is absolute, else ~/.cache/timeline."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = str(Path.home() / ".cache")
    return Path(base) / "timeline"


def _private(info: os.stat_result, kind: int) -> bool:
    """The user's own, of the right kind, and not writable by anyone else."""
    return (
        stat.S_IFMT(info.st_mode) == kind
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _resolved(path: Path) -> str:
    return str(path.resolve())


def _entry(resolved: str) -> Path:
    name = sha256_hex(resolved.encode("utf-8", "surrogateescape"))
    return cache_dir() / f"{name[:40]}{_SUFFIX}"


def content_key(raw: bytes) -> bytes:
    """What an entry must record to stand for these file bytes under this
    program: their digest and the program's and Python's versions."""
    digest = sha256_hex(raw)
    return f"{digest} {__version__} {sys.version_info[:2]}\n".encode()


def identity(info: os.stat_result, now_ns: int) -> bytes:
    """The identity line recorded for a store file with this status, read at
    `now_ns`: UNSETTLED when it changed too recently to vouch for its content."""
    if now_ns - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLED_NS:
        return UNSETTLED
    return _identity_line(info)


def _identity_line(info: os.stat_result) -> bytes:
    return f"{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}\n".encode()


def load_unchanged(path: Path, origin: str) -> Store | None:
    """The cached store, when the file's identity is the one its entry
    recorded; without reading the file. None otherwise (or when not trusted)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return _load(path, origin, lambda _key, recorded: recorded == _identity_line(info))


def load(path: Path, key: bytes, origin: str) -> Store | None:
    """The cached store for the file content of that `content_key`, or None
    (also when the cache directory or entry is not trusted)."""
    return _load(path, origin, lambda recorded, _identity: recorded == key)


def _load(path: Path, origin: str, accept: Callable[[bytes, bytes], bool]) -> Store | None:
    """The store of the path's entry when `accept(content key, identity)`
    holds for the lines it recorded."""
    try:
        resolved = _resolved(path)
        entry = _entry(resolved)
        if not _private(os.lstat(entry.parent), stat.S_IFDIR):
            return None
        descriptor = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as handle:
            if not _private(os.fstat(descriptor), stat.S_IFREG):
                return None
            if handle.readline() != _MAGIC:
                return None
            key, recorded = handle.readline(), handle.readline()
            if handle.readline() != _path_line(resolved) or not accept(key, recorded):
                return None
            events, actors, schema, outside = pickler().load(handle)
    except Exception:  # any unreadable or foreign entry just means "no cache"
        return None
    if not (isinstance(events, tuple) and all(isinstance(e, Event) for e in events[:1])):
        return None
    if not (isinstance(actors, tuple) and all(isinstance(a, Actor) for a in actors[:1])):
        return None
    return Store(events, actors, origin, schema, outside)


def _path_line(resolved: str) -> bytes:
    return resolved.encode("utf-8", "surrogateescape").replace(b"\n", b"\\n") + b"\n"


def save(path: Path, key: bytes, store: Store, recorded: bytes = UNSETTLED) -> None:
    """Remember a validated store under its file's `content_key` and
    `identity`; quietly does nothing if it cannot."""
    resolved = _resolved(path)
    target = _entry(resolved)
    directory = target.parent
    temporary: Path | None = None
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            directory.mkdir(mode=0o700)
        if not _private(os.lstat(directory), stat.S_IFDIR):
            return
        _prune(directory)
        temporary = directory / f".{os.urandom(8).hex()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        with os.fdopen(os.open(temporary, flags, 0o600), "wb") as handle:
            handle.write(_MAGIC)
            handle.write(key)
            handle.write(recorded)
            handle.write(_path_line(resolved))
            pickler().dump((store.events, store.actors, store.schema, store.outside), handle, protocol=5)
        os.replace(temporary, target)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def _prune(directory: Path) -> None:
    """Remove this version's entries whose store no longer exists, temporaries
    over a minute old, and the oldest entries beyond MAX_ENTRIES - 1 (one is
    about to be written)."""
    import time

    kept: list[tuple[float, str]] = []
    now = time.time()
    for item in os.scandir(directory):
        try:
            info = item.stat(follow_symlinks=False)
            if item.name.endswith(".tmp"):
                if now - info.st_mtime > 60:
                    os.unlink(item.path)
                continue
            if not item.name.endswith(_SUFFIX):
                continue
            with open(item.path, "rb") as handle:
                ours = handle.readline() == _MAGIC
                handle.readline()  # the content key
                handle.readline()  # the identity
                store_path = handle.readline().rstrip(b"\n").replace(b"\\n", b"\n")
            # Another version's entry (another layout) is not read for its
            # store: it only counts towards the limit, and goes when oldest.
            if ours and (not store_path or not os.path.exists(os.fsdecode(store_path))):
                os.unlink(item.path)
                continue
            kept.append((info.st_mtime, item.path))
        except OSError:
            continue
    kept.sort()
    for _, stale in kept[: max(0, len(kept) - (MAX_ENTRIES - 1))]:
        with contextlib.suppress(OSError):
            os.unlink(stale)
