"""`stats` and `chart`: the timeline at a glance."""

from enum import StrEnum
from typing import Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import (
    with_filters,
    write,
)
from timeline.filters import FilterOptions

app = commands_app()
NO_EVENTS = "No events match.\n"


class StatsFormat(StrEnum):
    """Output formats of `stats`."""

    table = "table"
    json = "json"


@app.command("stats")
@with_filters
def stats(
    ctx: typer.Context,
    where: FilterOptions,
    output: Annotated[StatsFormat, typer.Option("--format", "-f", help="table or json.")] = StatsFormat.table,
) -> None:
    """Count events by year, kind, country and actor, with casualty bounds.

    Casualties are summed as bounds: "at least 31" when any figure is open or
    unknown, "31–40" when all are bounded.

    Examples:

      timeline stats

      timeline stats --from 2023 --actor "Kata'ib Hezbollah"

      timeline stats --kind airstrike --format json
    """
    from timeline.query import select
    from timeline.stats import summarize

    store = state(ctx).store()
    selection = where.build(store)
    events = select(store, selection)
    summary = summarize(store, events, selection.period)
    if output == StatsFormat.json:
        from timeline.contract.encode import dumps, summary_to_dict

        write(dumps(summary_to_dict(summary, store)))
        return
    from timeline.cli.screen import ascii_only, plain_text, screen

    if plain_text(ctx):
        from timeline.render.plain_stats import stats_text

        write(stats_text(summary, store, ascii_only()) if events else NO_EVENTS)
        return
    from timeline.render.stats import stats_view

    with screen(ctx) as console:
        if events:
            console.print(stats_view(summary, store))
        else:
            console.print(NO_EVENTS.rstrip("\n"), style="dim")


class ChartMeasure(StrEnum):
    """What the bars measure."""

    events = "count"  # the member cannot be called `count`: str.count
    killed = "killed"
    injured = "injured"


@app.command("chart")
@with_filters
def chart(
    ctx: typer.Context,
    where: FilterOptions,
    by: Annotated[
        ChartMeasure,
        typer.Option("--by", help="Bar heights: count of events, or killed or injured (lower bounds)."),
    ] = ChartMeasure.events,
) -> None:
    """Draw the rhythm of the escalation as bars over time.

    The time unit (month, quarter or year) suits the span, long empty stretches
    are compressed, bars are stacked and coloured by kind, and the largest
    events are labelled. By killed or injured, a whole (a campaign with parts)
    adds only what its parts do not cover, and a span over several columns is
    not drawn in its start column: it is listed under the chart instead.

    Examples:

      timeline chart

      timeline chart --from 2019 --to 2020 --by killed

      timeline chart --from "Oct 2023" --kind attack --kind airstrike

      timeline chart --from 1979 --to 2024 --by injured
    """
    from timeline.chart_data import layout
    from timeline.cli.screen import screen
    from timeline.query import select
    from timeline.render.chart import chart_view
    from timeline.stats import own

    store = state(ctx).store()
    selection = where.build(store)
    events = select(store, selection)
    asked: tuple[str | None, str | None] = (None, None)
    since_month = None
    if selection.period is not None:
        from timeline.dates.format import period_bounds

        asked = period_bounds(*selection.period)
        if selection.period.start.year > 1:
            since_month = selection.period.start.year * 12 + selection.period.start.month - 1
    measure = "injured" if by is ChartMeasure.injured else "killed"
    heights = {}
    for event in events:
        count = getattr(own(store, event), measure)
        heights[event.id] = (count.min or 0) if count is not None else 0
    with screen(ctx, picture=True) as console:
        axis = 8
        drawn = layout(events, by.value, max(10, console.width - axis), since=since_month, heights=heights)
        if drawn is None:
            console.print("No events match." if not events else "The terminal is too narrow for this span.")
            return
        plain = console.color_system is None or console.no_color
        console.print(chart_view(drawn, console.width, plain=plain, asked=asked), end="")
