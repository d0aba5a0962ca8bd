"""`stats` as rich tables: totals, then counts by year, kind, country and
actor; their words are render.stats_words'."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.console import Group as Stack
from rich.table import Table
from rich.text import Text

from timeline.model import Store
from timeline.render.console import rich_text
from timeline.render.stats_words import (
    FIGURES,
    GAP,
    Breakdown,
    stats_breakdowns,
    stats_foot,
    stats_notes,
    stats_phrases,
)
from timeline.render.styled import Styled
from timeline.stats import Summary

#: The cells rich puts between a table's columns: its padding (none at the
#: edges) and SIMPLE_HEAD's divider.
_BETWEEN = 3
#: The narrowest a label column is let be before the figures take brief words.
_LABEL_MIN = 10


class Phrases:
    """Phrases on a line, GAP apart, as many as fit; a phrase that does not
    fit starts the next line, so a figure ("injured at least 59") is never
    split between two."""

    def __init__(self, phrases: list[Styled]) -> None:
        self.phrases = [rich_text(p) for p in phrases]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Text()
        for phrase in self.phrases:
            if line.plain and line.cell_len + len(GAP) + phrase.cell_len > options.max_width:
                yield line
                line = Text()
            if line.plain:
                line.append(GAP)
            line.append_text(phrase)
        yield line


class FittedTable:
    """A breakdown's table whose figures are never split over two lines: when
    the width cannot hold them in words ("at least 33", "none recorded") beside
    a label column of _LABEL_MIN, they are given in brief ("33+", "none")."""

    def __init__(self, breakdown: Breakdown) -> None:
        self.breakdown = breakdown

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _table(self.breakdown, brief=_figures_width(self.breakdown) > options.max_width)


def _figures_width(breakdown: Breakdown) -> int:
    """The width the table needs with its figures in words, and a label column of _LABEL_MIN."""
    columns = zip(FIGURES, *(figures for _, *figures in breakdown.cells()), strict=True)
    widths = [max(cell_len(text) for text in column) for column in columns]
    return _LABEL_MIN + sum(widths) + _BETWEEN * len(widths)


def _table(breakdown: Breakdown, brief: bool = False) -> Table:
    table = Table(
        title=breakdown.title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False
    )
    table.add_column(breakdown.column, overflow="fold")
    events, killed, injured = FIGURES
    table.add_column(events, justify="right")
    table.add_column(killed, justify="right", overflow="fold")
    table.add_column(injured, justify="right", overflow="fold")
    for label, *figures in breakdown.cells(brief):
        table.add_row(rich_text(label), *figures)
    return table


def stats_view(summary: Summary, store: Store) -> Stack:
    """Totals, then one table per breakdown."""
    foot = stats_foot(summary)
    notes = stats_notes(summary, store)
    return Stack(
        Phrases(stats_phrases(summary)),
        *([rich_text(notes)] if notes is not None else []),
        Text(),
        *(FittedTable(b) for b in stats_breakdowns(summary, store)),
        rich_text(foot) if foot is not None else Text(end=""),
    )
