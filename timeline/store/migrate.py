"""Upgrading a store to the current schema.

Every schema-1 form is still valid in schema 2, so upgrading a TOML store
changes only its `schema = 1` line: comments, order and formatting stay byte
for byte. A JSON export of version 1 is read and written again as version 2.
"""

from __future__ import annotations

import re

from timeline.errors import DataError, Problem
from timeline.model import SCHEMA_VERSION

_SCHEMA_LINE = re.compile(r"^(?P<key>[ \t]*schema[ \t]*=[ \t]*)(?P<version>\d+)", re.MULTILINE)


def upgraded(text: str, origin: str) -> str | None:
    """The store's text at the current schema, or None if it is there already.

    The result is read and checked as every load does before it is returned.

    Raises:
        DataError: the store has problems (before or after), or no schema line.
    """
    from timeline.contract.encode import store_json
    from timeline.store.open import validated

    match = _SCHEMA_LINE.search(text)
    if text.lstrip().startswith("{") or match is None or match["version"] != "1":
        store = validated(text, origin)
        if store.schema == SCHEMA_VERSION:
            return None
        if text.lstrip().startswith("{"):
            return store_json(store, store.events)
    if match is None:  # pragma: no cover - validated() requires the line
        raise DataError([Problem("has no `schema = N` line", path=origin)])
    # A file marked schema 1 may already use schema 2's forms (refused at
    # schema 1): upgrading is their fix, so only the result must be sound.
    # Only a digit changes, so every problem keeps its line.
    result = f"{text[: match.start('version')]}{SCHEMA_VERSION}{text[match.end('version') :]}"
    validated(result, origin)
    return result
