"""`timeline explore`: the session logic, CliRunner input, and a real terminal."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from tests.conftest import Result
from tests.test_installed import COMMAND
from timeline.explore import Session, escalation_start, links
from timeline.store import bundled_store_path, open_store

Invoke = Callable[..., Result]


def session(mini_store: Path, start: str = "k1") -> Session:
    store = open_store(mini_store)
    return Session(store, store.by_id[start])


def test_following_links_and_going_back(mini_store: Path) -> None:
    s = session(mini_store)
    assert [(step.role, step.event.id, step.via) for step in links(s.store, s.current)] == [
        ("cause", "campaign", "cause"),
        ("effect", "strikes", "cause"),
    ]
    assert s.handle("2").event is not None
    assert s.current.id == "strikes"
    assert s.handle("3").kind == "event"
    assert s.current.id == "embassy"
    assert s.handle("b").event == s.store.by_id["strikes"]
    assert s.handle("b").event == s.store.by_id["k1"]
    reply = s.handle("b")
    assert (reply.kind, reply.title) == ("message", "Nothing to go back to.")


def test_next_previous_search_list_and_odd_input(mini_store: Path) -> None:
    s = session(mini_store)
    assert s.handle("n").event == s.store.by_id["strikes"]
    assert s.handle("p").event == s.store.by_id["k1"]
    assert s.handle("p").event == s.store.by_id["campaign"]
    assert s.handle("p").title == "No earlier event."
    reply = s.handle("/baghdad")
    assert reply.kind == "choices"
    assert [e.id for e in reply.events] == ["embassy", "soleimani"]
    assert s.handle("2").event == s.store.by_id["soleimani"]
    assert s.handle("/rockets hit").event == s.store.by_id["k1"]  # one match: go straight there
    assert s.handle("/zzz").title == "Nothing matches 'zzz'."
    assert s.handle("/").title.startswith("Type /TEXT")
    listed = s.handle("l")
    assert [e.id for e in listed.events] == ["campaign", "k1", "strikes", "embassy", "soleimani", "drawdown"]
    assert s.handle("9").title == "Pick a number from 1 to 6."
    assert s.handle("6").event == s.store.by_id["drawdown"]
    assert s.handle("1").title == "This event has no links to follow."
    for odd in ["x", "\x1b[A", "-1", "1.5", "b" * 1000, "//", "\x00"]:
        assert s.handle(odd).kind in ("message", "event", "choices")
    assert s.handle("?").kind == "help"
    assert s.handle("q").kind == "quit"


def test_start_of_the_escalation_chain() -> None:
    store = open_store(bundled_store_path())
    assert escalation_start(store).id == "gaza-war"


def test_explore_through_clirunner(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "explore", "k1", input="2\nb\nzz\n7\n?\nq\n")
    assert result.exit_code == 0
    out = result.stdout
    assert out.count("Rocket attack on K-1") >= 2
    assert "[1] ← cause" in out
    assert "[2] → effect" in out
    assert "Unknown command 'zz'; type ? for help." in out
    assert "Pick a link from 1 to 2." in out
    assert "/TEXT      search" in out
    assert "Traceback" not in out + result.stderr


@pytest.mark.parametrize("script", ["", "n\n", "l\n3\n", "/attack\n1\n"])
def test_explore_ends_cleanly_at_end_of_input(invoke: Invoke, mini_store: Path, script: str) -> None:
    result = invoke("--store", str(mini_store), "explore", input=script)
    assert result.exit_code == 0
    assert "Traceback" not in result.stdout + result.stderr


def test_explore_errors(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "explore", "nowhere")
    assert (result.exit_code, result.stderr) == (1, "error: no event 'nowhere'\n")


def test_explore_in_a_real_terminal(tmp_path: Path) -> None:
    assert COMMAND is not None
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"}
    env |= {"TERM": "xterm", "COLUMNS": "100", "XDG_CACHE_HOME": str(tmp_path)}
    child = pexpect.spawn(COMMAND, ["explore", "k1-air-base-attack", "--line"], env=env, encoding="utf-8",
                          dimensions=(60, 100), timeout=20)  # fmt: skip
    child.expect("explore> ")
    assert "Rocket attack on K-1 Air Base" in str(child.before)
    child.sendline("1")  # follow the effect: the US strikes
    child.expect("explore> ")
    assert "US airstrikes on Kata" in str(child.before)
    child.sendline("b")
    child.expect("explore> ")
    assert "Rocket attack on K-1 Air Base" in str(child.before)
    child.sendline("/soleimani")
    child.expect("explore> ")
    assert "Matches for 'soleimani'" in str(child.before)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    dumb = env | {"TERM": "dumb"}  # a terminal that cannot draw the full-screen explorer
    child = pexpect.spawn(COMMAND, ["explore"], env=dumb, encoding="utf-8", dimensions=(60, 100), timeout=20)
    child.expect("explore> ")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
