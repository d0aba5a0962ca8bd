"""The palette: every kind can be told from every other, in colour and without."""

from __future__ import annotations

import itertools
import math

from rich.color import Color
from rich.style import Style

from timeline.palette import EVENT_KINDS, PALETTE

#: Two colours closer than this (RGB distance) were hard to tell apart in a chart.
CLOSEST = 100


def _rgb(kind: str) -> tuple[int, int, int]:
    color = Style.parse(PALETTE[kind].style).color
    assert isinstance(color, Color), f"{kind} has no colour"
    return tuple(color.get_truecolor())  # type: ignore[return-value]


def test_every_kind_has_a_colour_of_its_own() -> None:
    colours = {kind: _rgb(kind) for kind in EVENT_KINDS}
    assert len(set(colours.values())) == len(colours)


def test_no_two_kinds_colours_are_close() -> None:
    close = [
        (a, b, round(math.dist(_rgb(a), _rgb(b))))
        for a, b in itertools.combinations(EVENT_KINDS, 2)
        if math.dist(_rgb(a), _rgb(b)) < CLOSEST
    ]
    assert close == []


def test_the_pairs_the_issue_named_differ() -> None:
    for a, b in (("attack", "airstrike"), ("campaign", "killing"), ("background", "statement")):
        assert _rgb(a) != _rgb(b)


def test_chart_symbols_are_distinct_and_never_letters_or_digits() -> None:
    symbols = [kind.symbol for kind in PALETTE.values()]
    assert len(set(symbols)) == len(symbols)
    assert all(len(s) == 1 and not s.isalnum() and not s.isspace() for s in symbols)
