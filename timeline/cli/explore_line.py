"""`explore`'s line mode: the event as `show` draws it, its links numbered, and
a prompt, with line editing, history and Tab completion of ids and commands
on a terminal (see `line_editing`). Piped, it prints what piped `show` and
the other text views print, on lines that never wrap, and a transcript:
each line read after the prompt, on a line of its own."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING

from timeline.model import Event, Store

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

PROMPT = "explore> "
#: What Tab completes besides ids.
COMMANDS = ("b", "n", "p", "l", "q", "?", "help", "quit")
#: The lead of a numbered line (" [1] ← cause   ", "▶[1] ") or of a help line
#: ("  ID         "): what a wrapped line's continuation is indented past.
_LEAD = re.compile(r".?\s*\[\d+\] (?:\S [a-z]+ +)?|\s+\S.*?\s{2,}")


def run(
    store: Store,
    start: Event,
    zone: tzinfo | None,
    color: str = "auto",
    timeline: Sequence[Event] | None = None,
    *,
    piped: bool = False,
    plain: bool = False,
    zone_name: str | None = None,
) -> None:
    """Walk from `start` until the user leaves (q, end of input, Ctrl-C);
    `color` is --color's auto, always or never; n, p and l move among the
    events of `timeline` (the filtered ones), by default all. `piped`: stdout
    is no terminal, so nothing is wrapped; `plain`: events are written as
    piped `show` writes them (cli.screen.plain_text); `zone_name`, --tz."""
    from rich.text import Text

    from timeline.cli.event_view import print_event
    from timeline.cli.line_editing import start as line_editing
    from timeline.explore import HINT, Reply, Session, links
    from timeline.render.console import make_console
    from timeline.render.explore import choices_view, links_view

    session = Session(store, start, timeline)
    console = make_console(color=color, unwrapped=piped)
    interactive = _interactive()

    def show(reply: Reply) -> None:
        if reply.kind == "event" and reply.event is not None:
            print_event(None if plain else console, reply.event, store, zone, zone_name)
            console.print(hanging(links_view(reply.event, links(store, reply.event), zone), console), end="")
        elif reply.kind == "choices":
            console.print(hanging(choices_view(reply.title, reply.events, session.current), console), end="")
        elif reply.kind == "help":
            console.print(hanging(Text(reply.title), console), end="")
        elif reply.title:
            console.print(reply.title, style="dim" if reply.title == HINT else "yellow")

    save_history = line_editing("explore", [*store.by_id, *COMMANDS])
    try:
        show(session.opening())
        console.print(HINT, style="dim")
        while True:
            try:
                typed = input(PROMPT if interactive else "")
            except (EOFError, KeyboardInterrupt):
                if interactive:
                    console.print()
                return
            if not interactive:
                # no terminal echoes the line read: the prompt and it on a line of their own
                console.print(f"{PROMPT}{typed}".rstrip())
            reply = session.handle(typed)
            if reply.kind == "quit":
                return
            show(reply)
    finally:
        if save_history is not None:
            save_history()


def _interactive() -> bool:
    """Whether a person types at a terminal and sees its echo there: both
    stdin and stdout terminals."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def hanging(shown: Text, console: Console) -> Text:
    """The lines of `shown`, each wrapped at word boundaries to the console's
    width with its continuation lines indented under its text, past its number
    and arrow (or a help line's key); a word wider than the line is folded."""
    from rich.text import Text

    out = Text()
    for line in shown.split("\n"):
        lead = _LEAD.match(line.plain)
        indent = lead.end() if lead is not None and lead.end() < console.width // 2 else 0
        rest = line[indent:]
        wrapped = rest.wrap(console, max(1, console.width - indent), overflow="fold")
        for n, part in enumerate(wrapped):
            part.rstrip()
            out.append_text(line[:indent] if n == 0 else Text(" " * indent))
            out.append_text(part)
            out.append("\n")
    return out
