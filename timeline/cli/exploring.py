"""`explore`: an interactive walk along the causal links."""

from typing import Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import TzOption, complete_event_id, zone_option

app = commands_app()


@app.command("explore")
def explore(
    ctx: typer.Context,
    event_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Where to start (default: the root of the 2019-2024 escalation chain).",
            autocompletion=complete_event_id,
            show_default=False,
        ),
    ] = None,
    tz: TzOption = None,
) -> None:
    """Walk the timeline interactively, from cause to effect.

    See an event with its causes and effects numbered; type a number to follow
    one, b to go back, n / p for the next or previous event in time, /TEXT to
    search, l to list the events around, ? for help, q (or Ctrl-D, Ctrl-C) to
    leave.

    Examples:

      timeline explore

      timeline explore k1-air-base-attack

      timeline explore soleimani-killing --tz Asia/Baghdad
    """
    from timeline.explore import Reply, Session, escalation_start, links
    from timeline.query import resolve_event
    from timeline.render.console import make_console
    from timeline.render.detail import event_panel
    from timeline.render.explore import choices_view, links_view

    store = state(ctx).store()
    zone = zone_option(tz)
    start = resolve_event(store, event_id) if event_id else escalation_start(store)
    session = Session(store, start)
    console = make_console()

    def show(reply: Reply) -> None:
        if reply.kind == "event" and reply.event is not None:
            console.print(event_panel(reply.event, store, zone))
            console.print(links_view(reply.event, links(store, reply.event), zone), end="")
        elif reply.kind == "choices":
            console.print(choices_view(reply.title, reply.events, session.current), end="")
        elif reply.kind == "help":
            console.print(reply.title)
        elif reply.title:
            console.print(reply.title, style="yellow")

    show(session.opening())
    console.print("Type a number to follow a link, ? for help, q to leave.", style="dim")
    while True:
        try:
            line = input("explore> ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        reply = session.handle(line)
        if reply.kind == "quit":
            return
        show(reply)
