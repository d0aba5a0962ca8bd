"""`stats` as plain text for a pipe, with no rich: the words of
render.stats_words laid out as rich lays out its tables on lines that never
wrap (box SIMPLE_HEAD without edges, or rich's ASCII box when stdout is not
UTF), so a pipe gets the same bytes whether or not rich draws them."""

from __future__ import annotations

import re

from timeline.model import Store
from timeline.render.plain_views import lines_text
from timeline.render.stats_words import FIGURES, Breakdown, stats_breakdowns, stats_foot, stats_head
from timeline.render.styled import Styled
from timeline.stats import Summary

#: Characters one cell wide for certain (tests/test_plain_stats.py holds rich
#: to it): a count's range dash. Other text beyond ASCII is measured by rich's
#: own table (rich.cells), loaded only then.
_ONE_CELL = str.maketrans("", "", "\u2013")

#: The table's column divider and the rule under the header (horizontal,
#: where columns cross): rich's SIMPLE_HEAD box, and its ASCII box.
BOX = (" ", "\u2500", "\u2500")
ASCII_BOX = ("|", "-", "+")


def cell_len(text: str) -> int:
    """How many terminal cells text takes, as rich counts them."""
    if text.isascii() or text.translate(_ONE_CELL).isascii():
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


def _title(title: str, width: int) -> list[str]:
    """A title wrapped at words to the table's width, as rich wraps it."""
    lines = [""]
    for word in re.findall(r"\s*\S+\s*", title):
        if lines[-1] and cell_len(lines[-1]) + cell_len(word.rstrip()) > width:
            lines.append("")
        lines[-1] += word
    return lines


def _table(breakdown: Breakdown, box: tuple[str, str, str]) -> list[str]:
    """One breakdown as rich draws it: the title, the header, a rule, the rows;
    the first column left-aligned, the figures right-aligned, 3 cells apart."""
    divider, horizontal, cross = box
    header = [breakdown.column, *FIGURES]
    rows = [
        [label.plain.split("\n"), *([figure] for figure in figures)] for label, *figures in breakdown.cells()
    ]
    widths = [cell_len(name) for name in header]
    for row in rows:
        widths = [
            max(width, *(cell_len(line) for line in cell)) for width, cell in zip(widths, row, strict=True)
        ]
    # rich's widths count the padding: a cell on the left, one on the right, none at the table's edges
    padded = [width + 2 for width in widths]
    padded[0] -= 1
    padded[-1] -= 1

    def line(cells: list[str]) -> str:
        first, *figures = cells
        shown = [first + " " * (widths[0] - cell_len(first))]
        shown += [
            " " * (w - cell_len(f.rstrip())) + f.rstrip() for w, f in zip(widths[1:], figures, strict=True)
        ]
        return f" {divider} ".join(shown)

    drawn = _title(breakdown.title, sum(padded) + len(padded) - 1)
    drawn.append(line(header))
    drawn.append(cross.join(horizontal * width for width in padded))
    for row in rows:
        height = max(len(cell) for cell in row)
        drawn.extend(line([cell[n] if n < len(cell) else "" for cell in row]) for n in range(height))
    return drawn


def stats_text(summary: Summary, store: Store, ascii_only: bool = False) -> str:
    """What `stats` prints piped: the totals, a blank line, the tables, and
    what the unconfirmed mark means when a row has it (else a blank line, as rich
    ends)."""
    box = ASCII_BOX if ascii_only else BOX
    foot = stats_foot(summary) or Styled()
    lines = [*stats_head(summary, store).plain.split("\n"), ""]
    for breakdown in stats_breakdowns(summary, store):
        lines += _table(breakdown, box)
    lines += foot.plain.split("\n")
    return lines_text(lines)
