"""The command-line interface: a thin typer layer over the core library.

Command modules are imported only when their command runs (see app.COMMANDS).
"""

import signal

from timeline.cli.guard import quiet_interrupt

# Before anything heavy is imported: Ctrl-C while typer loads ends quietly.
signal.signal(signal.SIGINT, quiet_interrupt)

from timeline.cli.app import COMMANDS, app, main  # noqa: E402

__all__ = ["COMMANDS", "app", "main"]
