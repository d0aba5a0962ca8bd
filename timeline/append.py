"""Adding an event to a store file without touching what is already there.

The new `[[event]]` table is appended to the file's text, so every byte of the
existing file (comments, order, formatting) is kept. The whole result is read
and checked exactly as a store is on load before anything is written, and the
write is atomic. Writers of one store take turns: the file is read, checked and
written under an exclusive lock, so two concurrent adds never lose an event.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from timeline.errors import DataError, Problem, UsageError
from timeline.model import Store

# TOML basic strings may not hold raw control characters (DEL included).
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')
_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def toml_string(text: str) -> str:
    """A TOML basic string holding exactly this text."""
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text) + '"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{toml_string(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, Sequence):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def event_toml(
    fields: Mapping[str, Any],
    locations: Sequence[Mapping[str, Any]] = (),
    sources: Sequence[Mapping[str, Any]] = (),
) -> str:
    """An `[[event]]` table with its location and source sub-tables."""
    lines = ["[[event]]"]
    lines += [f"{key} = {_value(value)}" for key, value in fields.items() if value not in (None, "", [], ())]
    for name, tables in (("locations", locations), ("sources", sources)):
        for table in tables:
            lines.append(f"[[event.{name}]]")
            lines += [f"{key} = {_value(value)}" for key, value in table.items() if value is not None]
    return "\n".join(lines) + "\n"


def appended(original: str, table: str) -> str:
    """The original text, untouched, followed by a blank line and the table."""
    if original and not original.endswith("\n"):
        original += "\n"
    separator = "\n" if original.strip() else ""
    return original + separator + table


class RefusedEvent(UsageError):
    """The new event would make the store unsound. The store was sound before,
    so the fault is in what was typed (exit 2, as for any other bad value),
    and each problem is told against the new event's fields, never against
    a line of a file that was not written."""

    def __init__(self, ident: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(Problem(p.message, event_id=ident, field=p.field) for p in problems)
        told = "; ".join(f'field "{p.field}": {p.message}' if p.field else p.message for p in self.problems)
        super().__init__(f'event "{ident}" (not added): {told}')


def append_event(path: Path, ident: str, table: str, dry_run: bool = False) -> Store:
    """Under the store's lock, read it afresh, check it with the new table
    appended, then write it atomically (with `dry_run`, only check).

    Raises:
        RefusedEvent: the new event `ident` would not fit the store; nothing
            is written.
        DataError: the store itself is not sound (nothing is written), or
            another writer held it too long.
    """
    from timeline.store.files import locked, read_text_file

    if dry_run:
        return _checked(read_text_file(path), table, ident, str(path))[0]
    from timeline.store.files import write_atomically

    with locked(path):
        store, text = _checked(read_text_file(path), table, ident, str(path))
        write_atomically(path, text)
    return store


def _checked(original: str, table: str, ident: str, origin: str) -> tuple[Store, str]:
    """The store with the table appended, and its text."""
    from timeline.store import validated

    text = appended(original, table)
    try:
        return validated(text, origin), text
    except DataError as exc:
        # Lines past the old text are the new table's; a check names the new
        # event by its id (a duplicate id, a cause dated after it).
        old_lines = original.count("\n") + 1
        own = [p for p in exc.problems if p.event_id == ident or (p.line or 0) > old_lines]
        if own and len(own) == len(exc.problems):
            raise RefusedEvent(ident, own) from None
        raise
