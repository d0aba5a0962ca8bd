"""The installed `timeline explore` in a real pseudo-terminal: the full-screen
explorer opens, follows a link and quits, and the terminal's settings are
what they were before (`stty -a` unchanged)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pexpect

from tests.test_installed import COMMAND

FIXTURE = Path(__file__).parent / "fixtures" / "explore.toml"


def test_full_screen_explorer_restores_the_terminal(tmp_path: Path) -> None:
    assert COMMAND is not None
    env = {k: v for k, v in os.environ.items() if k not in ("TIMELINE_STORE", "NO_COLOR")}
    env |= {"TERM": "xterm-256color", "XDG_CACHE_HOME": str(tmp_path), "PS1": "$ "}
    shell = pexpect.spawn("bash", ["--norc", "--noprofile"], env=env, encoding="utf-8",
                          dimensions=(40, 140), timeout=30)  # fmt: skip
    before, after = tmp_path / "before", tmp_path / "after"
    shell.sendline(f"stty -a > {before}; {COMMAND} --store {FIXTURE} explore k1-air-base-attack; echo rc=$?")
    shell.expect("Timeline")
    shell.expect("Rocket attack on K-1")
    shell.expect("Effects")
    # focus the chain pane (on K-1), down over the "Effects" heading to the strikes, follow them
    for key in ("\t", "\t", "\x1b[B", "\r"):
        shell.send(key)
        time.sleep(0.3)
    shell.expect("Strikes on five Kata")  # the strikes' summary, in the event pane
    shell.send("q")
    shell.expect(r"rc=(\d+)")
    assert shell.match.group(1) == "0"
    shell.sendline(f"stty -a > {after}; exit")
    shell.expect(pexpect.EOF)
    assert after.read_text() == before.read_text()
