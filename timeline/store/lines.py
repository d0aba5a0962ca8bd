"""Finding the line of an event, an actor or a field in a TOML store, for the
problems found reading it and for those its checks find.

tomllib reports no positions, so when (and only when) a store has problems we
scan its text once and map each `[[event]]` / `[[actor]]` table, and each key
inside it, to a line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from timeline.errors import Problem

_HEADER = re.compile(r"\s*\[\[\s*(event|actor|place)\s*\]\]")
_SUBTABLE = re.compile(r"\s*\[\[?\s*(event|actor)\.([A-Za-z0-9_-]+)\s*\]\]?")
_OTHER_TABLE = re.compile(r"\s*\[")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_ID = re.compile(r"""\s*id\s*=\s*["']([^"']*)["']""")


@dataclass
class TableLines:
    """Where one `[[event]]` or `[[actor]]` table and its keys are."""

    header: int
    id: str | None = None
    fields: dict[str, int] = field(default_factory=dict)


@dataclass
class LineIndex:
    """Line numbers of the tables of a TOML store, in file order."""

    events: list[TableLines] = field(default_factory=list)
    actors: list[TableLines] = field(default_factory=list)
    places: list[TableLines] = field(default_factory=list)
    top: dict[str, int] = field(default_factory=dict)

    def line(self, table: str, index: int | None, name: str | None) -> int | None:
        """The line of a field of the index-th table of a kind, or of the table."""
        if index is None:
            return self.top.get(name) if name else None
        tables = {"event": self.events, "actor": self.actors, "place": self.places}.get(table, [])
        if index >= len(tables):
            return None
        found = tables[index]
        if name is not None and name in found.fields:
            return found.fields[name]
        return found.header

    def event_line(self, event_id: str, name: str | None = None) -> int | None:
        """The line of a field of the first event with this id."""
        for index, table in enumerate(self.events):
            if table.id == event_id:
                return self.line("event", index, name)
        return None


def index_lines(text: str) -> LineIndex:
    """Scan a TOML text for its event and actor tables and their keys."""
    index = LineIndex()
    current: TableLines | None = None
    in_subtable = False
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            current = TableLines(number)
            {"event": index.events, "actor": index.actors, "place": index.places}[header[1]].append(current)
            in_subtable = False
            continue
        sub = _SUBTABLE.match(line)
        if sub and current is not None:
            current.fields.setdefault(sub[2], number)
            in_subtable = True
            continue
        if _OTHER_TABLE.match(line):
            current, in_subtable = None, False
            continue
        key = _KEY.match(line)
        if key:
            if current is None:
                index.top.setdefault(key[1], number)
            elif not in_subtable:
                current.fields.setdefault(key[1], number)
                ident = _ID.match(line)
                if ident and current.id is None:
                    current.id = ident[1]
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                in_string = quote
                break
    return index


class Found(NamedTuple):
    """A problem found in a store, before its line is known.

    A problem of the reader knows the position of its table among the tables
    of its kind; one of a check knows only the event's id.
    """

    table: str  # "top", "event", "actor" or "place"
    position: int | None  # index among the tables of that kind, if known
    event_id: str | None
    field: str | None
    message: str
    check: str | None = None


def from_check(problem: Problem) -> Found:
    """A check's problem, to be located by its event id."""
    return Found("event", problem.position, problem.event_id, problem.field, problem.message, problem.check)


def locate(found: Iterable[Found], origin: str, text: str | None) -> list[Problem]:
    """Problems with their line numbers in a TOML text, where they can be found
    (a JSON text, or none, gives no lines)."""
    lines = index_lines(text) if text is not None and not text.lstrip().startswith("{") else None
    problems = []
    for f in found:
        line = None
        if lines is not None:
            name = f.field.split(".")[0] if f.field else None
            if f.position is not None or f.table == "top":
                line = lines.line(f.table, f.position, name)
            elif f.event_id is not None:
                line = lines.event_line(f.event_id, name)
        ident = f.event_id if f.table == "event" else None
        where = f.field
        if f.table in ("actor", "place"):
            at = f"{f.table}[{f.position}]"
            where = f"{at}.{f.field}" if f.field else at
        problems.append(
            Problem(f.message, path=origin, line=line, event_id=ident, field=where, check=f.check)
        )
    return problems
