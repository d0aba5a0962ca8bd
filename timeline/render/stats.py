"""`stats` as rich tables: totals, then counts by year, kind, country and actor."""

from __future__ import annotations

from rich import box
from rich.console import Group as Stack
from rich.table import Table
from rich.text import Text

from timeline.model import Store
from timeline.palette import style
from timeline.render.console import text
from timeline.stats import ActorRow, Group, Summary


def _table(title: str, column: str, rows: list[tuple[Text, Group]]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(column, overflow="fold")
    table.add_column("Events", justify="right")
    table.add_column("Killed", justify="right", overflow="fold")
    table.add_column("Injured", justify="right", overflow="fold")
    for label, g in rows:
        table.add_row(label, str(g.events), str(g.killed), str(g.injured))
    return table


def _plain(groups: list[Group], styled: bool = False) -> list[tuple[Text, Group]]:
    return [(text(g.key, style(g.key) if styled else ""), g) for g in groups]


def _actors(found: list[ActorRow], store: Store, target: bool) -> list[tuple[Text, Group]]:
    rows: list[tuple[Text, Group]] = []
    for a in found:
        firm, unconfirmed = (a.targeted, a.targeted_unconfirmed) if target else (a.acted, a.acted_unconfirmed)
        name = store.actor_name(a.key)
        if firm.events:
            rows.append((text(name), firm))
        if unconfirmed.events:
            rows.append((text(f"{name} (unconfirmed)", "dim"), unconfirmed))
    return rows


def _notes(summary: Summary) -> Text:
    notes = Text(style="dim")
    if summary.wholes:
        wholes = "1 whole" if summary.wholes == 1 else f"{summary.wholes} wholes"
        parts = "1 part" if summary.parts == 1 else f"{summary.parts} parts"
        notes.append(f"\n{wholes} counted only beyond {'its' if summary.wholes == 1 else 'their'} {parts}")
    if summary.killed.unknown or summary.injured.unknown:
        notes.append(
            f"\n(unknown figures: {summary.killed.unknown} killed, {summary.injured.unknown} injured;"
            " they leave the maximum open)"
        )
    return notes


def stats_view(summary: Summary, store: Store) -> Stack:
    """Totals, then one table per breakdown."""
    head = Text()
    head.append(f"{summary.events} events", style="bold")
    head.append(f"   killed {summary.killed}   injured {summary.injured}")
    head.append_text(_notes(summary))
    return Stack(
        head,
        Text(),
        _table("By year", "Year", _plain(summary.by_year)),
        _table("By kind", "Kind", _plain(summary.by_kind, styled=True)),
        _table("By country", "Country", _plain(summary.by_country)),
        _table("By actor: killed in its actions", "Actor", _actors(summary.by_actor, store, target=False)),
        _table(
            "By actor: killed among its own (as a target)",
            "Actor",
            _actors(summary.by_actor, store, target=True),
        ),
        Text("(unconfirmed: attributed, suspected, denied or unknown accounts only)", style="dim")
        if any(a.acted_unconfirmed.events or a.targeted_unconfirmed.events for a in summary.by_actor)
        else Text(end=""),
    )
