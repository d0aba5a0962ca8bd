"""`check` (the store's integrity, for people and for scripts) and `upgrade`
(a store rewritten at the current schema)."""

from enum import StrEnum
from pathlib import Path
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

    Ids are unique; causes, wholes, actors and cited sources exist; causes and
    part_of form no cycle; no effect precedes its cause; a part lies within its
    whole; spans end after they start; every event has a source, and one with a
    URL; every reported figure says who gave it; casualty breakdowns fit their
    figures. Exits 0 when clean, 1 with one line per problem. In a slice (a
    filtered JSON export) each link that leads outside it is listed as a note
    (outside-links): information, not a problem.

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
    from timeline.checks import run_audits

    audited = run_audits(store)
    if audited:
        from timeline.store.files import read_text_file
        from timeline.store.lines import from_check, locate

        problems = locate([from_check(p) for p in audited], store.origin, read_text_file(state(ctx).path))
        failed = DataError(problems)  # which puts them in line order
        if output == CheckFormat.json:
            from timeline.contract.encode import check_json

            write(check_json(store, failed.problems))
            raise typer.Exit(1)
        raise failed
    from timeline.checks import run_notes

    notes = run_notes(store)
    if output == CheckFormat.json:
        from timeline.contract.encode import check_json

        write(check_json(store, notes=notes))
        return
    from timeline.text import one_line

    links = sum(len(e.causes) for e in store.events)
    beyond = ""
    if notes:
        beyond = "; 1 link leads" if len(notes) == 1 else f"; {len(notes)} links lead"
        beyond += " outside this slice"
    named = _named(state(ctx).store_option, store.origin)
    write(
        f"{named}: ok: {len(store.events)} events, {len(store.actors)} actors, "
        f"{links} causal links{beyond}\n" + "".join(f"note: {one_line(str(n))} ({n.check})\n" for n in notes)
    )


def _named(chosen: Path | None, origin: str) -> str:
    """The store as the user named it: its path when given (--store or
    TIMELINE_STORE), else "the curated store", whose path inside an installed
    package says nothing to them. Scripts read `check --format json`."""
    return origin if chosen is not None else f"the curated store ({Path(origin).name})"


@app.command("upgrade")
def upgrade(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The store file to upgrade.", dir_okay=False, show_default=False),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the upgraded store instead of writing it.")
    ] = False,
) -> None:
    """Rewrite a store at the current schema (2).

    A TOML store keeps every byte but its `schema = 1` line: every schema-1
    form is valid in schema 2. A JSON export of version 1 is written again as
    version 2. The result is checked as every load is, then replaces the file
    atomically. A store at schema 2 already is left alone.

    Examples:

      timeline upgrade my-events.toml --dry-run

      timeline upgrade my-events.toml
    """
    import sys

    from timeline.store.files import read_text_file, write_atomically
    from timeline.store.migrate import upgraded

    result = upgraded(read_text_file(file), str(file))
    if result is None:
        sys.stderr.write(f"{file}: already at schema 2; nothing to do\n")
        return
    if dry_run:
        write(result)
        return
    write_atomically(file, result)
    sys.stderr.write(f"{file}: upgraded to schema 2\n")
