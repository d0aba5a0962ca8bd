"""The graph exports' fills (DOT and Mermaid): every kind's far from every
other's, black text readable on each, and the DOT name the Mermaid colour.

The pastels they were could not be told apart in a drawn graph (salmon and
tomato for attack and airstrike, lightblue and lightsteelblue for political
and diplomatic); the same distance as the terminal's colours now holds.
"""

from __future__ import annotations

import itertools
import json
import math
import shutil
import subprocess

import pytest

from tests.test_palette import CLOSEST
from timeline.palette import PALETTE

#: Graphviz's X11 colour names for the fills used, as its colour table gives them
#: (`dot -Tjson` resolves each; the test below checks this table against it).
X11 = {
    "gray75": "#bfbfbf",
    "magenta": "#ff00ff",
    "orangered": "#ff4500",
    "cornflowerblue": "#6495ed",
    "sandybrown": "#f4a460",
    "hotpink": "#ff69b4",
    "gold": "#ffd700",
    "greenyellow": "#adff2f",
    "darkturquoise": "#00ced1",
    "mediumseagreen": "#3cb371",
    "white": "#ffffff",
}

#: WCAG's contrast for normal text (AA): the node labels are black, 10 pt.
READABLE = 4.5


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def _contrast_with_black(hex_colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _rgb(hex_colour))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return (luminance + 0.05) / 0.05


def test_the_dot_name_is_the_mermaid_colour() -> None:
    assert {kind: X11.get(drawn.dot) for kind, drawn in PALETTE.items()} == {
        kind: drawn.hex for kind, drawn in PALETTE.items()
    }


def test_no_two_kinds_fills_are_close() -> None:
    close = [
        (a, b, round(math.dist(_rgb(PALETTE[a].hex), _rgb(PALETTE[b].hex))))
        for a, b in itertools.combinations(PALETTE, 2)
        if math.dist(_rgb(PALETTE[a].hex), _rgb(PALETTE[b].hex)) < CLOSEST
    ]
    assert close == []


def test_black_text_is_readable_on_every_fill() -> None:
    faint = {kind: round(_contrast_with_black(d.hex), 1) for kind, d in PALETTE.items()}
    assert {kind: c for kind, c in faint.items() if c < READABLE} == {}


def test_the_pairs_the_issue_named_differ() -> None:
    for a, b in (("attack", "airstrike"), ("political", "diplomatic"), ("protest", "statement")):
        assert math.dist(_rgb(PALETTE[a].hex), _rgb(PALETTE[b].hex)) >= CLOSEST


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
@pytest.mark.parametrize("name", sorted(X11))
def test_graphviz_resolves_each_name_as_the_table_says(name: str) -> None:
    drawn = subprocess.run(
        ["dot", "-Tjson"],
        input=f"digraph {{ a [style=filled, fillcolor={name}] }}",
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    fills = [op["color"] for op in json.loads(drawn.stdout)["objects"][0]["_draw_"] if op["op"] == "C"]
    assert fills == [X11[name]]
