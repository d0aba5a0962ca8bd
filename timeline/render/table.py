"""Events as a rich table that wraps to the terminal and never drops data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from rich import box
from rich.table import Table
from rich.text import Text

from timeline.model import Event, Store
from timeline.palette import style
from timeline.render.cells import row
from timeline.render.console import text

#: Below this width the columns cannot all fit, so events are stacked instead.
NARROW = 74


def events_table(events: Sequence[Event], store: Store, zone: tzinfo | None = None) -> Table:
    """A table of events: date, title with id and kind beneath, where, killed,
    injured, and the number of causes/effects. Cells wrap; nothing is cut."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Date", overflow="fold", min_width=11)
    table.add_column("Event", overflow="fold", min_width=14, ratio=3)
    table.add_column("Where", overflow="fold", min_width=8, ratio=2)
    table.add_column("Killed", overflow="fold", justify="right", min_width=6)
    table.add_column("Injured", overflow="fold", justify="right", min_width=7)
    table.add_column("C/E", overflow="fold", justify="right", min_width=3)
    for event in events:
        when, ident, title, kind, where, killed, injured, links = row(event, store, zone)
        table.add_row(
            text(when),
            _heading(title, ident, kind),
            text(where),
            text(killed),
            text(injured),
            text(links),
        )
    return table


def _heading(title: str, ident: str, kind: str) -> Text:
    heading = text(title)
    heading.append("\n")
    heading.append(text(ident, "cyan"))
    heading.append(" \u00b7 ", style="dim")
    heading.append(text(kind, style(kind)))
    return heading


def events_stack(events: Sequence[Event], store: Store, zone: tzinfo | None = None) -> Table:
    """Events one under another, for terminals too narrow for the table."""
    table = Table.grid(padding=(0, 0))
    table.add_column(overflow="fold")
    for n, event in enumerate(events):
        when, ident, title, kind, where, killed, injured, links = row(event, store, zone)
        block = text(when, "bold")
        block.append("\n")
        block.append_text(_heading(title, ident, kind))
        details = [where, f"killed {killed}" if killed else "", f"injured {injured}" if injured else ""]
        details.append(f"causes/effects {links}")
        block.append("\n")
        block.append(text(" \u00b7 ".join(d for d in details if d), "dim"))
        if n:
            table.add_row("")
        table.add_row(block)
    return table


def events_view(events: Sequence[Event], store: Store, width: int, zone: tzinfo | None = None) -> Table:
    """The table, or the stack when the width cannot hold the table."""
    if width < NARROW:
        return events_stack(events, store, zone)
    return events_table(events, store, zone)
