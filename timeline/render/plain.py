"""Listings as plain aligned text: one line per event, no colour, no rich.
This is what `list` prints when its output is piped, so it greps well."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from timeline.model import Event, Store
from timeline.render.cells import HEADERS, row


def plain_table(events: Sequence[Event], store: Store, zone: tzinfo | None = None) -> str:
    """Events as aligned columns with a header line; never truncated."""
    rows = [HEADERS, *(row(e, store, zone) for e in events)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADERS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"
