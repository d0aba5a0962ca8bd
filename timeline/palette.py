"""One row per event kind: what it means, and how it is drawn everywhere.

The terminal's rich style, the graph exports' fill colour (a Graphviz X11 name
for DOT, the same colour as #rrggbb for Mermaid), the explorer's letter and the
chart's symbol when there is no colour. A new kind is one new row.

The terminal colours are 256-colour ones, each of its own hue, far enough
apart to be told apart in a chart (tests/test_palette.py holds them to it):
bold and plain of one colour looked the same on most terminals.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Kind(NamedTuple):
    """How one event kind is explained and drawn."""

    meaning: str
    style: str  # rich style in a terminal
    dot: str  # Graphviz X11 colour name
    hex: str  # the same colour as #rrggbb (Mermaid)
    letter: str  # the kind's letter in the explorer's timeline
    symbol: str  # the chart's bar filling without colour: never a letter, so never a label


PALETTE: Final[dict[str, Kind]] = {
    "background": Kind("long-running context: a revolution, a war, a rivalry",
                       "grey50", "gray75", "#bfbfbf", "b", "."),
    "campaign": Kind("a series of attacks or operations over a span of time",
                     "purple", "magenta", "#ff00ff", "c", ":"),
    "attack": Kind("an armed attack by a non-state group: rockets, drones, a storming",
                   "red3", "orangered", "#ff4500", "a", "#"),
    "airstrike": Kind("a strike from the air by a state's forces",
                      "royal_blue1", "cornflowerblue", "#6495ed", "A", "^"),
    "missile-strike": Kind("a state's missile or drone strike not from aircraft: ballistic missiles",
                           "dark_orange", "sandybrown", "#f4a460", "M", "!"),
    "killing": Kind("a targeted killing of a named person",
                    "deep_pink1", "hotpink", "#ff69b4", "K", "*"),
    "protest": Kind("demonstrations, sit-ins, crowds",
                    "yellow1", "gold", "#ffd700", "p", "~"),
    "political": Kind("a government's decision, law, vote or declaration at home",
                      "spring_green2", "greenyellow", "#adff2f", "l", "="),
    "diplomatic": Kind("between states: talks, condemnations, agreements, breaks",
                       "deep_sky_blue1", "darkturquoise", "#00ced1", "d", "%"),
    "military": Kind("forces formed, deployed, withdrawn or commanded",
                     "green3", "mediumseagreen", "#3cb371", "m", "+"),
    "statement": Kind("threats, warnings, claims and denials",
                      "light_pink1", "white", "#ffffff", "s", '"'),
}  # fmt: skip

#: Event kinds, with what each means, in drawing order. The loader refuses any other.
EVENT_KINDS: Final[dict[str, str]] = {name: kind.meaning for name, kind in PALETTE.items()}


def style(kind: str) -> str:
    """The rich style of a kind; "" for anything that is not a kind."""
    found = PALETTE.get(kind)
    return found.style if found is not None else ""
