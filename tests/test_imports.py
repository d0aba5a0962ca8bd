"""Each command imports only what it uses: checked by running the installed
package in a subprocess and reading sys.modules as it exits, not with a timing.
(`python -X importtime` misses modules loaded by importlib.import_module, which
is how exporters are loaded, so it cannot show them.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def imported(*args: str, cwd: Path) -> set[str]:
    """The modules a run of `timeline ARGS` had imported when it exited."""
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"}
    env["XDG_CACHE_HOME"] = str(cwd / "cache")
    listing = cwd / "modules.txt"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(listing)!r}, 'w').write('\\n'.join(sys.modules)))\n"
        "from timeline.cli import main\n"
        "sys.argv[0] = 'timeline'\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return set(listing.read_text().split())


def top_level(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory to run in, with the store cache already built."""
    where = tmp_path_factory.mktemp("run")
    imported("list", "--format", "ids", cwd=where)
    return where


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["list", "--format", "ids"], {"rich", "dateutil", "pydantic", "tomllib", "json", "csv"}),
        (["list", "--format", "json"], {"rich", "dateutil", "pydantic", "tomllib", "csv"}),
        (["list", "--format", "csv"], {"rich", "dateutil", "pydantic", "tomllib", "json"}),
        (["list"], {"rich", "dateutil", "pydantic", "tomllib"}),  # piped: plain text
        (["export", "--format", "jsonl"], {"rich", "dateutil", "pydantic", "tomllib", "csv"}),
        (["chain", "k1-air-base-attack", "--format", "ids"], {"rich", "dateutil", "pydantic", "tomllib"}),
        (["show", "k1-air-base-attack", "--format", "json"], {"rich", "dateutil", "pydantic", "tomllib"}),
        # Help is plain text: no rich (its markdown alone cost 70 ms), no store.
        (["--help"], {"rich", "markdown_it", "pydantic", "dateutil", "tomllib", "pickle"}),
        (["list", "--help"], {"rich", "markdown_it", "pydantic", "dateutil", "tomllib", "pickle"}),
        (["add", "-h"], {"rich", "markdown_it", "pydantic", "dateutil", "tomllib", "pickle"}),
        (["chain", "--help"], {"rich", "markdown_it", "pydantic", "dateutil", "tomllib", "pickle"}),
    ],
)
def test_commands_import_only_what_they_use(warm: Path, args: list[str], absent: set[str]) -> None:
    found = top_level(imported(*args, cwd=warm))
    assert found.isdisjoint(absent), sorted(found & absent)


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "ids"],
        ["show", "k1-air-base-attack"],
        ["chain", "k1-air-base-attack"],
        ["stats"],
        ["chart"],
        ["check"],
        ["export", "--format", "json"],
        ["explore", "k1-air-base-attack"],  # piped: the line mode
        ["--help"],
    ],
)
def test_only_the_full_screen_explorer_imports_textual(warm: Path, args: list[str]) -> None:
    found = imported(*args, cwd=warm)
    assert "textual" not in top_level(found)
    assert not {n for n in found if n.startswith("timeline.tui")}


@pytest.mark.parametrize(
    "args",
    [
        ["show", "k1-air-base-attack"],
        ["chain", "k1-air-base-attack"],
        ["chain", "k1-air-base-attack", "--both"],
        ["chain"],
        ["path", "k1-air-base-attack", "soleimani-killing"],
        ["stats"],
        ["stats", "--from", "2030"],
        ["--color", "never", "show", "k1-air-base-attack"],
    ],
)
def test_piped_views_do_without_a_rich_console(warm: Path, args: list[str]) -> None:
    assert "rich" not in top_level(imported(*args, cwd=warm))


def test_piped_views_asked_in_colour_are_drawn_by_rich(warm: Path) -> None:
    assert "rich.console" in imported("--color", "always", "show", "k1-air-base-attack", cwd=warm)


def test_an_exporter_is_imported_only_for_its_format(warm: Path) -> None:
    found = imported("export", "--format", "csv", cwd=warm)
    exporters = {n for n in found if n.startswith("timeline.export.")}
    assert exporters == {"timeline.export.csv_format"}


def test_dateutil_is_imported_when_a_date_is_parsed(warm: Path) -> None:
    assert "dateutil" in top_level(imported("list", "--from", "Dec 2019", "--format", "ids", cwd=warm))


def test_a_cold_start_parses_toml_and_a_warm_one_does_not(tmp_path: Path) -> None:
    cold = imported("--no-cache", "list", "--format", "ids", cwd=tmp_path)
    assert "tomllib" in top_level(cold)
    assert "timeline.store.read" in cold
    # A sound store needs no line numbers: the module that finds them is for problems.
    assert "timeline.store.lines" not in cold


@pytest.mark.parametrize("name", ["dot", "mermaid", "markdown", "timelinejs"])
def test_each_graph_exporter_loads_only_itself(warm: Path, name: str) -> None:
    found = imported("export", "--format", name, cwd=warm)
    exporters = {n for n in found if n.startswith("timeline.export.")}
    # The formats that link sources share how a web address is made.
    shared = {"timeline.export.addresses"} if name in ("markdown", "timelinejs") else set()
    assert exporters == {f"timeline.export.{name}_format", *shared}


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["list", "--format", "ids"], {"timeline.store.read", "timeline.store.fields", "timeline.render",
                                       "timeline.contract.encode", "timeline.dates.parse",
                                       "timeline.dates.format", "timeline.cli.helptext",
                                       "timeline.cli.completion", "shlex"}),
        (["list"], {"timeline.store.read", "timeline.contract.encode", "timeline.dates.parse"}),
        (["export", "--format", "csv"], {"timeline.render", "timeline.render.cells",
                                         "timeline.contract.encode"}),
        (["export", "--format", "markdown"], {"timeline.render", "timeline.render.cells"}),
        (["check"], {"timeline.store.read", "timeline.store.lines", "timeline.contract.encode"}),
        (["chain", "k1-air-base-attack", "--format", "ids"], {"timeline.contract.encode", "timeline.render"}),
    ],
)  # fmt: skip
def test_commands_load_only_the_modules_they_use(warm: Path, args: list[str], absent: set[str]) -> None:
    found = imported(*args, cwd=warm)
    assert found.isdisjoint(absent), sorted(found & absent)


def test_a_json_command_builds_its_shapes_in_the_contract(warm: Path) -> None:
    found = imported("check", "--format", "json", cwd=warm)
    assert "timeline.contract.encode" in found
    assert "timeline.contract.decode" not in found


@pytest.mark.parametrize(
    ("args", "present", "absent"),
    [
        (["list"], set(), {"icalendar", "sqlite3", "markdown_it", "xml"}),
        (["export", "--format", "json"], set(), {"icalendar", "sqlite3", "xml"}),
        (["export", "--format", "geojson"], set(), {"icalendar", "sqlite3", "xml"}),
        (["export", "--format", "ical"], {"icalendar"}, {"sqlite3"}),
    ],
)
def test_export_libraries_load_only_for_their_format(
    warm: Path, args: list[str], present: set[str], absent: set[str]
) -> None:
    found = top_level(imported(*args, cwd=warm))
    assert present <= found
    assert found.isdisjoint(absent), sorted(found & absent)
