"""Options shared by several commands, defined once, and what they build."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from datetime import tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from timeline.errors import TimelineError, UsageError
from timeline.filters import FilterOptions
from timeline.model import Event, Store
from timeline.palette import EVENT_KINDS

if TYPE_CHECKING:
    pass


def _root_store(ctx: typer.Context) -> Store | None:
    """The store for shell completion: errors there must stay silent."""
    from timeline.cli.app import without_gc
    from timeline.store import open_store, store_path

    option = ctx.find_root().params.get("store")
    try:
        return without_gc(lambda: open_store(store_path(str(option) if option else None)))
    except TimelineError:
        return None


def complete_event_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Event ids starting with what was typed, with their titles."""
    store = _root_store(ctx)
    if store is None:
        return []
    return [(e.id, e.title[:60]) for e in store.chronological if e.id.startswith(incomplete)]


def complete_actor(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Actor ids and names starting with what was typed (any case), an alias
    only when neither id nor name does; the shell's script quotes them."""
    store = _root_store(ctx)
    if store is None:
        return []
    wanted = incomplete.casefold()
    found = []
    for actor in store.actors:
        if actor.id.startswith(wanted):
            found.append((actor.id, actor.name))
        if actor.name.casefold().startswith(wanted):
            found.append((actor.name, actor.id))
        elif not actor.id.startswith(wanted):
            found.extend(
                (alias, actor.name) for alias in actor.aliases if alias.casefold().startswith(wanted)
            )
    return found


def complete_country(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The countries of the store's events starting with what was typed."""
    store = _root_store(ctx)
    if store is None:
        return []
    counts = Counter(loc.country for e in store.events for loc in e.locations)
    wanted = incomplete.casefold()
    return [(c, _events(n)) for c, n in sorted(counts.items()) if c.casefold().startswith(wanted)]


def complete_tag(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The tags of the store's events starting with what was typed."""
    store = _root_store(ctx)
    if store is None:
        return []
    counts = Counter(tag for e in store.events for tag in e.tags)
    wanted = incomplete.casefold()
    return [(t, _events(n)) for t, n in sorted(counts.items()) if t.casefold().startswith(wanted)]


def _events(count: int) -> str:
    return "1 event" if count == 1 else f"{count} events"


def complete_kind(incomplete: str) -> list[tuple[str, str]]:
    """Event kinds starting with what was typed, with what each means."""
    return [(k, meaning) for k, meaning in EVENT_KINDS.items() if k.startswith(incomplete)]


def complete_zone(incomplete: str) -> list[str]:
    """A few common zones for --tz."""
    zones = [
        "UTC",
        "Asia/Baghdad",
        "Asia/Tehran",
        "Asia/Damascus",
        "Asia/Amman",
        "America/New_York",
        "Europe/London",
    ]
    return [z for z in zones if z.casefold().startswith(incomplete.casefold())]


FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="DATE",
        help='Only events from this date on, e.g. "Dec 2019".',
        rich_help_panel="Filters",
        show_default=False,
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="DATE",
        help='Only events up to this date (its whole period: "2020" ends 31 Dec 2020).',
        rich_help_panel="Filters",
        show_default=False,
    ),
]
OnOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="DATE",
        help='Only events within this period, e.g. "2020-03".',
        rich_help_panel="Filters",
        show_default=False,
    ),
]
AroundOption = Annotated[
    str | None,
    typer.Option(
        "--around",
        metavar="DATE|ID",
        help="Only events within --window of this date or event.",
        rich_help_panel="Filters",
        show_default=False,
        autocompletion=complete_event_id,
    ),
]
WindowOption = Annotated[
    str | None,
    typer.Option(
        "--window",
        metavar="N[d|w|m|y]",
        help="With --around: its width on each side, 10d, 2w (the default), 3m, 1y.",
        rich_help_panel="Filters",
        show_default=False,
    ),
]
ActorOption = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        "-a",
        metavar="ACTOR",
        help="Who acted or was targeted: id, name or alias. Repeat for any of several.",
        rich_help_panel="Filters",
        show_default=False,
        autocompletion=complete_actor,
    ),
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        "-c",
        metavar="COUNTRY",
        help="Where it happened (a name, or US, USA, UK, UAE). Repeat for any of several.",
        rich_help_panel="Filters",
        show_default=False,
        autocompletion=complete_country,
    ),
]
KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        help=f"Kind of event: {', '.join(EVENT_KINDS)}. Repeatable.",
        rich_help_panel="Filters",
        show_default=False,
        autocompletion=complete_kind,
    ),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        help="Events with this tag. Repeatable.",
        rich_help_panel="Filters",
        show_default=False,
        autocompletion=complete_tag,
    ),
]
SearchOption = Annotated[
    list[str] | None,
    typer.Option(
        "--search",
        "-s",
        metavar="TEXT",
        help="Text in the title, summary, places or actor names (any case).",
        rich_help_panel="Filters",
        show_default=False,
    ),
]
ConfirmedOption = Annotated[
    bool,
    typer.Option(
        "--confirmed",
        help="With --actor: only where its part is confirmed or claimed, not merely attributed, "
        "suspected or denied.",
        rich_help_panel="Filters",
    ),
]
WithBackedOption = Annotated[
    bool,
    typer.Option(
        "--with-backed",
        help="With --actor: also the actors it backs (their backers), e.g. --actor iran --with-backed.",
        rich_help_panel="Filters",
    ),
]
TopLevelOption = Annotated[
    bool,
    typer.Option(
        "--top-level",
        help="Only events that are part of no campaign or operation.",
        rich_help_panel="Filters",
    ),
]
HideWholesOption = Annotated[
    bool,
    typer.Option(
        "--hide-wholes",
        help="Leave out the events that have parts (campaigns, operations).",
        rich_help_panel="Filters",
    ),
]
StartingOption = Annotated[
    bool,
    typer.Option(
        "--starting",
        help="Match --from/--to/--on/--around by an event's start alone, not its whole span.",
        rich_help_panel="Filters",
    ),
]
MaxSpanOption = Annotated[
    str | None,
    typer.Option(
        "--max-span",
        metavar="N[d|w|m|y]",
        help="Leave out spans longer than this (background, campaigns): 1y, 6m.",
        rich_help_panel="Filters",
        show_default=False,
    ),
]
TzOption = Annotated[
    str | None,
    typer.Option(
        "--tz",
        metavar="ZONE",
        help="Show clock times in this zone, e.g. Asia/Baghdad; JSON and CSV keep their ISO offsets.",
        show_default=False,
        autocompletion=complete_zone,
    ),
]


