"""`chart`: the timeline as stacked bars over a time axis, drawn as rich Text.

In colour each kind has a colour; without colour (piped, NO_COLOR) each kind
has a symbol (never a letter, so never mistaken for the A-E event labels),
so the picture still says which kind is which. The bars widen to fill the
width given; month and quarter charts label their months or quarters, and
every chart its years. A bar cut short (see chart_data.scale_top) reaches
the top with a break mark in it and its value printed over it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from timeline.chart_data import Column, Layout, Unit, stack
from timeline.dates.format import MONTHS, format_date
from timeline.palette import EVENT_KINDS, PALETTE, style
from timeline.text import counted, one_line

BLOCK = "\u2588"
HEIGHT = 8
#: The widest a column is drawn (a bar and the gap after it): wider bars say no more.
WIDEST = 8
#: What marks a bar cut short, in colour and without (no kind's symbol).
BREAK = "\u2571"
BREAK_PLAIN = "/"


def _cell(kind: str, width: int, plain: bool) -> Text:
    if plain:
        found = PALETTE.get(kind)
        return Text((found.symbol if found is not None else "?") * width)
    return Text(BLOCK * width, style=style(kind) or "white")


_MEASURES = {"count": "events", "killed": "killed (lower bounds)", "injured": "injured (lower bounds)"}


def chart_view(
    chart: Layout, width: int, plain: bool, asked: tuple[str | None, str | None] = (None, None)
) -> Text:
    """The whole picture: title, bars, axis, month and year labels, marks,
    legends. `asked` holds the bounds of the period asked for, in words
    ("2019", "2020"): the title keeps them rather than the first and last
    columns drawn, which stand in only for a bound not given."""
    if not chart.columns or not chart.peak:
        # nothing to stack: say so rather than draw empty axes
        out = Text(f"No {chart.by} to draw {'outside spans' if chart.spans else '(no figure above 0)'}.\n")
        out.append_text(_spans(chart, width))
        return out
    height = min(HEIGHT, chart.peak) if chart.by == "count" else HEIGHT
    axis_width = len(str(chart.scale)) + 2
    room = max(1, width - axis_width - 1)
    span = max(1, min(WIDEST, room // max(1, len(chart.columns))))
    bar = span - 1 if span > 1 else 1
    stacks = [_bar(c, chart, height) for c in chart.columns]
    first, last = chart.columns[0].first, chart.columns[-1].last
    out = Text()
    out.append(f"{_MEASURES[chart.by].capitalize()} per {chart.unit.value[0]}, ", style="bold")
    since, until = asked[0] or chart.unit.label(first), asked[1] or chart.unit.label(last)
    out.append(f"{since if since == until else f'{since} to {until}'}\n", style="bold")
    if any(chart.clipped(c) for c in chart.columns):
        out.append_text(_over_the_top(chart, axis_width, span))
    for row in range(height - 1, -1, -1):
        label = str(chart.scale) if row == height - 1 else ""
        out.append(label.rjust(axis_width - 2) + (" \u2524" if row == height - 1 else " \u2502"))
        for column, kinds in zip(chart.columns, stacks, strict=True):
            if column.is_gap or row >= len(kinds):
                out.append(" " * span)
                continue
            if chart.clipped(column) and row == height - 2:
                out.append((BREAK_PLAIN if plain else BREAK) * bar, style="" if plain else style(kinds[row]))
            else:
                out.append_text(_cell(kinds[row], bar, plain))
            out.append(" " * (span - bar))
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
    if chart.unit is not Unit.YEAR:
        out.append(_labels(chart, axis_width, span, _period_name))
    out.append(_labels(chart, axis_width, span, _year_name))
    out.append(_marks(chart, axis_width, span, bar))
    out.append_text(_legends(chart, plain, width))
    return out


def _marks(chart: Layout, axis_width: int, span: int, bar: int) -> str:
    """The A-E labels of the largest events, each under its own bar: in the
    first free cell of its bar's width, on the first line with one, so that
    labels of one column too narrow for them all go on lines below rather
    than under the next columns."""
    lines: list[list[str]] = []
    for mark, _event, index in chart.labelled:
        start = axis_width + index * span
        cells = range(start, start + bar)
        for line in lines:
            free = [cell for cell in cells if line[cell] == " "]
            if free:
                line[free[0]] = mark
                break
        else:
            line = [" "] * (axis_width + span * len(chart.columns))
            line[start] = mark
            lines.append(line)
    return "".join("".join(line).rstrip() + "\n" for line in lines)


def _bar(column: Column, chart: Layout, height: int) -> list[str]:
    """The kinds filling the column's bar from the bottom; a bar cut short
    fills the whole height, its kinds in their shares of its own total."""
    if chart.clipped(column):
        return stack(column.values, column.total, height)
    return stack(column.values, chart.scale, height)


def _over_the_top(chart: Layout, axis_width: int, span: int) -> Text:
    """The values of the bars cut short, each over its bar."""
    line = [" "] * (axis_width + span * len(chart.columns) + 12)
    for n, column in enumerate(chart.columns):
        if chart.clipped(column):
            value = str(column.total)
            position = axis_width + n * span
            if all(c == " " for c in line[max(0, position - 1) : position + len(value)]):
                line[position : position + len(value)] = list(value)
    return Text("".join(line).rstrip() + "\n")


def _period_name(unit: Unit, index: int) -> tuple[str, str]:
    """A month's or quarter's name ("Jan", "Q1"), and what a narrow column
    shows instead (the month's initial)."""
    month = index * unit.months % 12
    if unit is Unit.QUARTER:
        return f"Q{month // 3 + 1}", f"Q{month // 3 + 1}"
    return MONTHS[month], MONTHS[month][0]


def _year_name(unit: Unit, index: int) -> tuple[str, str]:
    return str(unit.year_of(index)), str(unit.year_of(index))


def _labels(chart: Layout, axis_width: int, span: int, namer: Callable[[Unit, int], tuple[str, str]]) -> str:
    """A line of labels under the axis, each starting at its column: months
    or quarters (every column that has room; initials when the columns are
    too narrow for names), or years (at the first column of each year)."""
    line = [" "] * (axis_width + span * len(chart.columns) + 6)
    free_from = 0
    previous = ""
    years = namer is _year_name
    for n, column in enumerate(chart.columns):
        if column.is_gap:
            continue
        full, short = namer(chart.unit, column.first)
        label = full if len(full) < span or years else short
        if years and label == previous:
            continue
        previous = label
        position = axis_width + n * span
        if position >= free_from:
            line[position : position + len(label)] = list(label)
            free_from = position + len(label) + 1
    return "".join(line).rstrip() + "\n"


#: An atom of a wrapped line: the separator before it (dropped at a line's
#: start) and a piece of text never split across lines.
Atom = tuple[str, Text]


def _words(text: str, style: str = "", first: str = " ") -> list[Atom]:
    """Text as atoms, one a word: `first` before the first, a space before the rest."""
    return [(first if n == 0 else " ", Text(w, style=style)) for n, w in enumerate(text.split())]


def _wrapped(atoms: list[Atom], width: int, indent: int) -> Text:
    """Atoms on lines of at most `width` cells, each further line indented by
    `indent`, a line broken only between atoms (an atom wider than a line
    overflows it whole); no line ends in a blank."""
    out = Text()
    used = 0
    for sep, atom in atoms:
        if used and used + len(sep) + atom.cell_len > width:
            out.append("\n" + " " * indent)
            used = indent
        elif used:
            out.append(sep)
            used += len(sep)
        out.append_text(atom)
        used += atom.cell_len
    out.append("\n")
    return out


def _legends(chart: Layout, plain: bool, width: int) -> Text:
    out = Text()
    measure = "injured" if chart.by == "injured" else "killed"
    for mark, event, _index in chart.labelled:
        count = event.injured if measure == "injured" else event.killed
        atoms = [
            ("", Text(f"{mark}  {format_date(event.start)}")),
            *_words(one_line(event.title), first="  "),
        ]
        if count is not None:
            figure = f"({measure} {count}"  # whole on one line: "(killed 6–7)"
            if chart.heights.get(event.id, count.min or 0) != (count.min or 0):
                atoms.append(("  ", Text(f"{figure},", style="dim")))
                atoms += _words(f"{chart.heights[event.id]} beyond its parts)", "dim")
            else:
                atoms.append(("  ", Text(f"{figure})", style="dim")))
        # further lines hang under the date, clear of the marks
        out.append_text(_wrapped(atoms, width, len(mark) + 2))
    present = [k for k in EVENT_KINDS if any(k in c.values for c in chart.columns)]
    # each kind's entry (its cell and name) whole on one line
    key = [("  ", Text.assemble(_cell(kind, 1, plain), f" {kind}")) for kind in present]
    out.append_text(_wrapped(key, width, 0))
    notes = []
    cut = sum(1 for c in chart.columns if chart.clipped(c))
    if cut:
        bars = counted(cut, "bar")
        mark = BREAK_PLAIN if plain else BREAK
        notes.append(
            f"{mark} {bars} over {chart.scale} cut short, {'its' if cut == 1 else 'each'} value above"
        )
    if any(c.is_gap for c in chart.columns):
        notes.append(f"\u2248 empty {chart.unit.value[0]}s left out")
    if any(c.uncertain for c in chart.columns):
        notes.append("? has events known only to the year, drawn at its start")
    if notes:
        out.append_text(_wrapped([("   ", Text(note, style="dim")) for note in notes], width, 0))
    out.append_text(_spans(chart, width))
    return out


def _spans(chart: Layout, width: int) -> Text:
    """The spans left out of the bars, each with its period and figure."""
    out = Text(style="dim")
    if not chart.spans:
        return out
    total = sum(value for _, value in chart.spans)
    what = counted(len(chart.spans), "span")
    out.append(f"Not drawn: {what} over several {chart.unit.value[0]}s ({chart.by} at least {total}):\n")
    for event, value in chart.spans:
        period = f"{format_date(event.start)} to {format_date(event.end or event.start)}"
        count = event.injured if chart.by == "injured" else event.killed
        beyond = "" if count is None or count.min == value else f", {value} beyond its parts"
        atoms = [("", Text(f"   {period}")), *_words(one_line(event.title), first="  ")]
        atoms.append(("  ", Text(f"({chart.by} {count}{beyond})")))
        out.append_text(_wrapped(atoms, width, 6))
    return out
