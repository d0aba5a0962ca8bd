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


def append_event(path: Path, table: str, dry_run: bool = False) -> Store:
    """Under the store's lock, read it afresh, check it with the new table
    appended, then write it atomically.

    Raises:
        DataError: the result would not be a sound store (nothing is written),
            or another writer held the store too long.
    """
    from timeline.store import validated
    from timeline.store.files import locked, read_text_file, write_atomically

    if dry_run:
        return validated(appended(read_text_file(path), table), str(path))
    with locked(path):
        text = appended(read_text_file(path), table)
        store = validated(text, str(path))
        write_atomically(path, text)
    return store
