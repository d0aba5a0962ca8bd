"""The current event's chain: its causes above, its effects below, as a tree;
each link says how it joins the event above it and when ("retaliation for,
per United States; 2 days before", "part of; 3 months after"); or, in path
mode, the causal route between two marked events. Enter (or a click) on an
event follows the link; the "Causes" and "Effects" headings are no stops."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.strip import Strip

from timeline.dates.format import format_span
from timeline.graph import PART, WHOLE, Direction, build_tree, neighbours, via
from timeline.model import Event, Store
from timeline.palette import style
from timeline.render.words import apart, link_words, relation
from timeline.text import one_line
from timeline.tui.messages import Go
from timeline.tui.strip_view import CURSOR_KEYS, StripView
from timeline.tui.timeline_list import fit

#: How many links deep each side of the chain is drawn.
DEPTH = 3
#: At most this many events are drawn on each side (a 10,000-event store can
#: have thousands of descendants); the rest are counted.
MOST = 150
#: The narrowest a title is cut to, however deep its branch.
NARROWEST = 12

CAUSE, EFFECT, HERE, STEP = "\u2190 ", "\u2192 ", "\u25cf ", "\u2193 "


@dataclass(frozen=True)
class Row:
    """One entry of the pane: an event (a cursor stop) or a heading or note
    (`event_id` None). `guide` is the tree's drawing before it; `words`, how
    the event joins the one above, go on a second line."""

    text: Text
    event_id: str | None = None
    guide: str = ""
    words: str | None = None


def edge_words(
    store: Store, parent: Event, child: Event, direction: Direction, shown: str | None = None
) -> str:
    """How `child`, reached from `parent`, is linked to it, and when: the typed
    link as `show` words it, or membership ("part of", "has part"). A link's
    source is cited by id as it is in the event pane (showing event `shown`),
    and marked as its event's when that is another."""
    joined = via(store, parent.id, child.id, direction)
    if joined in (PART, WHOLE):
        # Read from the event that records the membership, as a typed link is
        # read from the event that records the cause: it is "part of" the other.
        said = relation(PART)
    else:
        later, earlier = (child, parent) if direction is Direction.EFFECTS else (parent, child)
        said = link_words(later.link(earlier.id), later, store, here=later.id == shown)
    # One line whatever the words hold: the pane draws a row per link.
    return one_line(f"{said}; {apart(parent.start, child.start)}")


def event_text(event: Event, zone: tzinfo | None, arrow: str, room: int) -> Text:
    """ "← 27 Dec 2019  Rocket attack on K-1 …", the title cut at a word to fit `room` columns."""
    when = format_span(event.start, event.end, zone)
    label = Text(arrow, style="dim")
    label.append(when, style="bold")
    label.append("  ")
    label.append(fit(one_line(event.title), max(NARROWEST, room - len(arrow) - len(when) - 2)))
    label.stylize(style(event.kind), len(arrow) + len(when) + 2)
    return label


