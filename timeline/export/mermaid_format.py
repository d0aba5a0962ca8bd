"""Mermaid: the causal graph of the exported events as a flowchart."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.dates.format import format_span
from timeline.model import Event, Store
from timeline.palette import PALETTE
from timeline.text import one_line

# Mermaid labels are quoted strings in which quotes and markup characters are
# written as entity codes: #quot; and so on. `%`, `{` and `}` are coded too:
# Mermaid finds `%%{init: ...}%%` directives anywhere in the text, labels
# included. A label is one line, so no `click` or other statement can start.
_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "%": "#37;",
    "{": "#123;",
    "}": "#125;",
}


def label(text: str) -> str:
    """Text made safe inside a Mermaid quoted label."""
    return "".join(_ENTITIES.get(char, char) for char in one_line(text))


def node_id(event_id: str) -> str:
    """The Mermaid node id of an event, the same whatever the filter.

    "e_" then the id with "-" as "_" ("--" inside an id would start an edge)
    and any character but a-z and 0-9 as "X<hex>X". Event ids are lower
    case, so the code is one to one; the prefix keeps ids off Mermaid's
    keywords (`end`) and off ids that begin with "o" or "x", which the parser
    can read as an edge's end.
    """
    return "e_" + "".join(_ID_CHARS.get(char) or f"X{ord(char):x}X" for char in event_id)


_ID_CHARS = {char: char for char in "abcdefghijklmnopqrstuvwxyz0123456789"} | {"-": "_"}


def _arrow(event: Event, cause: str) -> str:
    kind = event.link(cause).type
    return "-->" if kind == "cause" else f"-->|{kind}|"


def render(store: Store, events: Sequence[Event]) -> str:
    """flowchart LR: a node per event (its id from the event id), an edge per
    cause -> effect (labelled with a typed link's type), a class per kind, and
    a legend of the kinds used."""
    chosen = {e.id for e in events}
    lines = ["flowchart LR"]
    for event in events:
        text = f"{label(format_span(event.start, event.end))}<br/>{label(event.title)}"
        lines.append(f'  {node_id(event.id)}["{text}"]:::{event.kind}')
    for event in events:
        for cause in event.causes:
            if cause in chosen:
                lines.append(f"  {node_id(cause)} {_arrow(event, cause)} {node_id(event.id)}")
    used = [kind for kind in PALETTE if any(e.kind == kind for e in events)]
    if used:
        # Legend ids have no "e_" prefix, so they never meet an event's.
        lines.append('  subgraph legend["Kinds"]')
        lines += [f'    legend_{kind.replace("-", "_")}["{kind}"]:::{kind}' for kind in used]
        lines.append("  end")
    lines += [f"  classDef {kind} fill:{PALETTE[kind].hex},stroke:#555" for kind in used]
    return "\n".join(lines) + "\n"
