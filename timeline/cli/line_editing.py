"""Line editing, history and Tab completion for a prompt, from the standard
library's readline, when both ends are a terminal.

readline is imported only then: a pipe has nothing to edit, and the import
costs start-up. The history is kept in `$XDG_STATE_HOME/timeline/NAME_history`
(`~/.local/state/timeline/...` when XDG_STATE_HOME is unset or relative, as
the XDG specification says): the directory is made 0700, the file 0600, and a
history file that is a link or not the user's own is neither read nor
written. Any failure leaves the prompt without history, never without input.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

#: The most lines of history kept.
HISTORY_LINES = 1000


def history_file(name: str) -> Path | None:
    """Where the history of the prompt `name` is kept, or None when no home
    is known."""
    state = os.environ.get("XDG_STATE_HOME", "")
    if state and os.path.isabs(state):
        base = Path(state)
    else:
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = Path(home) / ".local" / "state"
    return base / "timeline" / f"{name}_history"


def _own_file(path: Path) -> bool:
    """A regular file of the user's, reached without a link."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()


def start(name: str, words: Sequence[str]) -> Callable[[], None] | None:
    """Turn on line editing for input(), with the history of `name` and Tab
    completing `words`. Returns what saves the history at the end, or None
    when stdin or stdout is not a terminal (or readline is missing)."""
    try:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return None
    except (AttributeError, ValueError):
        return None
    try:
        import readline
    except ImportError:  # a Python built without it
        return None
    _complete(sorted(words))
    path = history_file(name)
    if path is not None and _own_file(path):
        with contextlib.suppress(OSError):
            readline.read_history_file(path)
    readline.set_history_length(HISTORY_LINES)

    def save() -> None:
        if path is None or (path.exists() and not _own_file(path)):
            return
        with contextlib.suppress(OSError):
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not path.exists():  # made 0600 before anything is in it
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
            readline.write_history_file(path)

    return save


def _complete(words: Sequence[str]) -> None:
    import readline

    def complete(text: str, state: int) -> str | None:
        found = [w for w in words if w.startswith(text)]
        return found[state] if state < len(found) else None

    readline.set_completer(complete)
    readline.set_completer_delims(" \t\n")  # ids hold "-" and ".": complete them whole
    if "libedit" in (readline.__doc__ or ""):  # macOS's readline is libedit, bound its own way
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
