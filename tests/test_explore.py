"""`timeline explore`: the session logic, CliRunner input, and a real terminal."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from tests.conftest import Result
from tests.test_imports import imported
from tests.test_installed import COMMAND
from timeline.explore import HINT, Session, escalation_start, links
from timeline.graph import escalation_root
from timeline.model import Store
from timeline.store import bundled_store_path, open_store

Invoke = Callable[..., Result]
HUB = Path(__file__).parent / "fixtures" / "hub.toml"
ESCALATION = Path(__file__).parent / "fixtures" / "escalation.toml"

#: The links of an event with eleven, and a choice of two: numbers aligned past [9].
HUB_LINKS = """\
 [1] → effect  2 Jan 2020  Raid 1  (caused by, 1 day after)
 [2] → effect  3 Jan 2020  Raid 2  (caused by, 2 days after)
 [3] → effect  4 Jan 2020  Raid 3  (caused by, 3 days after)
 [4] → effect  5 Jan 2020  Raid 4  (caused by, 4 days after)
 [5] → effect  6 Jan 2020  Raid 5  (caused by, 5 days after)
 [6] → effect  7 Jan 2020  Raid 6  (caused by, 6 days after)
 [7] → effect  8 Jan 2020  Raid 7  (caused by, 7 days after)
 [8] → effect  9 Jan 2020  Raid 8  (caused by, 8 days after)
 [9] → effect  10 Jan 2020  Raid 9  (caused by, 9 days after)
[10] → effect  11 Jan 2020  Raid 10  (caused by, 10 days after)
[11] → effect  12 Jan 2020  Raid 11  (caused by, 11 days after)
explore> raid-1
Ids starting 'raid-1'
 [1] 11 Jan 2020  Raid 10  attack
 [2] 12 Jan 2020  Raid 11  attack
