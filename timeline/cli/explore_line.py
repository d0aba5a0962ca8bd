"""`explore`'s line mode: the event as `show` draws it, its links numbered, and
a prompt, with line editing, history and Tab completion of ids and commands
on a terminal (see `line_editing`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from timeline.model import Event, Store

PROMPT = "explore> "
#: What Tab completes besides ids.
COMMANDS = ("b", "n", "p", "l", "q", "?", "help", "quit")


def run(
    store: Store,
    start: Event,
    zone: tzinfo | None,
    color: str = "auto",
    timeline: Sequence[Event] | None = None,
) -> None:
    """Walk from `start` until the user leaves (q, end of input, Ctrl-C);
    `color` is --color's auto, always or never; n, p and l move among the
    events of `timeline` (the filtered ones), by default all."""
    from timeline.cli.line_editing import start as line_editing
    from timeline.explore import HINT, Reply, Session, links
    from timeline.render.console import make_console
    from timeline.render.detail import event_panel
    from timeline.render.explore import choices_view, links_view

    session = Session(store, start, timeline)
    console = make_console(color=color)

    def show(reply: Reply) -> None:
        if reply.kind == "event" and reply.event is not None:
            console.print(event_panel(reply.event, store, zone))
            console.print(links_view(reply.event, links(store, reply.event), zone), end="")
        elif reply.kind == "choices":
            console.print(choices_view(reply.title, reply.events, session.current), end="")
        elif reply.kind == "help":
            console.print(reply.title)
        elif reply.title:
            console.print(reply.title, style="dim" if reply.title == HINT else "yellow")

    save_history = line_editing("explore", [*store.by_id, *COMMANDS])
    try:
        show(session.opening())
        console.print(HINT, style="dim")
        while True:
            try:
                typed = input(PROMPT)
            except (EOFError, KeyboardInterrupt):
                console.print()
                return
            reply = session.handle(typed)
            if reply.kind == "quit":
                return
            show(reply)
    finally:
        if save_history is not None:
            save_history()
