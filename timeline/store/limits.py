"""Limits on what a store's text may hold, checked where it is parsed: nesting
no deeper than the parsers can recurse, integers of at most 4,300 digits (the
interpreter's own limit), and, in JSON, no lone surrogate escapes (text that
cannot be written out again).

Each breach is one located DataError instead of a traceback.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

from timeline.errors import DataError, Problem

_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


@contextlib.contextmanager
def parse_limits(origin: str, language: str) -> Iterator[None]:
    """Turn a parser's RecursionError, or int()'s digit-limit ValueError, into a DataError.

    Raises:
        DataError: the text nests too deeply or holds too long an integer.
    """
    try:
        yield
    except RecursionError:
        raise DataError(
            [Problem(f"not valid {language}: arrays or tables nested too deeply", path=origin)]
        ) from None
    except ValueError as exc:
        if "integer string conversion" not in str(exc):
            raise
        raise DataError(
            [Problem(f"not valid {language}: an integer has over 4,300 digits", path=origin)]
        ) from None


def check_surrogates(text: str, data: Any, origin: str) -> None:
    """Refuse a JSON store whose strings hold a lone surrogate (such as "\\ud800").

    The text is scanned only when it has a \\u escape, and the parsed data is
    then walked to confirm (a literal backslash could look like one).

    Raises:
        DataError: naming the line of the first lone surrogate.
    """
    if "\\u" not in text:
        return
    match = _LONE_SURROGATE.search(text)
    if match is None or not _holds_surrogate(data):
        return
    line = text.count("\n", 0, match.start()) + 1
    raise DataError(
        [
            Problem(
                f"not valid text: {match[0]} is half of a UTF-16 surrogate pair; write the character itself",
                path=origin,
                line=line,
            )
        ]
    )


def _holds_surrogate(data: Any) -> bool:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