explore> 2
Raid 11
"""


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


def test_an_id_or_the_start_of_one_goes_there(mini_store: Path) -> None:
    s = session(mini_store)
    assert s.handle("soleimani").event == s.store.by_id["soleimani"]
    assert s.handle(" emb ").event == s.store.by_id["embassy"]  # the only id starting so
    reply = s.handle("s")
    assert (reply.kind, reply.title, [e.id for e in reply.events]) == (
        "choices", "Ids starting 's'", ["strikes", "soleimani"]
    )  # fmt: skip
    assert s.handle("2").event == s.store.by_id["soleimani"]
    assert s.handle("b").event == s.store.by_id["embassy"]  # a command wins over ids starting "b"
    reply = s.handle("zz")
    assert (reply.kind, reply.title) == ("message", "No command or event id 'zz'; type ? for help.")


def a_store(tmp_path: Path, *events: tuple[str, str, str]) -> Store:
    """A store of (id, start, causes) events, written and opened."""
    tables = "".join(
        f'[[event]]\nid = "{ident}"\ntitle = "{ident}"\nkind = "attack"\nstart = "{start}"\n'
        f"causes = [{cause}]\n"
        'sources = [{ title = "Seed" }]\n\n'
        for ident, start, cause in events
    )
    path = tmp_path / "store.toml"
    path.write_text("schema = 1\n\n" + tables, encoding="utf-8")
    return open_store(path)


def test_exploring_starts_where_chain_does() -> None:
    store = open_store(ESCALATION)
    # the first root with a link in 2019-2024: not the lone statement before it,
    # nor the larger chain of 2023, nor its cause of 2018
    assert escalation_root(store) == "crisis"
    assert escalation_start(store) == store.by_id["crisis"]


def test_where_exploring_starts_without_a_chain(tmp_path: Path) -> None:
    unlinked = a_store(tmp_path, ("old", "2017", ""), ("first", "2019-03", ""), ("later", "2020", ""))
    assert escalation_start(unlinked) == unlinked.by_id["first"]  # no chain: the window's first event
    before = a_store(tmp_path, ("old", "2017", ""), ("older", "2016", ""))
    assert escalation_root(before) is None
    assert escalation_start(before) == before.by_id["older"]  # none in the window: the store's first
    assert escalation_start(a_store(tmp_path)) is None


def test_the_curated_store_opens_on_the_escalation_of_2019() -> None:
    store = open_store(bundled_store_path())
    start = escalation_start(store)
    assert start is not None
    assert start.period_start.year == 2019
    assert links(store, start)  # the root of a chain, not a lone event


def test_explore_through_clirunner(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "explore", "k1", input="2\nb\nzz\n7\n?\nq\n")
    assert result.exit_code == 0
    out = result.stdout
    assert out.count("Rocket attack on K-1") >= 2
    assert "[1] ← cause" in out
    assert "[2] → effect" in out
    assert "No command or event id 'zz'; type ? for help." in out
    assert "Pick a link from 1 to 2." in out
    assert "/TEXT      search" in out
    assert "Traceback" not in out + result.stderr


@pytest.mark.parametrize("script", ["", "n\n", "l\n3\n", "/attack\n1\n"])
def test_explore_ends_cleanly_at_end_of_input(invoke: Invoke, mini_store: Path, script: str) -> None:
    result = invoke("--store", str(mini_store), "explore", input=script)
    assert result.exit_code == 0
    assert "Traceback" not in result.stdout + result.stderr


def test_ids_jump_and_numbers_stay_aligned_past_nine(invoke: Invoke) -> None:
    result = invoke("--store", str(HUB), "explore", "raid-03", input="talk\nraid-1\n2\nq\n")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("Raid 3\n\nId ")
    assert "[1] ← cause   1 Jan 2020  Talks break down  (caused by, 3 days before)\n" in result.stdout
    assert "explore> talk\nTalks break down\n" in result.stdout  # "talk": the only id starting so
    assert HUB_LINKS in result.stdout


@pytest.mark.parametrize("args", [["explore", "talks"], ["list"]])
def test_readline_is_imported_only_to_edit_lines_on_a_terminal(tmp_path: Path, args: list[str]) -> None:
    assert "readline" not in imported("--store", str(HUB), *args, cwd=tmp_path)


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


def test_line_editing_history_and_id_completion_in_a_real_terminal(tmp_path: Path) -> None:
    assert COMMAND is not None
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"}
    env |= {
        "TERM": "xterm",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }

    def spawn() -> pexpect.spawn:
        child = pexpect.spawn(COMMAND, ["--store", str(HUB), "explore", "raid-03", "--line"], env=env,
                              encoding="utf-8", dimensions=(60, 100), timeout=20)  # fmt: skip
        child.expect("explore> ")
        return child

    child = spawn()
    for keys, shown in [
        ("tal\t\r", "Talks break down"),  # Tab completes the id
        ("5\r", "Raid 5"),
        ("aid-08\x01r\r", "Raid 8"),  # Ctrl-A: to the start of the line, to type the missing "r"
        ("\x1b[A\x1b[A\x1b[A\r", "Talks break down"),  # up three lines: "talks" again
    ]:
        child.send(keys)
        child.expect("explore> ")
        assert shown in str(child.before), keys
    child.send("q\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    history = tmp_path / "state" / "timeline" / "explore_history"
    assert [line.strip() for line in history.read_text().splitlines()][-5:] == [
        "talks",
        "5",
        "raid-08",
        "talks",
        "q",
    ]
    assert (history.stat().st_mode & 0o777, history.parent.stat().st_mode & 0o777) == (0o600, 0o700)

    child = spawn()  # a new session starts with the old history
    child.send("\x1b[A\x1b[A\x1b[A\r")
    child.expect("explore> ")
    assert "Raid 8" in str(child.before)
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_where_the_history_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.cli.line_editing import _own_file, history_file, start

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert history_file("explore") == tmp_path / "timeline" / "explore_history"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/state")  # ignored, as the XDG specification says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert history_file("explore") == tmp_path / "home" / ".local" / "state" / "timeline" / "explore_history"
    target = tmp_path / "elsewhere"
    target.write_text("not yours to read\n")
    link = tmp_path / "link"
    link.symlink_to(target)
    assert (_own_file(target), _own_file(link), _own_file(tmp_path / "none")) == (True, False, False)
    assert start("explore", ["talks"]) is None  # not a terminal: no readline, no history


# --- an empty store -------------------------------------------------------


@pytest.mark.parametrize("args", [["explore"], ["explore", "--line"], ["explore", "--from", "2020"]])
def test_an_empty_store_says_so(invoke: Invoke, tmp_path: Path, args: list[str]) -> None:
    empty = tmp_path / "m.toml"
    empty.write_text("schema = 2\n", encoding="utf-8")
    result = invoke("--store", str(empty), *args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No events in this store.\n", "")


def test_an_empty_store_never_opens_the_full_screen_explorer(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.cli.exploring
    import timeline.tui.app

    def refuse(*args: object) -> int:
        raise AssertionError("the explorer opened")

    monkeypatch.setattr(timeline.cli.exploring, "full_screen", lambda line: True)
    monkeypatch.setattr(timeline.tui.app, "run", refuse)
    empty = tmp_path / "m.toml"
    empty.write_text("schema = 2\n", encoding="utf-8")
    result = invoke("--store", str(empty), "explore")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No events in this store.\n", "")
    result = invoke("--store", str(empty), "explore", "k1")
    assert (result.exit_code, result.stderr) == (1, "error: no event 'k1'\n")


# --- the filters narrow the line mode's timeline ----------------------------


def test_next_previous_and_around_stay_within_the_timeline() -> None:
    store = open_store(ESCALATION)
    raids = [store.by_id[i] for i in ("raid-1", "raid-2", "raid-3")]
    s = Session(store, raids[0], raids)
    assert s.handle("p").title == "No earlier event."
    assert s.handle("n").event == raids[1]
    assert [e.id for e in s.handle("l").events] == ["raid-1", "raid-2", "raid-3"]
    assert s.handle("war").event == store.by_id["war"]  # an id still reaches any event
    assert s.handle("n").event == raids[0]  # off the timeline: the next event on it
    s.handle("crisis")
    assert s.handle("p").title == "No earlier event."
    assert s.handle("n").event == raids[0]
    assert Session(store, raids[0], ()).handle("l").title == "No events around this one."


def test_the_line_mode_takes_the_filters(invoke: Invoke) -> None:
    result = invoke("--store", str(ESCALATION), "explore", "--from", "2023", "--line", input="p\nn\nq\n")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("War begins\n")  # the first event the filters keep
    assert "explore> p\nNo earlier event.\nexplore> n\nRaid 1\n" in result.stdout
    piped = invoke("--store", str(ESCALATION), "explore", "--to", "2019-03", input="q\n")
    assert piped.stdout.startswith("Deal ends\n")
    chosen = invoke("--store", str(ESCALATION), "explore", "raid-2", "--from", "2023", input="n\nn\n")
    assert chosen.stdout.startswith("Raid 2\n")
    assert "explore> n\nNo later event.\n" in chosen.stdout


def test_filters_that_keep_nothing_or_cannot_be_read(invoke: Invoke) -> None:
    result = invoke("--store", str(ESCALATION), "explore", "--from", "2030")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No events match.\n", "")
    result = invoke("--store", str(ESCALATION), "explore", "--actor", "uss")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --actor: unknown actor 'uss' (did you mean 'us'?)\n"


# --- replies: an empty line, one link ---------------------------------------


def test_an_empty_line_hints_and_one_link_is_named() -> None:
    store = open_store(ESCALATION)
    s = Session(store, store.by_id["rocket"])
    assert s.handle("").title == HINT
    assert s.handle("   ").title == HINT
    assert s.handle("2").title == "Pick link 1."
    assert s.handle("1").event == store.by_id["crisis"]
    assert s.handle("7").title == "Pick a link from 1 to 2."


def test_an_empty_line_does_not_redraw_the_event(invoke: Invoke) -> None:
    result = invoke("--store", str(ESCALATION), "explore", "rocket", input="\n\nq\n")
    assert result.exit_code == 0
    assert result.stdout.count("\nId         rocket\n") == 1
    assert result.stdout.endswith(f"{HINT}\nexplore>\n{HINT}\nexplore>\n{HINT}\nexplore> q\n")


# --- wrapping: at word boundaries, under the text ---------------------------


@pytest.mark.usefixtures("terminal")
def test_lists_and_help_wrap_under_their_text(invoke: Invoke) -> None:
    result = invoke("--store", str(ESCALATION), "explore", "crisis", input="?\nl\n", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    out = result.stdout
    assert (
        "[1] ← cause   8 May 2018  Deal ends\n"
        "              (caused by, 12 months\n"
        "              before)\n"
        "[2] ↓ part    19 May 2019  Rocket lands\n"
        "              (has part, 14 days after)\n"
    ) in out
    assert (
        "explore> ?\n"  # no terminal echoes what was read: the prompt and it
        "  1, 2, ...  follow the numbered cause,\n"
        "             effect, whole or part (or\n"
        "             pick from a list just\n"
        "             shown)\n"
        "  ID         go to the event with this\n"
    ) in out
    assert (
        "explore> l\n"
        "Events around this one\n"
        " [1] 8 May 2018  Deal ends  political\n"
        " [2] 1 Feb 2019  A statement nothing\n"
        "     follows  statement\n"
        "▶[3] 5 May 2019 – 2021  Gulf crisis\n"
        "     background\n"
    ) in out
    assert all(len(line) <= 40 for line in out.splitlines())


def test_a_word_wider_than_the_line_is_folded_not_lost() -> None:
    from rich.console import Console
    from rich.text import Text

    from timeline.cli.explore_line import hanging

    console = Console(width=32)
    shown = hanging(Text(" [1] → effect  x-" + "a" * 30 + "\nplain line\n"), console)
    assert shown.plain == (" [1] → effect  x-aaaaaaaaaaaaaaa\n               aaaaaaaaaaaaaaa\nplain line\n")
    narrow = hanging(Text(" [1] → effect  a few words"), Console(width=24))
    assert narrow.plain == " [1] → effect  a few\nwords\n"  # a lead past half the width: no indent


# --- piped: what piped `show` prints, and a transcript ----------------------

LONG_URL = "https://example.org/" + "a-very-long-path/" * 6 + "report.html"
PIPED_STORE = f"""\
schema = 1
[[event]]
id = "raid"
title = "A raid on a base whose title is longer than forty columns"
kind = "attack"
start = "2020-01-02"
causes = ["talks"]
sources = [{{ title = "A report", url = "{LONG_URL}" }}]

[[event]]
id = "talks"
title = "Talks break down"
kind = "political"
start = "2020-01-01"
sources = [{{ title = "Seed" }}]
"""


def test_piped_the_line_mode_prints_what_piped_show_prints(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "piped.toml"
    store.write_text(PIPED_STORE, encoding="utf-8")
    narrow = {"COLUMNS": "40"}  # piped output is never wrapped, whatever COLUMNS says
    shown = invoke("--store", str(store), "show", "raid", env=narrow).stdout
    walked = invoke("--store", str(store), "explore", "raid", "--line", input="1\nq\n", env=narrow)
    assert (walked.exit_code, walked.stderr) == (0, "")
    talks = invoke("--store", str(store), "show", "talks", env=narrow).stdout
    assert walked.stdout == (
        shown
        + "[1] ← cause   1 Jan 2020  Talks break down  (caused by, 1 day before)\n"
        + f"{HINT}\n"
        + "explore> 1\n"  # the prompt and what was read, on a line of their own
        + talks
        + "[1] → effect  2 Jan 2020  A raid on a base whose title is longer than forty columns"
        + "  (caused by, 1 day after)\n"
        + "explore> q\n"
    )
    assert f"              {LONG_URL}\n" in walked.stdout  # whole, on one line
