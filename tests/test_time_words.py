"""The time between two linked events is said in words, by one helper, in
every view: "2 days before" / "2 days after", never a sign to read either way."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given

from tests.conftest import Result
from tests.test_dates import fuzzy_dates
from timeline.model import FuzzyDate
from timeline.render.words import apart

Invoke = Callable[..., Result]
SIGNED = re.compile(r"[+\-\u2212]\d+ (?:min|h|days?|months?|years?)\b")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["show", "strikes"], "Rocket attack on K-1  (caused by; 2 days before)"),
        (["show", "k1"], "US strikes on Kata'ib Hezbollah  (caused by; 2 days after)"),
        (["chain", "k1"], "US strikes on Kata'ib Hezbollah  airstrike  (caused by, 2 days after)"),
        (["chain", "strikes", "--causes"], "Rocket attack on K-1  attack  (caused by, 2 days before)"),
        (["chain", "strikes", "--both"], "Rocket attack on K-1  attack  (caused by, 2 days before)"),
        (["path", "k1", "strikes"], "\u2193 caused by, 2 days after"),
        (
            ["explore", "strikes"],
            "[1] \u2190 cause   27 Dec 2019  Rocket attack on K-1  (caused by, 2 days before)",
        ),
        (["explore", "k1"], "Kata'ib Hezbollah  (caused by, 2 days after)"),
    ],
)
def test_every_view_says_it_in_words(invoke: Invoke, mini_store: Path, args: list[str], said: str) -> None:
    result = invoke("--store", str(mini_store), *args, input="q\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result
    assert said in result.stdout
    assert not SIGNED.findall(result.stdout)


@given(fuzzy_dates(), fuzzy_dates())
def test_before_and_after_are_each_others_mirror(one: FuzzyDate, other: FuzzyDate) -> None:
    there, back = apart(one, other), apart(other, one)
    assert not SIGNED.search(there)
    if there.endswith(" after"):
        assert back == there.replace(" after", " before")
    elif there.endswith(" before"):
        assert back == there.replace(" before", " after")
    else:
        assert back == there  # "same day", "same month", "same year"
