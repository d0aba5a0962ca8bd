"""`timeline add`: byte-for-byte appends, atomic writes, every rejection."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI_STORE, Result
from timeline.append import toml_string
from timeline.model import Store
from timeline.store import open_store

Invoke = Callable[..., Result]
GOOD = [
    "--id", "k2", "--title", 'Rockets hit "K-2"', "--kind", "attack", "--start", "2020-01-10",
    "--place", "Kirkuk", "--country", "Iraq", "--actor", "KH", "--target", "us", "--cause", "soleimani",
    "--killed", "2", "--injured", "3+", "--tag", "bases", "--source", "A report", "--source-url", "https://example.org/r",
    "--source-note", "p. 3",
]  # fmt: skip

#: A source with its URL, which every event needs.
CITED = ["--source", "S", "--source-url", "https://example.org/s"]

ADDED = """\
[[event]]
id = "k2"
title = "Rockets hit \\"K-2\\""
kind = "attack"
start = "2020-01-10"
actors = ["kh"]
targets = ["us"]
causes = ["soleimani"]
killed = 2
injured = "3+"
tags = ["bases"]
[[event.locations]]
place = "Kirkuk"
country = "Iraq"
[[event.sources]]
title = "A report"
url = "https://example.org/r"
note = "p. 3"
"""


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    # Comments and odd spacing that a rewrite would lose.
    path.write_bytes(("# my store\r\n" + MINI_STORE + "\n#   trailing comment, no newline").encode())
    return path


def test_add_appends_and_keeps_every_byte(invoke: Invoke, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = invoke("--store", str(store_file), "add", *GOOD)
    assert (result.exit_code, result.stdout) == (0, f"added k2 to {store_file}\n")
    after = store_file.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :] == b"\n\n" + ADDED.encode()
    store = open_store(store_file)
    assert store.by_id["k2"].title == 'Rockets hit "K-2"'
    assert store.effects_of("soleimani") == ("k2",)


def test_dry_run_prints_and_writes_nothing(invoke: Invoke, store_file: Path) -> None:
    digest = hashlib.sha256(store_file.read_bytes()).hexdigest()
    result = invoke("--store", str(store_file), "add", *GOOD, "--dry-run")
    assert (result.exit_code, result.stdout) == (0, ADDED)
    assert hashlib.sha256(store_file.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        ({"--start": "2020-13-01"}, 2, "error: --start: '2020-13-01' is not a date: month 13 is not 1-12"),
        ({"--kind": "atack"}, 2, "error: --kind: unknown kind 'atack' (did you mean 'attack'?)"),
        ({"--killed": "many"}, 2, "error: --killed: 'many' is not a count"),
        ({"--actor": "martians"}, 2, "error: --actor: unknown actor 'martians'"),
        ({"--cause": "nowhere"}, 2, "error: --cause: no event 'nowhere'"),
        ({"--id": "Bad Id"}, 2, "error: --id: 'Bad Id' is not an id"),
        ({"--id": "k1"}, 2, "error: --id: 'k1' is already the id of an event"),
        ({"--start": "2019-12-01"}, 2, 'error: event "k2" (not added): field "causes": starts 2019-12-01, '
                                       'before its cause "soleimani" (2020-01-03)\n'),
        ({"--end": "2019"}, 2, 'error: event "k2" (not added): field "end": ends 2019, before it starts '
                               "(2020-01-10)\n"),
        ({"--start": "10 Jan 2020 14:30"}, 2, "error: --start: '10 Jan 2020 14:30' has a time of day but no "
                                              "UTC offset: give the offset of the clock the source used"),
        ({"--end": "sometime"}, 2, "error: --end: cannot read 'sometime' as a date"),
        ({"--target": "nobody"}, 2, "error: --target: unknown actor 'nobody'"),
        ({"--title": " "}, 2, "error: missing --title (or use -i to be asked)"),
        ({"--lat": "95", "--lon": "1"}, 2, "--lat: 95.0 is not in the range -90<=x<=90"),
        ({"--lat": "nan", "--lon": "1"}, 2, "--lat: 'nan' is not a valid number"),
    ],
)  # fmt: skip
def test_bad_fields_are_refused_and_nothing_is_written(
    invoke: Invoke, store_file: Path, change: dict[str, str], code: int, message: str
) -> None:
    before = store_file.read_bytes()
    args = list(GOOD)
    for option, value in change.items():
        if option in args:
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    result = invoke("--store", str(store_file), "add", *args)
    assert result.exit_code == code, result
    assert message in result.stderr
    assert store_file.read_bytes() == before


def test_missing_fields_and_unpaired_options(invoke: Invoke, store_file: Path) -> None:
    result = invoke("--store", str(store_file), "add", "--title", "T")
    assert (result.exit_code, result.stderr) == (
        2, "error: missing --id, --kind, --start, --source, --source-url (or use -i to be asked)\n"
    )  # fmt: skip
    result = invoke("--store", str(store_file), "add", *GOOD[:8], *CITED, "--place", "X")
    assert (result.exit_code, result.stderr) == (2, "error: give --place and --country together\n")
    result = invoke("--store", str(store_file), "add", *GOOD[:8], *CITED, "--lat", "1", "--lon", "2")
    assert (result.exit_code, result.stderr) == (
        2, "error: --lat and --lon are the place's: give --place and --country too\n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2020", '"2020"'),
        ("Jan 2020", '"2020-01"'),
        ("June 2020", '"2020-06"'),
        ("10 January 2020", '"2020-01-10"'),
        ("2020-01-10T14:30+03:00", '"2020-01-10T14:30+03:00"'),
        ("10 Jan 2020 14:30 +03:00", '"2020-01-10T14:30+03:00"'),
        ("10 Jan 2020 11:00 \u221205:00", '"2020-01-10T11:00-05:00"'),  # pasted from show's output
    ],
)
def test_add_takes_the_date_forms_list_takes(
    invoke: Invoke, store_file: Path, typed: str, stored: str
) -> None:
    args = list(GOOD)
    args[args.index("--start") + 1] = typed
    result = invoke("--store", str(store_file), "add", *args, "--dry-run")
    assert result.exit_code == 0, result
    assert f"\nstart = {stored}\n" in result.stdout
    period = invoke("--store", str(store_file), "list", "--from", typed, "--format", "ids")
    assert period.exit_code == 0, period


def test_the_curated_store_is_never_changed(invoke: Invoke) -> None:
    result = invoke("add", *GOOD)
    assert result.exit_code == 2
    assert "is not changed by add; copy it" in result.stderr


def test_a_failure_midway_leaves_the_original(
    invoke: Invoke, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store_file.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    result = invoke("--store", str(store_file), "add", *GOOD)
    assert result.exit_code == 1
    assert result.stderr == f"error: {store_file}: cannot write: Input/output error\n"
    assert store_file.read_bytes() == before
    # No temporary is left; the lock file stays (removing it would race another writer).
    assert sorted(p.name for p in store_file.parent.iterdir()) == [".mine.toml.lock", "mine.toml"]


INTERACTIVE = [
    "New thing", "", "badkind", "attack", "2020-05-03 14:00", "3 May 2020 14:00 \u221205:00", "",
    "Baghdad", "Iraq", "", "95", "33.3", "44.4", "kh, nobody", "kh", "", "soleim", "5+", "", "bases, night",
    "A summary.", "Some source", "", "news", "https://example.org/s", "",
]  # fmt: skip

PROMPTS = (
    "Adding an event to {path}. Kinds: "
    "background, campaign, attack, airstrike, missile-strike, killing, protest, political, "
    "diplomatic, military, statement.\n"
    "Title: Id (lower-case letters, digits and -) [new-thing]: Kind: "
    "  unknown kind 'badkind'; kinds are background, campaign, attack, "
    "airstrike, missile-strike, killing, protest, political, diplomatic, military, statement; try "
    "again\n"
    "Kind: Start date (e.g. 2020-01-10, June 2024, 3 Jan 2020 01:00 +03:00): "
    "  '2020-05-03 14:00' has a time of day but no UTC offset: "
    "give the offset of the clock the source used (zone names such as EST are not read), e.g. "
    "'2024-06-03T14:30+03:00' or '3 June 2024 14:30 +03:00'; try again\n"
    "Start date (e.g. 2020-01-10, June 2024, 3 Jan 2020 01:00 +03:00): "
    "End date (only for a span; same forms; optional): Place (optional): Country: "
    "Region (optional): Latitude (-90 to 90; optional): "
    "  95 is not a number from -90 to 90; try again\n"
    "Latitude (-90 to 90; optional): Longitude (-180 to 180): "
    "Actors (ids or names, comma-separated: us, kh, iran, ...; optional): "
    "  unknown actor 'nobody'; try again\n"
    "Actors (ids or names, comma-separated: us, kh, iran, ...; optional): "
    "Targets (ids or names, comma-separated; optional): "
    "Causes (ids of earlier events, comma-separated; optional): "
    "Killed (25, 25+, 19-25 or ?; optional): Injured (25, 25+, 19-25 or ?; optional): "
    "Tags (comma-separated; optional): Summary (in your own words; optional): Source title: "
    "Source URL (http:// or https://): "
    "  the source URL is required\n"
    "Source URL (http:// or https://): "
    "  'news' is not an http:// or https:// address without spaces; try again\n"
    "Source URL (http:// or https://): Source note (e.g. a page or reference number; optional): "
)

PREVIEW = """\
╭──────────────────────────────────────────────────────────────────────────────╮
│ New thing                                                                    │
│                                                                              │
│ A summary.                                                                   │
│                                                                              │
│ Id         new-thing                                                         │
│ When       3 May 2020 22:00 +03 (Baghdad)                                    │
│            reported as 14:00 -05:00                                          │
│ Precision  minute                                                            │
│ Kind       attack                                                            │
│ Where      Baghdad, Iraq (33.3, 44.4)                                        │
│ Actors     Kata'ib Hezbollah                                                 │
│ Killed     5+                                                                │
│ Injured    none recorded                                                     │
│ Causes     soleimani  3 Jan 2020  Soleimani killed  (caused by; 4 months     │
│            before)                                                           │
│ Tags       bases, night                                                      │
│ Sources    1. Some source                                                    │
│               https://example.org/s                                          │
╰──────────────────────────────────────────────────────────────────────────────╯
"""


def test_interactive_asks_for_each_field_checks_it_shows_the_event_and_asks(
    invoke: Invoke, store_file: Path
) -> None:
    answers = "\n".join([*INTERACTIVE, "maybe", ""]) + "\n"
    result = invoke("--store", str(store_file), "add", "-i", input=answers)
    assert (result.exit_code, result.stderr) == (0, "")
    expected = PROMPTS.format(path=store_file) + PREVIEW + "Add it? [Y/n]   answer y or n\nAdd it? [Y/n] "
    assert result.stdout == expected + f"added new-thing to {store_file}\n"
    assert "--" not in PROMPTS  # the prompts speak of fields, not options
    event = open_store(store_file).by_id["new-thing"]
    assert (event.kind, event.reported_start.iso() if event.reported_start else None) == (
        "attack", "2020-05-03T14:00-05:00"
    )  # fmt: skip
    assert (event.causes, str(event.killed), event.tags) == (("soleimani",), "5+", ("bases", "night"))
    assert [(x.place, x.country, x.lat, x.lon) for x in event.locations] == [("Baghdad", "Iraq", 33.3, 44.4)]


@pytest.mark.parametrize("answer", ["n", "No"])
def test_declining_writes_nothing(invoke: Invoke, store_file: Path, answer: str) -> None:
    before = store_file.read_bytes()
    answers = "\n".join([*INTERACTIVE, answer]) + "\n"
    result = invoke("--store", str(store_file), "add", "-i", input=answers)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith("Add it? [Y/n] Not added; nothing was written.\n")
    assert store_file.read_bytes() == before


def test_input_ending_at_the_question_writes_nothing(invoke: Invoke, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = invoke("--store", str(store_file), "add", "-i", input="\n".join(INTERACTIVE) + "\n")
    assert result.exit_code == 2
    assert result.stderr == "error: input ended before it was added; nothing was written\n"
    assert store_file.read_bytes() == before


def test_interactive_dry_run_shows_the_event_and_its_toml(invoke: Invoke, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = invoke("--store", str(store_file), "add", "-i", "--dry-run", input="\n".join(INTERACTIVE) + "\n")
    assert result.exit_code == 0, result
    assert result.stdout == PROMPTS.format(path=store_file) + PREVIEW + NEW_THING
    assert store_file.read_bytes() == before


NEW_THING = """\
[[event]]
id = "new-thing"
title = "New thing"
kind = "attack"
start = "2020-05-03T14:00-05:00"
actors = ["kh"]
causes = ["soleimani"]
killed = "5+"
tags = ["bases", "night"]
summary = "A summary."
[[event.locations]]
place = "Baghdad"
country = "Iraq"
lat = 33.3
lon = 44.4
[[event.sources]]
title = "Some source"
url = "https://example.org/s"
"""


def test_a_field_the_store_check_refuses_is_asked_again(invoke: Invoke, store_file: Path) -> None:
    answers = [
        "Early", "", "attack", "Dec 2019", "", "", "", "", "soleimani", "", "", "", "", "Src",
        "https://example.org/s", "", "k1", "y",
    ]  # fmt: skip
    result = invoke("--store", str(store_file), "add", "-i", input="\n".join(answers) + "\n")
    assert (result.exit_code, result.stderr) == (0, ""), result
    assert (
        "The event does not fit the store yet:\n"
        '  causes: starts 2019-12, before its cause "soleimani" (2020-01-03)\n'
        "Causes (ids of earlier events, comma-separated; optional): "
    ) in result.stdout
    assert open_store(store_file).by_id["early"].causes == ("k1",)


def test_the_same_mistake_exits_2_in_either_mode(invoke: Invoke, store_file: Path) -> None:
    """A cause dated after the event: refused with exit 2 from options, asked
    again in -i (and exit 2 there when the answers run out)."""
    args = [*GOOD]
    args[args.index("--start") + 1] = "2019-12-01"
    flags = invoke("--store", str(store_file), "add", *args)
    answers = [
        "Early",
        "",
        "attack",
        "2019-12-01",
        *[""] * 4,
        "soleimani",
        *[""] * 4,
        "Src",
        "https://example.org/s",
        "",
    ]
    asked = invoke("--store", str(store_file), "add", "-i", input="\n".join(answers) + "\n")
    assert (flags.exit_code, asked.exit_code) == (2, 2)
    assert asked.stderr == "error: input ended before the event was complete; nothing was written\n"


def test_interactive_input_that_ends_early_writes_nothing(invoke: Invoke, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = invoke("--store", str(store_file), "add", "-i", input="Half an event\n")
    assert result.exit_code == 2
    assert result.stderr == "error: input ended before the event was complete; nothing was written\n"
    assert store_file.read_bytes() == before


@pytest.mark.parametrize("text", ['say "hi"', "back\\slash", "tab\tnew\nline", "\x7f\x01", "ünï 😀"])
def test_toml_strings_read_back_exactly(text: str) -> None:
    import tomllib

    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


@pytest.mark.parametrize("field", [None, "zone", "lon"])
def test_a_refusal_no_answer_can_mend_is_reported(field: str | None, mini_store: Path) -> None:
    """A problem on no field, on one -i does not ask (zone), or on one that does
    not apply (a longitude without a latitude): refused at once, never asked
    for ever."""
    from timeline.append import RefusedEvent
    from timeline.cli.add_prompts import settle
    from timeline.errors import Problem

    def check(table: str) -> Store:
        raise RefusedEvent("k2", [Problem("wrong", field=field)])

    with pytest.raises(RefusedEvent, match='event "k2" \\(not added\\): '):
        settle({"id": "k2", "title": "T", "source": "S"}, open_store(mini_store), check)


def test_a_source_without_a_url_is_refused(invoke: Invoke, store_file: Path) -> None:
    """`check` faults an event with no source URL, so add never writes one."""
    before = store_file.read_bytes()
    no_url = [a for a in GOOD if a not in ("--source-url", "https://example.org/r")]
    result = invoke("--store", str(store_file), "add", *no_url)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "error: missing --source-url (or use -i to be asked)\n"
    )  # fmt: skip
    assert store_file.read_bytes() == before


@pytest.mark.parametrize(
    "url", ["ftp://example.org/r", "example.org/r", "https://", "http://[", "  ", "https://example.org/a b"]
)
def test_a_source_url_must_be_http_or_https(invoke: Invoke, store_file: Path, url: str) -> None:
    before = store_file.read_bytes()
    args = [*GOOD]
    args[args.index("--source-url") + 1] = url
    result = invoke("--store", str(store_file), "add", *args)
    assert result.exit_code == 2
    expected = (
        "error: missing --source-url (or use -i to be asked)\n"
        if not url.strip()
        else f"error: --source-url: {url!r} is not an http:// or https:// address without spaces\n"
    )
    assert result.stderr == expected
    assert store_file.read_bytes() == before


def test_what_add_writes_passes_check(invoke: Invoke, store_file: Path) -> None:
    assert invoke("--store", str(store_file), "add", *GOOD).exit_code == 0
    result = invoke("--store", str(store_file), "check")
    faulted = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert faulted  # the mini store's own events cite no URL ...
    assert not [line for line in faulted if '"k2"' in line]  # ... the new one does


# --- add -i on a terminal: wrapped at word boundaries --------------------------


def test_messages_wrap_at_spaces_never_inside_a_word_or_id() -> None:
    from timeline.cli.add_prompts import fitted

    kinds = (
        "  unknown kind 'badkind' (did you mean background?); kinds are background, campaign, attack, "
        "airstrike, missile-strike, killing, protest, political, diplomatic, military, statement; try again\n"
    )
    assert fitted(kinds, 80) == (
        "  unknown kind 'badkind' (did you mean background?); kinds are background,\n"
        "  campaign, attack, airstrike, missile-strike, killing, protest, political,\n"
        "  diplomatic, military, statement; try again\n"
    )
    assert fitted("Actors (ids: us, quds-force, kh): ", 20) == "Actors (ids: us,\nquds-force, kh):"
    assert fitted("  a-very-long-identifier-here x", 10) == "  a-very-long-identifier-here\n  x"
    assert fitted("one\n\ntwo\n", 2) == "one\n\ntwo\n"
    assert fitted(kinds, None) == kinds  # piped: one line a message


def test_add_i_wraps_to_the_terminal_width(tmp_path: Path, store_file: Path) -> None:
    import pexpect

    from tests.test_installed import COMMAND

    assert COMMAND is not None
    env = {k: v for k, v in os.environ.items() if k not in ("TIMELINE_STORE", "COLUMNS", "LINES")}
    env |= {"TERM": "xterm", "XDG_CACHE_HOME": str(tmp_path)}
    child = pexpect.spawn(COMMAND, ["--store", str(store_file), "add", "-i"], env=env, encoding="utf-8",
                          dimensions=(24, 60), timeout=20)  # fmt: skip
    child.expect("Title: ")
    child.sendline("Rockets hit a base")
    child.expect(r"\[rockets-hit-a-base\]: ")
    child.sendline("")
    child.expect("Kind: ")
    child.sendline("missile strike")
    child.expect("Kind: ")
    shown = str(child.before).replace("\r\n", "\n")
    for answer in ("attack", "2020", "", ""):  # kind, start, end, place
        child.sendline(answer)
    child.expect("Actors ")
    child.expect("optional\\): ")
    asked = "Actors " + str(child.before).replace("\r\n", "\n") + "optional): "
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert (
        "  unknown kind 'missile strike' (did you mean\n"
        "  'missile-strike', 'airstrike'?); kinds are background,\n"
    ) in shown
    assert all(len(line) <= 60 for line in shown.splitlines())
    # a prompt too long for a line: its start written above, the last line the prompt
    assert asked == "Actors (ids or names, comma-separated: us, kh, iran, ...;\noptional): "


# --- add names a mistake as list does ----------------------------------------


@pytest.mark.parametrize(
    ("option", "typed"),
    [
        ("--kind", "atack"),
        ("--kind", "bogus"),
        ("--actor", "khh"),
        ("--actor", "nobody"),
    ],
)
def test_an_unknown_kind_or_actor_is_told_as_list_tells_it(
    invoke: Invoke, store_file: Path, option: str, typed: str
) -> None:
    """The same resolution and suggestions (query.resolve_*, hints), whatever their style."""
    listed = invoke("--store", str(store_file), "list", option, typed)
    args = [*GOOD]
    args[args.index(option) + 1] = typed
    added = invoke("--store", str(store_file), "add", *args)
    assert (added.exit_code, added.stderr) == (listed.exit_code, listed.stderr)
    assert listed.exit_code == 2
    answers = ["T", "", typed, "attack"] if option == "--kind" else []
    if answers:
        asked = invoke("--store", str(store_file), "add", "-i", input="\n".join(answers) + "\n")
        said = listed.stderr.removeprefix(f"error: {option}: ").removesuffix("\n")
        assert f"Kind:   {said}; try again\nKind: " in asked.stdout


def test_the_suggestions_name_the_close_kinds_and_actors(invoke: Invoke, store_file: Path) -> None:
    args = [*GOOD]
    args[args.index("--actor") + 1] = "khh"
    result = invoke("--store", str(store_file), "add", *args)
    assert "kh" in result.stderr.split("(", 1)[1]  # "did you mean kh" in whatever words hints uses


def _added_country(store_file: Path, ident: str = "k2") -> list[str]:
    return [loc.country for loc in open_store(store_file, use_cache=False).by_id[ident].locations]


def _with_country(country: str, *more: str) -> list[str]:
    args = [*GOOD, *more]
    args[args.index("--country") + 1] = country
    return args


@pytest.mark.parametrize(("typed", "written"), [("iraq", "Iraq"), (" SYRIA ", "Syria")])
def test_a_country_is_written_as_the_store_spells_it(
    invoke: Invoke, store_file: Path, typed: str, written: str
) -> None:
    result = invoke("--store", str(store_file), "add", *_with_country(typed))
    assert (result.exit_code, result.stderr) == (0, "")
    assert _added_country(store_file) == [written]


def test_an_unknown_country_is_refused_as_list_refuses_it(invoke: Invoke, store_file: Path) -> None:
    before = store_file.read_bytes()
    listed = invoke("--store", str(store_file), "list", "--country", "Irak")
    added = invoke("--store", str(store_file), "add", *_with_country("Irak"))
    assert listed.stderr == "error: --country: no event is in 'Irak' (did you mean 'Iraq'?)\n"
    told = (
        listed.stderr.removesuffix("\n") + "; if it is a new country, not a misspelling, add --new-country\n"
    )
    assert (added.exit_code, added.stdout, added.stderr) == (2, "", told)
    assert store_file.read_bytes() == before


def test_new_country_adds_it_and_short_names_then_find_it(invoke: Invoke, store_file: Path) -> None:
    refused = invoke("--store", str(store_file), "add", *_with_country("US"))
    assert (refused.exit_code, refused.stderr) == (
        2,
        "error: --country: no event is in 'US' (United States); "
        "if it is a new country, not a misspelling, add --new-country\n",
    )
    result = invoke("--store", str(store_file), "add", *_with_country("US", "--new-country"))
    assert (result.exit_code, result.stderr) == (0, "")
    assert _added_country(store_file) == ["United States"]  # the short name's country
    second = [*_with_country("usa"), "--id", "k3"]
    assert invoke("--store", str(store_file), "add", *second).exit_code == 0
    assert _added_country(store_file, "k3") == ["United States"]
    for country in ("US", "United States", "america"):
        found = invoke("--store", str(store_file), "list", "--country", country, "--format", "ids")
        assert found.stdout.split() == ["k2", "k3"]


def test_new_country_needs_a_country(invoke: Invoke, store_file: Path) -> None:
    args = [a for a in GOOD if a not in ("--place", "Kirkuk", "--country", "Iraq")]
    result = invoke("--store", str(store_file), "add", *args, "--new-country")
    assert (result.exit_code, result.stderr) == (
        2, "error: --new-country says that --country is new to the store; give --country\n"
    )  # fmt: skip


@pytest.mark.parametrize(("answers", "written"), [(["n", "iraq"], "Iraq"), (["y"], "Irak")])
def test_interactive_asks_before_adding_a_new_country(
    invoke: Invoke, store_file: Path, answers: list[str], written: str
) -> None:
    fields = ["T", "k2", "attack", "2020-01-10", "", "Kirkuk", "Irak", *answers, *[""] * 10, "S",
              "https://example.org/s", "", "y"]  # fmt: skip
    result = invoke("--store", str(store_file), "add", "-i", input="\n".join(fields) + "\n")
    assert (result.exit_code, result.stderr) == (0, ""), result
    asked = "Country:   no event is in 'Irak' (did you mean 'Iraq'?)\nAdd 'Irak' as a new country? [y/N] "
    assert asked + ("Country: Region" if answers == ["n", "iraq"] else "Region") in result.stdout
    assert _added_country(store_file) == [written]