class ChainPane(StripView, can_focus=True):
    """Causes and effects of the current event, one row an event, with a cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # short words: the footer's hints must all fit 80 columns; `?` gives the tooltip
        Binding("enter", "follow", "Follow", tooltip="Follow the link: go to the event under the cursor"),
        *CURSOR_KEYS,
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"chain-pane--cursor"}

    def __init__(self, store: Store, zone: tzinfo | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.zone = zone
        self.border_title = "Chain"
        self.rows: list[Row] = []
        self.cursor = -1  # index into rows, always an event row (or -1)
        self.drawn: list[str] = []  # event ids in drawing order, for tests and the status line
        self._first: list[int] = []  # the first line of each row
        self._line_row: list[int] = []  # the row of each line
        self._strips: dict[int, Strip] = {}
        self._showing: Event | tuple[Sequence[str] | None, Sequence[str]] | None = None

    # -- what is shown -----------------------------------------------------

    @property
    def room(self) -> int:
        """Columns for the labels (a guess before the first layout)."""
        return self.text_width if self.size.width else 80

    def show_chain(self, event: Event) -> None:
        """Draw the causes and effects of this event, the cursor on it."""
        self._showing = event
        self.border_title = "Chain"
        rows = [Row(Text("Causes", style="bold"))]
        rows += self._side(event, Direction.CAUSES) or [Row(Text("  none recorded", style="dim"))]
        here = len(rows)
        rows.append(Row(event_text(event, self.zone, HERE, self.room), event.id))
        rows.append(Row(Text("Effects", style="bold")))
        rows += self._side(event, Direction.EFFECTS) or [Row(Text("  none recorded", style="dim"))]
        self._set_rows(rows, here)

    def show_route(self, route: Sequence[str] | None, marks: Sequence[str]) -> None:
        """Draw the causal route between two marked events, step by step."""
        self._showing = (route, marks)
        first, last = marks
        if route is None:
            self.border_title = "Path"
            self._set_rows([Row(Text(f"No causal route between {first} and {last}.", style="yellow"))], -1)
            return
        self.border_title = f"Path: {len(route) - 1} steps"
        rows = []
        previous: Event | None = None
        for ident in route:
            event = self.store.by_id[ident]
            arrow = STEP if previous else HERE
            words = edge_words(self.store, previous, event, Direction.EFFECTS) if previous else None
            rows.append(Row(event_text(event, self.zone, arrow, self.room), ident, words=words))
            previous = event
        self._set_rows(rows, 0)

    def _side(self, event: Event, direction: Direction) -> list[Row]:
        """The tree on one side of the event, depth first, with membership."""
        links = neighbours(self.store, direction, membership=True)
        (root,) = build_tree([event.id], links, max_depth=DEPTH)
        arrow = CAUSE if direction is Direction.CAUSES else EFFECT
        rows: list[Row] = []
        # (node, the event above it, the guide before it, whether it is the last of its siblings)
        stack = [(child, event, "  ", n == len(root.children) - 1) for n, child in enumerate(root.children)]
        stack.reverse()
        while stack:
            node, above, guide, last = stack.pop()
            if len(rows) >= MOST:
                rows.append(Row(Text(f"  \u2026 {len(stack) + 1} more not drawn", style="dim")))
                break
            other = self.store.by_id[node.event_id]
            more = "  \u21b1 shown above" if node.reference else "  \u2026" if node.cut else ""
            label = Text(guide + ("\u2514\u2500" if last else "\u251c\u2500"), style="dim")
            label.append_text(event_text(other, self.zone, arrow, self.room - len(label) - len(more)))
            label.append(more, style="dim")
            inner = guide + ("  " if last else "\u2502 ")
            rows.append(
                Row(label, node.event_id, inner, edge_words(self.store, above, other, direction, event.id))
            )
            kids = node.children
            stack.extend((c, other, inner, n == len(kids) - 1) for n, c in reversed(list(enumerate(kids))))
        return rows

    def _set_rows(self, rows: list[Row], cursor: int) -> None:
        self.rows = rows
        self.drawn = [r.event_id for r in rows if r.event_id is not None]
        self._first, self._line_row = [], []
        for n, row in enumerate(rows):
            self._first.append(len(self._line_row))
            self._line_row.extend([n] * (2 if row.words is not None else 1))
        self._strips.clear()
        self.cursor = cursor
        self.top = 0
        self.refresh()
        self._show_cursor()

    def on_resize(self) -> None:
        """Fit the labels to the new width."""
        if isinstance(self._showing, Event):
            self.show_chain(self._showing)
        elif self._showing is not None:
            self.show_route(*self._showing)

    # -- drawing -----------------------------------------------------------

    @property
    def line_count(self) -> int:
        """Each event takes two lines (its link words below it); headings one."""
        return len(self._line_row)

    def get_strip(self, row: int) -> Strip:
        """A line, drawn the first time it is shown."""
        strip = self._strips.get(row)
        if strip is None:
            entry = self.rows[self._line_row[row]]
            if row == self._first[self._line_row[row]]:
                text = entry.text
            else:
                words = fit(entry.words or "", max(1, self.room - len(entry.guide) - 4))
                text = Text(f"{entry.guide}    {words}", style="dim")
            strip = Strip(text.render(self.app.console))
            self._strips[row] = strip
        return strip

    def line_style(self, row: int, strip: Strip) -> Strip:
        """The cursor's row stands out."""
        if self._line_row[row] != self.cursor:
            return strip
        # Over the kinds' colours, or a red title on the cursor's orange is unreadable.
        cursor = self.get_component_rich_style("chain-pane--cursor")
        return Strip(
            [Segment(text, style + cursor if style else cursor) for text, style, _ in strip],
            strip.cell_length,
        )

    # -- the cursor --------------------------------------------------------

    @property
    def selected(self) -> str | None:
        """The event id under the cursor."""
        return self.rows[self.cursor].event_id if 0 <= self.cursor < len(self.rows) else None

    def select(self, event_id: str) -> None:
        """Put the cursor on the first row for this event."""
        self._move_cursor(next(n for n, r in enumerate(self.rows) if r.event_id == event_id))

    def _move_cursor(self, row: int) -> None:
        if row == self.cursor:
            return
        old = self.cursor
        self.cursor = row
        top = self.top
        self._show_cursor()
        if self.top == top:  # not scrolled: only the rows the cursor left and reached change
            for changed in (old, row):
                if 0 <= changed < len(self.rows):
                    self.refresh_rows(self._first[changed], 2)

    def _show_cursor(self) -> None:
        if 0 <= self.cursor < len(self.rows):
            first = self._first[self.cursor]
            self.keep_in_view(first, 2 if self.rows[self.cursor].words is not None else 1)

    def _stops(self) -> list[int]:
        return [n for n, r in enumerate(self.rows) if r.event_id is not None]

    def action_move(self, delta: int) -> None:
        """To the next or previous event, over the headings."""
        stops = self._stops()
        if not stops:
            return
        if self.cursor not in stops:
            self._move_cursor(stops[0])
            return
        at = stops.index(self.cursor) + delta
        self._move_cursor(stops[max(0, min(len(stops) - 1, at))])

    def action_page(self, direction: int) -> None:
        """By about a screenful of events (each takes two lines)."""
        self.action_move(direction * max(1, self.size.height // 2))

    def action_edge(self, last: int) -> None:
        """To the first or the last event."""
        stops = self._stops()
        if stops:
            self._move_cursor(stops[-1] if last else stops[0])

    def action_follow(self) -> None:
        """Follow the link the cursor is on."""
        if self.selected is not None:
            self.post_message(Go(self.selected))

    def on_click(self, event: events.Click) -> None:
        """A click on an event follows its link; on a heading or a note, nothing."""
        inside = event.get_content_offset(self)
        line = -1 if inside is None else self.top + inside.y
        if not 0 <= line < len(self._line_row):
            return
        row = self._line_row[line]
        if self.rows[row].event_id is not None:
            self._move_cursor(row)
            self.action_follow()
