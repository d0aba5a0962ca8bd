"""Reading store files with clear errors, and writing files so that a failure
never leaves one half-written."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from timeline.errors import DataError, Problem


def write_atomically(path: Path, text: str) -> None:
    """Replace a file's content in one step: a temporary file beside it, then rename.

    The old file survives any failure, and readers see either all of the old
    content or all of the new.

    Raises:
        DataError: the file cannot be written, saying why.
    """
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    try:
        descriptor, name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise DataError([Problem(f"cannot write: {exc.strerror}", path=str(path))]) from None
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DataError([Problem(f"cannot write: {exc.strerror}", path=str(path))]) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_text_file(path: Path) -> str:
    """A store file's text, or a DataError that says why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem("no such file", path=str(path))]) from None
    except IsADirectoryError:
        raise DataError([Problem("is a directory, not a store file", path=str(path))]) from None
    except OSError as exc:
        raise DataError([Problem(f"cannot read: {exc.strerror}", path=str(path))]) from None
    return decode(raw, str(path))


def decode(raw: bytes, origin: str) -> str:
    """UTF-8 text of a file, or a DataError naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(
            [Problem(f"not UTF-8 text (byte {raw[exc.start]:#04x})", path=origin, line=line)]
        ) from None
