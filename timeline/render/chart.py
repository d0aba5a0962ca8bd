"""`chart`: the timeline as stacked bars over a time axis, drawn as rich Text.

In colour each kind has a colour; without colour (piped, NO_COLOR) each kind
has a symbol (never a letter, so never mistaken for the A-E event labels),
so the picture still says which kind is which.
"""

from __future__ import annotations

from rich.text import Text

from timeline.chart_data import Layout, Unit, stack
from timeline.dates.format import format_date
from timeline.palette import EVENT_KINDS, PALETTE, style
from timeline.text import one_line

BLOCK = "\u2588"
HEIGHT = 8


def _cell(kind: str, width: int, plain: bool) -> Text:
    if plain:
        found = PALETTE.get(kind)
        return Text((found.symbol if found is not None else "?") * width)
    return Text(BLOCK * width, style=style(kind) or "white")


_MEASURES = {"count": "events", "killed": "killed (lower bounds)", "injured": "injured (lower bounds)"}


def chart_view(chart: Layout, width: int, plain: bool) -> Text:
    """The whole picture: title, bars, axis, year labels, marks, legends."""
    if not chart.columns:
        out = Text(f"No {chart.by} to draw outside spans.\n")
        out.append_text(_spans(chart))
        return out
    height = min(HEIGHT, chart.peak) if chart.by == "count" else HEIGHT
    axis_width = len(str(chart.peak)) + 2
    room = max(1, width - axis_width - 1)
    span = max(1, min(4, room // max(1, len(chart.columns))))
    bar = span - 1 if span > 1 else 1
    stacks = [stack(c.values, chart.peak, height) for c in chart.columns]
    measure = _MEASURES[chart.by]
    first, last = chart.columns[0].first, chart.columns[-1].last
    out = Text()
    out.append(f"{measure.capitalize()} per {chart.unit.value[0]}, ", style="bold")
    out.append(f"{chart.unit.label(first)} to {chart.unit.label(last)}\n", style="bold")
    for row in range(height - 1, -1, -1):
        label = str(chart.peak) if row == height - 1 else ""
        out.append(label.rjust(axis_width - 2) + (" \u2524" if row == height - 1 else " \u2502"))
        for column, kinds in zip(chart.columns, stacks, strict=True):
            if column.is_gap:
                out.append(" " * span)
            elif row < len(kinds):
                out.append_text(_cell(kinds[row], bar, plain))
                out.append(" " * (span - bar))
            else:
                out.append(" " * span)
        out.rstrip()
        out.append("\n")
    out.append("0".rjust(axis_width - 2) + " \u253c")
    for column in chart.columns:
        if column.is_gap:
            out.append(("\u2248" * span), style="dim")
        else:
            tick = "?" if column.uncertain else "\u2534"
            out.append(("\u2500" * (bar - 1) + tick + "\u2500" * (span - bar))[:span])
    out.append("\n")
    out.append_text(_years(chart, axis_width, span))
    marks = [" "] * (axis_width + span * len(chart.columns))
    for mark, _event, index in chart.labelled:
        position = axis_width + index * span
        while position < len(marks) and marks[position] != " ":
            position += 1
        if position < len(marks):
            marks[position] = mark
    if chart.labelled:
        out.append("".join(marks).rstrip() + "\n")
    out.append_text(_legends(chart, plain))
    return out


def _years(chart: Layout, axis_width: int, span: int) -> Text:
    line = [" "] * (axis_width + span * len(chart.columns) + 6)
    previous: int | None = None
    free_from = 0
    for n, column in enumerate(chart.columns):
        if column.is_gap:
            continue
        year = chart.unit.year_of(column.first)
        if year == previous:
            continue
        previous = year
        position = axis_width + n * span
        if chart.unit is Unit.YEAR or position >= free_from:
            label = str(year) if chart.unit is not Unit.YEAR or position >= free_from else ""
            if label and position >= free_from:
                line[position : position + len(label)] = list(label)
                free_from = position + len(label) + 1
    return Text("".join(line).rstrip() + "\n")


def _legends(chart: Layout, plain: bool) -> Text:
    out = Text()
    measure = "injured" if chart.by == "injured" else "killed"
    for mark, event, _index in chart.labelled:
        count = event.injured if measure == "injured" else event.killed
        figure = f"  ({measure} {count})" if count is not None else ""
        if count is not None and chart.heights.get(event.id, count.min or 0) != (count.min or 0):
            figure = f"  ({measure} {count}, {chart.heights[event.id]} beyond its parts)"
        out.append(f"{mark}  {format_date(event.start)}  ")
        out.append(one_line(event.title))
        out.append(f"{figure}\n", style="dim")
    present = [k for k in EVENT_KINDS if any(k in c.values for c in chart.columns)]
    key = Text()
    for kind in present:
        key.append_text(_cell(kind, 1, plain))
        key.append(f" {kind}  ")
    out.append_text(key)
    out.rstrip()
    out.append("\n")
    notes = []
    if any(c.is_gap for c in chart.columns):
        notes.append(f"\u2248 empty {chart.unit.value[0]}s left out")
    if any(c.uncertain for c in chart.columns):
        notes.append("? has events known only to the year, drawn at its start")
    if notes:
        out.append("   ".join(notes) + "\n", style="dim")
    out.append_text(_spans(chart))
    return out


def _spans(chart: Layout) -> Text:
    """The spans left out of the bars, each with its period and figure."""
    out = Text(style="dim")
    if not chart.spans:
        return out
    total = sum(value for _, value in chart.spans)
    what = "1 span" if len(chart.spans) == 1 else f"{len(chart.spans)} spans"
    out.append(f"Not drawn: {what} over several {chart.unit.value[0]}s ({chart.by} at least {total}):\n")
    for event, value in chart.spans:
        period = f"{format_date(event.start)} to {format_date(event.end or event.start)}"
        out.append(f"   {period}  ")
        out.append(one_line(event.title))
        count = event.injured if chart.by == "injured" else event.killed
        beyond = "" if count is None or count.min == value else f", {value} beyond its parts"
        out.append(f"  ({chart.by} {count}{beyond})\n")
    return out
