"""The command-line interface: a thin typer layer over the core library."""

from timeline.cli import checking, exporting, listing
from timeline.cli.app import app, main

__all__ = ["app", "checking", "exporting", "listing", "main"]
