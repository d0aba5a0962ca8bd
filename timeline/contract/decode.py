"""JSON-contract shapes read back: an exported event reshaped into the keys the
store reader takes, so that an export is itself a valid store.

Version 2 writes every account, link and figure as an object; they become the
TOML forms the reader already knows (a table per account, a list of figures).
Version 1 exports (plain id lists, bare figures) read as they are. A slice's
`outside` events read as brief events holding only their links into the slice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Keys a JSON export adds that are derived, and so ignored when it is read back.
DERIVED_KEYS = frozenset({"precision", "effects", "parts", "casualties"})


def _without_nulls(table: object) -> object:
    if isinstance(table, dict):
        return {k: v for k, v in table.items() if v is not None}
    return table


def _figure_value(low: object, high: object) -> object:
    """A reported figure's min and max as the store writes it: 25, "25+", "19-25", "?"."""
    if low is None and high is None:
        return "?"
    if high is None:
        return f"{low}+"
    if low == high:
        return low
    return f"{low}-{high}"


def _figures(name: str, figure: Mapping[str, Any], shaped: dict[str, Any]) -> None:
    reports = figure.get("reports")
    if not isinstance(reports, list):
        shaped[name] = figure
        return
    listed = []
    for report in reports:
        if not isinstance(report, dict):
            listed.append(report)
            continue
        entry = {k: v for k, v in report.items() if k not in ("min", "max") and v is not None}
        listed.append({"value": _figure_value(report.get("min"), report.get("max")), **entry})
    shaped[name] = listed
    for key, value in figure.items():
        if key == "breakdown":
            shaped[f"{name}_breakdown"] = value
        elif key not in ("min", "max", "reports"):
            shaped[f"casualties.{name}.{key}"] = value


def outside_from_contract(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A slice's outside event (`{"id", "title", "kind", "start", "end",
    "causes": [{"id", "type", "by"}], "part_of"}`) in the store's keys."""
    shaped = {k: v for k, v in raw.items() if v is not None}
    causes = shaped.get("causes")
    if isinstance(causes, list):
        shaped["causes"] = [_without_nulls(item) for item in causes]
    return shaped


def from_contract(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-contract event reshaped into the store's keys."""
    shaped = {k: v for k, v in raw.items() if k not in DERIVED_KEYS and v is not None}
    casualties = raw.get("casualties")
    if isinstance(casualties, dict):
        for name in ("killed", "injured"):
            figure = casualties.get(name)
            if isinstance(figure, dict):
                _figures(name, figure, shaped)
            elif figure is not None:
                shaped[name] = figure
        for key in casualties:
            if key not in ("killed", "injured"):
                shaped[f"casualties.{key}"] = casualties[key]
    elif casualties is not None:
        shaped["casualties"] = casualties
    for name in ("actors", "targets", "causes"):
        items = shaped.get(name)
        if isinstance(items, list):
            shaped[name] = [_without_nulls(item) for item in items]
    for name in ("locations", "sources"):
        items = shaped.get(name)
        if isinstance(items, list):
            shaped[name] = [_without_nulls(item) for item in items]
    return shaped
