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
    from difflib import SequenceMatcher

    return part.startswith(bare) or (len(bare) > 3 and SequenceMatcher(None, bare, part).ratio() >= 0.85)


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
            tier = 0
        elif any(_word_like(bare, _bare(part)) for part in choice.split()):
            tier = 1
        else:
            tier = 2
        return tier, -SequenceMatcher(None, bare, whole).ratio()

    ranked = sorted(pool, key=rank)  # stable: equal ranks keep the choices' order
    return [c for c in ranked if rank(c)[0] < 2 or -rank(c)[1] >= cutoff][:n]


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
