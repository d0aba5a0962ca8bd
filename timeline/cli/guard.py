"""What stands between the command and the process: interrupts, broken pipes,
failed writes and undecodable input end in one quiet line and an exit code,
never a traceback."""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from collections.abc import Callable
from typing import NoReturn

#: Exit status after SIGPIPE, as a shell reports a process it killed (git does the same).
BROKEN_PIPE = 141
INTERRUPTED = 130


def run(command: Callable[[], object]) -> NoReturn:
    """Run the command and exit with its status; see the module docstring."""
    for index, argument in enumerate(sys.argv[1:], start=1):
        if any("\ud800" <= char <= "\udfff" for char in argument):
            from timeline.text import clean

            sys.stderr.write(f"error: argument {index} is not valid UTF-8: {clean(argument)!r}\n")
            sys.exit(2)
    _write_whole()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    code: str | int | None = 0
    try:
        try:
            command()
        except SystemExit as exit_:
            code = exit_.code
        finally:
            sys.stdout.flush()  # a write that fails, fails here, not silently at exit
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        code = INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        code = BROKEN_PIPE
    except UnicodeDecodeError:
        sys.stderr.write("error: the input is not UTF-8 text\n")
        code = 2
    except OSError as exc:
        _silence_stdout()
        if exc.errno == errno.EPIPE:
            code = BROKEN_PIPE
        else:
            sys.stderr.write(f"error: cannot write the output: {exc.strerror or exc}\n")
            code = 1
    sys.exit(code)


def _write_whole() -> None:
    """Under PYTHONUNBUFFERED stdout's binary layer is a raw file whose write
    may take only part of what it is given (over 2 GiB, always): put a buffered
    writer between, which writes everything or raises."""
    stream = sys.stdout
    raw = getattr(stream, "buffer", None)
    if isinstance(stream, io.TextIOWrapper) and isinstance(raw, io.RawIOBase):
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(raw),
            encoding=stream.encoding,
            errors=stream.errors,
            line_buffering=stream.line_buffering,
            write_through=True,
        )


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
