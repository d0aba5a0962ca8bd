"""One event in full, as a rich panel (what `show` prints)."""

from __future__ import annotations

from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from timeline.dates.format import format_date, format_span, local_span
from timeline.model import Count, Event, Store
from timeline.palette import style
from timeline.render.console import text
from timeline.render.words import (
    OUTSIDE,
    actor_words,
    apart,
    figure_words,
    link_words,
    reported_clock,
)
from timeline.text import one_line, reflow


def _count(count: Count | None, event: Event, store: Store) -> Text:
    """The derived range (with its breakdown), then each reported figure."""
    if count is None:
        return Text("not recorded", style="dim")
    shown = text(str(count))
    if count.breakdown:
        parts = ", ".join(f"{n} {one_line(label)}" for label, n in count.breakdown)
        shown.append(f" ({parts})")
    for figure in count.reports:
        shown.append("\n")
        shown.append_text(text(figure_words(figure, event, store)))
    return shown


def _linked(ids: tuple[str, ...], store: Store, event: Event, causes: bool) -> Text:
    """Causes (or effects), each with its typed link and the time between:
    "k1  27 Dec 2019  Rocket attack  (retaliation for, per United States; 2 days before)"."""
    lines = Text()
    for n, ident in enumerate(ids):
        other = store.known(ident)
        if n:
            lines.append("\n")
        if other is None:
            lines.append(text(ident, "cyan"))
            lines.append(" (unknown)", style="red")
            continue
        lines.append(text(ident, "cyan"))
        lines.append(f"  {format_date(other.start)}  ")
        lines.append(text(one_line(other.title)))
        link = event.link(ident) if causes else other.link(event.id)
        said = link_words(link, event if causes else other, store)
        lines.append_text(text(f"  ({said}; {apart(event.start, other.start)})", "dim"))
        _mark_outside(lines, ident, store)
    return lines


def _mark_outside(lines: Text, ident: str, store: Store) -> None:
    """ " (outside this store)" after a link a slice does not hold."""
    if store.is_outside(ident):
        lines.append(f" {OUTSIDE}", style="yellow")


def _members(ids: tuple[str, ...], store: Store) -> Text:
    """Events by id, one a line: "29 Dec 2019  US strikes ...  id"."""
    lines = Text()
    for n, ident in enumerate(ids):
        if n:
            lines.append("\n")
        other = store.known(ident)
        if other is None:
            lines.append(text(ident, "cyan"))
            lines.append(" (unknown)", style="red")
            continue
        lines.append(f"{format_span(other.start, other.end)}  ")
        lines.append_text(text(one_line(other.title)))
        lines.append("  ")
        lines.append_text(text(ident, "cyan"))
        _mark_outside(lines, ident, store)
    return lines


def _when(event: Event, zone: tzinfo | None) -> Text:
    """The dates; minute times on the local clock with the zone's city, and
    the clock the source reported when it differs (--tz overrides both)."""
    if zone is not None or event.zone is None:
        return text(format_span(event.start, event.end, zone))
    when = text(local_span(event.start, event.end, event.zone))
    reported = reported_clock(event)
    if reported is not None:
        when.append_text(text(f"\n{reported}", "dim"))
    return when


def _actors(event: Event, ids: tuple[str, ...], side: str, store: Store) -> Text:
    """Actors by name, each with its accounts; one a line when any has one."""
    if not event.roles:
        return text(", ".join(store.actor_name(a) for a in ids))
    return text("\n".join(actor_words(event, a, side, store) for a in ids))


def event_panel(
    event: Event, store: Store, zone: tzinfo | None = None, framed: bool = True
) -> RenderableType:
    """Everything known about one event: in a panel titled by the event, or
    (not `framed`: piped, on lines that never wrap) the title on a line of its
    own. The summary is re-flowed as paragraphs, never wrapped twice."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("Id", text(event.id, "cyan"))
    grid.add_row("When", _when(event, zone))
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
        grid.add_row("Actors", _actors(event, event.actors, "actor", store))
    if event.targets:
        grid.add_row("Targets", _actors(event, event.targets, "target", store))
    grid.add_row("Killed", _count(event.killed, event, store))
    grid.add_row("Injured", _count(event.injured, event, store))
    if event.part_of:
        grid.add_row("Part of", _members(event.part_of, store))
    parts = store.all_parts(event.id)
    if parts:
        grid.add_row(f"Parts: {len(parts)}", _members(parts, store))
    if event.causes:
        grid.add_row("Causes", _linked(event.causes, store, event, causes=True))
    effects = store.all_effects(event.id)
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
        body = [text(reflow(event.summary)), Text(), grid]
    title = text(one_line(event.title), "bold")
    if not framed:
        return Group(title, Text(), *body)
    return Panel(Group(*body), title=title, title_align="left")
