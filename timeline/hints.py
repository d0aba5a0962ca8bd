"""The one "did you mean" helper, for unknown keys, ids, actors, kinds and commands."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(
    word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.5, quoted: bool = False
) -> str:
    """ " (did you mean a, b?)" for the closest choices, or "" when none is close.

    Args:
        word: What was typed.
        choices: What it could have meant.
        n: How many suggestions at most.
        cutoff: How close (0 to 1) a choice must be to be suggested.
        quoted: Show each suggestion as a Python string literal ('a').
    """
    from difflib import get_close_matches

    close = get_close_matches(word, list(choices), n=n, cutoff=cutoff)
    if not close:
        return ""
    shown = ", ".join(repr(c) if quoted else c for c in close)
    return f" (did you mean {shown}?)"
