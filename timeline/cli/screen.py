"""Where a command's drawn output goes, as git and gh decide it.

On a terminal: at the terminal's width, and through the pager when it is
longer than the screen (the pager module is imported only then). Piped:
never paged; text views (tables, trees, routes, `show`, `stats`) on lines
that never wrap, so grep sees every line whole; pictures (`chart`, a table
asked for with `--format table`) at COLUMNS, else 80 columns.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, cast

import typer

from timeline.cli.app import state
from timeline.cli.options import stdout_is_terminal

if TYPE_CHECKING:
    from rich.console import Console


def piped() -> bool:
    """Whether stdout is no terminal: views go out unwrapped and unpaged."""
    return not stdout_is_terminal()


def plain_text(ctx: typer.Context) -> bool:
    """Whether a text view goes out as plain text (render.plain_views, no
    rich): piped, unless colour is asked for with --color always, or with
    FORCE_COLOR or TTY_COMPATIBLE=1, which are how rich's own console (the
    "auto" of make_console) is told to draw styles into a pipe."""
    if stdout_is_terminal():
        return False
    color = state(ctx).color
    if color != "auto":
        return color == "never"
    environ = os.environ
    tty = environ.get("TTY_COMPATIBLE", "")
    if tty in ("0", "1"):
        return tty == "0"
    return not environ.get("FORCE_COLOR")


def ascii_only() -> bool:
    """Whether stdout takes ASCII only, as rich judges it (its encoding is no
    UTF): trees are then drawn with ASCII guides."""
    encoding = (getattr(sys.stdout, "encoding", "utf-8") or "utf-8").lower()
    return not encoding.startswith("utf")


@contextmanager
def screen(ctx: typer.Context, *, picture: bool = False) -> Iterator[Console]:
    """The console a command draws on; see the module docstring.

    Args:
        ctx: the command's context, for --color and --no-pager.
        picture: drawn to a width even when piped (a chart, a table by name).
    """
    from timeline.render.console import make_console

    options = state(ctx)
    if not stdout_is_terminal():
        yield make_console(color=options.color, unwrapped=not picture, trimmed=picture)
        return
    console = make_console(color=options.color)
    if not options.pager:
        yield console
        return
    from timeline.cli.pager import Pager, pager_command

    command = pager_command()
    if command is None:
        yield console
        return
    with Pager(command, console.size.height) as out:
        # a TextIOBase, which typeshed does not count as an IO[str]: rich needs only write and flush
        file = cast("IO[str]", out)
        yield make_console(file=file, width=console.width, height=console.size.height, color=options.color)
