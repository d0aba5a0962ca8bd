"""Store text made safe for a terminal or a file: what render/ and export/ both use."""

from __future__ import annotations

import re

from timeline.model import Event

# C0 and C1 controls and DEL, but not tab and newline: an ESC in the data must
# never reach the terminal, and rich strips only some of these itself.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def clean(text: str) -> str:
    """Text from the store made safe to print: control characters become U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """Cleaned text with line breaks folded to spaces, for one-line cells."""
    return clean(_LINE_BREAKS.sub(" ", text))


def places(event: Event) -> str:
    """ "al-Qa'im, Iraq; Middle Euphrates River Valley, Syria", on one line."""
    return one_line(
        "; ".join(
            loc.country if loc.place == loc.country else f"{loc.place}, {loc.country}"
            for loc in event.locations
        )
    )
