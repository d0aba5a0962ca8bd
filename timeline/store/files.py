"""Reading store files with clear errors and a size limit, and writing files so
that a failure never leaves one half-written and never replaces what it must not.

The rules of a write (`write_atomically`):

- `-` and anything that is not a regular file (a device, a FIFO, `/dev/stdout`)
  is written through, never replaced by a regular file;
- a symlink is followed and its target replaced, so the link survives;
- a target without write permission is refused (even for root);
- the target's mode, owner (where permitted) and extended attributes are kept;
- a file with several hard links is rewritten in place, so that every link
  sees the new content (a rename would split them);
- the temporary file is named `.NAME.timeline-PID-RANDOM.tmp`; one left by a
  killed writer is removed by the next write once its process is gone.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from timeline.errors import DataError, Problem

#: The largest store read: far above 100,000 events (about 60 MB of TOML), and
#: small enough that reading a wrong file can never exhaust memory.
MAX_STORE_BYTES = 256 * 1024 * 1024
#: How long `add` waits for another writer of the same store.
LOCK_TIMEOUT = 10.0
_TEMP_MARK = ".timeline-"
_STALE_AFTER = 60.0


def _fail(path: Path | str, message: str) -> DataError:
    return DataError([Problem(message, path=str(path))])


def read_store_file(path: Path) -> tuple[bytes, os.stat_result]:
    """A store file's bytes (a regular file of at most MAX_STORE_BYTES), with
    its status as it was when opened, before the read.

    Raises:
        DataError: the file is missing, not a regular file, too large or unreadable.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except IsADirectoryError:
        raise _fail(path, "is a directory, not a store file") from None
    except OSError as exc:
        raise _fail(path, f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(os.fstat(descriptor).st_mode):
        # Linux opens a directory read-only; fdopen() would then fail on it.
        os.close(descriptor)
        raise _fail(path, "is a directory, not a store file")
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise _fail(path, "is not a regular file (a device, FIFO or socket); give a store file")
        if info.st_size > MAX_STORE_BYTES:
            raise _fail(path, f"is {info.st_size // 2**20} MiB; a store may be at most 256 MiB")
        try:
            raw = handle.read(MAX_STORE_BYTES + 1)
        except OSError as exc:
            raise _fail(path, f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_STORE_BYTES:  # grew while we read it
        raise _fail(path, "is over 256 MiB; a store may be at most 256 MiB")
    return raw, info


def read_text_file(path: Path) -> str:
    """A store file's text, or a DataError that says why it cannot be read."""
    return decode(read_store_file(path)[0], str(path))


def decode(raw: bytes, origin: str) -> str:
    """UTF-8 text of a file, or a DataError naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(
            [Problem(f"not UTF-8 text (byte {raw[exc.start]:#04x})", path=origin, line=line)]
        ) from None


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links); False if either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock for writing a store: `fcntl.flock` on `.NAME.lock`
    beside the file the path resolves to, waiting at most `timeout` seconds.

    Raises:
        DataError: another writer held the lock for the whole wait, or the lock
            file cannot be made.
    """
    import fcntl
    import time

    target = Path(os.path.realpath(path))
    lock_path = target.with_name(f".{target.name}.lock")
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise _fail(lock_path, f"cannot make the lock file: {exc.strerror}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _fail(
                        path, f"another `timeline add` has held the store for {timeout:g} s; try again"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def write_atomically(path: Path, text: str) -> None:
    """Write text to a file by the rules in this module's docstring.

    Raises:
        DataError: the file cannot (or must not) be written, saying why.
    """
    if str(path) == "-":
        _write_through(sys.stdout.fileno(), text, path)
        return
    try:
        # The path itself, through its links: /dev/stdout resolves to a name
        # such as "pipe:[123]" that only the link reaches.
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _fail(path, f"cannot write: {exc.strerror}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _fail(path, "is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
        except OSError as exc:
            raise _fail(path, f"cannot write: {exc.strerror}") from None
        try:
            _write_through(descriptor, text, path)
        finally:
            os.close(descriptor)
        return
    target = Path(os.path.realpath(path))
    if info is not None and not info.st_mode & 0o222:
        raise _fail(path, "is read-only; make it writable (chmod u+w) to replace it")
    if info is not None and info.st_nlink > 1:
        _rewrite_in_place(target, text, path)
        return
    _replace(target, text, info, path)


def _write_through(descriptor: int, text: str, shown: Path) -> None:
    """Write all the text to an open descriptor (stdout, a device, a FIFO).

    Raises:
        BrokenPipeError: the reader has gone (`export -o - | head`): not a
            failed write but the end the reader chose, so it is left for the
            caller to end quietly, as a closed pipe on stdout ends.
        DataError: any other failure, saying why.
    """
    data = text.encode("utf-8")
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(descriptor, view) :]
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _fail(shown, f"cannot write: {exc.strerror}") from None


def _rewrite_in_place(target: Path, text: str, shown: Path) -> None:
    """Overwrite, then cut to length: every hard link keeps seeing the file.

    Not atomic; but when the new text extends the old (as `add` does), the old
    bytes are rewritten unchanged, so an interruption never loses what was there.
    """
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CLOEXEC)
    except OSError as exc:
        raise _fail(shown, f"cannot write: {exc.strerror}") from None
    try:
        data = text.encode("utf-8")
        _write_through(descriptor, text, shown)
        os.ftruncate(descriptor, len(data))
        os.fsync(descriptor)
    except OSError as exc:
        raise _fail(shown, f"cannot write: {exc.strerror}") from None
    finally:
        os.close(descriptor)


def _replace(target: Path, text: str, info: os.stat_result | None, shown: Path) -> None:
    directory = target.parent
    _remove_stale_temporaries(directory, target.name)
    temporary = directory / f".{target.name}{_TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        descriptor = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600
        )
    except OSError as exc:
        raise _fail(shown, f"cannot write: {exc.strerror}") from None
    try:
        try:
            _write_through(descriptor, text, shown)
            os.fsync(descriptor)
            if info is None:
                mask = os.umask(0)
                os.umask(mask)
                os.fchmod(descriptor, 0o666 & ~mask)
            else:
                _keep_attributes(descriptor, target, info)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _fail(shown, f"cannot write: {exc.strerror}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _keep_attributes(descriptor: int, target: Path, info: os.stat_result) -> None:
    """The old file's mode, owner and extended attributes, as far as permitted."""
    with contextlib.suppress(OSError):
        os.fchown(descriptor, info.st_uid, info.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
    if hasattr(os, "listxattr"):
        with contextlib.suppress(OSError):
            for name in os.listxattr(target):
                with contextlib.suppress(OSError):
                    os.setxattr(descriptor, name, os.getxattr(target, name))


def _remove_stale_temporaries(directory: Path, name: str) -> None:
    """Remove temporaries of this file left by writers that were killed: their
    process is gone and they are over a minute old."""
    import time

    prefix = f".{name}{_TEMP_MARK}"
    try:
        candidates = [entry for entry in os.scandir(directory) if entry.name.startswith(prefix)]
    except OSError:
        return
    now = time.time()
    for entry in candidates:
        pid_text = entry.name[len(prefix) :].split("-", 1)[0]
        if not pid_text.isdigit():
            continue
        try:
            if now - entry.stat(follow_symlinks=False).st_mtime < _STALE_AFTER:
                continue
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
        except OSError:
            continue
