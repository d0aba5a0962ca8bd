"""The command-line interface: a thin typer layer over the core library.

Command modules are imported only when their command runs (see app.COMMANDS).
"""

from timeline.cli.app import COMMANDS, app, main

__all__ = ["COMMANDS", "app", "main"]
