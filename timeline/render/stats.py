"""`stats` as rich tables: totals, then counts by year, kind, country and
actor; their words are render.stats_words'."""

from __future__ import annotations

from rich import box
from rich.console import Group as Stack
from rich.table import Table
from rich.text import Text

from timeline.model import Store
from timeline.render.console import rich_text
from timeline.render.stats_words import FIGURES, Breakdown, stats_breakdowns, stats_foot, stats_head
from timeline.stats import Summary


def _table(breakdown: Breakdown) -> Table:
    table = Table(
        title=breakdown.title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False
    )
    table.add_column(breakdown.column, overflow="fold")
    events, killed, injured = FIGURES
    table.add_column(events, justify="right")
    table.add_column(killed, justify="right", overflow="fold")
    table.add_column(injured, justify="right", overflow="fold")
    for label, *figures in breakdown.rows:
        table.add_row(rich_text(label), *figures)
    return table


def stats_view(summary: Summary, store: Store) -> Stack:
    """Totals, then one table per breakdown."""
    foot = stats_foot(summary)
    return Stack(
        rich_text(stats_head(summary)),
        Text(),
        *(_table(b) for b in stats_breakdowns(summary, store)),
        rich_text(foot) if foot is not None else Text(end=""),
    )
