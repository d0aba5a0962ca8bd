"""Events as a rich table that fits the terminal and never drops data.

Ids are never broken: the Event column is at least as wide as the longest id
shown, and titles, dates and places wrap at word boundaries. Columns with
nothing in them give up their width. When the places cannot have a column of
their own they go under the title; when even that does not fit, the events
are stacked one under another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import Literal, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from timeline.model import Event, Store
from timeline.palette import style
from timeline.render.cells import row
from timeline.render.console import text
from timeline.render.widths import Need, fit, need
from timeline.text import counted

#: The Event column is at least this wide, or titles wrap a word a line.
TITLE = 20

#: Cells between two columns: the padding of one on the right, and the box's divider.
GAP = 2

_Row = tuple[str, ...]


class _Column(NamedTuple):
    header: str
    justify: Literal["left", "right"]
    need: Need
    #: The cell from a row's strings (HEADERS order), what the Event cell
    #: holds besides (a _Fold), and the column's width.
    draw: Callable[[_Row, int, int], Text]


#: What goes under an event's title when the width cannot give it a column:
#: nothing, then the places, then the places and the causes/effects too.
_APART, _PLACES_UNDER, _ALL_UNDER = 0, 1, 2


def events_table(
    events: Sequence[Event], store: Store, width: int, zone: tzinfo | None = None
) -> Table | None:
    """A table of events within `width`: date, title with id and kind beneath,
    where, killed, injured, and the number of causes/effects (C/E); where and
    C/E go under the title when they cannot have columns. None when even then
    the longest id and the shortest dates cannot fit beside each other."""
    rows = [row(event, store, zone) for event in events]
    for fold in (_APART, _PLACES_UNDER, _ALL_UNDER):
        columns = _columns(rows, fold)
        widths = fit([c.need for c in columns], width - GAP * (len(columns) - 1))
        if widths is not None:
            break
    else:
        return None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False, padding=(0, 1, 0, 0))
    for column, chosen in zip(columns, widths, strict=True):
        table.add_column(column.header, justify=column.justify, width=chosen, overflow="fold")
    for cells in rows:
        table.add_row(*(c.draw(cells, fold, w) for c, w in zip(columns, widths, strict=True)))
    return table


def _columns(rows: list[_Row], fold: int) -> list[_Column]:
    """The columns that have something to show: header, justification, what
    each needs, and how its cell is drawn from a row (HEADERS order)."""
    when, ident, _title, _kind, where, killed, injured, links = zip(*rows, strict=True)
    headings = [_heading(cells, fold).plain for cells in rows]
    # A date is not split, only a span between its two dates or before a time.
    dates = [" ".join(d.split()[:3]) for cell in when for d in cell.split(" \u2013 ")]
    found = [
        _Column("Date", "left", need(when, "Date", whole=dates, share=2), _date),
        _Column("Event", "left", need(headings, "Event", whole=[*ident, TITLE * " "], share=4), _heading),
    ]
    if fold == _APART and any(where):
        found.append(_Column("Where", "left", need(where, "Where", share=3), _plain(4)))
    for header, index, values in (("Killed", 5, killed), ("Injured", 6, injured)):
        if any(values):
            found.append(_Column(header, "right", need(values, header, share=4), _plain(index)))
    if fold != _ALL_UNDER:
        found.append(_Column("C/E", "right", need(links, "C/E", share=4), _plain(7)))
    return found


def _plain(index: int) -> Callable[[_Row, int, int], Text]:
    """A cell that is one of the row's strings as it is."""
    return lambda cells, _fold, _width: text(cells[index])


def _date(cells: _Row, _fold: int, width: int) -> Text:
    """The date or span, broken only between its two dates or before a
    time, never inside a date: "Oct 2019 –" over "Dec 2019"."""
    pieces: list[str] = []
    dates = cells[0].split(" \u2013 ")
    for n, date in enumerate(dates):
        words = date.split()
        pieces.append(" ".join(words[:3]))
        if words[3:]:
            pieces.append(" ".join(words[3:]))
        if n < len(dates) - 1:
            pieces[-1] += " \u2013"
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if cell_len(lines[-1]) + 1 + cell_len(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return text("\n".join(lines))


def _heading(cells: _Row, fold: int, _width: int = 0) -> Text:
    """Title, then "id · kind", then (dim) what has no column of its own:
    the places, and the causes and effects in words, as the stack says them."""
    _when, ident, title, kind, where = cells[:5]
    heading = text(title)
    heading.append("\n")
    heading.append(text(ident, "cyan"))
    heading.append(" \u00b7 ", style="dim")
    heading.append(text(kind, style(kind)))
    under = [where] if where and fold != _APART else []
    if fold == _ALL_UNDER:
        under.append(_links_words(cells[7]))
    if under:
        heading.append("\n")
        heading.append(text(" \u00b7 ".join(under), "dim"))
    return heading


def _links_words(links: str) -> str:
    """ "1/2" (causes/effects) in words: "1 cause, 2 effects"."""
    causes, effects = (int(n) for n in links.split("/"))
    return f"{causes} cause{'' if causes == 1 else 's'}, {effects} effect{'' if effects == 1 else 's'}"


def events_stack(events: Sequence[Event], store: Store, zone: tzinfo | None = None) -> Table:
    """Events one under another, for terminals too narrow for the table."""
    table = Table.grid(padding=(0, 0))
    table.add_column(overflow="fold")
    for n, event in enumerate(events):
        cells = row(event, store, zone)
        when, _ident, _title, _kind, where, killed, injured, links = cells
        block = text(when, "bold")
        block.append("\n")
        block.append_text(_heading(cells, _APART))
        details = [where, f"killed {killed}" if killed else "", f"injured {injured}" if injured else ""]
        details.append(_links_words(links))
        block.append("\n")
        block.append(text(" \u00b7 ".join(d for d in details if d), "dim"))
        if n:
            table.add_row("")
        table.add_row(block)
    return table


def events_view(
    events: Sequence[Event], store: Store, width: int, zone: tzinfo | None = None, caption: str = ""
) -> RenderableType:
    """The table, or the stack when the width cannot hold the table; then the
    caption, when there is one, saying what the table's C/E means."""
    table = events_table(events, store, width, zone)
    if table is None:
        shown: RenderableType = events_stack(events, store, zone)
    else:
        shown = table
        if caption and any(column.header == "C/E" for column in table.columns):
            caption += " C/E: how many causes and effects each event has."
    if not caption:
        return shown
    return Group(shown, Text(), Text(caption, style="dim"))


def list_caption(
    shown: int,
    matched: int,
    period: str | None,
    long_spans: int,
    hidden_spans: int = 0,
    max_span: str | None = None,
) -> str:
    """What the table holds, said under it: "32 events, Dec 2019 to Jan 2020;
    3 spans over a year among them (--max-span 1y hides them, --starting
    matches by start)."""
    said = f"{matched} event{'' if matched == 1 else 's'}"
    if shown < matched:
        said = f"the first {shown} of {said} (--limit)"
    if period:
        said += f", {period}"
    if long_spans:
        spans = counted(long_spans, "span")
        said += f"; {spans} over a year among them (--max-span 1y hides them, --starting matches by start)"
    if hidden_spans:
        spans = counted(hidden_spans, "span")
        said += f"; {spans} longer than {max_span} left out"
    return said + "."
