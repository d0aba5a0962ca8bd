"""Exporters, one module per format, found through a registry so that a
command imports only the exporter it uses."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol

from timeline.errors import UsageError
from timeline.model import Event, Store


class Exporter(Protocol):
    """What every exporter module provides."""

    def render(self, store: Store, events: Sequence[Event]) -> str:
        """The selected events of the store as the format's text."""
        ...


#: Format name -> (module, what it is for).
FORMATS: dict[str, tuple[str, str]] = {
    "json": ("timeline.export.json_format", "the JSON contract: version, events, actors"),
    "jsonl": ("timeline.export.jsonl_format", "one event object per line"),
    "csv": ("timeline.export.csv_format", "one row per event, for spreadsheets"),
    "markdown": ("timeline.export.markdown_format", "a readable chronology with linked causes"),
    "timelinejs": ("timeline.export.timelinejs_format", "a Knight Lab TimelineJS3 JSON file"),
    "dot": ("timeline.export.dot_format", "the causal graph for Graphviz"),
    "mermaid": ("timeline.export.mermaid_format", "the causal graph as a Mermaid flowchart"),
    "geojson": ("timeline.export.geojson_format", "a GeoJSON map: a point per located place"),
    "kml": ("timeline.export.kml_format", "KML placemarks in time, for Google Earth"),
    "ical": ("timeline.export.icalendar_format", "an iCalendar file: a VEVENT per event"),
    "sqlite": ("timeline.export.sqlite_format", "an SQLite database (needs -o FILE)"),
}

#: Formats written as files of bytes, never as text to stdout: their modules
#: have `write(store, events, path)` instead of `render`.
BINARY: frozenset[str] = frozenset({"sqlite"})

#: Map formats, which leave out events that have no coordinates.
MAPS: frozenset[str] = frozenset({"geojson", "kml"})


def exporter(name: str) -> Exporter:
    """The exporter module of a format.

    Raises:
        UsageError: an unknown format, listing the known ones.
    """
    if name not in FORMATS:
        raise UsageError(f"--format: unknown format {name!r}; formats are {', '.join(FORMATS)}")
    module: Exporter = importlib.import_module(FORMATS[name][0])
    return module
