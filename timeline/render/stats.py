"""`stats` as rich tables: totals, then counts by year, kind, country and actor."""

from __future__ import annotations

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from timeline.model import Store
from timeline.palette import style
from timeline.render.console import text
from timeline.stats import Group, Summary


def _table(title: str, groups: list[Group], store: Store, actors: bool = False) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(title.rsplit(maxsplit=1)[-1].capitalize(), overflow="fold")
    table.add_column("Events", justify="right")
    if actors:
        table.add_column("Acted", justify="right")
        table.add_column("Targeted", justify="right")
    table.add_column("Killed", justify="right", overflow="fold")
    table.add_column("Injured", justify="right", overflow="fold")
    for g in groups:
        label = text(store.actor_name(g.key) if actors else g.key, style(g.key))
        cells: list[RenderableType] = [label, str(g.events)]
        if actors:
            cells += [str(g.acted), str(g.targeted)]
        cells += [str(g.killed), str(g.injured)]
        table.add_row(*cells)
    return table


def stats_view(summary: Summary, store: Store) -> Stack:
    """Totals, then one table per breakdown."""
    head = Text()
    head.append(f"{summary.events} events", style="bold")
    head.append(f"   killed {summary.killed}   injured {summary.injured}")
    if summary.killed.unknown or summary.injured.unknown:
        head.append(
            f"\n(unknown figures: {summary.killed.unknown} killed, {summary.injured.unknown} injured;"
            " they leave the maximum open)",
            style="dim",
        )
    return Stack(
        head,
        Text(),
        _table("By year", summary.by_year, store),
        _table("By kind", summary.by_kind, store),
        _table("By country", summary.by_country, store),
        _table("By actor", summary.by_actor, store, actors=True),
    )
