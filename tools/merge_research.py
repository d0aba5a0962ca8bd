"""Merge research fragments into one schema-2 events.toml (a one-off curation tool)."""

from __future__ import annotations

import json
import sys
import textwrap
import tomllib
from pathlib import Path

HERE = Path(__file__).parent
BASE = Path("/work/main/events.toml")


def s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def val(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return s(v)
    if isinstance(v, list):
        return "[" + ", ".join(val(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{key(k)} = {val(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isalnum() and k.isascii() else s(k)


def listing(name: str, items: list[object]) -> list[str]:
    one = f"{name} = {val(items)}"
    if len(one) <= 100 or not any(isinstance(i, dict) for i in items):
        return [one]
    return [f"{name} = ["] + [f"  {val(i)}," for i in items] + ["]"]


EVENT_ORDER = [
    "id",
    "title",
    "kind",
    "start",
    "end",
    "zone",
    "part_of",
    "places",
    "actors",
    "targets",
    "causes",
    "killed",
    "killed_breakdown",
    "injured",
    "injured_breakdown",
    "tags",
]


def paragraph(text: str) -> str:
    paras = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    out = []
    for p in paras:
        out.append("\n".join(textwrap.wrap(p, 88, break_long_words=False, break_on_hyphens=False)))
    return "\n\n".join(out)


def event_lines(e: dict) -> list[str]:
    lines = ["[[event]]"]
    for k in EVENT_ORDER:
        if k in e and e[k] not in (None, [], ""):
            v = e[k]
            if isinstance(v, list):
                lines += listing(k, v)
            else:
                lines.append(f"{k} = {val(v)}")
    extra = set(e) - set(EVENT_ORDER) - {"summary", "sources", "locations"}
    if extra:
        raise SystemExit(f"{e['id']}: unknown keys {extra}")
    summary = paragraph(e.get("summary", ""))
    if '"""' in summary or "\\" in summary:
        raise SystemExit(f"{e['id']}: awkward summary")
    lines.append(f'summary = """\n{summary}\n"""')
    for loc in e.get("locations", []):
        lines.append("[[event.locations]]")
        lines += [f"{key(k)} = {val(v)}" for k, v in loc.items()]
    for src in e.get("sources", []):
        lines.append("[[event.sources]]")
        lines += [f"{key(k)} = {val(v)}" for k, v in src.items()]
    return lines


def table_lines(kind: str, t: dict) -> list[str]:
    return [f"[[{kind}]]"] + [f"{key(k)} = {val(v)}" for k, v in t.items()]


def sort_key(e: dict) -> tuple[str, str]:
    return (str(e["start"]), e["id"])


def main() -> None:
    base = tomllib.loads(BASE.read_text())
    actors = {a["id"]: a for a in base["actor"]}
    places: dict[str, dict] = {}
    events = {e["id"]: e for e in base["event"]}
    for frag in sorted(HERE.glob("r*.toml")):
        data = tomllib.loads(frag.read_text())
        for a in data.get("actor", []):
            actors.setdefault(a["id"], a)
        for p in data.get("place", []):
            places.setdefault(p["id"], p)
        for e in data.get("event", []):
            if e["id"] in DROPPED:
                continue
            if e["id"] in events and e["id"] not in {x["id"] for x in base["event"]}:
                print(f"duplicate new id {e['id']} in {frag.name}", file=sys.stderr)
            events[e["id"]] = e
    out = [HEADER, "schema = 2", "", "# --- Actors " + "-" * 66, ""]
    for a in actors.values():
        out += [*table_lines("actor", a), ""]
    out += ["# --- Places " + "-" * 66, ""]
    for p in sorted(places.values(), key=lambda p: (p["country"], p["id"])):
        out += [*table_lines("place", p), ""]
    out += ["# --- Events, in order of their start " + "-" * 40, ""]
    for e in sorted(events.values(), key=sort_key):
        out += [*event_lines(e), ""]
    Path(sys.argv[1] if len(sys.argv) > 1 else HERE / "events.toml").write_text("\n".join(out))


#: Events two researchers wrote twice; the other one (of the same day) is kept.
DROPPED = {"iran-condemns-strikes-2019-12", "dod-statement-soleimani"}

HEADER = """\
# The curated timeline store for `timeline` (schema 2; see the README, "The event store").
#
# The escalation between the United States and Iran-backed militias in Iraq, Syria and
# Jordan, 2019-2024, with its background. Spine: the article in seeds/ (cited by file
# name and reference number, with its public URL); every event also cites the public
# record it was checked against, by URL. Figures carry who gave them; actors carry whose
# account names them; a cause is recorded only where a source states it.
"""

if __name__ == "__main__":
    main()
