"""One event in full, as a rich panel (what `show` prints on a terminal);
its words are render.detail_rows'."""

from __future__ import annotations

from datetime import tzinfo

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from timeline.model import Event, Store
from timeline.render.console import rich_text
from timeline.render.detail_rows import detail_rows, detail_summary, detail_title


def event_panel(
    event: Event,
    store: Store,
    zone: tzinfo | None = None,
    framed: bool = True,
    urls: bool = True,
    zone_name: str | None = None,
) -> RenderableType:
    """Everything known about one event: its title (in bold), summary and
    rows, in a panel, or (not `framed`: piped, on lines that never wrap)
    unframed. The title is the body's first line, wrapped at words like the
    rest, never the panel's top edge: rich cuts a title wider than the frame,
    and the title is printed nowhere else. The summary is re-flowed as
    paragraphs, never wrapped twice. Without
    `urls` the sources' URLs are left out, for the caller to print whole
    (render.detail_rows.source_links): a panel folds a word wider than itself."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in detail_rows(event, store, zone, urls, zone_name):
        grid.add_row(label, rich_text(value))
    body: list[RenderableType] = [grid]
    summary = detail_summary(event)
    if summary is not None:
        body = [rich_text(summary), Text(), grid]
    shown = Group(rich_text(detail_title(event)), Text(), *body)
    return Panel(shown) if framed else shown


def urls_fit(event: Event, store: Store, width: int) -> bool:
    """Whether every source's URL fits whole in the panel's value column at
    this width (the frame and padding take 4 cells, the gap after the labels
    2, a URL's indent under its title 3)."""
    labels = max(cell_len(label) for label, _ in detail_rows(event, store))
    room = width - 4 - labels - 2 - 3
    return all(cell_len(s.url) <= room for s in event.sources if s.url)
