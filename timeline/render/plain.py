"""Listings as plain text for other programs: one line per event, its fields
separated by tabs, no header, no padding, no colour, no rich. This is what
`list` prints when its output is piped (as `gh` does), so that grep sees an
event's whole line and `cut -f2` or `awk -F'\t'` pick its fields."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from timeline.model import Event, Store
from timeline.render.cells import row


def plain_table(events: Sequence[Event], store: Store, zone: tzinfo | None = None) -> str:
    """Events as tab-separated lines in HEADERS order: date, id, title, kind,
    where, killed, injured, causes/effects. Cells never hold a tab or a line
    break (they are made one line by timeline.text), so a line is an event."""
    return "".join("\t".join(row(e, store, zone)) + "\n" for e in events)
