"""`show`, `chain` and `path` as plain text for a pipe, with no rich: the
words of render.detail_rows and render.branches, laid out as rich lays them
out on lines that never wrap (render.console's unwrapped console), so a pipe
gets the same bytes whether or not rich draws them, and starts as fast as
`list`. Every line has its trailing blanks stripped, for grep and awk."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo

from timeline.model import Event, Store
from timeline.render.branches import Branch
from timeline.render.detail_rows import detail_rows, detail_summary, detail_title
from timeline.render.styled import Styled

#: rich's tree guides (rich.tree.Tree.TREE_GUIDES[0] and ASCII_GUIDES), by
#: the line's place: under a last child, under another, a child, a last child.
GUIDES = ("    ", "\u2502   ", "\u251c\u2500\u2500 ", "\u2514\u2500\u2500 ")
ASCII_GUIDES = ("    ", "|   ", "+-- ", "`-- ")
_SPACE, _CONTINUE, _FORK, _END = range(4)


def lines_text(lines: Iterable[str]) -> str:
    """Lines as text, each with its trailing blanks stripped and a newline."""
    return "".join(line.rstrip() + "\n" for line in lines)


def styled_text(parts: Iterable[Styled]) -> str:
    """Styled parts as plain text, each starting a line of its own."""
    return lines_text(line for part in parts for line in part.plain.split("\n"))


def detail_text(event: Event, store: Store, zone: tzinfo | None = None, zone_name: str | None = None) -> str:
    """What `show` prints piped: the title, the summary, then the labelled
    rows, each value's lines in a column after the widest label."""
    parts = [detail_title(event), Styled()]
    summary = detail_summary(event)
    if summary is not None:
        parts += [summary, Styled()]
    rows = detail_rows(event, store, zone, zone_name=zone_name)
    width = max(len(label) for label, _ in rows)
    grid = (
        f"{label if n == 0 else '':<{width}}  {line}"
        for label, value in rows
        for n, line in enumerate(value.plain.split("\n"))
    )
    return styled_text(parts) + lines_text(grid)


def tree_text(trees: Iterable[Branch], ascii_only: bool = False) -> str:
    """Trees as rich draws them, one after another: each child below its
    parent after a guide, a label's further lines kept in its column."""
    guides = ASCII_GUIDES if ascii_only else GUIDES
    lines: list[str] = []
    for top in trees:
        # (branch, the guides of the levels above it, whether it is its parent's last; None for a root)
        stack: list[tuple[Branch, str, bool | None]] = [(top, "", None)]
        while stack:
            branch, above, last = stack.pop()
            first = rest = below = ""
            if last is not None:
                first = above + guides[_END if last else _FORK]
                rest = below = above + guides[_SPACE if last else _CONTINUE]
            label = branch.label.plain.split("\n")
            lines.append(first + label[0])
            lines.extend(rest + line for line in label[1:])
            count = len(branch.children)
            stack.extend(
                (child, below, n == count - 1) for n, child in reversed(list(enumerate(branch.children)))
            )
    return lines_text(lines)