def zone_option(name: str | None) -> tzinfo | None:
    """The --tz zone, or None."""
    if name is None:
        return None
    from timeline.dates.zones import time_zone

    return time_zone(name)


class ListFormat(StrEnum):
    """Output formats of `list`."""

    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"
    ids = "ids"


class DetailFormat(StrEnum):
    """Output formats of `show`."""

    panel = "panel"
    json = "json"


def stdout_is_terminal() -> bool:
    """Whether stdout is an interactive terminal (not a pipe or file)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def limited(events: list[Event], limit: int | None) -> list[Event]:
    """The first `limit` events (all without one); what --limit leaves out is
    said on stderr, so that the output itself stays what was asked for."""
    if limit is None or limit >= len(events):
        return events
    left = len(events) - limit
    noun = "event matches" if len(events) == 1 else "events match"
    if limit == 0:
        sys.stderr.write(f"{len(events)} {noun}; --limit 0 shows none\n")
    else:
        sys.stderr.write(f"{len(events)} {noun}; --limit {limit} left out {left}\n")
    return events[:limit]


def write(text: str) -> None:
    """Write text to stdout; on a terminal, with store text made safe (JSON and
    exports piped elsewhere keep every character)."""
    if sys.stdout.isatty():
        from timeline.text import terminal

        text = terminal(text)
    sys.stdout.write(text)


#: The filter options `list`, `export`, `stats` and `chart` share, defined once.
_FILTERS: tuple[tuple[str, Any, Any], ...] = (
    ("since", FromOption, None),
    ("until", ToOption, None),
    ("on", OnOption, None),
    ("around", AroundOption, None),
    ("window", WindowOption, None),
    ("actor", ActorOption, None),
    ("country", CountryOption, None),
    ("kind", KindOption, None),
    ("tag", TagOption, None),
    ("search", SearchOption, None),
    ("confirmed", ConfirmedOption, False),
    ("with_backed", WithBackedOption, False),
    ("top_level", TopLevelOption, False),
    ("hide_wholes", HideWholesOption, False),
    ("starting", StartingOption, False),
    ("max_span", MaxSpanOption, None),
)


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the shared filter options; it receives them as one
    FilterOptions in its `where` parameter.

    typer reads a command's parameters from its signature, so the wrapper's
    signature is the command's own (less `where`) plus the filters.
    """
    import functools
    import inspect

    own = inspect.signature(command, eval_str=True)
    kept = [p for p in own.parameters.values() if p.name != "where"]
    added = [
        inspect.Parameter(
            name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default, annotation=annotation
        )
        for name, annotation, default in _FILTERS
    ]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        given = {name: kwargs.pop(name) for name, _, _ in _FILTERS}
        if given["window"] is None:
            given["window"] = "2w"
        elif given["around"] is None:
            raise UsageError("--window needs --around (the date or event it is around)")
        where = FilterOptions(**given)
        command(*args, where=where, **kwargs)

    wrapper.__signature__ = own.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
    return wrapper
