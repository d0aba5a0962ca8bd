"""One event in full, as a rich panel (what `show` prints)."""

from __future__ import annotations

from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from timeline.dates.format import elapsed, format_date, format_span
from timeline.model import Count, Event, Store
from timeline.palette import style
from timeline.render.console import text
from timeline.text import one_line


def _count(count: Count | None) -> Text:
    if count is None:
        return Text("not recorded", style="dim")
    shown = text(str(count))
    if count.breakdown:
        parts = ", ".join(f"{n} {one_line(label)}" for label, n in count.breakdown)
        shown.append(f" ({parts})")
    return shown


def _linked(ids: tuple[str, ...], store: Store, event: Event, causes: bool) -> Text:
    lines = Text()
    for n, ident in enumerate(ids):
        other = store.by_id.get(ident)
        if n:
            lines.append("\n")
        if other is None:
            lines.append(text(ident, "cyan"))
            lines.append(" (unknown)", style="red")
            continue
        lines.append(text(ident, "cyan"))
        lines.append(f"  {format_date(other.start)}  ")
        lines.append(text(one_line(other.title)))
        since = elapsed(other.start, event.start) if causes else elapsed(event.start, other.start)
        lines.append(f"  ({since})", style="dim")
    return lines


def event_panel(event: Event, store: Store, zone: tzinfo | None = None) -> Panel:
    """Everything known about one event."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("Id", text(event.id, "cyan"))
    grid.add_row("When", text(format_span(event.start, event.end, zone)))
    grid.add_row("Precision", event.start.precision.label)
    grid.add_row("Kind", text(event.kind, style(event.kind)))
    if event.locations:
        places = Text("\n").join(
            text(", ".join(dict.fromkeys(p for p in (loc.place, loc.region, loc.country) if p)))
            + (
                Text(f" ({loc.lat:g}, {loc.lon:g})", style="dim")
                if loc.lat is not None and loc.lon is not None
                else Text()
            )
            for loc in event.locations
        )
        grid.add_row("Where", places)
    if event.actors:
        grid.add_row("Actors", text(", ".join(store.actor_name(a) for a in event.actors)))
    if event.targets:
        grid.add_row("Targets", text(", ".join(store.actor_name(a) for a in event.targets)))
    grid.add_row("Killed", _count(event.killed))
    grid.add_row("Injured", _count(event.injured))
    if event.causes:
        grid.add_row("Causes", _linked(event.causes, store, event, causes=True))
    effects = store.effects_of(event.id)
    if effects:
        grid.add_row("Effects", _linked(effects, store, event, causes=False))
    if event.tags:
        grid.add_row("Tags", text(", ".join(event.tags)))
    sources = Text("\n").join(
        text(f"{n}. {s.title}" + (f" ({s.note})" if s.note else "") + (f"\n   {s.url}" if s.url else ""))
        for n, s in enumerate(event.sources, start=1)
    )
    grid.add_row("Sources", sources)
    body: list[RenderableType] = [grid]
    if event.summary:
        body = [text(event.summary.strip()), Text(), grid]
    return Panel(Group(*body), title=text(one_line(event.title), "bold"), title_align="left")
