"""The graph, document, map, calendar and database exports: exact output on a
small fixture (tests/fixtures/golden/), and each accepted by its real consumer."""

from __future__ import annotations

import html
import json
import re
import shlex
import shutil
import sqlite3
import subprocess
import warnings
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Result
from tests.test_export import TOOLS, _mermaid_parser
from timeline.export import dot_format, mermaid_format
from timeline.export.icalendar_format import INSTANT_NOTE
from timeline.export.kml_format import NAMESPACE
from timeline.store import open_store

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures"
STORE = FIXTURES / "exports.toml"
GOLDEN = FIXTURES / "golden"
UNPLACED = "note: 2 of 5 events have no coordinates, left off: campaign, review\n"


def export(invoke: Invoke, *args: str, store: Path | None = STORE) -> Result:
    where = ("--store", str(store)) if store else ()
    result = invoke(*where, "export", *args)
    assert result.exit_code == 0, result
    return result


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (["-f", "dot"], "exports.dot"),
        (["-f", "dot", "--layout", "year"], "exports-year.dot"),
        (["-f", "dot", "--layout", "kind", "-k", "attack", "-k", "airstrike"], "exports-kind.dot"),
        (["-f", "mermaid"], "exports.mermaid"),
        (["-f", "markdown"], "exports.markdown"),
        (["-f", "geojson"], "exports.geojson"),
        (["-f", "kml"], "exports.kml"),
        (["-f", "ical"], "exports.ical"),
    ],
)
def test_exact_output(invoke: Invoke, args: list[str], golden: str, tmp_path: Path) -> None:
    result = export(invoke, *args)
    assert result.stderr == (UNPLACED if args[1] in ("geojson", "kml") else "")
    # Through a file, byte for byte: iCalendar's lines end in CRLF.
    written = tmp_path / golden
    result = export(invoke, *args, "-o", str(written))
    assert written.read_bytes() == (GOLDEN / golden).read_bytes()
    # A map counts the events it drew, not those it left off.
    drawn = {"geojson": 3, "kml": 3}.get(args[1], 2 if "-k" in args else 5)
    note = UNPLACED if args[1] in ("geojson", "kml") else ""
    assert result.stderr == f"{note}wrote {drawn} events as {args[1]} to {written}\n"


# DOT ---------------------------------------------------------------------------------------------

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")


def _layout(text: str) -> tuple[dict[str, float], list[tuple[str, str]]]:
    """Node x positions and edges as Graphviz lays them out (-Tplain)."""
    plain = subprocess.run(["dot", "-Tplain"], input=text, capture_output=True, text=True, check=True)
    x: dict[str, float] = {}
    edges: list[tuple[str, str]] = []
    for line in plain.stdout.splitlines():
        fields = shlex.split(line)
        if fields[0] == "node":
            x[fields[1]] = float(fields[2])
        elif fields[0] == "edge":
            edges.append((fields[1], fields[2]))
    return x, edges


@needs_dot
@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
@pytest.mark.parametrize("layout", ["time", "year", "month", "kind"])
def test_dot_renders_without_warnings(invoke: Invoke, store: Path | None, layout: str) -> None:
    text = export(invoke, "-f", "dot", "--layout", layout, store=store).stdout
    rendered = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, check=False)
    assert (rendered.returncode, rendered.stderr) == (0, "")


@needs_dot
@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
@pytest.mark.parametrize("layout", ["time", "year", "month"])
def test_no_arrow_points_back_in_time(invoke: Invoke, store: Path | None, layout: str) -> None:
    text = export(invoke, "-f", "dot", "--layout", layout, store=store).stdout
    x, edges = _layout(text)
    assert len(edges) > 2
    assert [(a, b) for a, b in edges if x[a] > x[b] + 1e-6] == []
    # Every event stands in its band's column, in a cluster or not: the time axis is true.
    chosen = open_store(store or Path("events.toml")).chronological
    rank = dot_format.ranks(chosen, dot_format.band_size(chosen, layout))
    assert [e.id for e in chosen if x[e.id] != x[dot_format.band_id(rank[e.id])]] == []
    # Parts are drawn inside their whole's cluster, not dropped from it.
    rendered = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, check=True)
    assert rendered.stdout.count('class="cluster"') == text.count('subgraph "cluster_')


def test_dot_parts_sit_in_their_campaign_and_the_legend_lists_kinds(invoke: Invoke) -> None:
    text = export(invoke, "-f", "dot").stdout
    cluster = text[text.index('subgraph "cluster_campaign"') : text.index('"strikes" [')]
    assert '"k1-attack" [' in cluster
    legend = text[text.index('subgraph "cluster_legend"') :]
    assert re.findall(r'"legend:([a-z-]+)"', legend) == [
        "campaign",
        "attack",
        "airstrike",
        "military",
        "statement",
    ]


