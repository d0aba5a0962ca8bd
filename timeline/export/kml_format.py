"""KML 2.2 for Google Earth: a Placemark per event location with coordinates
(the same features as GeoJSON), with its time as a TimeStamp or TimeSpan at
the event's precision, so the time slider shows it."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from timeline.export.features import Feature, features, properties
from timeline.model import Event, FuzzyDate, Precision, Store
from timeline.palette import PALETTE
from timeline.text import clean, one_line

NAMESPACE = "http://www.opengis.net/kml/2.2"


def kml_time(value: FuzzyDate) -> str:
    """An XML Schema gYear, gYearMonth, date or dateTime (with seconds, as
    dateTime requires), which KML takes at that precision."""
    text = value.iso()
    if value.precision is Precision.MINUTE:
        return f"{text[:16]}:00{text[16:]}"
    return text


def _abgr(rgb: str) -> str:
    """#rrggbb as KML's aabbggrr, opaque."""
    return f"ff{rgb[5:7]}{rgb[3:5]}{rgb[1:3]}"


def _description(store: Store, feature: Feature) -> str:
    event = feature.event
    shown = properties(store, feature)
    lines = [f"{event.kind}, {shown['place']}, {shown['country']}"]
    if event.summary.strip():
        lines.append(event.summary.strip())
    lines += [f"Source: {s.title}" + (f" <{s.url}>" if s.url else "") for s in event.sources]
    return clean("\n".join(lines))


def _placemark(store: Store, feature: Feature, parent: ET.Element) -> None:
    event = feature.event
    # No id attribute: KML's is an XML ID, which an event id starting with a digit is not.
    mark = ET.SubElement(parent, "Placemark")
    ET.SubElement(mark, "name").text = one_line(event.title)
    ET.SubElement(mark, "description").text = _description(store, feature)
    if event.end is None:
        ET.SubElement(ET.SubElement(mark, "TimeStamp"), "when").text = kml_time(event.start)
    else:
        span = ET.SubElement(mark, "TimeSpan")
        ET.SubElement(span, "begin").text = kml_time(event.start)
        ET.SubElement(span, "end").text = kml_time(event.end)
    ET.SubElement(mark, "styleUrl").text = f"#kind-{event.kind}"
    point = ET.SubElement(mark, "Point")
    ET.SubElement(point, "coordinates").text = f"{feature.lon},{feature.lat}"


def render(store: Store, events: Sequence[Event]) -> str:
    """<kml><Document> a style per kind used, then the placemarks </Document></kml>."""
    root = ET.Element("kml", xmlns=NAMESPACE)
    document = ET.SubElement(root, "Document")
    ET.SubElement(document, "name").text = "Timeline"
    used = {e.kind for e in events}
    for kind, drawn in PALETTE.items():
        if kind in used:
            style = ET.SubElement(document, "Style", id=f"kind-{kind}")
            ET.SubElement(ET.SubElement(style, "IconStyle"), "color").text = _abgr(drawn.hex)
    for feature in features(events):
        _placemark(store, feature, document)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
