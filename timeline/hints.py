"""The one "did you mean" helper, for unknown keys, ids, actors, kinds,
countries, tags and commands: one style, one ranking."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_ALNUM = re.compile(r"[\W_]+")


def _bare(text: str) -> str:
    """Text compared without case, spaces or punctuation (`kataib` is the
    start of "Kata'ib Hezbollah")."""
    return _NOT_ALNUM.sub("", text.casefold())


def _word_like(bare: str, part: str) -> bool:
    return part.startswith(bare) or (len(bare) > 3 and _likeness(bare, part, 0.85) >= 0.85)


def _likeness(a: str, b: str, cutoff: float) -> float:
    """difflib's ratio of the two texts, or 0 when its cheap upper bounds
    already fall below the cutoff (so a store's hundreds of ids cost little)."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
        return 0.0
    return matcher.ratio()


def closest(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The choices most like the word, best first: those it starts, then those
    with a word it starts or nearly spells ("hezbolah" -> "Lebanese
    Hezbollah"), then the nearest by spelling. Compared without case or punctuation; each choice is
    returned as given.

    Args:
        word: What was typed.
        choices: What it could have meant.
        n: How many at most.
        cutoff: How close (0 to 1) a choice must be spelled to be given.
    """
    from difflib import SequenceMatcher

    bare = _bare(word)
    pool = list(dict.fromkeys(choices))
    if not bare or not pool:
        return []

    def rank(choice: str) -> tuple[int, float]:
        whole = _bare(choice)
        if whole.startswith(bare) and whole != bare:
            return 0, -SequenceMatcher(None, bare, whole).ratio()
        if any(_word_like(bare, _bare(part)) for part in choice.split()):
            return 1, -SequenceMatcher(None, bare, whole).ratio()
        # Spelled unlike enough is left out, so its exact likeness is not needed.
        return 2, -_likeness(bare, whole, cutoff)

    ranks = {choice: rank(choice) for choice in pool}
    ranked = sorted(pool, key=ranks.__getitem__)  # stable: equal ranks keep the choices' order
    return [c for c in ranked if ranks[c][0] < 2 or -ranks[c][1] >= cutoff][:n]


def did_you_mean(
    word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6, quoted: bool = True
) -> str:
    """ " (did you mean 'a', 'b'?)" for the closest choices, or "" when none is close.

    Values (ids, names, keys) are quoted, as the word itself is in every
    message; `quoted=False` is for commands and options, which are syntax.
    """
    close = closest(word, choices, n=n, cutoff=cutoff)
    if not close:
        return ""
    shown = ", ".join(repr(c) if quoted else c for c in close)
    return f" (did you mean {shown}?)"
