"""One event in full, as a rich panel (what `show` prints on a terminal);
its words are render.detail_rows'."""

from __future__ import annotations

from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from timeline.model import Event, Store
from timeline.render.console import rich_text
from timeline.render.detail_rows import detail_rows, detail_summary, detail_title


def event_panel(
    event: Event, store: Store, zone: tzinfo | None = None, framed: bool = True
) -> RenderableType:
    """Everything known about one event: in a panel titled by the event, or
    (not `framed`: piped, on lines that never wrap) the title on a line of its
    own. The summary is re-flowed as paragraphs, never wrapped twice."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in detail_rows(event, store, zone):
        grid.add_row(label, rich_text(value))
    body: list[RenderableType] = [grid]
    summary = detail_summary(event)
    if summary is not None:
        body = [rich_text(summary), Text(), grid]
    title = rich_text(detail_title(event))
    if not framed:
        return Group(title, Text(), *body)
    return Panel(Group(*body), title=title, title_align="left")
