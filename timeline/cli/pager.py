"""The pager, as git and gh use one: output longer than the screen goes
through `$TIMELINE_PAGER`, else `$PAGER`, else `less -RFX`; shorter output is
printed directly, so no pager starts for it. Imported only on a terminal."""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Mapping
from typing import IO

#: The pager when neither variable names one: colours through (-R), quit when
#: the output fits one screen (-F), leave it on the screen on leaving (-X).
DEFAULT = "less -RFX"


def pager_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The pager to run, as arguments; None when paging is off (a variable set
    to "" or "cat", as git reads them) or the command cannot be read."""
    env = os.environ if environ is None else environ
    chosen = env.get("TIMELINE_PAGER", env.get("PAGER", DEFAULT)).strip()
    if chosen in ("", "cat"):
        return None
    try:
        return shlex.split(chosen) or None
    except ValueError:  # an unclosed quote: print directly rather than fail
        return None


class Pager(io.TextIOBase):
    """A text file that holds what is written until it is longer than the
    screen, then starts the pager and passes everything on to it; on closing,
    output that stayed short is written to stdout instead. A pager that cannot
    start, or that the user quits early, never fails the command."""

    def __init__(self, command: list[str], height: int, stdout: IO[str] | None = None) -> None:
        super().__init__()
        self._command = command
        self._room = max(1, height - 1)  # the line the shell's prompt takes
        self._stdout = stdout if stdout is not None else sys.stdout
        self._held: list[str] = []
        self._lines = 0
        self._process: subprocess.Popen[str] | None = None
        self._direct = False  # the pager could not start: write to stdout
        self._gone = False  # the user quit the pager: drop the rest
        self._interrupt: object = None

    def isatty(self) -> bool:
        """What is written ends on the terminal: rich colours it as for one."""
        return True

    def write(self, text: str) -> int:
        """Hold the text, or pass it on to the pager once one runs."""
        if self._gone:
            return len(text)
        if self._direct:
            return self._stdout.write(text)
        if self._process is not None:
            self._send(text)
            return len(text)
        self._held.append(text)
        self._lines += text.count("\n")
        if self._lines >= self._room:
            self._start()
        return len(text)

    def flush(self) -> None:
        """Nothing to do until there is a pager (rich flushes after each print)."""
        if self._process is not None and self._process.stdin is not None and not self._gone:
            try:
                self._process.stdin.flush()
            except BrokenPipeError:
                self._gone = True

    def _start(self) -> None:
        env = dict(os.environ)
        env.setdefault("LESS", "FRX")  # as git does, for a bare PAGER=less too
        env.setdefault("LV", "-c")
        held, self._held = "".join(self._held), []
        try:
            self._process = subprocess.Popen(
                self._command, stdin=subprocess.PIPE, text=True, encoding="utf-8", env=env
            )
        except OSError:
            self._direct = True
            self._stdout.write(held)
            return
        # Ctrl-C in the pager is the pager's: the command waits for it to end.
        self._interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
        self._send(held)

    def _send(self, text: str) -> None:
        assert self._process is not None
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(text)
        except (BrokenPipeError, OSError):
            self._gone = True

    def close(self) -> None:
        """Wait for the pager, or write the short output directly."""
        if self.closed:
            return
        if self._process is None:
            if not self._direct:
                self._stdout.write("".join(self._held))
                self._held = []
            self._stdout.flush()
        else:
            if self._process.stdin is not None:
                with contextlib.suppress(BrokenPipeError, OSError):
                    self._process.stdin.close()
            self._gone = True  # nothing more to flush to it
            self._process.wait()
            signal.signal(signal.SIGINT, self._interrupt)  # type: ignore[arg-type]
        super().close()
