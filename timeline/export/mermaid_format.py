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


def render(store: Store, events: Sequence[Event]) -> str:
    """flowchart LR: a node per event (n0, n1, ...), an edge per cause -> effect,
    a class per kind."""
    names = {e.id: f"n{i}" for i, e in enumerate(events)}
    lines = ["flowchart LR"]
    for event in events:
        text = f"{label(format_span(event.start, event.end))}<br/>{label(event.title)}"
        lines.append(f'  {names[event.id]}["{text}"]:::{event.kind}')
    for event in events:
        for cause in event.causes:
            if cause in names:
                lines.append(f"  {names[cause]} --> {names[event.id]}")
    for kind, drawn in PALETTE.items():
        lines.append(f"  classDef {kind} fill:{drawn.hex},stroke:#555")
    return "\n".join(lines) + "\n"
