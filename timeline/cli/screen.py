"""Where a command's drawn output goes, as git and gh decide it.

On a terminal: at the terminal's width, and through the pager when it is
longer than the screen (the pager module is imported only then). Piped:
never paged; text views (tables, trees, routes, `show`, `stats`) on lines
that never wrap, so grep sees every line whole; pictures (`chart`, a table
asked for with `--format table`) at COLUMNS, else 80 columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, cast

import typer

from timeline.cli.app import state
from timeline.cli.options import stdout_is_terminal

if TYPE_CHECKING:
    from rich.console import Console


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
        yield make_console(color=options.color, unwrapped=not picture)
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
