"""JSON-contract shapes read back: an exported event reshaped into the keys the
store reader takes, so that an export is itself a valid store."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Keys a JSON export adds that are derived, and so ignored when it is read back.
DERIVED_KEYS = frozenset({"precision", "effects", "casualties"})


def from_contract(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-contract event reshaped into the store's keys."""
    shaped = {k: v for k, v in raw.items() if k not in DERIVED_KEYS}
    casualties = raw.get("casualties")
    if isinstance(casualties, dict):
        for name in ("killed", "injured"):
            figure = casualties.get(name)
            if figure is not None:
                shaped[name] = figure
        for key in casualties:
            if key not in ("killed", "injured"):
                shaped[f"casualties.{key}"] = casualties[key]
    elif casualties is not None:
        shaped["casualties"] = casualties
    for loc in shaped.get("locations") or []:
        if isinstance(loc, dict):
            for key in [k for k, v in loc.items() if v is None]:
                del loc[key]
    for src in shaped.get("sources") or []:
        if isinstance(src, dict):
            for key in [k for k, v in src.items() if v is None]:
                del src[key]
    return shaped