NESTED = """schema = 2
[[event]]
id = "crisis"
title = "Crisis"
kind = "background"
start = "2019-05"
end = "2020-12"
summary = "A crisis."
sources = [{ title = "R", url = "https://example.org/r" }]
[[event]]
id = "campaign"
title = "Campaign"
kind = "campaign"
start = "2019-10"
end = "2019-12"
part_of = "crisis"
summary = "A campaign."
sources = [{ title = "R", url = "https://example.org/r" }]
[[event]]
id = "attack"
title = "Attack"
kind = "attack"
start = "2019-12-27"
part_of = "campaign"
summary = "An attack."
sources = [{ title = "R", url = "https://example.org/r" }]
"""


def test_dot_clusters_never_nest(invoke: Invoke, tmp_path: Path) -> None:
    # Graphviz drops a cluster nested in one that ranks its events: a whole
    # that is part of another is drawn beside it, joined by a "has part" edge.
    store = tmp_path / "nested.toml"
    store.write_text(NESTED, encoding="utf-8")
    text = export(invoke, "-f", "dot", store=store).stdout
    assert '"crisis" -> "campaign" [style=dashed, color=gray50, xlabel="has part", constraint=false];' in text
    assert 'subgraph "cluster_crisis"' not in text  # its one part is a whole, drawn beside it
    campaign = text[text.index('subgraph "cluster_campaign"') :]
    assert '"attack" [' in campaign[: campaign.index("}")]


# Mermaid -----------------------------------------------------------------------------------------


def test_mermaid_ids_are_stable_whatever_the_filter(invoke: Invoke) -> None:
    whole = export(invoke, "-f", "mermaid").stdout
    part = export(invoke, "-f", "mermaid", "-k", "attack").stdout
    assert "  e_k1_attack[" in whole
    assert part.splitlines()[1].startswith("  e_k1_attack[")


@given(
    st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True),
    st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True),
)
def test_mermaid_ids_are_safe_and_never_collide(first: str, second: str) -> None:
    ids = mermaid_format.node_id(first), mermaid_format.node_id(second)
    assert all(re.fullmatch(r"e_[A-Za-z0-9_]+", name) and "--" not in name for name in ids)
    assert (ids[0] == ids[1]) == (first == second)


