"""Text as styled parts, with no rich: what a view says is built once as a
Styled, then drawn by rich on a terminal (`render.console.rich_text`) or
written as its plain characters when piped (`render.plain_detail`,
`render.plain_tree`), so both say the same words and a pipe never loads rich.

A Styled mirrors how a rich Text is built, part for part (a run appended
with its style, or a whole Styled appended with its own), so that the Text
made from it has exactly the spans, and prints exactly the bytes, that
building the Text directly would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.text import clean


@dataclass
class Styled:
    """Text over a base `style` (a rich style name, "" for none), made of
    runs (text and style) and nested Styled parts. Every run is cleaned
    (timeline.text.clean) as it is added: store text is data, never markup
    or escape codes."""

    style: str = ""
    parts: list[tuple[str, str] | Styled] = field(default_factory=list)

    def add(self, text: str, style: str = "") -> Styled:
        """Append a run of text in `style` (over the base style); returns self."""
        self.parts.append((clean(text), style))
        return self

    def nest(self, other: Styled) -> Styled:
        """Append another Styled, its base style kept over its own parts; returns self."""
        self.parts.append(other)
        return self

    @property
    def plain(self) -> str:
        """The characters alone, as a pipe gets them."""
        return "".join(part.plain if isinstance(part, Styled) else part[0] for part in self.parts)


def styled(text: str, style: str = "") -> Styled:
    """One run of (cleaned) text in a base style: a rich `Text(text, style)`."""
    return Styled(style).add(text)


def joined(separator: str, parts: list[Styled]) -> Styled:
    """The parts with an unstyled separator between them: rich's `Text(separator).join`."""
    shown = Styled()
    for n, part in enumerate(parts):
        if n and separator:
            shown.add(separator)
        shown.nest(part)
    return shown
