"""`timeline export` and `timeline schema`: every format, exactly, safely."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import MINI_STORE, Result
from timeline.contract.schema import SCHEMA
from timeline.store import open_store

Invoke = Callable[..., Result]
SLICE = ("--from", "2019-12-29", "--to", "2020-01-03")
TOOLS = Path(__file__).parent.parent / "tools"


def export(invoke: Invoke, store: Path, *args: str) -> str:
    result = invoke("--store", str(store), "export", *args)
    assert result.exit_code == 0, result
    return result.stdout


def test_json_is_deterministic_valid_and_loads_back(invoke: Invoke, mini_store: Path, tmp_path: Path) -> None:
    first = export(invoke, mini_store)
    assert first == export(invoke, mini_store)
    data = json.loads(first)
    jsonschema.validate(data, SCHEMA)
    saved = tmp_path / "export.json"
    saved.write_text(first, encoding="utf-8")
    again = open_store(saved)
    original = open_store(mini_store)
    assert again.events == original.events
    assert again.actors == original.actors
    assert export(invoke, saved) == first


def test_json_writes_one_object_a_line_and_empty_arrays_closed(
    invoke: Invoke, mini_store: Path, tmp_path: Path
) -> None:
    store = tmp_path / "s.toml"
    store.write_text('schema = 2\n[[actor]]\nid = "us"\nname = "US"\nkind = "state"\n', encoding="utf-8")
    assert export(invoke, store) == (
        '{\n  "version": 2,\n  "events": [],\n  "actors": [\n'
        '    {"id": "us", "name": "US", "kind": "state", "aliases": [], "backers": []}\n  ]\n}\n'
    )
    # Each event is what json.dumps writes of its contract object, on its own line.
    lines = export(invoke, mini_store).splitlines()
    events = [line.removeprefix("    ").removesuffix(",") for line in lines[3 : lines.index("  ],")]]
    assert [json.dumps(json.loads(e), ensure_ascii=False) for e in events] == events


def test_every_json_output_follows_the_schema(invoke: Invoke) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(json.loads(invoke("export").stdout), SCHEMA)
    jsonschema.validate(json.loads(invoke("list", "-f", "json", "--from", "2023").stdout), SCHEMA)
    event_schema = {**SCHEMA["$defs"]["event"], "$defs": SCHEMA["$defs"]}
    jsonschema.validate(json.loads(invoke("show", "k1-air-base-attack", "-f", "json").stdout), SCHEMA)
    for line in invoke("export", "-f", "jsonl").stdout.splitlines():
        jsonschema.validate(json.loads(line), event_schema)


def test_schema_command(invoke: Invoke) -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == SCHEMA
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_jsonl(invoke: Invoke, mini_store: Path) -> None:
    lines = export(invoke, mini_store, "-f", "jsonl", *SLICE).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["campaign", "strikes", "embassy", "soleimani"]


def test_csv(mini_store: Path) -> None:
    from timeline.export import csv_format

    store = open_store(mini_store)
    text = csv_format.render(store, [store.by_id["strikes"]])
    assert text == (  # the csv module's \r\n line ends, as spreadsheets expect
        "id,start,end,start_sort,end_sort,precision,title,kind,countries,places,lat,lon,actors,targets,"
        "killed_min,killed_max,injured_min,injured_max,causes,effects,tags,sources,summary\r\n"
        "strikes,2019-12-29T19:00+03:00,,2019-12-29,2019-12-29,minute,US strikes on Kata'ib Hezbollah,"
        "airstrike,Iraq; Syria,al-Qa'im; Euphrates valley,,,us,kh,25,,55,,k1; campaign,embassy; soleimani,,"
        "Seed <https://example.org/seed>,\r\n"
    )


def test_timelinejs(invoke: Invoke, mini_store: Path) -> None:
    data = json.loads(export(invoke, mini_store, "-f", "timelinejs", *SLICE))
    assert data["title"]["text"]["headline"]
    slides = {s["unique_id"]: s for s in data["events"]}
    assert slides["strikes"]["start_date"] == {
        "year": 2019, "month": 12, "day": 29, "hour": 19, "minute": 0,
        "display_date": "29 Dec 2019 19:00 +03 (Baghdad)",
    }  # fmt: skip
    assert slides["campaign"]["start_date"] == {"year": 2019, "month": 10, "display_date": "Oct 2019"}
    assert slides["campaign"]["end_date"] == {
        "year": 2019, "month": 12, "day": 31, "hour": 23, "minute": 59, "display_date": "Dec 2019",
    }  # fmt: skip
    assert "end_date" not in slides["strikes"]
    assert slides["strikes"]["group"] == "airstrike"
    assert slides["strikes"]["text"]["headline"] == "US strikes on Kata&#x27;ib Hezbollah"
    by_country = json.loads(export(invoke, mini_store, "-f", "timelinejs", "--group-by", "country", *SLICE))
    assert {s["unique_id"]: s["group"] for s in by_country["events"]}["strikes"] == "Iraq; Syria"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["export", "-f", "xml"], 2, "error: --format: unknown format 'xml'; formats are json, jsonl, csv, "
                                    "markdown, timelinejs, dot, mermaid, geojson, kml, ical, sqlite"),
        (["export", "-f", "csv", "--group-by", "country"], 2, "error: --group-by applies only to"),
        (["export", "-f", "timelinejs", "--group-by", "actor"], 2,
         "error: --group-by: 'actor' is not one of"),
        (["export", "--from", "never"], 2, "error: --from: cannot read 'never' as a date"),
    ],
)  # fmt: skip
def test_export_errors(invoke: Invoke, args: list[str], code: int, message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == code
    assert result.stderr.startswith(message)


def test_output_file_is_written_atomically(invoke: Invoke, mini_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "out.csv"
    target.parent.mkdir()
    result = invoke("--store", str(mini_store), "export", "-f", "csv", "-o", str(target))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"wrote 6 events as csv to {target}\n"
    assert target.read_bytes().startswith(b"id,start,end")
    assert b"\r\nstrikes," in target.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["out.csv"]


def test_the_confirmation_counts_what_was_written(invoke: Invoke, mini_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "one.md"
    result = invoke(
        "--store", str(mini_store), "export", "-f", "markdown", "--on", "2020-03", "-o", str(target)
    )
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        f"wrote 1 event as markdown to {target}\n",
    )


def test_a_failed_write_leaves_the_old_file(
    invoke: Invoke, mini_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "out.json"
    target.parent.mkdir()
    target.write_text("old content", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    result = invoke("--store", str(mini_store), "export", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"error: {target}: cannot write: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_an_interrupted_write_leaves_the_old_file(
    invoke: Invoke, mini_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "out.json"
    target.parent.mkdir()
    target.write_text("old content", encoding="utf-8")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = invoke("--store", str(mini_store), "export", "-o", str(target))
    assert result.exit_code == 130
    assert target.read_text(encoding="utf-8") == "old content"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


@pytest.mark.parametrize("args", [["-o", ""], ["--output="]])
def test_an_empty_output_name_is_a_usage_error(invoke: Invoke, mini_store: Path, args: list[str]) -> None:
    result = invoke("--store", str(mini_store), "export", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "error: --output: the file name is empty; see 'timeline export --help'\n"
    )  # fmt: skip


def test_unwritable_output(invoke: Invoke, mini_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.json"
    result = invoke("--store", str(mini_store), "export", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"error: {target}: cannot write: No such file or directory\n"


HOSTILE_TITLE = 'He said "stop", then <b>&amp;</b> [x](y) *z* #1 | `q` \\ end'
HOSTILE_SUMMARY = 'First line, with a comma;\nsecond "line" <i>\n- not a list'


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    store = tmp_path / "hostile.toml"
    text = MINI_STORE.replace('title = "Embassy attack"', f"title = {json.dumps(HOSTILE_TITLE)}")
    text = text.replace(
        'causes = ["strikes"]\nsources = [{ title = "Seed" }]',
        f'causes = ["strikes"]\nsummary = {json.dumps(HOSTILE_SUMMARY)}\nsources = [{{ title = "Seed" }}]',
    )
    store.write_text(text, encoding="utf-8")
    return store


def test_special_characters_survive_every_format(invoke: Invoke, hostile: Path) -> None:
    # A summary's lines are one paragraph: joined on loading, never cut mid-sentence.
    one_line = " ".join(HOSTILE_SUMMARY.split())
    data = json.loads(export(invoke, hostile, "--kind", "protest"))
    assert (data["events"][0]["title"], data["events"][0]["summary"]) == (HOSTILE_TITLE, one_line)
    row = next(csv.DictReader(io.StringIO(export(invoke, hostile, "-f", "csv", "--kind", "protest"))))
    assert (row["title"], row["summary"]) == (HOSTILE_TITLE, one_line)
    markdown = export(invoke, hostile, "-f", "markdown", "--kind", "protest")
    assert (
        'He said "stop", then \\<b\\>&amp;amp;\\</b\\> \\[x\\](y) \\*z\\* \\#1 \\| \\`q\\` \\\\ end'
        in markdown
    )
    assert 'First line, with a comma; second "line" \\<i\\> - not a list' in markdown
    slide = json.loads(export(invoke, hostile, "-f", "timelinejs", "--kind", "protest"))["events"][0]
    assert slide["text"]["headline"] == (
        "He said &quot;stop&quot;, then &lt;b&gt;&amp;amp;&lt;/b&gt; [x](y) *z* #1 | `q` \\ end"
    )
    dot = export(invoke, hostile, "-f", "dot", "--kind", "protest")
    assert '\\nHe said \\"stop\\", then <b>&amp;</b> [x](y) *z* #1 | `q` \\\\ end"' in dot
    mermaid = export(invoke, hostile, "-f", "mermaid", "--kind", "protest")
    assert (
        "He said #quot;stop#quot;, then #lt;b#gt;#amp;amp;#lt;/b#gt; [x](y) *z* #35;1 | #96;q#96; \\ end"
        in (mermaid)
    )


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("store_kind", ["curated", "hostile"])
def test_dot_renders_without_warnings(invoke: Invoke, hostile: Path, store_kind: str) -> None:
    args = ("--store", str(hostile)) if store_kind == "hostile" else ()
    text = invoke(*args, "export", "-f", "dot").stdout
    rendered = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, check=False)
    assert (rendered.returncode, rendered.stderr) == (0, "")
    assert rendered.stdout.lstrip().startswith("<?xml")


def _mermaid_parser() -> bool:
    if shutil.which("node") is None:
        return False
    probe = subprocess.run(
        ["node", "-e", "require.resolve('mermaid'); require.resolve('jsdom')"],
        capture_output=True,
        check=False,
        cwd=TOOLS,
    )  # fmt: skip  (NODE_PATH is honoured by this probe and by the script alike)
    return probe.returncode == 0


@pytest.mark.skipif(not _mermaid_parser(), reason="node with the mermaid and jsdom packages is not available")
@pytest.mark.parametrize("store_kind", ["curated", "hostile"])
def test_mermaid_parses(invoke: Invoke, hostile: Path, store_kind: str) -> None:
    args = ("--store", str(hostile)) if store_kind == "hostile" else ()
    text = invoke(*args, "export", "-f", "mermaid").stdout
    parsed = subprocess.run(
        ["node", str(TOOLS / "mermaid-parse.mjs")], input=text, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert parsed.returncode == 0, parsed.stdout + parsed.stderr
    assert parsed.stdout.startswith("ok")
