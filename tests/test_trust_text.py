"""Trust, text: no raw store text on a terminal, and no export turned against its reader
(installed command, on a pty and piped)."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
from pathlib import Path

import pytest

from tests.test_installed import COMMAND, run

HOSTILE = r"""schema = 2
[[actor]]
id = "us"
name = "U\u001b]52;c;aGk=\u0007S"
kind = "state"
aliases = ["A\u202eB"]
[[event]]
id = "a"
title = "T\u001b[2J\u202egnp.exe\u200b\u0085x\u0009y"
kind = "attack"
start = "2020"
summary = "=cmd|' /C calc'!A0 \u001b]8;;http://evil\u0007link\u001b]8;;\u0007\r\nline\u009b2"
killed = 1
killed_breakdown = { "I\u001b[31mraq" = 1 }
actors = ["us"]
tags = ["t\u001bx"]
sources = [{ title = "-2+3", url = "javascript:alert(1)\n# Injected\"" }]
[[event.locations]]
place = "P\u001b[5m"
country = "C\u2066"
[[event]]
id = "b"
title = "%%{init: {'theme':'dark'}}%%\nclick n0 call alert()"
kind = "attack"
start = "2021"
causes = [{ id = "a", type = "retaliation", by = "us" }]
sources = [{ title = "@SUM(1)", url = "https://ok.example/a b\"c\n<x>" }]
"""

# What may not reach a terminal: C0 controls but newline, DEL, C1 controls, and
# the bidi and zero-width characters (an ESC from rich's own colours is allowed
# only when it starts an SGR colour sequence, which no store text can now make).
_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def on_a_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """The command's stdout and stderr, both on one pty, and its exit status."""
    assert COMMAND is not None
    main, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"} | {"COLUMNS": "100", "TERM": "xterm"}
    env["TIMELINE_PAGER"] = "cat"  # no pager waiting for a key (the pager has tests of its own)
    process = subprocess.Popen([COMMAND, *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=secondary, stderr=secondary)  # fmt: skip
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            process.kill()
            raise AssertionError("no output for 30 s")
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return process.wait(30), b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def assert_safe(output: str) -> None:
    bad = _FORBIDDEN.findall(_SGR.sub("", output))
    assert not bad, f"raw characters reached the terminal: {bad!r}\n{output}"


VIEWS = [
    ("list",), ("list", "--format", "plain"), ("list", "--format", "json"), ("list", "--format", "csv"),
    ("list", "--format", "ids"), ("show", "a"), ("show", "a", "--format", "json"), ("chain", "a"),
    ("chain", "b", "--causes"), ("chain", "a", "--format", "json"), ("path", "a", "b"),
    ("path", "a", "b", "--format", "json"), ("stats",), ("stats", "--format", "json"), ("chart",),
    ("check",), ("check", "--format", "json"),
    *(("export", "--format", name) for name in
      ("json", "jsonl", "csv", "markdown", "timelinejs", "dot", "mermaid", "geojson", "kml", "ical")),
]  # fmt: skip


@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_no_raw_store_text_reaches_a_terminal(args: tuple[str, ...], store: Path, tmp_path: Path) -> None:
    code, output = on_a_terminal("--store", str(store), *args, cwd=tmp_path)
    # check faults the hostile addresses, neither an http(s) URL (the audit's
    # messages quote them: that text must be safe too)
    assert code == (1 if args[0] == "check" else 0), output
    assert_safe(output)


def test_bidi_and_zero_width_characters_are_shown(store: Path, tmp_path: Path) -> None:
    _, output = on_a_terminal("--store", str(store), "list", "--format", "plain", cwd=tmp_path)
    assert "<U+202E>gnp.exe<U+200B>" in output


ERRORS = {
    "unknown key": 'schema = 1\n[[event]]\nid = "a"\n"ti\\u001b[2Jtle" = "x"\ntitle = "t"\n'
    'kind = "attack"\nstart = "2020"\nsources = [{ title = "s" }]\n',
    "unknown kind": 'schema = 1\n[[event]]\nid = "a"\ntitle = "t"\nkind = "att\\u001b]52;c;aGk=\\u0007ack"\n'
    'start = "2020"\nsources = [{ title = "s" }]\n',
    "unknown cause": 'schema = 1\n[[event]]\nid = "a"\ntitle = "t"\nkind = "attack"\nstart = "2020"\n'
    'causes = ["x\\u009b2J"]\nsources = [{ title = "s" }]\n',
    "bad breakdown": 'schema = 1\n[[event]]\nid = "a"\ntitle = "t"\nkind = "attack"\nstart = "2020"\n'
    'killed = 1\nkilled_breakdown = { "\\u202eX" = 5 }\nsources = [{ title = "s" }]\n',
    "bad top key": 'schema = 1\n"sch\\u001bema2" = 1\n',
}


@pytest.mark.parametrize("name", ERRORS)
def test_error_paths_are_safe(name: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(ERRORS[name], encoding="utf-8")
    for args in (("list",), ("check",), ("check", "--format", "json")):
        code, output = on_a_terminal("--store", str(broken), "--no-cache", *args, cwd=tmp_path)
        assert code == 1, output
        assert_safe(output)


def test_usage_errors_with_hostile_arguments_are_safe(store: Path, tmp_path: Path) -> None:
    hostile = (("show", "a\x1b[2J"),
               ("list", "--actor", "x\x1b]52;c;aGk=\x07"), ("list", "--kind", "\u202ez"),
               ("list", "--from", "\x9b2J"), ("chain", "\u200bq"), ("l\x1bst",))  # fmt: skip
    for args in hostile:
        code, output = on_a_terminal("--store", str(store), *args, cwd=tmp_path)
        assert code in (1, 2), output
        assert_safe(output)


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(store: Path, tmp_path: Path) -> None:
    import csv
    import io

    result = run("--store", str(store), "export", "--format", "csv", cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["summary"].startswith("'=cmd")
    assert rows[0]["sources"].startswith("'-2+3")
    assert rows[1]["sources"].startswith("'@SUM(1)")
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row.values())


def test_markdown_links_only_http_and_cannot_be_broken_out_of(store: Path, tmp_path: Path) -> None:
    result = run("--store", str(store), "export", "--format", "markdown", cwd=tmp_path)
    assert "](<javascript:" not in result.stdout
    assert "\n# Injected" not in result.stdout
    assert "[@SUM(1)](<https://ok.example/a%20b%22c%0A%3Cx%3E>)" in result.stdout


def test_mermaid_directives_in_titles_are_inert(store: Path, tmp_path: Path) -> None:
    result = run("--store", str(store), "export", "--format", "mermaid", cwd=tmp_path)
    assert "%%" not in result.stdout
    assert not any(line.lstrip().startswith("click") for line in result.stdout.splitlines())


def test_a_lone_surrogate_in_a_json_store_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "actors": [], "events": [{"id": "a", "title": "\\ud800",'
                   ' "kind": "attack", "start": "2019", "sources": [{"title": "s"}]}]}')  # fmt: skip
    result = run("--store", str(bad), "list", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {bad}:1: not valid text: \\ud800 is half of a UTF-16 surrogate pair; "
        "write the character itself\n"
    )
