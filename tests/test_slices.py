"""A filtered JSON export is a store: its links to events it lacks are kept as
outside events, it loads, `check` lists them as notes, and chain, path and
show say which links lead outside."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import Result
from timeline.contract.schema import SCHEMA

Invoke = Callable[..., Result]
FIXTURE = Path(__file__).parent / "fixtures" / "slices.toml"

OUTSIDE_LINE = (
    '    {"id": "k1", "title": "Rocket attack on K-1", "kind": "attack", "start": "2019-12-27T19:20+03:00", '
    '"end": null, "causes": [], "part_of": ["base-attacks"]}\n'
)


@pytest.fixture
def slice_file(invoke: Invoke, tmp_path: Path) -> Path:
    """The fixture from 29 Dec 2019 on: k1, a part and a cause, is left out."""
    path = tmp_path / "slice.json"
    result = invoke("--store", str(FIXTURE), "export", "--from", "2019-12-29", "-o", str(path))
    assert result.exit_code == 0, result
    return path


def test_a_slice_carries_its_outside_events_and_follows_the_schema(slice_file: Path) -> None:
    text = slice_file.read_text(encoding="utf-8")
    assert text.endswith(f'  ],\n  "outside": [\n{OUTSIDE_LINE}  ]\n}}\n')
    data = json.loads(text)
    jsonschema.validate(data, SCHEMA)
    assert [e["id"] for e in data["events"]] == ["base-attacks", "strikes", "embassy", "soleimani"]
    assert data["events"][0]["parts"] == ["k1"]


def test_a_whole_export_has_no_outside(invoke: Invoke) -> None:
    assert "outside" not in json.loads(invoke("--store", str(FIXTURE), "export").stdout)


def test_a_slice_loads_checks_and_exports_the_same_bytes(invoke: Invoke, slice_file: Path) -> None:
    result = invoke("--store", str(slice_file), "list", "--format", "ids")
    assert (result.exit_code, result.stdout) == (0, "base-attacks\nstrikes\nembassy\nsoleimani\n")
    result = invoke("--store", str(slice_file), "check")
    assert (result.exit_code, result.stdout) == (
        0,
        f"{slice_file}: ok: 4 events, 3 actors, 4 causal links; 2 links lead outside this slice\n"
        f'note: {slice_file}: event "base-attacks": field "parts": leads to "k1", outside this slice '
        "(outside-links)\n"
        f'note: {slice_file}: event "strikes": field "causes": leads to "k1", outside this slice '
        "(outside-links)\n",
    )
    notes = json.loads(invoke("--store", str(slice_file), "check", "-f", "json").stdout)["notes"]
    assert [(n["check"], n["event"], n["field"]) for n in notes] == [
        ("outside-links", "base-attacks", "parts"),
        ("outside-links", "strikes", "causes"),
    ]
    assert invoke("--store", str(slice_file), "export").stdout == slice_file.read_text(encoding="utf-8")


@pytest.mark.usefixtures("terminal")  # drawn at 80 columns: piped views never wrap
def test_chain_says_which_links_lead_outside(invoke: Invoke, slice_file: Path) -> None:
    result = invoke("--store", str(slice_file), "chain", "soleimani", "--causes")
    assert (result.exit_code, result.stdout) == (
        0,
        "3 Jan 2020  Soleimani killed  killing  soleimani\n"
        "├── 29 Dec 2019 19:00 +03:00  US strikes on <b>KH</b> & co  airstrike  (caused \n"
        "│   by, 5 days before)  strikes\n"
        "│   └── → 27 Dec 2019 19:20 +03:00  Rocket attack on K-1  (retaliation for, 2 \n"
        "│       days before)  k1  (outside this store)\n"
        "└── 31 Dec 2019 – 1 Jan 2020  Embassy attack  protest  (caused by, 3 days \n"
        "    before)  embassy\n"
        "    └── ↱ 29 Dec 2019 19:00 +03:00  US strikes on <b>KH</b> & co  (caused by, 2 \n"
        "        days before)  strikes  (shown above)\n",
    )
    result = invoke("--store", str(slice_file), "chain", "base-attacks", "--membership", "-f", "json")
    assert json.loads(result.stdout)["roots"][0]["effects"] == [{"outside": "k1", "via": "part"}]
    result = invoke("--store", str(slice_file), "chain", "strikes", "--causes", "-f", "ids")
    assert result.stdout == "strikes\n"


@pytest.mark.usefixtures("terminal")  # drawn at 80 columns: piped views never wrap
def test_show_marks_outside_links(invoke: Invoke, slice_file: Path) -> None:
    result = invoke("--store", str(slice_file), "show", "strikes")
    assert result.exit_code == 0
    assert (
        "│ Causes     k1  27 Dec 2019 19:20 +03:00  Rocket attack on K-1  (retaliation  │\n"
        "│            for, per United States [dod]; 2 days before) (outside this store) │\n"
    ) in result.stdout
    result = invoke("--store", str(slice_file), "show", "base-attacks")
    assert (
        "│ Parts: 1   k1  27 Dec 2019 19:20 +03:00  Rocket attack on K-1 (outside this  │\n"
        "│            store)                                                            │\n"
    ) in result.stdout


def test_outside_events_are_named_not_held(invoke: Invoke, slice_file: Path) -> None:
    result = invoke("--store", str(slice_file), "show", "k1")
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: event 'k1' is outside this store: {slice_file} is a slice that only links to it; "
        "export a wider slice, or read the whole store\n",
    )
    result = invoke("--store", str(slice_file), "path", "embassy", "base-attacks")
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: no route from embassy to base-attacks; {slice_file} is a slice, some of whose links lead "
        "outside it (timeline check lists them), so a route may pass outside it\n",
    )


def _edited(slice_file: Path, change: Callable[[dict[str, object]], None]) -> Path:
    data = json.loads(slice_file.read_text(encoding="utf-8"))
    change(data)
    slice_file.write_text(json.dumps(data), encoding="utf-8")
    return slice_file


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("outside"), 'error: {}: event "strikes": field "causes": names unknown event "k1"'),
        (
            lambda d: d["outside"][0].update(part_of=["nowhere"]),
            'error: {}: event "k1": field "outside.part_of": outside event names "nowhere", which the store '
            "does not hold; an outside event links only into the store\n",
        ),
        (
            lambda d: d["outside"][0].update(id="strikes"),
            'error: {}: event "strikes": field "outside": is both an event of the store and one of its '
            "outside events; drop it from `outside`\n",
        ),
        (lambda d: d["outside"][0].update(summary="x"), 'error: {}: field "summary": unknown key\n'),
        (
            lambda d: d["outside"].append(d["outside"][0]),
            'error: {}: event "k1": field "outside": is listed 2 times in `outside`; list it once\n',
        ),
        (lambda d: d.update(outside={}), 'error: {}: field "outside": must be an array of objects\n'),
        (lambda d: d["outside"].append(3), "error: {}: an outside event must be an object\n"),
    ],
)  # fmt: skip
def test_a_broken_slice_is_refused(
    invoke: Invoke, slice_file: Path, change: Callable[[dict[str, object]], None], message: str
) -> None:
    """Only ids declared outside are accepted: a typo is still an error."""
    broken = _edited(slice_file, change)
    result = invoke("--store", str(broken), "list")
    assert result.exit_code == 1
    assert message.format(broken) in result.stderr


def test_a_toml_store_takes_no_outside(invoke: Invoke, tmp_path: Path) -> None:
    """A hand-written store is whole: an unknown id there is a typo, never an outside link."""
    store = tmp_path / "s.toml"
    store.write_text(
        FIXTURE.read_text(encoding="utf-8").replace("schema = 2\n", "schema = 2\noutside = []\n")
    )
    result = invoke("--store", str(store), "list")
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: {store}:2: field \"outside\": unknown top-level key 'outside'\n",
    )


def test_other_commands_read_outside_events_where_their_dates_or_titles_serve(
    invoke: Invoke, slice_file: Path
) -> None:
    result = invoke("--store", str(slice_file), "list", "--around", "k1", "--window", "3d", "-f", "ids")
    assert (result.exit_code, result.stdout) == (0, "base-attacks\nstrikes\n")
    result = invoke("--store", str(slice_file), "export", "-f", "timelinejs", "--kind", "airstrike")
    assert "<p>Caused by: Rocket attack on K-1</p>" in json.loads(result.stdout)["events"][0]["text"]["text"]


def test_check_counts_one_outside_link_in_the_singular(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "campaign.json"
    assert invoke("--store", str(FIXTURE), "export", "--kind", "campaign", "-o", str(path)).exit_code == 0
    result = invoke("--store", str(path), "check")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        0,
        f"{path}: ok: 1 events, 3 actors, 0 causal links; 1 link leads outside this slice",
    )
