"""Schema 2's evidence forms: each in TOML and JSON, its errors with their
lines, round trips, the upgrade of schema 1, and the figure envelope."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Result
from timeline.contract.encode import store_json
from timeline.model import Count, Event, Figure, FuzzyDate, Link, Precision, Role, Store
from timeline.store import read_store_text
from timeline.store.evidence import envelope

Invoke = Callable[..., Result]
FIXTURE = Path(__file__).parent / "fixtures" / "schema2.toml"


def fixture() -> Store:
    return read_store_text(FIXTURE.read_text(encoding="utf-8"), "schema2.toml")


def events() -> dict[str, Event]:
    return fixture().by_id


def test_accounts_keep_every_status_and_who_gave_it() -> None:
    k1 = events()["k1-attack"]
    assert k1.actors == ("kh", "isil")
    assert k1.roles == (
        Role("kh", "actor", "attributed", "us", "dod"),
        Role("kh", "actor", "denied"),
        Role("isil", "actor", "attributed", "iraq"),
    )
    assert k1.accounts("us", "target") == ()  # plain: confirmed


def test_typed_links_and_plain_causes_together() -> None:
    strikes = events()["strikes"]
    assert strikes.causes == ("k1-attack", "campaign")
    assert strikes.links == (Link("k1-attack", "retaliation", "us", "dod"),)
    assert strikes.link("campaign") == Link("campaign")


def test_figures_by_source_and_their_envelope() -> None:
    data = events()
    assert data["k1-attack"].injured == Count(
        1, 6, (), (Figure(6, 6, None, "dod"), Figure(1, 2, "iraq", None, "Iraqi count"))
    )
    killed = data["strikes"].killed
    assert killed is not None
    assert (killed.min, killed.max, killed.breakdown) == (24, None, (("Iraq", 25),))
    assert str(killed) == "24+"


def test_part_of_places_and_paragraphs() -> None:
    data = events()
    store = fixture()
    assert data["k1-attack"].part_of == ("campaign",)
    assert store.parts_of("campaign") == ("k1-attack",)
    assert data["k1-attack"].locations[0].place == "K-1 Air Base"
    assert data["campaign"].summary == "A series of attacks on bases."


def test_minute_times_move_to_the_local_clock_and_keep_the_reported_one() -> None:
    strikes = events()["strikes"]
    assert strikes.start == FuzzyDate(Precision.MINUTE, 2019, 12, 29, 19, 0, 180)
    assert strikes.reported_start == FuzzyDate(Precision.MINUTE, 2019, 12, 29, 11, 0, -300)
    assert strikes.zone == "Asia/Baghdad"
    k1 = events()["k1-attack"]
    assert k1.reported_start is None  # reported on the local clock


def test_syria_keeps_its_2022_clock_change(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        'start = "2019-12-29T11:00-05:00"\nplaces = ["al-qaim"]',
        'start = "2023-03-24T02:40+03:00"\nlocations = [{ place = "Deir ez-Zor", country = "Syria" }]',
    )
    strikes = {e.id: e for e in read_store_text(text, "x.toml").events}["strikes"]
    assert strikes.zone == "Asia/Damascus"
    assert strikes.start.offset == 180  # +03 all year since October 2022
    assert strikes.reported_start is None


def test_json_export_round_trips_every_form() -> None:
    store = fixture()
    text = store_json(store, store.events)
    again = read_store_text(text, "export.json")
    assert again.events == store.events
    event = next(e for e in json.loads(text)["events"] if e["id"] == "k1-attack")
    assert event["actors"][:2] == [
        {"id": "kh", "status": "attributed", "by": "us", "source": "dod"},
        {"id": "kh", "status": "denied", "by": None, "source": None},
    ]
    assert event["part_of"] == ["campaign"]
    strikes = next(e for e in json.loads(text)["events"] if e["id"] == "strikes")
    assert strikes["start"] == "2019-12-29T19:00+03:00"
    assert strikes["reported_start"] == "2019-12-29T11:00-05:00"
    assert strikes["causes"][0] == {"id": "k1-attack", "type": "retaliation", "by": "us", "source": "dod"}
    assert strikes["casualties"]["killed"]["reports"][1] == {
        "min": 24, "max": 24, "by": "kh", "source": None, "note": None,
    }  # fmt: skip


def test_a_schema_1_json_export_still_loads() -> None:
    old = {
        "version": 1,
        "events": [
            {"id": "a", "title": "A", "kind": "attack", "start": "2019-12-27", "end": None,
             "precision": "day", "locations": [], "actors": ["us"], "targets": [],
             "casualties": {"killed": {"min": 1, "max": 1}, "injured": None}, "causes": [],
             "effects": [], "tags": [], "sources": [{"title": "S", "url": None, "note": None}],
             "summary": ""},
        ],
        "actors": [{"id": "us", "name": "United States", "kind": "state", "aliases": [], "backers": []}],
    }  # fmt: skip
    store = read_store_text(json.dumps(old), "old.json")
    assert store.schema == 1
    assert store.events[0].actors == ("us",)
    assert store.events[0].killed == Count(1, 1)


BAD = [
    ("unknown status", 'actors = [{ id = "us", status = "blamed" }]',
     "field \"actors.0.status\": 'blamed' is not one of: "
     "confirmed, claimed, attributed, denied, suspected, unknown"),
    ("attributed by nobody", 'actors = [{ id = "us", status = "attributed" }]',
     'field "actors.0.by": an attribution says by whom: add `by = "<actor id>"`'),
    ("unknown link type", 'causes = [{ id = "x", type = "because" }]',
     "field \"causes.0.type\": 'because' is not one of: retaliation, response, enabled, cause"),
    ("figure without value", 'killed = [{ source = "s" }]',
     'field "killed.0.value": is missing (the figure itself: 25, "25+", "19-25" or "?")'),
    ("unknown figure key", 'killed = [{ value = 1, sauce = "s" }]',
     "field \"killed.0.sauce\": unknown key (did you mean 'source'?)"),
    ("unknown place", 'places = ["k-1"]',
     "field \"places.0\": names unknown place \"k-1\"; add a [[place]] with that id (did you mean 'k1'?)"),
    ("unknown zone", 'zone = "Mars/Olympus"',
     "field \"zone\": 'Mars/Olympus' is not an IANA time zone (e.g. Asia/Baghdad)"),
]  # fmt: skip

HEAD = (
    'schema = 2\n\n[[actor]]\nid = "us"\nname = "United States"\nkind = "state"\n\n'
    '[[place]]\nid = "k1"\nname = "K-1"\ncountry = "Iraq"\n\n'
)


@pytest.mark.parametrize(("name", "line", "message"), BAD, ids=[b[0] for b in BAD])
def test_each_bad_form_is_one_located_line(
    invoke: Invoke, tmp_path: Path, name: str, line: str, message: str
) -> None:
    path = tmp_path / "s.toml"
    body = '[[event]]\nid = "e"\ntitle = "T"\nkind = "attack"\nstart = "2019-12-27"\n' + line + "\n"
    path.write_text(HEAD + body + '[[event.sources]]\ntitle = "S"\nurl = "https://example.org"\n')
    result = invoke("--store", str(path), "list")
    assert result.exit_code == 1, result
    assert result.stderr == f'error: {path}:18: event "e": {message}\n'


CHECKED = [
    ("unknown whole", 'part_of = "nope"', 'unknown-parts', 'field "part_of": names unknown event "nope"'),
    ("cited source missing", 'killed = [{ value = 1, source = "x" }]', "unknown-source-refs",
     'field "killed": cites unknown source "x"; give one of the event\'s sources `id = "x"`'),
    ("figure without a source", 'killed = [{ value = 3 }]', "figure-sources",
     'field "killed.0": figure 3 has no source: add `source = "<source id>"` or `by = "<actor id>"`'),
    ("unknown giver", 'actors = [{ id = "us", status = "claimed", by = "xx" }]', "unknown-actors",
     'field "actors": says "by" unknown actor "xx"; add an [[actor]] with that id'),
]  # fmt: skip


@pytest.mark.parametrize(("name", "line", "check", "message"), CHECKED, ids=[c[0] for c in CHECKED])
def test_each_new_check_reports_with_its_name(
    invoke: Invoke, tmp_path: Path, name: str, line: str, check: str, message: str
) -> None:
    path = tmp_path / "s.toml"
    body = '[[event]]\nid = "e"\ntitle = "T"\nkind = "attack"\nstart = "2019-12-27"\n' + line + "\n"
    path.write_text(HEAD + body + '[[event.sources]]\ntitle = "S"\nurl = "https://example.org"\n')
    result = invoke("--store", str(path), "check", "--format", "json")
    assert result.exit_code == 1, result
    problem = json.loads(result.stdout)["problems"][0]
    assert problem["check"] == check
    assert f'field "{problem["field"]}": {problem["message"]}' == message
    assert problem["line"] == 18


def test_a_part_outside_its_whole_and_a_part_of_cycle(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    events = "".join(
        f'[[event]]\nid = "{i}"\ntitle = "T"\nkind = "campaign"\nstart = "{start}"\n{extra}\n'
        '[[event.sources]]\ntitle = "S"\nurl = "https://example.org"\n'
        for i, start, extra in [
            ("whole", "2019-10", 'end = "2019-12"'),
            ("early", "2019-09-30", 'part_of = "whole"'),
            ("inside", "2019-12", 'part_of = "whole"'),
            ("a", "2019", 'part_of = "b"'),
            ("b", "2019", 'part_of = "a"'),
        ]
    )
    path.write_text(HEAD + events)
    result = invoke("--store", str(path), "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f'error: {path}:27: event "early": field "part_of": starts 2019-09-30, before its whole "whole" '
        "starts (2019-10)",
        f'error: {path}:45: event "a": field "part_of": part_of forms a cycle: a -> b -> a',
    ]


def test_check_reports_an_event_with_no_url(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(HEAD + '[[event]]\nid = "e"\ntitle = "T"\nkind = "attack"\nstart = "2019"\n'
                    '[[event.sources]]\ntitle = "A book"\n')  # fmt: skip
    assert invoke("--store", str(path), "list", "--format", "ids").stdout == "e\n"  # loads
    result = invoke("--store", str(path), "check")
    assert result.exit_code == 1
    assert result.stderr == (
        f'error: {path}:18: event "e": field "sources": has no source with a URL; '
        'add `url = "https://..."` to a [[event.sources]]\n'
    )


def test_upgrade_changes_only_the_schema_line(invoke: Invoke, tmp_path: Path) -> None:
    old = FIXTURE.read_text(encoding="utf-8")
    old = old.replace("schema = 2", "schema = 1  # the first schema")
    old = "\n".join(line for line in old.splitlines()) + "\n"
    path = tmp_path / "old.toml"
    path.write_text(old, encoding="utf-8")
    dry = invoke("upgrade", str(path), "--dry-run")
    assert dry.exit_code == 0
    assert dry.stdout == old.replace("schema = 1  #", "schema = 2  #")
    assert path.read_text(encoding="utf-8") == old
    done = invoke("upgrade", str(path))
    assert (done.exit_code, done.stderr) == (0, f"{path}: upgraded to schema 2\n")
    assert path.read_text(encoding="utf-8") == dry.stdout
    again = invoke("upgrade", str(path))
    assert (again.exit_code, again.stderr) == (0, f"{path}: already at schema 2; nothing to do\n")


def test_upgrade_of_a_broken_store_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("schema = 1\n[[event]]\nid = 3\n", encoding="utf-8")
    result = invoke("upgrade", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}:2:")  # in line order
    assert f"error: {path}:3:" in result.stderr
    assert path.read_text(encoding="utf-8") == "schema = 1\n[[event]]\nid = 3\n"


bounds = st.integers(min_value=0, max_value=10_000)
figures = st.builds(
    lambda low, extra, open_, unknown: Figure(None, None)
    if unknown
    else Figure(low, None if open_ else low + extra),
    bounds, bounds, st.booleans(), st.booleans(),
)  # fmt: skip


@given(st.lists(figures, min_size=1, max_size=8))
def test_the_envelope_spans_every_reported_figure(reports: list[Figure]) -> None:
    count = envelope(tuple(reports))
    known = [f for f in reports if f.min is not None]
    if not known:
        assert count.is_unknown
        return
    for figure in known:
        assert count.min is not None
        assert count.min <= (figure.min or 0)
        if count.max is not None:
            assert figure.max is not None
            assert figure.max <= count.max
    assert count.min == min(f.min or 0 for f in known)
    assert (count.max is None) == any(f.max is None for f in known)


def test_a_schema_1_file_with_schema_2_forms_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "s1.toml"
    path.write_text(
        'schema = 1\n[[actor]]\nid = "us"\nname = "US"\nkind = "state"\n'
        '[[event]]\nid = "a"\ntitle = "A"\nkind = "attack"\nstart = "2019"\n'
        'actors = [{ id = "us", status = "attributed", by = "us" }]\n'
        'killed = [{ value = 2, by = "us" }]\n'
        'causes = [{ id = "b", type = "retaliation" }]\n'
        '[[event.sources]]\ntitle = "S"\n'
        '[[event]]\nid = "b"\ntitle = "B"\nkind = "attack"\nstart = "2018"\nplaces = ["x"]\n'
        '[[event.sources]]\ntitle = "S"\n'
        '[[place]]\nid = "x"\nname = "X"\ncountry = "Iraq"\n',
        encoding="utf-8",
    )
    newer = "schema 2, but the file says `schema = 1`: set `schema = 2` (`timeline upgrade FILE` does)"
    result = invoke("--store", str(path), "list")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f'error: {path}:11: event "a": field "actors": an account (a table with status or by) is {newer}',
        f'error: {path}:12: event "a": field "killed": figures by source (a list) are {newer}',
        f'error: {path}:13: event "a": field "causes": a typed cause (a table with type, by or source)'
        f" is {newer}",
        f'error: {path}:21: event "b": field "places": places (ids of [[place]] tables) are {newer}',
        f'error: {path}:24: field "place[0]": [[place]] tables are {newer}',
        "5 problems",
    ]
    # At schema 2 the same forms load.
    path.write_text(path.read_text(encoding="utf-8").replace("schema = 1", "schema = 2"), encoding="utf-8")
    assert invoke("--store", str(path), "list", "--format", "ids").stdout == "b\na\n"
