"""The layout of `chart`, with no drawing: time bins at a unit chosen from the
span, long empty stretches compressed, stacked values per kind, and the
largest events picked for labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from enum import Enum
from typing import NamedTuple

from timeline.dates.format import MONTHS
from timeline.model import Event, Precision
from timeline.palette import EVENT_KINDS

#: A run of at least this many empty bins is drawn as one gap column.
GAP_MIN = 3

#: By a figure, a bar more than this many times taller than the next one down
#: is cut short (drawn to the top, with its value printed over it and a break
#: mark), so that one event's toll does not flatten every other bar.
CLIP_RATIO = 3
#: At most this many of the tallest bars are cut short, and never more than
#: one bar in four (so none of fewer than four): a chart of mostly cut bars
#: says nothing.
CLIP_MOST = 3


class Unit(Enum):
    """The width of one time bin."""

    MONTH = ("month", 1)
    QUARTER = ("quarter", 3)
    YEAR = ("year", 12)

    @property
    def months(self) -> int:
        """Months per bin."""
        return self.value[1]

    def bin_of(self, year: int, month: int) -> int:
        """The bin index of a month."""
        return (year * 12 + month - 1) // self.months

    def label(self, index: int) -> str:
        """ "Dec 2019", "Q4 2019" or "2019" for a bin index."""
        first = index * self.months
        year, month = divmod(first, 12)
        if self is Unit.MONTH:
            return f"{MONTHS[month]} {year}"
        if self is Unit.QUARTER:
            return f"Q{month // 3 + 1} {year}"
        return str(year)

    def year_of(self, index: int) -> int:
        """The year a bin falls in."""
        return index * self.months // 12

    def finer_than(self, precision: Precision) -> bool:
        """Whether an event known only to this precision may belong in another
        bin than the one its period starts in."""
        return precision is Precision.YEAR and self is not Unit.YEAR


class Column(NamedTuple):
    """One column of the chart: a bin with values per kind, or a gap."""

    first: int  # bin index (the first one of a gap)
    last: int  # bin index (the last one of a gap; equal to first for a bin)
    values: dict[str, int]  # kind -> value; empty for a gap
    uncertain: int = 0  # events whose precision is coarser than the unit

    @property
    def is_gap(self) -> bool:
        """Whether this column stands for several empty bins."""
        return self.last > self.first

    @property
    def total(self) -> int:
        """The bar's value."""
        return sum(self.values.values())


class Layout(NamedTuple):
    """Everything the drawing needs."""

    unit: Unit
    columns: list[Column]
    peak: int
    labelled: list[tuple[str, Event, int]]  # (mark, event, column index)
    by: str
    spans: tuple[tuple[Event, int], ...] = ()  # left out: spans whose toll no one column can hold
    heights: Mapping[str, int] = {}  # event id -> value, for the labels
    top: int = 0  # the scale's top: the peak, or lower when the tallest bars are cut short

    @property
    def scale(self) -> int:
        """The value the drawing's full height stands for."""
        return self.top or self.peak

    def clipped(self, column: Column) -> bool:
        """Whether the column's bar is cut short (taller than the scale)."""
        return column.total > self.scale


def choose_unit(first: int, last: int) -> Unit:
    """Months for spans up to three years, quarters up to twelve, else years.
    (first and last are month indexes: year * 12 + month - 1.)"""
    months = last - first + 1
    if months <= 36:
        return Unit.MONTH
    if months <= 144:
        return Unit.QUARTER
    return Unit.YEAR


def value_of(event: Event, by: str, heights: Mapping[str, int] | None = None) -> int:
    """The height an event adds: 1, or its figure's lower bound (from `heights`,
    event id -> value, when given: a whole's residual beyond its parts)."""
    if by == "count":
        return 1
    if heights is not None:
        return heights.get(event.id, 0)
    count = event.killed if by == "killed" else event.injured
    return (count.min or 0) if count is not None else 0


def last_month(event: Event) -> int:
    """The month index (year * 12 + month - 1) of the last month the event covers."""
    last = (event.end or event.start).end - timedelta(microseconds=1)
    return last.year * 12 + last.month - 1


