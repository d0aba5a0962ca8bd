"""Loading stores: every bad-store error path, with its message and exit code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI_STORE, Result
from timeline.contract.encode import store_to_dict
from timeline.errors import DataError
from timeline.model import Count, Precision
from timeline.store import open_store, read_store_text

Invoke = Callable[..., Result]

HEAD = 'schema = 1\n\n[[actor]]\nid = "us"\nname = "United States"\nkind = "state"\n\n'


def event(body: str, ident: str = "e1") -> str:
    """A minimal valid event table with extra lines."""
    base = f'[[event]]\nid = "{ident}"\ntitle = "T"\nkind = "attack"\nstart = "2019-12-27"\n'
    return base + 'sources = [{ title = "S" }]\n' + body


# (name, store text, expected stderr lines): each is the full message after "error: ".
BAD_STORES = [
    (
        "bad date",
        HEAD + '[[event]]\nid = "k1"\ntitle = "T"\nkind = "attack"\nstart = "2019-13-01"\n'
        'sources = [{ title = "S" }]\n',
        [
            '{path}:12: event "k1": field "start": \'2019-13-01\' is not a date: month 13 is not 1-12',
        ],
    ),
    (
        "unparseable date",
        HEAD + '[[event]]\nid = "k1"\ntitle = "T"\nkind = "attack"\nstart = "27/12/2019"\n'
        'sources = [{ title = "S" }]\n',
        [
            '{path}:12: event "k1": field "start": \'27/12/2019\' is not a date '
            "(expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM)",
        ],
    ),
    (
        "unknown key",
        HEAD + event('titel = "typo"\n'),
        ['{path}:14: event "e1": field "titel": unknown key (did you mean \'title\'?)'],
    ),
    (
        "missing fields",
        HEAD + '[[event]]\nid = "e1"\nsources = [{ title = "S" }]\n',
        [
            '{path}:8: event "e1": field "title": is missing',
            '{path}:8: event "e1": field "kind": is missing',
            '{path}:8: event "e1": field "start": is missing',
        ],
    ),
    (
        "bad kind",
        HEAD + '[[event]]\nid = "e1"\ntitle = "T"\nkind = "strike"\nstart = "2019"\n'
        'sources = [{ title = "S" }]\n',
        [
            '{path}:11: event "e1": field "kind": \'strike\' is not a kind; use one of: background, '
            "campaign, attack, airstrike, missile-strike, killing, protest, political, diplomatic, military, "
            "statement"
        ],
    ),
    (
        "bad count",
        HEAD + event('killed = "many"\n'),
        [
            '{path}:14: event "e1": field "killed": \'many\' is not a count (write 25, "25+" for '
            'at least 25, "19-25" for a range, or "?" for unknown)'
        ],
    ),
    (
        "backwards range",
        HEAD + event('injured = "9-3"\n'),
        ['{path}:14: event "e1": field "injured": \'9-3\': the range runs backwards'],
    ),
    (
        "negative count",
        HEAD + event("killed = -1\n"),
        ['{path}:14: event "e1": field "killed": -1 is not a whole number of people'],
    ),
    (
        "bad id",
        HEAD + event("", ident="Bad Id"),
        [
            '{path}:9: event "Bad Id": field "id": \'Bad Id\' is not an id (lower-case letters, '
            "digits, '.', '_' and '-', starting with a letter or digit)"
        ],
    ),
    (
        "bad location",
        HEAD + event('[[event.locations]]\nplace = "X"\nlat = 95\nlon = 10\n'),
        [
            '{path}:14: event "e1": field "locations.0.country": is missing',
        ],
    ),
    (
        "bad latitude",
        HEAD + event('[[event.locations]]\nplace = "X"\ncountry = "Iraq"\nlat = 95\nlon = 10\n'),
        ['{path}:14: event "e1": field "locations.0.lat": 95 is outside -90..90'],
    ),
    (
        "breakdown without figure",
        HEAD + event("killed_breakdown = { Iraq = 3 }\n"),
        ['{path}:14: event "e1": field "killed_breakdown": a breakdown needs a `killed` figure too'],
    ),
    (
        "missing schema",
        '[[event]]\nid = "e1"\ntitle = "T"\nkind = "attack"\nstart = "2019"\nsources = ["S"]\n',
        ['{path}: field "schema": missing; add `schema = 2`'],
    ),
    (
        "wrong schema",
        "schema = 7\n",
        ['{path}:1: field "schema": 7 is not a supported version (this program reads 1 and 2)'],
    ),
    (
        "unknown top-level key",
        "schema = 1\nevnet = []\n",
        ["{path}:2: field \"evnet\": unknown top-level key 'evnet'"],
    ),
    (
        "bad actor kind",
        'schema = 1\n\n[[actor]]\nid = "x"\nname = "X"\nkind = "alien"\n',
        [
            "{path}:6: field \"actor[0].kind\": 'alien' is not an actor kind; use one of: state, "
            "state-force, armed-group, coalition, person, civilians"
        ],
    ),
    (
        "malformed toml",
        'schema = 1\n[[event]]\nid = "e1\n',
        ["{path}:3: not valid TOML: Illegal character '\\n' (column 9)"],
    ),
    (
        "duplicate id",
        HEAD + event("") + event("", ident="e1"),
        [
            '{path}:15: event "e1": field "id": the id is used by 2 events (this is the second); '
            "ids must be unique"
        ],
    ),
    (
        "an id used three times",
        HEAD + event("") + event("", ident="e1") + event("", ident="e1"),
        [
            '{path}:15: event "e1": field "id": the id is used by 3 events (this is the second); '
            "ids must be unique",
            '{path}:21: event "e1": field "id": the id is used by 3 events (this is the third); '
            "ids must be unique",
        ],
    ),
    (
        "unknown cause",
        HEAD + event('causes = ["nowhere"]\n'),
        ['{path}:14: event "e1": field "causes": names unknown event "nowhere"'],
    ),
    (
        "cycle",
        HEAD + event('causes = ["e2"]\n') + event('causes = ["e1"]\n', ident="e2"),
        [
            '{path}:14: event "e1": field "causes": causes form a cycle: e1 -> e2 -> e1',
        ],
    ),
    (
        "effect before cause",
        HEAD + event("") + '[[event]]\nid = "e0"\ntitle = "T"\nkind = "attack"\nstart = "2019-12"\n'
        'causes = ["e1"]\nsources = ["S"]\n'
        + '[[event]]\nid = "e2"\ntitle = "T"\nkind = "attack"\nstart = "2019-11-30"\n'
        'causes = ["e1"]\nsources = ["S"]\n',
        [
            '{path}:26: event "e2": field "causes": starts 2019-11-30, before its cause "e1" (2019-12-27)',
        ],
    ),
    (
        "end before start",
        HEAD + event('end = "2019-11"\n'),
        ['{path}:14: event "e1": field "end": ends 2019-11, before it starts (2019-12-27)'],
    ),
    (
        "unknown actor",
        HEAD + event('actors = ["martians"]\n'),
        [
            '{path}:14: event "e1": field "actors": names unknown actor "martians"; '
            "add an [[actor]] with that id"
        ],
    ),
    (
        "no source",
        HEAD + '[[event]]\nid = "e1"\ntitle = "T"\nkind = "attack"\nstart = "2019"\n',
        ['{path}:8: event "e1": field "sources": has no source; add a [[event.sources]] table with a title'],
    ),
    (
        "breakdown out of bounds",
        HEAD + event('killed = "3-5"\nkilled_breakdown = { Iraq = 4, Syria = 4 }\n'),
        [
            '{path}:15: event "e1": field "killed_breakdown": breakdown adds up to 8, outside the '
            "figure 3\u20135"
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD_STORES, ids=[b[0] for b in BAD_STORES])
def test_bad_stores_exit_1_with_one_located_line_per_problem(
    invoke: Invoke, tmp_path: Path, name: str, text: str, expected: list[str]
) -> None:
    path = tmp_path / "events.toml"
    path.write_text(text, encoding="utf-8")
    result = invoke("--store", str(path), "list")
    assert result.exit_code == 1, result
    assert result.stdout == ""
    lines = [line.removeprefix("error: ") for line in result.stderr.splitlines()]
    wanted = [line.format(path=path) for line in expected]
    assert lines[: len(wanted)] == wanted
    assert "Traceback" not in result.stderr


def test_a_json_store_without_a_version_is_told_it_in_json(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"events": [], "actors": []}', encoding="utf-8")
    result = invoke("--store", str(path), "list")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f'error: {path}: field "version": missing; add `"version": 2`\n'
    )  # fmt: skip


def test_problems_are_all_collected_before_failing(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    path.write_text(HEAD + event('killed = "x"\n') + event("start2 = 1\n", ident="e2"), encoding="utf-8")
    result = invoke("--store", str(path), "check")
    assert result.exit_code == 1
    assert result.stderr.count("error: ") == 2
    assert result.stderr.endswith("2 problems\n")


def test_missing_unreadable_and_non_utf8_files(invoke: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = invoke("--store", str(missing), "list")
    assert (result.exit_code, result.stderr) == (1, f"error: {missing}: no such file\n")

    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"schema = 1\n# caf\xe9\n")
    result = invoke("--store", str(latin), "list")
    assert (result.exit_code, result.stderr) == (1, f"error: {latin}:2: not UTF-8 text (byte 0xe9)\n")

    result = invoke("--store", str(tmp_path), "list")
    assert (result.exit_code, result.stderr) == (1, f"error: {tmp_path}: is a directory, not a store file\n")


@pytest.mark.parametrize("args", [["--store", ""], ["--store="], ["list", "--store", ""]])
def test_an_empty_store_option_is_bad_usage(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args, "list") if args[0] != "list" else invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "error: --store is empty: give a store file; see 'timeline --help'\n",
    )  # fmt: skip


def test_a_store_from_the_environment_is_named_by_it(invoke: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = invoke("list", env={"TIMELINE_STORE": str(missing)})
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"error: TIMELINE_STORE={missing}: no such file\n",
    )  # fmt: skip
    result = invoke("list", env={"TIMELINE_STORE": str(tmp_path)})
    assert (result.exit_code, result.stderr) == (
        1, f"error: TIMELINE_STORE={tmp_path}: is a directory, not a store file\n",
    )  # fmt: skip


def test_unreadable_file(invoke: Invoke, tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    locked = tmp_path / "locked.toml"
    locked.write_text("schema = 1\n")
    locked.chmod(0)
    result = invoke("--store", str(locked), "list")
    assert result.exit_code == 1
    assert result.stderr == f"error: {locked}: cannot read: Permission denied\n"


def test_store_environment_variable(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("list", "--format", "ids", env={"TIMELINE_STORE": str(mini_store)})
    assert result.exit_code == 0
    assert result.stdout.split() == ["campaign", "k1", "strikes", "embassy", "soleimani", "drawdown"]


def test_loaded_model(mini_store: Path) -> None:
    store = open_store(mini_store)
    strikes = store.by_id["strikes"]
    assert strikes.start.precision is Precision.MINUTE
    assert strikes.start.offset == 180  # on al-Qa'im's clock
    assert strikes.reported_start is not None
    assert strikes.reported_start.offset == -300  # as the Pentagon gave it
    assert strikes.killed == Count(25, None, (("Iraq", 19), ("Syria", 6)))
    assert strikes.countries == ("Iraq", "Syria")
    assert store.effects_of("strikes") == ("embassy", "soleimani")
    assert store.effects_of("campaign") == ("k1", "strikes")
    assert store.by_id["soleimani"].killed == Count(7, 10)
    assert store.by_id["campaign"].start.precision is Precision.MONTH


def test_cache_is_used_and_never_stale(mini_store: Path, isolated_cache: Path) -> None:
    first = open_store(mini_store)
    entries = list((isolated_cache / "timeline").glob("*.pickle"))
    assert len(entries) == 1
    assert open_store(mini_store) == first
    # The same size and mtime but other content must be seen.
    stat = mini_store.stat()
    mini_store.write_text(MINI_STORE.replace("Embassy attack", "Embassy siege"), encoding="utf-8")
    import os

    os.utime(mini_store, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert open_store(mini_store).by_id["embassy"].title == "Embassy siege"
    # A corrupt entry is rebuilt silently.
    entries[0].write_bytes(b"garbage")
    assert open_store(mini_store).by_id["embassy"].title == "Embassy siege"
    assert entries[0].read_bytes().startswith(b"timeline-cache")


def test_unwritable_cache_is_not_an_error(
    mini_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert len(open_store(mini_store).events) == 6


def test_no_cache_option_writes_no_cache(invoke: Invoke, mini_store: Path, isolated_cache: Path) -> None:
    result = invoke("--store", str(mini_store), "--no-cache", "list", "-f", "ids")
    assert result.exit_code == 0
    assert not (isolated_cache / "timeline").exists()


def test_json_export_loads_back_as_a_store(mini_store: Path, tmp_path: Path) -> None:
    store = open_store(mini_store)
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(store_to_dict(store)), encoding="utf-8")
    again = open_store(exported)
    assert again.events == store.events
    assert again.actors == store.actors


def test_bad_json_store(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"version": 1, "events": [}', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        open_store(path)
    assert str(caught.value) == f"{path}:1: not valid JSON: Expecting value (column 27)"


names = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
counts = st.one_of(
    st.none(),
    st.integers(0, 10_000).map(str),
    st.integers(0, 10_000).map(lambda n: f"{n}+"),
    st.tuples(st.integers(0, 100), st.integers(0, 100)).map(lambda t: f"{min(t)}-{max(t)}"),
    st.just("?"),
)


def toml_string(text: str) -> str:
    """A TOML basic string for any text."""
    escaped = []
    for char in text:
        if char in '"\\' or ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(titles=st.lists(names, min_size=1, max_size=5), killed=st.lists(counts, min_size=5, max_size=5))
def test_any_valid_store_survives_a_json_round_trip(titles: list[str], killed: list[str | None]) -> None:
    lines = [HEAD]
    for n, title in enumerate(titles):
        lines.append(f'[[event]]\nid = "e{n}"\ntitle = {toml_string(title)}\nkind = "attack"\n')
        lines.append(f'start = "20{10 + n}"\nsources = [{{ title = {toml_string(title)} }}]\n')
        if n:
            lines.append(f'causes = ["e{n - 1}"]\n')
        if killed[n] is not None:
            lines.append(f'killed = "{killed[n]}"\n')
    store = read_store_text("".join(lines), "gen.toml")
    again = read_store_text(json.dumps(store_to_dict(store)), "gen.json")
    assert again.events == store.events
    assert again.actors == store.actors


@settings(max_examples=80)
@given(
    st.sampled_from(["2019", "2019-12", "2019-12-29", "2019-12-29T11:00-05:00", "2020-01-03T00:30+03:00"]),
    st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
)
def test_the_chronological_key_is_start_then_precision_then_id(start: str, ident: str) -> None:
    from timeline.model import chronological_key

    text = (
        f'{HEAD}[[event]]\nid = "{ident}"\ntitle = "T"\nkind = "attack"\nstart = "{start}"\nsources = ["S"]\n'
    )
    event = read_store_text(text, "k.toml").events[0]
    # Written with indexes for speed: it must still mean these fields.
    assert chronological_key(event) == (*event.start.sort_key, event.id)
    assert event.sort_key == chronological_key(event)
