"""`stats` in words, with no rich: the totals, then one table a breakdown
(by year, kind, country and actor) as Styled cells, so that the rich tables
(render.stats) and the plain text of a pipe (render.plain_stats) are drawn
from the same words."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import Store
from timeline.palette import style
from timeline.render.styled import Styled, styled
from timeline.stats import ActorRow, Group, Summary

#: What marks an actor's row counted from unconfirmed accounts only.
UNCONFIRMED = "*"

#: The columns after a table's first, which is named by the breakdown.
FIGURES = ("Events", "Killed", "Injured")


@dataclass(frozen=True)
class Breakdown:
    """One table: its title, its first column's name, and its rows (a label
    and the events, killed and injured figures)."""

    title: str
    column: str
    rows: list[tuple[Styled, str, str, str]]


def _rows(labelled: list[tuple[Styled, Group]]) -> list[tuple[Styled, str, str, str]]:
    return [(label, str(g.events), str(g.killed), str(g.injured)) for label, g in labelled]


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


def _notes(summary: Summary) -> Styled:
    notes = Styled("dim")
    if summary.wholes:
        wholes = "1 whole" if summary.wholes == 1 else f"{summary.wholes} wholes"
        parts = "1 part" if summary.parts == 1 else f"{summary.parts} parts"
        notes.add(f"\n{wholes} counted only beyond {'its' if summary.wholes == 1 else 'their'} {parts}")
    if summary.killed.unknown or summary.injured.unknown:
        notes.add(
            f"\n(unknown figures: {summary.killed.unknown} killed, {summary.injured.unknown} injured;"
            " they leave the maximum open)"
        )
    return notes


def stats_head(summary: Summary) -> Styled:
    """The totals, and notes on wholes and unknown figures below them."""
    head = Styled()
    head.add(f"{summary.events} events", "bold")
    head.add(f"   killed {summary.killed}   injured {summary.injured}")
    head.nest(_notes(summary))
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
