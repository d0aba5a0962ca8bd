"""`check`: the store's integrity, for people and for scripts."""

from enum import StrEnum
from typing import Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import write
from timeline.errors import DataError

app = commands_app()


class CheckFormat(StrEnum):
    """Output formats of `check`."""

    text = "text"
    json = "json"


@app.command("check")
def check(
    ctx: typer.Context,
    output: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text, or json for scripts.")
    ] = CheckFormat.text,
) -> None:
    """Check the store's structure and integrity.

    Ids are unique, causes and actors exist, causes form no cycle, no effect
    precedes its cause, spans end after they start, every event has a source,
    and casualty breakdowns fit their figures. Exits 0 when clean, 1 with one
    line per problem.

    Examples:

      timeline check

      timeline --store my-events.toml check --format json
    """
    try:
        store = state(ctx).store()  # honours --no-cache itself
    except DataError as exc:
        if output == CheckFormat.json:
            from timeline.contract.encode import check_json

            write(check_json(None, exc.problems))
            raise typer.Exit(1) from None
        raise
    if output == CheckFormat.json:
        from timeline.contract.encode import check_json

        write(check_json(store))
        return
    links = sum(len(e.causes) for e in store.events)
    write(
        f"{store.origin}: ok: {len(store.events)} events, {len(store.actors)} actors, {links} causal links\n"
    )