@pytest.mark.skipif(not _mermaid_parser(), reason="node with the mermaid and jsdom packages is not available")
def test_mermaid_with_legend_and_typed_links_parses(invoke: Invoke) -> None:
    text = export(invoke, "-f", "mermaid").stdout
    parsed = subprocess.run(
        ["node", str(TOOLS / "mermaid-parse.mjs")],
        input=text, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert parsed.stdout.startswith("ok"), parsed.stdout + parsed.stderr


# Markdown ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
def test_markdown_links_resolve_with_html_off(invoke: Invoke, store: Path | None) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin

    text = export(invoke, "-f", "markdown", store=store).stdout
    assert "<a id" not in text
    renderer = MarkdownIt("commonmark", {"html": False}).use(anchors_plugin, max_level=3)
    html = renderer.render(text)
    ids = set(re.findall(r'<h[1-3] id="([^"]+)"', html))
    links = [unquote(link) for link in re.findall(r'href="#([^"]*)"', html)]
    assert links
    assert [link for link in links if link not in ids] == []


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
def test_markdown_links_resolve_in_pandoc(invoke: Invoke, store: Path | None) -> None:
    # pandoc's GFM reader makes its own heading ids (gfm_auto_identifiers);
    # a link is good when the HTML has an element with the id it points to.
    text = export(invoke, "-f", "markdown", store=store).stdout
    converted = subprocess.run(
        ["pandoc", "-f", "gfm", "-t", "html"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert converted.stderr == ""
    ids = {html.unescape(found) for found in re.findall(r'\sid="([^"]+)"', converted.stdout)}
    links = [unquote(html.unescape(link)) for link in re.findall(r'href="#([^"]*)"', converted.stdout)]
    assert links
    assert [link for link in links if link not in ids] == []


# GeoJSON and KML ---------------------------------------------------------------------------------

POSITION = {"type": "array", "minItems": 2, "maxItems": 2, "prefixItems": [
    {"type": "number", "minimum": -180, "maximum": 180}, {"type": "number", "minimum": -90, "maximum": 90},
]}  # fmt: skip
RANGE = {"type": ["integer", "null"], "minimum": 0}
GEOJSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "id", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": "string"},
                    "geometry": {
                        "type": "object",
                        "required": ["type", "coordinates"],
                        "properties": {"type": {"const": "Point"}, "coordinates": POSITION},
                    },
                    "properties": {
                        "type": "object",
                        "required": ["id", "title", "kind", "start", "end", "precision", "killed_low",
                                     "killed_high", "injured_low", "injured_high", "actors", "url"],
                        "properties": {
                            "precision": {"enum": ["year", "month", "day", "minute"]},
                            "killed_low": RANGE, "killed_high": RANGE,
                            "injured_low": RANGE, "injured_high": RANGE,
                            "actors": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}  # fmt: skip


@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
def test_geojson_is_a_valid_feature_collection(invoke: Invoke, store: Path | None) -> None:
    data = json.loads(export(invoke, "-f", "geojson", store=store).stdout)
    jsonschema.Draft202012Validator.check_schema(GEOJSON_SCHEMA)
    jsonschema.validate(data, GEOJSON_SCHEMA)
    assert data["features"]


def test_geojson_puts_longitude_first(invoke: Invoke) -> None:
    data = json.loads(export(invoke, "-f", "geojson", "-k", "attack").stdout)
    assert data["features"][0]["geometry"]["coordinates"] == [44.35, 35.51]  # K-1: 44.35 E, 35.51 N


@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
def test_kml_is_well_formed_kml(invoke: Invoke, store: Path | None) -> None:
    root = ET.fromstring(export(invoke, "-f", "kml", store=store).stdout.encode("utf-8"))
    assert root.tag == f"{{{NAMESPACE}}}kml"
    marks = root.findall(f".//{{{NAMESPACE}}}Placemark")
    assert marks
    for mark in marks:
        lon, lat = map(
            float, mark.findtext(f"{{{NAMESPACE}}}Point/{{{NAMESPACE}}}coordinates", "").split(",")
        )
        assert -180 <= lon <= 180
        assert -90 <= lat <= 90
        assert (
            mark.find(f"{{{NAMESPACE}}}TimeStamp") is not None
            or mark.find(f"{{{NAMESPACE}}}TimeSpan") is not None
        )


# iCalendar ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
def test_icalendar_parses_back_without_problems(invoke: Invoke, store: Path | None) -> None:
    import icalendar

    text = export(invoke, "-f", "ical", store=store).stdout
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        calendar = icalendar.Calendar.from_ical(text)
    assert [c.errors for c in calendar.walk() if c.errors] == []
    entries = calendar.walk("VEVENT")
    assert len({str(e["UID"]) for e in entries}) == len(entries)
    for entry in entries:
        start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
        assert type(start) is type(end)
        assert start < end


def test_icalendar_dates_follow_the_precision(invoke: Invoke) -> None:
    import icalendar

    entries = {
        str(e["UID"]): e
        for e in icalendar.Calendar.from_ical(export(invoke, "-f", "ical").stdout).walk("VEVENT")
    }
    campaign = entries["campaign@timeline"]
    assert (str(campaign.decoded("DTSTART")), str(campaign.decoded("DTEND"))) == ("2019-10-01", "2020-01-01")
    strikes = entries["strikes@timeline"]
    assert strikes.decoded("DTSTART").isoformat() == "2019-12-29T16:00:00+00:00"  # 11:00 EST in UTC
    assert entries["review@timeline"].decoded("DTEND").isoformat() == "2021-01-01"


def test_icalendar_gives_a_minute_with_no_end_an_hour(invoke: Invoke) -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical(export(invoke, "-f", "ical", "-k", "airstrike").stdout)
    (strikes,) = calendar.walk("VEVENT")
    # RFC 5545 allows DTSTART alone, but calendar apps draw an event of no length badly.
    assert "DURATION" not in strikes
    assert (strikes.decoded("DTSTART").isoformat(), strikes.decoded("DTEND").isoformat()) == (
        "2019-12-29T16:00:00+00:00",
        "2019-12-29T17:00:00+00:00",
    )
    assert str(strikes["DESCRIPTION"]).splitlines() == [
        INSTANT_NOTE,
        "Sources:",
        "- Pentagon statement <https://example.org/dod>",
    ]


def test_icalendar_keeps_a_minute_end_as_it_is(invoke: Invoke, tmp_path: Path) -> None:
    import icalendar

    store = tmp_path / "span.toml"
    text = STORE.read_text(encoding="utf-8")
    store.write_text(
        text.replace(
            'start = "2019-12-29T11:00-05:00"',
            'start = "2019-12-29T11:00-05:00"\nend = "2019-12-29T11:20-05:00"',
        ),
        encoding="utf-8",
    )
    calendar = icalendar.Calendar.from_ical(
        export(invoke, "-f", "ical", "-k", "airstrike", store=store).stdout
    )
    (strikes,) = calendar.walk("VEVENT")
    assert strikes.decoded("DTEND").isoformat() == "2019-12-29T16:20:00+00:00"
    assert not str(strikes["DESCRIPTION"]).startswith(INSTANT_NOTE)


def test_icalendar_is_reproducible(invoke: Invoke) -> None:
    assert export(invoke, "-f", "ical").stdout == export(invoke, "-f", "ical").stdout
    assert "DTSTAMP:20200319T000000Z\n" in export(invoke, "-f", "ical").stdout  # the latest start


# SQLite ------------------------------------------------------------------------------------------


def test_sqlite_answers_questions(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "timeline.db"
    result = export(invoke, "-f", "sqlite", "-o", str(target))
    assert (result.stdout, result.stderr) == ("", f"wrote 5 events as sqlite to {target}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.db"]
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT id FROM events ORDER BY start_sort, id").fetchall() == [
            ("campaign",), ("k1-attack",), ("strikes",), ("review",), ("drawdown",)
        ]  # fmt: skip
        assert db.execute(
            "SELECT cause_id, type, stated_by, source FROM links"
            " WHERE effect_id = 'strikes' AND relation = 'cause'"
        ).fetchall() == [("k1-attack", "retaliation", "us", "dod"), ("campaign", "cause", None, None)]
        assert db.execute("SELECT effect_id, cause_id FROM links WHERE relation = 'part_of'").fetchall() == [
            ("k1-attack", "campaign")
        ]
        assert db.execute(
            "SELECT a.name, ea.status, ea.stated_by FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
            "WHERE ea.event_id = 'k1-attack' AND ea.side = 'actor'"
        ).fetchall() == [("Kata'ib Hezbollah", "attributed", "us")]
        figures = "SELECT measure, min, max, stated_by, source FROM figures WHERE event_id = 'k1-attack'"
        assert db.execute(figures).fetchall() == [
            ("killed", 1, 1, None, None), ("injured", 6, 6, None, "dod"), ("injured", 1, 2, "kh", None)
        ]  # fmt: skip
        assert db.execute("SELECT country, count(*) FROM locations GROUP BY country").fetchall() == [
            ("Iraq", 4), ("Syria", 1)
        ]  # fmt: skip
        indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"events_start", "links_cause", "event_actors_actor"} <= indexes


def test_sqlite_slice_flags_links_leading_outside(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "slice.db"
    target.write_bytes(b"old")  # replaced whole
    export(invoke, "-f", "sqlite", "-k", "airstrike", "-o", str(target))
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT cause_id, outside FROM links").fetchall() == [
            ("k1-attack", 1),
            ("campaign", 1),
        ]


def test_sqlite_of_the_curated_store_is_consistent(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "all.db"
    export(invoke, "-f", "sqlite", "-o", str(target), store=None)
    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM links WHERE outside = 1").fetchone() == (0,)


BINARY_ERROR = "error: --format sqlite writes a binary file: name it with -o FILE\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-f", "sqlite"], 2, BINARY_ERROR),
        (["-f", "sqlite", "-o", "-"], 2, BINARY_ERROR),
        (["-f", "sqlite", "-o", "/dev/null"], 2,
         "error: --format sqlite writes a regular file; /dev/null is not one\n"),
        (["-f", "sqlite", "-o", "/nonexistent/x.db"], 1,
         "error: /nonexistent/x.db: cannot write: unable to open database file\n"),
        (["-f", "csv", "--layout", "kind"], 2, "error: --layout applies only to --format dot\n"),
        (["-f", "dot", "--layout", "spiral"], 2,
         "error: --layout: 'spiral' is not one of time, year, month, kind\n"),
    ],
)  # fmt: skip
def test_export_errors(invoke: Invoke, args: list[str], code: int, message: str) -> None:
    result = invoke("--store", str(STORE), "export", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


def test_sqlite_refuses_to_overwrite_the_store(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "store.toml"
    store.write_bytes(STORE.read_bytes())
    result = invoke("--store", str(store), "export", "-f", "sqlite", "-o", str(store))
    assert result.exit_code == 2
    assert result.stderr == f"error: --output {store} is the store being read; write the export elsewhere\n"
    assert store.read_bytes() == STORE.read_bytes()


def test_a_failed_sqlite_write_leaves_the_old_file_and_no_temporary(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "timeline.db"
    target.write_bytes(b"old")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full_disk)
    result = invoke("--store", str(STORE), "export", "-f", "sqlite", "-o", str(target))
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: {target}: cannot write: No space left on device\n",
    )
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.db"]
