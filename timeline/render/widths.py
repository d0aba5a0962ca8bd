"""Column widths for a table of cells that must fit a terminal, decided here
rather than by rich: rich shrinks the widest columns first, even below their
longest unbreakable word, which split ids mid-word at 80 columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len


class Need(NamedTuple):
    """What a column needs: at least `least` cells (its longest word, or an
    id that must stay whole), at most `most` (its longest line), and its
    share of any room between the two."""

    least: int
    most: int
    share: int = 1


def need(cells: Sequence[str], header: str, whole: Sequence[str] = (), share: int = 1) -> Need:
    """A column's Need from its cells: words may wrap onto lines of their
    own, the header and the `whole` strings (ids) may not."""
    words = [cell_len(w) for c in cells for w in c.split()]
    lines = [cell_len(line) for c in cells for line in c.splitlines()]
    least = max([cell_len(header), *words, *(cell_len(w) for w in whole)], default=1)
    return Need(least, max([least, *lines]), share)


def fit(needs: Sequence[Need], room: int) -> list[int] | None:
    """Widths for the columns within `room` cells (gaps already taken off):
    every column its least, then what is left shared out by `share` up to
    each one's most, a cell at a time so that rounding loses nothing; None
    when even the leasts do not fit."""
    widths = [n.least for n in needs]
    spare = room - sum(widths)
    if spare < 0:
        return None
    while spare > 0:
        hungry = [i for i, n in enumerate(needs) if widths[i] < n.most]
        if not hungry:
            break
        # the column furthest below its fair share of the room gets the next cell
        pick = min(hungry, key=lambda i: ((widths[i] - needs[i].least) / needs[i].share, i))
        widths[pick] += 1
        spare -= 1
    return widths
