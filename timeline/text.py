"""Store text made safe for a terminal or a file: what render/ and export/ both use."""

from __future__ import annotations

import re

from timeline.model import Event

# What store text may not bring to a terminal (or a file a terminal will show):
# C0 and C1 controls and DEL but newline (an ESC must never reach the terminal,
# and rich strips only some of these itself); lone surrogates (undecodable bytes
# of an argument, which cannot even be written); and the characters that can
# disguise text: bidi embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069), zero-width characters and marks (U+200B-U+200F, U+2060,
# U+FEFF) and the line and paragraph separators (U+2028, U+2029).
_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]"
)
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _visible(match: re.Match[str]) -> str:
    char = match[0]
    if char == "\t":
        return " "
    if char <= "\x9f" or "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return f"<U+{ord(char):04X}>"


def clean(text: str) -> str:
    """Store text made safe to print, the one function every path to a terminal
    uses: a tab becomes a space, other control characters and undecodable bytes
    U+FFFD, and characters that could disguise text are shown as `<U+202E>`;
    newlines are kept."""
    return _UNSAFE.sub(_visible, text)


def terminal(text: str) -> str:
    """Program output made safe for a terminal: CRLF line ends become newlines,
    then as `clean`."""
    return clean(text.replace("\r\n", "\n"))


def one_line(text: str) -> str:
    """Cleaned text with line breaks folded to spaces, for one-line cells."""
    return clean(_LINE_BREAKS.sub(" ", text))


def reflow(text: str) -> str:
    """Text as paragraphs: the lines within a paragraph joined with spaces,
    paragraphs kept apart by one blank line, so that text hard-wrapped for a
    file is wrapped again only where it is shown."""
    if "\n" not in text:
        return text
    return "\n\n".join(" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip())


def places(event: Event) -> str:
    """ "al-Qa'im, Iraq; Middle Euphrates River Valley, Syria", on one line."""
    return one_line(
        "; ".join(
            loc.country if loc.place == loc.country else f"{loc.place}, {loc.country}"
            for loc in event.locations
        )
    )


def counted(n: int, noun: str) -> str:
    """A number of things in words: "1 span", "3 spans"."""
    return f"1 {noun}" if n == 1 else f"{n} {noun}s"
