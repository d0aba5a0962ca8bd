"""`export`: the store, or a slice of it, for other tools."""

from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import (
    with_filters,
    write,
)
from timeline.export import FORMATS
from timeline.filters import FilterOptions


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
) -> None:
    """Export the store, or a filtered slice of it, for other tools.

    Formats: json (the JSON contract, which loads back as a store), jsonl, csv,
    markdown, timelinejs, dot (Graphviz) or mermaid. Events come in
    chronological order.

    Examples:

      timeline export > timeline.json

      timeline export --format csv --from 2023 -o attacks-2023.csv

      timeline export --format jsonl --actor "Kata'ib Hezbollah"

      timeline export --format markdown -o chronology.md

      timeline export --format timelinejs --group-by country -o timeline.json

      timeline export --format dot --from 2019-12 --to 2020-01 | dot -Tsvg > chain.svg

      timeline export --format mermaid --tag campaign-2023
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
    store = state(ctx).store()
    events = select(store, where.build(store))
    if output_format == "timelinejs":
        from timeline.export import timelinejs_format

        text = timelinejs_format.render(store, events, group_by)
    else:
        text = chosen.render(store, events)
    if output is None:
        write(text)
        return
    from timeline.store.files import same_file, write_atomically

    if same_file(output, state(ctx).path):
        raise UsageError(f"--output {output} is the store being read; write the export elsewhere")
    write_atomically(output, text)
    if str(output) != "-":  # on stdout, the export speaks for itself
        import sys

        from timeline.text import one_line

        count = f"{len(events)} event{'' if len(events) == 1 else 's'}"
        sys.stderr.write(f"wrote {count} as {output_format} to {one_line(str(output))}\n")


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
