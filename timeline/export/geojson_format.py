"""GeoJSON (RFC 7946): a FeatureCollection, one Point per event location that
has coordinates, [longitude, latitude] as the RFC orders them. Events with no
coordinates are left out (`features.unplaced` names them)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from timeline.export.features import features, properties
from timeline.model import Event, Store


def render(store: Store, events: Sequence[Event]) -> str:
    """The FeatureCollection, deterministic, one feature per mapped place."""
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                # An event in several places has a feature for each: "id", "id/2", ...
                "id": feature.event.id if feature.number == 1 else f"{feature.event.id}/{feature.number}",
                "geometry": {"type": "Point", "coordinates": [feature.lon, feature.lat]},
                "properties": properties(store, feature),
            }
            for feature in features(events)
        ],
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
