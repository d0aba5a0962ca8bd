"""The command-line interface: a thin typer layer over the core library."""

from timeline.cli import adding, chains, checking, exploring, exporting, listing, pictures
from timeline.cli.app import app, main

__all__ = ["adding", "app", "chains", "checking", "exploring", "exporting", "listing", "main", "pictures"]
