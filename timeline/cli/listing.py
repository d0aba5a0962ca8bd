"""`list` and `show`: events by date range, and one event in full."""

# No `from __future__ import annotations` in the command modules: typer reads
# their signatures on every run, and string annotations would each be eval()ed.

from typing import TYPE_CHECKING, Annotated

import typer

from timeline.cli.app import commands_app, state
from timeline.cli.options import (
    DetailFormat,
    ListFormat,
    TzOption,
    complete_event_id,
    limited,
    stdout_is_terminal,
    with_filters,
    write,
    zone_option,
)
from timeline.filters import FilterOptions

if TYPE_CHECKING:
    from timeline.model import Event, Store
    from timeline.query import Filter

app = commands_app()

#: What each --sort key orders by, for completion.
SORT_MEANINGS = {
    "date": "chronologically (the default)",
    "killed": "by the number killed, fewest first",
    "injured": "by the number injured, fewest first",
    "title": "by title, alphabetically",
    "kind": "by kind, alphabetically",
}


def _complete_sort(incomplete: str) -> list[tuple[str, str]]:
    return [(key, meaning) for key, meaning in SORT_MEANINGS.items() if key.startswith(incomplete)]


def _check_sort(key: str) -> str:
    """A usage error that the parser reports (with its pointer to --help)."""
    from timeline.query import SORT_KEYS

    if key not in SORT_KEYS:
        raise typer.BadParameter(f"{key!r} is not one of {', '.join(SORT_KEYS)}")
    return key


@app.command("list")
@with_filters
def list_events(
    ctx: typer.Context,
    where: FilterOptions,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="KEY",
            help="Order by date|killed|injured|title|kind.",
            autocompletion=_complete_sort,
            callback=_check_sort,
        ),
    ] = "date",
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Reverse the order.")] = False,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N events.", show_default=False),
    ] = None,
    output: Annotated[
        ListFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (a terminal's default), plain (piped default: one line per event), json, csv or ids.",
            show_default=False,
        ),
    ] = None,
    tz: TzOption = None,
) -> None:
    """List events, chronologically, with the filters given.

    A date bound means its whole period, and an event matches when its own
    period overlaps the one asked for. Values of one filter are alternatives;
    different filters must all hold.

    Examples:

      timeline list --from "Dec 2019" --to "Jan 2020"

      timeline list --on 2020-03 --format json

      timeline list --around k1-air-base-attack --window 1w

      timeline list --actor "Kata'ib Hezbollah" --kind airstrike --sort killed -r

      timeline list --format ids | xargs -n1 timeline show
    """
    from timeline.query import select, sort_events

    store = state(ctx).store()
    zone = zone_option(tz)
    selection = where.build(store)
    matched = sort_events(select(store, selection), sort, reverse)
    events = limited(matched, limit)
    chosen = output or (ListFormat.table if stdout_is_terminal() else ListFormat.plain)
    if chosen is ListFormat.ids:
        write("".join(f"{e.id}\n" for e in events))
    elif chosen is ListFormat.json or chosen is ListFormat.csv:
        from timeline.export import exporter

        write(exporter(chosen.value).render(store, events))
    elif chosen is ListFormat.plain:
        from timeline.render.plain import plain_table

        write(plain_table(events, store, zone))
    else:
        from timeline.cli.screen import screen
        from timeline.render.table import events_view

        with screen(ctx, picture=True) as console:
            if events:
                caption = _caption(store, selection, where.max_span, len(matched), events)
                console.print(events_view(events, store, console.width, zone, caption))
            elif not matched:
                console.print("No events match.", style="dim")


def _caption(
    store: "Store", selection: "Filter", max_span: str | None, matched: int, shown: "list[Event]"
) -> str:
    """The table's caption: how many events, the period asked, the long spans
    among them (or how many --max-span left out), and what C/E means."""
    from dateutil.relativedelta import relativedelta

    from timeline.dates.format import period_words
    from timeline.query import longer_than, select
    from timeline.render.table import list_caption

    period = period_words(*selection.period) if selection.period is not None else None
    year = relativedelta(years=1)
    hidden = 0
    if selection.max_span is not None:
        hidden = len(select(store, selection._replace(max_span=None))) - matched
        long_spans = 0
    else:
        long_spans = sum(1 for e in shown if e.end is not None and longer_than(e, year))
    return list_caption(len(shown), matched, period, long_spans, hidden, max_span)


@app.command("show")
def show(
    ctx: typer.Context,
    event_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="An event id, or a unique start of one.", autocompletion=complete_event_id
        ),
    ],
    output: Annotated[
        DetailFormat,
        typer.Option("--format", "-f", help="panel or json (the JSON contract: version, the event, actors)."),
    ] = DetailFormat.panel,
    tz: TzOption = None,
) -> None:
    """Show everything known about one event.

    Dates at their precision, places, actors and targets, casualties with their
    breakdown, causes and effects with the time between them, tags, sources.

    Examples:

      timeline show us-airstrikes-kh-2019-12-29

      timeline show soleimani-killing --tz Asia/Baghdad

      timeline show k1-air-base-attack --format json
    """
    from timeline.query import resolve_event

    store = state(ctx).store()
    event = resolve_event(store, event_id)
    if output is DetailFormat.json:
        from timeline.contract.encode import store_json

        # The contract's envelope, as `export` writes it: a one-event slice
        # that loads as a store, its links to other events kept as outside.
        write(store_json(store, [event]))
        return
    from timeline.cli.event_view import print_event
    from timeline.cli.screen import plain_text, screen

    if plain_text(ctx):
        print_event(None, event, store, zone_option(tz), tz)
        return
    with screen(ctx) as console:
        print_event(console, event, store, zone_option(tz), tz)
