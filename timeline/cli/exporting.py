"""`export`: the store, or a slice of it, for other tools."""

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import (
    with_filters,
    write,
)
from timeline.export import BINARY, FORMATS, MAPS
from timeline.filters import FilterOptions
from timeline.model import Event


def _complete_format(incomplete: str) -> list[tuple[str, str]]:
    return [(name, what) for name, (_, what) in FORMATS.items() if name.startswith(incomplete)]


app = commands_app()


@app.command("export")
@with_filters
def export(
    ctx: typer.Context,
    where: FilterOptions,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"One of: {', '.join(FORMATS)}.",
            autocompletion=_complete_format,
        ),
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="Write to FILE (atomically; a device, FIFO or - is written through) instead of stdout.",
            show_default=False,
        ),
    ] = None,
    group_by: Annotated[
        str,
        typer.Option(
            "--group-by", metavar="kind|country", help="With timelinejs: what slides are grouped by."
        ),
    ] = "kind",
    layout: Annotated[
        str,
        typer.Option(
            "--layout",
            metavar="time|year|month|kind",
            help="With dot: time bands (months over at most 3 years, else years), "
            "year or month bands, or clusters by kind.",
        ),
    ] = "time",
) -> None:
    """Export the store, or a filtered slice of it, for other tools.

    Formats: json (the JSON contract, which loads back as a store), jsonl, csv,
    markdown, timelinejs, dot (Graphviz), mermaid, geojson, kml (Google Earth),
    ical (iCalendar) or sqlite (a file: needs -o). Events come in
    chronological order.

    Examples:

      timeline export > timeline.json

      timeline export --format csv --from 2023 -o attacks-2023.csv

      timeline export --format jsonl --actor "Kata'ib Hezbollah"

      timeline export --format markdown -o chronology.md

      timeline export --format timelinejs --group-by country -o timeline.json

      timeline export --format dot --from 2019-12 --to 2020-01 | dot -Tsvg > chain.svg

      timeline export --format mermaid --tag campaign-2023

      timeline export --format geojson --from 2023-10 -o attacks.geojson

      timeline export --format sqlite -o timeline.db
    """
    from timeline.errors import UsageError
    from timeline.export import exporter
    from timeline.query import select

    chosen = exporter(output_format)
    if output_format == "timelinejs":
        from timeline.export.timelinejs_format import GROUPINGS

        if group_by not in GROUPINGS:
            raise UsageError(f"--group-by: {group_by!r} is not one of {', '.join(GROUPINGS)}")
    elif group_by != "kind":
        raise UsageError("--group-by applies only to --format timelinejs")
    _check_layout(output_format, layout)
    if output_format in BINARY:
        _refuse_stream(output_format, output)
    store = state(ctx).store()
    events = select(store, where.build(store))
    from timeline.store.files import same_file

    if output is not None and same_file(output, state(ctx).path):
        raise UsageError(f"--output {output} is the store being read; write the export elsewhere")
    if output_format in BINARY:
        from timeline.export import sqlite_format

        assert output is not None  # _refuse_stream saw to it
        sqlite_format.write(store, events, output)
        _say_written(len(events), output_format, output)
        return
    # A map leaves off the events it cannot place: it says so, and counts what it drew.
    written = len(events) - _note_unplaced(events) if output_format in MAPS else len(events)
    if output_format == "dot":
        from timeline.export import dot_format

        text = dot_format.render(store, events, layout)
    elif output_format == "timelinejs":
        from timeline.export import timelinejs_format

        text = timelinejs_format.render(store, events, group_by)
    else:
        text = chosen.render(store, events)
    if output is None:
        write(text)
        return
    from timeline.store.files import write_atomically

    write_atomically(output, text)
    if str(output) != "-":  # on stdout, the export speaks for itself
        _say_written(written, output_format, output)


def _say_written(count: int, output_format: str, output: Path) -> None:
    """Tell on stderr what went into the file: how many events, in what format."""
    from timeline.text import one_line

    events = f"{count} event{'' if count == 1 else 's'}"
    sys.stderr.write(f"wrote {events} as {output_format} to {one_line(str(output))}\n")


def _check_layout(output_format: str, layout: str) -> None:
    from timeline.errors import UsageError

    if output_format == "dot":
        from timeline.export.dot_format import LAYOUTS

        if layout not in LAYOUTS:
            raise UsageError(f"--layout: {layout!r} is not one of {', '.join(LAYOUTS)}")
    elif layout != "time":
        raise UsageError("--layout applies only to --format dot")


def _refuse_stream(output_format: str, output: Path | None) -> None:
    """A database is a file of bytes: never a terminal's or a pipe's text."""
    import stat

    from timeline.errors import UsageError

    if output is None or str(output) == "-":
        raise UsageError(f"--format {output_format} writes a binary file: name it with -o FILE")
    try:
        mode = output.stat().st_mode
    except OSError:
        return  # a new file (or one that the write will report)
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise UsageError(f"--format {output_format} writes a regular file; {output} is not one")


def _note_unplaced(events: Sequence[Event]) -> int:
    """Say on stderr which events a map cannot show; how many they are."""
    from timeline.export.features import unplaced

    missing = unplaced(events)
    if missing:
        listed = ", ".join(missing)
        sys.stderr.write(
            f"note: {len(missing)} of {len(events)} events have no coordinates, left off: {listed}\n"
        )
    return len(missing)


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON contract.

    `export --format json`, `list --format json` and `show --format json` follow it.

    Examples:

      timeline schema > timeline.schema.json

      timeline export | check-jsonschema --schemafile timeline.schema.json -
    """
    from timeline.contract.encode import dumps
    from timeline.contract.schema import SCHEMA

    write(dumps(SCHEMA))
