"""The command-line interface: a thin typer layer over the core library.

Command modules are imported only when their command runs (see app.COMMANDS).
"""

import os
import signal

# First of all, before typer loads: Ctrl-C while starting ends quietly with 130
# (cli.guard.run puts the usual handler back once the command runs).
signal.signal(signal.SIGINT, lambda signum, frame: os._exit(130))

from timeline.cli.app import COMMANDS, app, main  # noqa: E402

__all__ = ["COMMANDS", "app", "main"]
