"""The command-line interface: a thin typer layer over the core library."""

from timeline.cli import chains, checking, exporting, listing, pictures
from timeline.cli.app import app, main

__all__ = ["app", "chains", "checking", "exporting", "listing", "main", "pictures"]
