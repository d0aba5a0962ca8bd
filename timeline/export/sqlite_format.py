"""SQLite: the exported events as tables for SQL questions (sqlite3, Datasette).

A binary format: it is written to a file, never to stdout. The database is
built in a temporary file beside the target, then renamed over it, so a
reader sees the old file or the whole new one. Causes that lead outside the
export are kept as links, flagged `outside`; so `links.cause_id` alone has no
foreign key, every other reference has one.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from timeline.errors import DataError, Problem
from timeline.model import Count, Event, FuzzyDate, Precision, Store

SCHEMA = """\
CREATE TABLE actors (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL, backers TEXT NOT NULL
);
CREATE TABLE events (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,
  start TEXT NOT NULL, "end" TEXT, precision TEXT NOT NULL,
  start_sort TEXT NOT NULL, end_sort TEXT,
  killed_min INTEGER, killed_max INTEGER, injured_min INTEGER, injured_max INTEGER,
  summary TEXT NOT NULL, tags TEXT NOT NULL, zone TEXT
);
CREATE TABLE event_actors (
  event_id TEXT NOT NULL REFERENCES events(id), actor_id TEXT NOT NULL REFERENCES actors(id),
  side TEXT NOT NULL CHECK (side IN ('actor', 'target')), status TEXT NOT NULL,
  stated_by TEXT REFERENCES actors(id), source TEXT
);
CREATE TABLE locations (
  event_id TEXT NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
  place TEXT NOT NULL, region TEXT, country TEXT NOT NULL, lat REAL, lon REAL, zone TEXT,
  PRIMARY KEY (event_id, position)
);
CREATE TABLE links (
  effect_id TEXT NOT NULL REFERENCES events(id), cause_id TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('cause', 'part_of')), type TEXT,
  stated_by TEXT REFERENCES actors(id), source TEXT, outside INTEGER NOT NULL CHECK (outside IN (0, 1))
);
CREATE TABLE sources (
  event_id TEXT NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
  id TEXT, title TEXT NOT NULL, url TEXT, note TEXT, PRIMARY KEY (event_id, position)
);
CREATE TABLE figures (
  event_id TEXT NOT NULL REFERENCES events(id),
  measure TEXT NOT NULL CHECK (measure IN ('killed', 'injured')),
  min INTEGER, max INTEGER, stated_by TEXT REFERENCES actors(id), source TEXT, note TEXT
);
CREATE INDEX events_start ON events(start_sort);
CREATE INDEX events_kind ON events(kind);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE INDEX locations_country ON locations(country);
CREATE INDEX links_effect ON links(effect_id);
CREATE INDEX links_cause ON links(cause_id);
CREATE INDEX sources_event ON sources(event_id);
CREATE INDEX figures_event ON figures(event_id);
"""

Row = tuple[object, ...]


def sortable(value: FuzzyDate | None) -> str | None:
    """The first day (or the minute, on the local clock) of a period, in ISO
    form, so that text order is time order."""
    if value is None:
        return None
    if value.precision is Precision.MINUTE:
        return value.start.isoformat(timespec="minutes")
    return value.start.date().isoformat()


def _bounds(count: Count | None) -> tuple[int | None, int | None]:
    return (None, None) if count is None else (count.min, count.max)


def _event_row(event: Event) -> Row:
    return (
        event.id, event.title, event.kind, event.start.iso(), event.end.iso() if event.end else None,
        event.start.precision.label, sortable(event.start), sortable(event.end),
        *_bounds(event.killed), *_bounds(event.injured), event.summary, "; ".join(event.tags), event.zone,
    )  # fmt: skip


def _roles(event: Event) -> Iterator[Row]:
    if event.roles:
        for role in event.roles:
            yield (event.id, role.actor, role.side, role.status, role.by, role.source)
        return
    for side, ids in (("actor", event.actors), ("target", event.targets)):
        for actor in ids:
            yield (event.id, actor, side, "confirmed", None, None)


def _links(event: Event, chosen: set[str]) -> Iterator[Row]:
    for cause in event.causes:
        link = event.link(cause)
        yield (event.id, cause, "cause", link.type, link.by, link.source, int(cause not in chosen))
    for whole in event.part_of:
        yield (event.id, whole, "part_of", None, None, None, int(whole not in chosen))


def _figures(event: Event) -> Iterator[Row]:
    for measure, count in (("killed", event.killed), ("injured", event.injured)):
        if count is None:
            continue
        for report in count.reports or (None,):
            if report is None:
                yield (event.id, measure, count.min, count.max, None, None, None)
            else:
                yield (event.id, measure, report.min, report.max, report.by, report.source, report.note)


def fill(connection: sqlite3.Connection, store: Store, events: Sequence[Event]) -> None:
    """Create the tables in an empty database and insert the events."""
    chosen = {e.id for e in events}
    connection.execute("PRAGMA foreign_keys = ON")
    # One transaction for the schema and the rows: executescript() commits
    # after each statement, and each commit syncs the file (it was most of the
    # export's time). The tables are made statement by statement inside it.
    with connection:
        connection.execute("BEGIN")
        for statement in SCHEMA.split(";\n"):
            if statement.strip():
                connection.execute(statement)
        connection.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?)",
            [(a.id, a.name, a.kind, "; ".join(a.aliases), "; ".join(a.backers)) for a in store.actors],
        )
        connection.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 15)})", map(_event_row, events))
        for event in events:
            connection.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?)", _roles(event))
            connection.executemany(
                "INSERT INTO locations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (event.id, n, loc.place, loc.region, loc.country, loc.lat, loc.lon, loc.zone)
                    for n, loc in enumerate(event.locations, 1)
                ],
            )
            connection.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?)", _links(event, chosen))
            connection.executemany(
                "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                [(event.id, n, s.id, s.title, s.url, s.note) for n, s in enumerate(event.sources, 1)],
            )
            connection.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?)", _figures(event))


def write(store: Store, events: Sequence[Event], path: Path) -> None:
    """Write the database to `path` atomically (a temporary file, then a rename).

    Raises:
        DataError: the file cannot be written, saying why.
    """
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise DataError([Problem("is a directory", path=str(path))])
    # Named as the other temporaries timeline writes: .NAME.timeline-PID-RANDOM.tmp
    temporary = target.parent / f".{target.name}.timeline-{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        connection = sqlite3.connect(temporary)
        try:
            fill(connection, store, events)
        finally:
            connection.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as exc:
        temporary.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DataError([Problem(f"cannot write: {reason}", path=str(path))]) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
