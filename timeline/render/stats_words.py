"""`stats` in words, with no rich: the totals, then one table a breakdown
(by year, kind, country and actor) as Styled cells, so that the rich tables
(render.stats) and the plain text of a pipe (render.plain_stats) are drawn
from the same words."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import Store
from timeline.palette import style
from timeline.render.styled import Styled, joined, styled
from timeline.stats import ActorRow, Group, Summary, Total
from timeline.text import counted

#: What marks an actor's row counted from unconfirmed accounts only.
UNCONFIRMED = "*"

#: The columns after a table's first, which is named by the breakdown.
FIGURES = ("Events", "Killed", "Injured")


@dataclass(frozen=True)
class Breakdown:
    """One table: its title, its first column's name, and its rows (a label,
    the events, and the killed and injured totals)."""

    title: str
    column: str
    rows: list[tuple[Styled, int, Total, Total]]

    def cells(self, brief: bool = False) -> list[tuple[Styled, str, str, str]]:
        """The rows in words; `brief`, each total in a word ("33+", "none"),
        for a column too narrow for "at least 33" on one line."""
        shown = Total.brief if brief else Total.__str__
        return [(label, str(n), shown(k), shown(i)) for label, n, k, i in self.rows]


def _rows(labelled: list[tuple[Styled, Group]]) -> list[tuple[Styled, int, Total, Total]]:
    return [(label, g.events, g.killed, g.injured) for label, g in labelled]


def _keys(groups: list[Group], styled_by_kind: bool = False) -> list[tuple[Styled, Group]]:
    return [(styled(g.key, style(g.key) if styled_by_kind else ""), g) for g in groups]


def _actors(found: list[ActorRow], store: Store, target: bool) -> list[tuple[Styled, Group]]:
    """The rows of one side, most events first (the column shown: the
    summary's own order counts both sides), then by name."""
    rows: list[tuple[Styled, Group]] = []
    for a in found:
        firm, unconfirmed = (a.targeted, a.targeted_unconfirmed) if target else (a.acted, a.acted_unconfirmed)
        name = store.actor_name(a.key)
        if firm.events:
            rows.append((styled(name), firm))
        if unconfirmed.events:
            # a short mark, explained below the tables, keeps the row on one line at 80 columns;
            # no space before it, so that it never wraps onto a line of its own
            rows.append((styled(f"{name}{UNCONFIRMED}", "dim"), unconfirmed))
    return sorted(rows, key=lambda row: (-row[1].events, row[0].plain))


#: How many of the spans reaching beyond the period the notes name.
NAMED_SPANS = 3


def _notes(summary: Summary, store: Store) -> list[str]:
    """The notes under the totals: wholes, spans beyond the period, unknown figures."""
    notes = []
    if summary.wholes:
        notes.append(_wholes(summary))
    if summary.beyond:
        notes.append(_beyond(summary, store))
    if summary.killed.unknown or summary.injured.unknown:
        notes.append(
            f"(unknown figures: {summary.killed.unknown} killed, {summary.injured.unknown} injured;"
            " they leave the maximum open)"
        )
    return notes


def _wholes(summary: Summary) -> str:
    """ "2 wholes counted only beyond their 27 parts", saying how many of those
    parts are selected when not all are."""
    one = summary.wholes == 1
    wholes = "1 whole" if one else f"{summary.wholes} wholes"
    their = "its" if one else "their"
    if not summary.parts_outside:
        return f"{wholes} counted only beyond {their} {counted(summary.parts, 'part')}"
    inside = str(summary.parts) if summary.parts else "none"
    return (
        f"{wholes} counted only beyond {their} parts: "
        f"{inside} in this selection, {summary.parts_outside} outside it"
    )


def _beyond(summary: Summary, store: Store) -> str:
    """ "includes 1 event spanning beyond the period: tishreen-protests, 1 Oct
    2019 – 31 Oct 2020, killed 500+; its whole toll is counted (...)"."""
    from timeline.dates.format import format_span
    from timeline.stats import own

    named = []
    for ident in summary.beyond[:NAMED_SPANS]:
        event = store.by_id[ident]
        figures = own(store, event)
        sums = (("killed", figures.killed), ("injured", figures.injured))
        tolls = [f"{word} {count}" for word, count in sums if count is not None]
        named.append(f"{ident}, {format_span(event.start, event.end)}, {', '.join(tolls)}")
    more = len(summary.beyond) - len(named)
    listed = "; ".join(named) + (f"; and {more} more" if more else "")
    spans = counted(len(summary.beyond), "event")
    whose = "its whole toll is" if len(summary.beyond) == 1 else "their whole tolls are"
    return (
        f"includes {spans} spanning beyond the period: {listed}; {whose} counted"
        " (--max-span leaves such spans out)"
    )


def stats_phrases(summary: Summary) -> list[Styled]:
    """The totals as phrases, each to be kept on one line: the events (and the
    period counted, when one was asked), the killed, the injured."""
    events = Styled().add(counted(summary.events, "event"), "bold")
    if summary.period is not None:
        from timeline.dates.format import period_words

        events.add(f", {period_words(*summary.period)}")
    return [events, styled(f"killed {summary.killed}"), styled(f"injured {summary.injured}")]


#: What separates the phrases of the totals.
GAP = "   "


def stats_notes(summary: Summary, store: Store) -> Styled | None:
    """The notes under the totals, one a line, or None when there are none."""
    notes = _notes(summary, store)
    return styled("\n".join(notes), "dim") if notes else None


def stats_head(summary: Summary, store: Store) -> Styled:
    """The totals on one line, and the notes below them."""
    head = joined(GAP, stats_phrases(summary))
    notes = stats_notes(summary, store)
    if notes is not None:
        head.add("\n").nest(notes)
    return head


def stats_breakdowns(summary: Summary, store: Store) -> list[Breakdown]:
    """The tables, by year, kind, country, and actor (acting, then targeted)."""
    return [
        Breakdown("By year", "Year", _rows(_keys(summary.by_year))),
        Breakdown("By kind", "Kind", _rows(_keys(summary.by_kind, styled_by_kind=True))),
        Breakdown("By country", "Country", _rows(_keys(summary.by_country))),
        Breakdown(
            "By actor: killed in its actions", "Actor", _rows(_actors(summary.by_actor, store, target=False))
        ),
        Breakdown(
            "By actor: killed among its own (as a target)",
            "Actor",
            _rows(_actors(summary.by_actor, store, target=True)),
        ),
    ]


def stats_foot(summary: Summary) -> Styled | None:
    """What the unconfirmed mark means, when a table shows such a row."""
    if any(a.acted_unconfirmed.events or a.targeted_unconfirmed.events for a in summary.by_actor):
        return styled(
            f"{UNCONFIRMED} unconfirmed: attributed, suspected, denied or unknown accounts only", "dim"
        )
    return None
