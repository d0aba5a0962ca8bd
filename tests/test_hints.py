"""The one "did you mean": quoted values, ranked by prefix, word, then spelling."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Invoke
from timeline.hints import closest, did_you_mean

KH = '"Kata\'ib Hezbollah"'
ACTORS = ["Kata'ib Hezbollah", "Kata'ib Sayyid al-Shuhada", "Lebanese Hezbollah", "kaabi", "qaani", "kh"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # What the word starts comes first, without case or punctuation.
        ("kataib", ["Kata'ib Hezbollah", "Kata'ib Sayyid al-Shuhada", "kaabi"]),
        # Then the names with a word it nearly spells.
        ("hezbolah", ["Kata'ib Hezbollah", "Lebanese Hezbollah"]),
        ("kaab", ["kaabi"]),
        ("zzzz", []),
        ("", []),
    ],
)
def test_ranking(word: str, expected: list[str]) -> None:
    assert closest(word, ACTORS) == expected


def test_one_style() -> None:
    assert did_you_mean("Irak", ["Iraq", "Syria"]) == " (did you mean 'Iraq'?)"
    assert did_you_mean("kataib", ACTORS, n=1) == """ (did you mean "Kata'ib Hezbollah"?)"""
    assert did_you_mean("chian", ["chain", "chart"], quoted=False) == " (did you mean chain, chart?)"
    assert did_you_mean("zzzz", ACTORS) == ""


@given(st.text(max_size=12), st.lists(st.text(max_size=12), max_size=8))
def test_suggestions_are_choices_at_most_n(word: str, choices: list[str]) -> None:
    found = closest(word, choices, n=3)
    assert len(found) <= 3
    assert set(found) <= set(choices)
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--actor", "kataib"], "error: --actor: unknown actor 'kataib' (did you mean " + KH + "?)"),
        (["--actor", "hezbolah"], "error: --actor: unknown actor 'hezbolah' (did you mean " + KH + "?)"),
        (["--kind", "airstrikes"], "error: --kind: unknown kind 'airstrikes' (did you mean 'airstrike', "
                                   "'missile-strike'?); kinds are background, campaign, attack, airstrike, "
                                   "missile-strike, killing, protest, political, diplomatic, military, "
                                   "statement"),
        (["--tag", "base"], "error: --tag: no event has the tag 'base' (did you mean 'bases'?)"),
    ],
)  # fmt: skip
def test_every_option_suggests_alike(invoke: Invoke, mini_store: Path, args: list[str], message: str) -> None:
    result = invoke("--store", str(mini_store), "list", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def _closest_by_full_ratios(word: str, choices: list[str], n: int, cutoff: float) -> list[str]:
    """closest() as first written: every ratio computed in full."""
    from difflib import SequenceMatcher

    from timeline.hints import _bare

    def _word_like(bare: str, part: str) -> bool:
        return part.startswith(bare) or (len(bare) > 3 and SequenceMatcher(None, bare, part).ratio() >= 0.85)

    bare = _bare(word)
    pool = list(dict.fromkeys(choices))
    if not bare or not pool:
        return []

    def rank(choice: str) -> tuple[int, float]:
        whole = _bare(choice)
        if whole.startswith(bare) and whole != bare:
            tier = 0
        elif any(_word_like(bare, _bare(part)) for part in choice.split()):
            tier = 1
        else:
            tier = 2
        return tier, -SequenceMatcher(None, bare, whole).ratio()

    ranked = sorted(pool, key=rank)
    return [c for c in ranked if rank(c)[0] < 2 or -rank(c)[1] >= cutoff][:n]


_WORDS = st.text(alphabet="abcdeikl '-", max_size=8)


@given(_WORDS, st.lists(_WORDS, max_size=8), st.integers(1, 4), st.sampled_from([0.5, 0.6, 0.8]))
def test_skipping_hopeless_ratios_changes_no_suggestion(
    word: str, choices: list[str], n: int, cutoff: float
) -> None:
    assert closest(word, choices, n=n, cutoff=cutoff) == _closest_by_full_ratios(word, choices, n, cutoff)
