"""Graphviz DOT: the causal graph of the exported events, cause -> effect,
coloured and clustered by kind."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.dates.format import format_span
from timeline.model import Event, Store
from timeline.palette import PALETTE
from timeline.text import one_line


def _escaped(text: str) -> str:
    return one_line(text).replace("\\", "\\\\").replace('"', '\\"')


def quote(text: str) -> str:
    """A DOT double-quoted string on one line, backslashes and quotes escaped."""
    return f'"{_escaped(text)}"'


def render(store: Store, events: Sequence[Event]) -> str:
    """digraph timeline { clusters of nodes by kind; edges from cause to effect }."""
    chosen = {e.id for e in events}
    lines = [
        "digraph timeline {",
        "  graph [rankdir=LR, fontname=Helvetica];",
        '  node [shape=box, style="rounded,filled", fontname=Helvetica, fontsize=10];',
        "  edge [color=gray40];",
    ]
    for kind in PALETTE:
        members = [e for e in events if e.kind == kind]
        if not members:
            continue
        lines.append(f"  subgraph {quote('cluster_' + kind)} {{")
        lines.append(f"    label={quote(kind)}; style=dashed; color=gray70;")
        for event in members:
            label = f'"{_escaped(format_span(event.start, event.end))}\\n{_escaped(event.title)}"'
            lines.append(f"    {quote(event.id)} [label={label}, fillcolor={PALETTE[kind].dot}];")
        lines.append("  }")
    for event in events:
        for cause in event.causes:
            if cause in chosen:
                lines.append(f"  {quote(cause)} -> {quote(event.id)};")
    lines.append("}")
    return "\n".join(lines) + "\n"
