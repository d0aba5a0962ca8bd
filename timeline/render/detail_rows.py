"""One event in full, in words: the rows `show` prints (a label and its
value), its title and its summary, as Styled text with no rich, so that the
rich panel (render.detail) and the plain text of a pipe (render.plain_detail)
are drawn from the same words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from timeline.dates.format import format_date, format_span, local_span
from timeline.dates.zones import in_zone
from timeline.model import Count, Event, Store
from timeline.palette import style
from timeline.render.styled import Styled, joined, styled
from timeline.render.words import (
    OUTSIDE,
    actor_words,
    apart,
    figure_words,
    link_words,
    reported_clock,
)
from timeline.text import one_line, reflow


def _count(count: Count | None, store: Store) -> Styled:
    """The derived range (with its breakdown), then each reported figure."""
    if count is None:
        return styled("none recorded", "dim")  # the words of stats and the explorer too
    shown = styled(str(count))
    if count.breakdown:
        parts = ", ".join(f"{n} {one_line(label)}" for label, n in count.breakdown)
        shown.add(f" ({parts})")
    for figure in count.reports:
        shown.add("\n")
        shown.nest(styled(figure_words(figure, store)))
    return shown


def _linked(ids: tuple[str, ...], store: Store, event: Event, causes: bool) -> Styled:
    """Causes (or effects), each with its typed link and the time between:
    "k1  27 Dec 2019  Rocket attack  (retaliation for, per United States [dod]; 2 days before)".
    A cause's link is this event's, its source in the Sources below; an
    effect's is the other event's, its source marked so (render.words.link_words)."""
    lines = Styled()
    for n, ident in enumerate(ids):
        other = _event_line(lines, n, ident, store, lambda e: format_date(e.start))
        if other is None:
            continue
        link = event.link(ident) if causes else other.link(event.id)
        said = link_words(link, event if causes else other, store, here=causes)
        lines.nest(styled(f"  ({said}; {apart(event.start, other.start)})", "dim"))
        _mark_outside(lines, ident, store)
    return lines


def _mark_outside(lines: Styled, ident: str, store: Store) -> None:
    """ " (outside this store)" after a link a slice does not hold."""
    if store.is_outside(ident):
        lines.add(f" {OUTSIDE}", "yellow")


def _members(ids: tuple[str, ...], store: Store) -> Styled:
    """Events by id, one a line, in the order of causes and effects:
    "strikes  29 Dec 2019  US strikes ..."."""
    lines = Styled()
    for n, ident in enumerate(ids):
        if _event_line(lines, n, ident, store, lambda e: format_span(e.start, e.end)) is not None:
            _mark_outside(lines, ident, store)
    return lines


def _event_line(
    lines: Styled, n: int, ident: str, store: Store, when: Callable[[Event], str]
) -> Event | None:
    """Start the n-th line of a list of linked events: "id  date  title", or
    "id (unknown)" when the store holds no such event (then None)."""
    if n:
        lines.add("\n")
    lines.nest(styled(ident, "cyan"))
    other = store.known(ident)
    if other is None:
        lines.add(" (unknown)", "red")
        return None
    lines.add(f"  {when(other)}  ")
    lines.nest(styled(one_line(other.title)))
    return other


def _when(event: Event, zone: tzinfo | None, zone_name: str | None) -> Styled:
    """The dates; minute times on the local clock with the zone's city (the
    --tz zone's, named `zone_name`, when given), and the clock the source
    reported when it differs from the one shown."""
    start, end, name = event.start, event.end, event.zone
    if zone is not None:
        start, end, name = in_zone(start, zone), None if end is None else in_zone(end, zone), zone_name
    when = styled(local_span(start, end, name) if name is not None else format_span(start, end))
    reported = reported_clock(event) if event.reported_start != start else None
    if reported is not None:
        when.nest(styled(f"\n{reported}", "dim"))
    return when


def _actors(event: Event, ids: tuple[str, ...], side: str, store: Store) -> Styled:
    """Actors by name, each with its accounts; one a line when any has one."""
    if not event.roles:
        return styled(", ".join(store.actor_name(a) for a in ids))
    return styled("\n".join(actor_words(event, a, side, store) for a in ids))


def _places(event: Event) -> Styled:
    """Each place with its region and country, and its coordinates, one a line."""
    lines = []
    for loc in event.locations:
        place = styled(", ".join(dict.fromkeys(p for p in (loc.place, loc.region, loc.country) if p)))
        if loc.lat is not None and loc.lon is not None:
            place.nest(styled(f" ({loc.lat:g}, {loc.lon:g})", "dim"))
        lines.append(place)
    return joined("\n", lines)


def _sources(event: Event, urls: bool) -> Styled:
    """The sources, numbered, each with the id that accounts, figures and
    causes cite it by ("3. [dod] UPI via ..."), each URL (unless left to
    `source_links`) on the line below its title."""
    return joined(
        "\n",
        [
            styled(
                f"{n}. "
                + (f"[{s.id}] " if s.id else "")
                + s.title
                + (f" ({s.note})" if s.note else "")
                + (f"\n   {s.url}" if s.url and urls else "")
            )
            for n, s in enumerate(event.sources, start=1)
        ],
    )


def source_links(event: Event) -> list[str]:
    """The sources' URLs, numbered as the Sources row numbers them: what a
    panel too narrow for a URL prints below itself, each URL whole."""
    return [f"{n}. {s.url}" for n, s in enumerate(event.sources, start=1) if s.url]


def detail_rows(
    event: Event, store: Store, zone: tzinfo | None = None, urls: bool = True, zone_name: str | None = None
) -> list[tuple[str, Styled]]:
    """The labelled rows of `show`, in order, those with nothing to say left
    out; the sources' URLs among them unless not `urls`. Times are shown in
    `zone` (--tz, its city from `zone_name`) when given."""
    rows = [
        ("Id", styled(event.id, "cyan")),
        ("When", _when(event, zone, zone_name)),
        ("Precision", styled(event.start.precision.label)),
        ("Kind", styled(event.kind, style(event.kind))),
    ]
    if event.locations:
        rows.append(("Where", _places(event)))
    if event.actors:
        rows.append(("Actors", _actors(event, event.actors, "actor", store)))
    if event.targets:
        rows.append(("Targets", _actors(event, event.targets, "target", store)))
    rows.append(("Killed", _count(event.killed, store)))
    rows.append(("Injured", _count(event.injured, store)))
    if event.part_of:
        rows.append(("Part of", _members(event.part_of, store)))
    parts = store.all_parts(event.id)
    if parts:
        rows.append((f"Parts: {len(parts)}", _members(parts, store)))
    if event.causes:
        rows.append(("Causes", _linked(event.causes, store, event, causes=True)))
    effects = store.all_effects(event.id)
    if effects:
        rows.append(("Effects", _linked(effects, store, event, causes=False)))
    if event.tags:
        rows.append(("Tags", styled(", ".join(event.tags))))
    rows.append(("Sources", _sources(event, urls)))
    return rows


def detail_title(event: Event) -> Styled:
    """The event's title as one line of text, in bold (a panel wraps it at words)."""
    return styled(one_line(event.title), "bold")


def detail_summary(event: Event) -> Styled | None:
    """The summary re-flowed as paragraphs (never wrapped twice), or None."""
    return styled(reflow(event.summary)) if event.summary else None
