"""`explore`: an interactive walk along the causal links."""

import os
import sys
from typing import Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import TzOption, complete_event_id, with_filters, write, zone_option
from timeline.filters import FilterOptions

app = commands_app()


def full_screen(line: bool) -> bool:
    """Whether to open the full-screen explorer: both ends a terminal, one
    that can draw (not TERM=dumb), and no --line."""
    if line or os.environ.get("TERM", "") in ("dumb", ""):
        return False
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@app.command("explore")
@with_filters
def explore(
    ctx: typer.Context,
    where: FilterOptions,
    event_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Where to start (default: the first event the filters keep, else where chain starts).",
            autocompletion=complete_event_id,
            show_default=False,
        ),
    ] = None,
    tz: TzOption = None,
    line: Annotated[
        bool, typer.Option("--line", help="The line-by-line explorer, even on a terminal.")
    ] = False,
) -> None:
    """Walk the timeline interactively, from cause to effect.

    On a terminal: a full-screen explorer, the timeline beside the event and its
    chain of causes and effects; the filters narrow the timeline as list's do,
    and its filter bar (F) changes them live; ? shows the keys.

    Without an ID or filters it starts where chain does: at the root of the
    2019-2024 escalation chain.

    Piped, with TERM=dumb or with --line: a line mode, its timeline narrowed by
    the filters too. See an event with its causes and effects numbered; type a
    number to follow one, an id (or its start) to go to it, b to go back, n / p
    for the next or previous event in time, /TEXT to search, l to list the
    events around, ? for help, q (or Ctrl-D, Ctrl-C) to leave. On a terminal,
    lines can be edited, Tab completes ids, and the history is kept in
    $XDG_STATE_HOME/timeline/explore_history.

    Examples:

      timeline explore

      timeline explore k1-air-base-attack

      timeline explore soleimani-killing --tz Asia/Baghdad

      timeline explore --from 2023 --actor kh

      timeline explore k1-air-base-attack --line
    """
    store = state(ctx).store()
    zone = zone_option(tz)
    from timeline.query import resolve_event

    chosen = where.build(store)  # a bad date or actor is a usage error before the screen changes
    first = resolve_event(store, event_id) if event_id else None
    if not store.events:
        write("No events in this store.\n")
        return
    if full_screen(line):
        from timeline.tui.app import run

        raise typer.Exit(run(store, first.id if first else None, where, zone))
    from timeline.cli.explore_line import run as line_mode

    timeline = None
    if where != FilterOptions():
        from timeline.query import select

        timeline = select(store, chosen)
        if not timeline:
            write("No events match.\n")
            return
    if first is None:
        from timeline.explore import escalation_start

        first = timeline[0] if timeline else escalation_start(store)
    assert first is not None  # the store has events
    from timeline.cli.screen import piped, plain_text

    line_mode(store, first, zone, color=state(ctx).color, timeline=timeline, piped=piped(),
              plain=plain_text(ctx), zone_name=tz)  # fmt: skip
