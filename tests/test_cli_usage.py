"""The command line as a user meets it: help as git prints it, usage errors
in one line, global options anywhere, values checked against the store, and
what --limit, --window and --with-backed say and do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke
from timeline.cli.arguments import global_options, hoist_global_options
from timeline.cli.helptext import argument_usage, help_text, value_name

SHOW_HELP = """\
usage: timeline show [OPTIONS] ID

  Show everything known about one event.

  Dates at their precision, places, actors and targets, casualties with their
  breakdown, causes and effects with the time between them, tags, sources.

  Examples:

    timeline show us-airstrikes-kh-2019-12-29

    timeline show soleimani-killing --tz Asia/Baghdad

    timeline show k1-air-base-attack --format json

Arguments:
  ID  An event id, or a unique start of one.  [required]

Options:
  -f, --format panel|json  panel or json (the JSON contract: version, the event,
                           actors).  [default: panel]
  --tz ZONE                Show clock times in this zone, e.g. Asia/Baghdad;
                           JSON and CSV keep their ISO offsets.
  -h, --help               Show this message and exit.
"""


def test_show_help_at_80_columns(invoke: Invoke) -> None:
    result = invoke("show", "--help", env={"COLUMNS": "80"})
    assert (result.exit_code, result.stdout) == (0, SHOW_HELP)
    assert invoke("show", "-h", env={"COLUMNS": "80"}).stdout == SHOW_HELP


@pytest.mark.parametrize("command", ["list", "show", "chain", "path", "explore", "stats", "chart", "export",
                                     "schema", "check", "upgrade", "add", None])  # fmt: skip
def test_help_reads_like_git(invoke: Invoke, command: str | None) -> None:
    result = invoke(*([command] if command else []), "-h", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert result.stdout.startswith("usage: timeline ")
    for markup in ("{", "[[", "<str>", "<bool>", "<list[", "<float", "<path>", "<file>", "╭"):
        assert markup not in result.stdout.split("Examples:")[0].split("\n", 1)[0], markup
        assert markup not in result.stdout.split("Options:")[-1], markup
    assert all(len(line) <= 80 for line in result.stdout.splitlines()), result.stdout


def test_help_keeps_what_looks_like_markup(invoke: Invoke) -> None:
    assert "appended as an [[event]] table" in invoke("add", "--help").stdout
    assert "usage: timeline chain [OPTIONS] [ID]\n" in invoke("chain", "--help").stdout
    assert "usage: timeline path [OPTIONS] FROM TO\n" in invoke("path", "--help").stdout


def test_help_groups_the_filters(invoke: Invoke) -> None:
    text = invoke("list", "--help", env={"COLUMNS": "80"}).stdout
    options, filters = text.split("\nOptions:\n")[1].split("\nFilters:\n")
    assert "--sort KEY" in options
    assert "--from DATE" in filters
    assert "--from" not in options


def test_long_examples_continue_with_a_backslash() -> None:
    def wrap(text: str, width: int, indent: str) -> str:
        return indent + text

    text = 'Prose.\n\n  timeline list --actor "Kata\'ib Hezbollah" --kind airstrike --sort killed -r'
    assert help_text(text, 40, 2, wrap) == (
        "  Prose.\n\n"
        '    timeline list --actor \\\n        "Kata\'ib Hezbollah" --kind \\\n'
        "        airstrike --sort killed -r"
    )


def test_value_names() -> None:
    assert argument_usage("ID", required=True, many=False) == "ID"
    assert argument_usage("ID", required=False, many=False) == "[ID]"
    assert argument_usage("[ID]", required=False, many=False) == "[ID]"
    assert argument_usage("FILE", required=True, many=True) == "FILE..."
    assert value_name(["-t", "--tag"], None, None) == "TAG"
    assert value_name(["--group-by"], None, None) == "GROUP_BY"
    assert value_name(["--format"], None, ["table", "json"]) == "table|json"
    assert value_name(["--at"], "DATE", None) == "DATE"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show"], "error: missing argument ID; see 'timeline show --help'"),
        (["list", "--by", "x"], "error: no such option: --by; see 'timeline list --help'"),
        (["list", "--sotr", "x"], "error: no such option: --sotr (did you mean --sort, --country, "
                                  "--starting?); see 'timeline list --help'"),
        (["chart", "--by", "deaths"], "error: --by: 'deaths' is not one of 'count', 'killed', 'injured'; "
                                      "see 'timeline chart --help'"),
        (["list", "extra"], "error: got unexpected extra argument(s) (extra); see 'timeline list --help'"),
        (["list", "--store"], "error: --store is a global option: `timeline --store PATH list`; "
                              "see 'timeline list --help'"),
        (["list", "--color"], "error: --color is a global option: `timeline --color auto|always|never list`; "
                              "see 'timeline list --help'"),
        (["--store"], "error: option '--store' requires an argument; see 'timeline --help'"),
        (["show", "k1", "--tz"], "error: option '--tz' requires an argument; see 'timeline show --help'"),
        (["--nope"], "error: no such option: --nope (did you mean --no-pager, --no-cache?); "
                     "see 'timeline --help'"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line(invoke: Invoke, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_global_options_work_after_the_command(invoke: Invoke, mini_store: Path) -> None:
    before = invoke("--store", str(mini_store), "--no-cache", "list", "--format", "ids")
    assert before.exit_code == 0
    for args in (
        ["list", "--format", "ids", "--store", str(mini_store)],
        ["list", f"--store={mini_store}", "--no-cache", "--format", "ids"],
        ["list", "--no-cache", "--format", "ids", "--store", str(mini_store)],
    ):
        assert invoke(*args).stdout == before.stdout
    assert invoke("show", "--version").stdout.startswith("timeline ")


def test_every_global_option_works_after_the_command(invoke: Invoke, mini_store: Path) -> None:
    before = invoke("--store", str(mini_store), "--color", "never", "--no-pager", "list", "--format", "ids")
    assert before.exit_code == 0
    for args in (
        ["list", "--no-pager", "--store", str(mini_store)],
        ["list", "--color", "never", "--store", str(mini_store)],
        ["list", "--color=never", "--no-pager", f"--store={mini_store}"],
    ):
        result = invoke(*args, "--format", "ids")
        assert (result.exit_code, result.stdout) == (0, before.stdout)


def test_global_options_are_the_apps_own() -> None:
    from typer.main import get_command

    from timeline.cli.app import app

    assert global_options(get_command(app).params) == {
        "--store": True, "--no-cache": False, "--version": False, "--color": True, "--no-pager": False,
    }  # fmt: skip


GLOBALS = {"--store": True, "--no-cache": False, "--version": False, "--color": True, "--no-pager": False}


def test_hoisting_global_options() -> None:
    takes_value = {"--search", "-s", "--format"}
    assert hoist_global_options(["show", "k1", "--color", "never"], takes_value, GLOBALS) == [
        "--color", "never", "show", "k1",
    ]  # fmt: skip
    assert hoist_global_options(["list", "--color=never", "--no-pager"], takes_value, GLOBALS) == [
        "--color=never", "--no-pager", "list",
    ]  # fmt: skip
    assert hoist_global_options(["list", "--store", "x"], takes_value, GLOBALS) == ["--store", "x", "list"]
    assert hoist_global_options(["--no-cache", "list", "--store=x", "-n", "2"], takes_value, GLOBALS) == [
        "--no-cache", "--store=x", "list", "-n", "2",
    ]  # fmt: skip
    # A value of the command's own option stays a value; `--` ends the options.
    assert hoist_global_options(["list", "--search", "--store"], takes_value, GLOBALS) == [
        "list",
        "--search",
        "--store",
    ]
    assert hoist_global_options(["list", "--", "--store", "x"], takes_value, GLOBALS) == [
        "list",
        "--",
        "--store",
        "x",
    ]
    # Missing its value: left where it is, for the error to say where it goes.
    assert hoist_global_options(["list", "--store"], takes_value, GLOBALS) == ["list", "--store"]
    assert hoist_global_options(["--store"], takes_value, GLOBALS) == ["--store"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "Irak"], "error: --country: no event is in 'Irak' (did you mean 'Iraq'?)"),
        (["--country", "UK"], "error: --country: no event is in 'UK' (United Kingdom)"),
        (["--tag", "base"], "error: --tag: no event has the tag 'base' (did you mean 'bases'?)"),
        (["--window", "1w"], "error: --window needs --around (the date or event it is around)"),
        (["--with-backed"], "error: --with-backed needs --actor"),
        (["--confirmed"], "error: --confirmed narrows --actor to confirmed or claimed parts; give --actor"),
    ],
)
def test_unknown_values_are_usage_errors(
    invoke: Invoke, mini_store: Path, args: list[str], message: str
) -> None:
    for command in ("list", "stats", "chart", "export"):
        result = invoke("--store", str(mini_store), command, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n"), command


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--country", "syria"], "strikes\n"),
        (["--country", "Iraq", "--country", "Syria"], "campaign\nk1\nstrikes\nembassy\nsoleimani\n"),
        (["--tag", "BASES"], "campaign\nk1\n"),
        (["--actor", "iran"], ""),
        (["--actor", "iran", "--with-backed", "--kind", "protest"], "embassy\n"),
        (["--actor", "Iran", "--with-backed"], "campaign\nk1\nstrikes\nembassy\n"),
    ],
)
def test_filters(invoke: Invoke, mini_store: Path, args: list[str], ids: str) -> None:
    result = invoke("--store", str(mini_store), "list", "--format", "ids", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, ids, "")


def test_country_short_names(invoke: Invoke, tmp_path: Path, mini_store: Path) -> None:
    store = tmp_path / "us.toml"
    baghdad, washington = (
        'place = "Baghdad"\ncountry = "Iraq"',
        'place = "Washington"\ncountry = "United States"',
    )
    store.write_text(mini_store.read_text().replace(baghdad, washington))
    for name in ("US", "usa", "U.S.", "United States"):
        result = invoke("--store", str(store), "list", "--format", "ids", "--country", name)
        assert (result.exit_code, result.stdout) == (0, "embassy\nsoleimani\n"), name


def test_limit_says_what_it_left_out(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "list", "--format", "ids", "--limit", "2")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "campaign\nk1\n", "6 events match; --limit 2 left out 4\n",
    )  # fmt: skip
    result = invoke("--store", str(mini_store), "list", "--format", "ids", "--limit", "6")
    assert (result.stdout.count("\n"), result.stderr) == (6, "")
    result = invoke("--store", str(mini_store), "list", "--limit", "0")
    assert result.exit_code == 0
    assert "No events match" not in result.stdout
    assert result.stderr == "6 events match; --limit 0 shows none\n"


def test_stats_with_nothing_says_so(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "stats", "--from", "2030")
    assert (result.exit_code, result.stdout) == (0, "No events match.\n")
