"""`export`: the store, or a slice of it, for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.app import app, state
from timeline.cli.options import (
    ActorOption,
    AroundOption,
    CountryOption,
    FilterOptions,
    FromOption,
    KindOption,
    OnOption,
    SearchOption,
    TagOption,
    ToOption,
    WindowOption,
    write,
)
from timeline.export import FORMATS


def _complete_format(incomplete: str) -> list[tuple[str, str]]:
    return [(name, what) for name, (_, what) in FORMATS.items() if name.startswith(incomplete)]


@app.command("export")
def export(
    ctx: typer.Context,
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
            help="Write to FILE (atomically) instead of stdout.",
            show_default=False,
        ),
    ] = None,
    since: FromOption = None,
    until: ToOption = None,
    on: OnOption = None,
    around: AroundOption = None,
    window: WindowOption = "2w",
    actor: ActorOption = None,
    country: CountryOption = None,
    kind: KindOption = None,
    tag: TagOption = None,
    search: SearchOption = None,
) -> None:
    """Export the store, or the events the filters select, in chronological order.

    Examples:

      timeline export > timeline.json

      timeline export --format csv --from 2023 -o attacks-2023.csv

      timeline export --format jsonl --actor "Kata'ib Hezbollah"
    """
    from timeline.export import exporter
    from timeline.query import select

    chosen = exporter(output_format)
    store = state(ctx).store()
    where = FilterOptions(since, until, on, around, window, actor, country, kind, tag, search)
    text = chosen.render(store, select(store, where.build(store)))
    if output is None:
        write(text)
        return
    from timeline.files import write_atomically

    write_atomically(output, text)