def layout(
    events: Sequence[Event],
    by: str,
    max_columns: int,
    labels: int = 5,
    since: int | None = None,
    heights: Mapping[str, int] | None = None,
) -> Layout | None:
    """Bins for the events, at the finest unit whose columns fit in max_columns.

    `since` (a month index, year * 12 + month - 1) is where the chart starts: a
    span that began earlier is drawn in the first month shown. `heights` (event
    id -> value) gives each event's figure as counted (a whole's residual).
    By a figure, a span (an event whose period covers more than one column)
    is left out of the bars and listed in `spans`: booked in its start column,
    a decade's toll would stand for one month or year and flatten the rest.
    """
    if not events:
        return None
    measure = "killed" if by == "count" else by
    placed = [(max(e.start.year * 12 + e.start.month - 1, since or 0), e) for e in events]
    months = [month for month, _ in placed]
    unit = choose_unit(min(months), max(months))
    order = list(Unit)
    spans: list[tuple[Event, int]] = []
    for candidate in order[order.index(unit) :]:
        spans = [] if by == "count" else [
            (e, value_of(e, by, heights)) for month, e in placed
            if value_of(e, by, heights) > 0 and last_month(e) // candidate.months > month // candidate.months
        ]  # fmt: skip
        left_out = {id(e) for e, _ in spans}
        columns = _columns([(m, e) for m, e in placed if id(e) not in left_out], by, candidate, heights)
        if len(columns) <= max_columns or candidate is Unit.YEAR:
            unit = candidate
            break
    if len(columns) > max_columns:
        return None
    position = {c.first: n for n, c in enumerate(columns) if not c.is_gap}
    month_of = {id(e): month for month, e in placed if id(e) not in left_out}
    ranked = sorted(
        (e for e in events if id(e) in month_of and value_of(e, measure, heights) > 0),
        key=lambda e: (-value_of(e, measure, heights), e.sort_key),
    )[:labels]
    marks = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    labelled = [
        (marks[n], event, position[month_of[id(event)] // unit.months])
        for n, event in enumerate(sorted(ranked, key=lambda e: e.sort_key))
    ]
    peak = max((c.total for c in columns), default=0)
    top = peak if by == "count" else scale_top([c.total for c in columns])
    return Layout(unit, columns, peak, labelled, by, tuple(spans), heights or {}, top)


def scale_top(totals: Sequence[int]) -> int:
    """The top of a figure chart's scale: the tallest bar, unless the few
    tallest (at most CLIP_MOST, and a quarter of the bars) stand more than
    CLIP_RATIO times above the next one down; then that next one, and the
    bars above it are cut short.

    So PS752's 176 killed in one 2020 event does not leave the other years'
    bars a row tall, and the scale stays linear for all the bars drawn whole.
    """
    values = sorted((t for t in totals if t > 0), reverse=True)
    for n in range(1, min(CLIP_MOST, len(values) // 4) + 1):
        if values[n - 1] > CLIP_RATIO * values[n]:
            return values[n]
    return values[0] if values else 0


def _columns(
    placed: Sequence[tuple[int, Event]], by: str, unit: Unit, heights: Mapping[str, int] | None = None
) -> list[Column]:
    bins: dict[int, dict[str, int]] = {}
    uncertain: dict[int, int] = {}
    for month, event in placed:
        index = month // unit.months
        values = bins.setdefault(index, {})
        values[event.kind] = values.get(event.kind, 0) + value_of(event, by, heights)
        clamped = month != event.start.year * 12 + event.start.month - 1
        if unit.finer_than(event.start.precision) and not clamped:
            uncertain[index] = uncertain.get(index, 0) + 1
    if not bins:
        return []
    first, last = min(bins), max(bins)
    columns: list[Column] = []
    empty_from: int | None = None
    for index in range(first, last + 2):
        if index in bins or index == last + 1:
            if empty_from is not None:
                run = index - empty_from
                if run >= GAP_MIN:
                    columns.append(Column(empty_from, index - 1, {}))
                else:
                    columns.extend(Column(i, i, {}) for i in range(empty_from, index))
                empty_from = None
            if index in bins:
                ordered = {k: bins[index][k] for k in EVENT_KINDS if bins[index].get(k)}
                columns.append(Column(index, index, ordered, uncertain.get(index, 0)))
        elif empty_from is None:
            empty_from = index
    return columns


def stack(values: dict[str, int], peak: int, height: int) -> list[str]:
    """The kinds filling a bar from the bottom, one per row, proportionally
    (largest remainder), any non-zero bar at least one row high."""
    total = sum(values.values())
    if total <= 0 or peak <= 0:
        return []
    rows = max(1, round(total / peak * height))
    shares = {k: v * rows / total for k, v in values.items()}
    given = {k: int(s) for k, s in shares.items()}
    spare = rows - sum(given.values())
    for kind in sorted(shares, key=lambda k: (-(shares[k] - given[k]), list(values).index(k)))[:spare]:
        given[kind] += 1
    return [kind for kind in values for _ in range(given[kind])]
