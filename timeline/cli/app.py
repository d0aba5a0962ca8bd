"""The typer app, its global options, and the one place errors become exits."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from timeline import __version__
from timeline.errors import DataError, TimelineError

if TYPE_CHECKING:
    from timeline.model import Store


#: Each command and the module that defines it. A run imports and builds only
#: the command it invokes (typer builds every parameter of every command it
#: knows, on every run); help and completion still see them all.
COMMANDS: dict[str, str] = {
    "list": "timeline.cli.listing",
    "show": "timeline.cli.listing",
    "chain": "timeline.cli.chains",
    "path": "timeline.cli.chains",
    "explore": "timeline.cli.exploring",
    "stats": "timeline.cli.pictures",
    "chart": "timeline.cli.pictures",
    "export": "timeline.cli.exporting",
    "schema": "timeline.cli.exporting",
    "check": "timeline.cli.checking",
    "upgrade": "timeline.cli.checking",
    "add": "timeline.cli.adding",
}


def commands_app() -> typer.Typer:
    """The Typer app a command module registers its commands on."""
    return typer.Typer(pretty_exceptions_enable=False, rich_markup_mode=None, add_completion=False)


class TimelineGroup(TyperGroup):
    """Loads commands on demand, and turns every TimelineError raised by a
    command into its message and exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            if not ctx.resilient_parsing:
                from timeline.hints import did_you_mean

                ctx.fail(f"No such command {cmd_name!r}{did_you_mean(cmd_name, COMMANDS, quoted=False)}.")
            return None
        import importlib

        module = importlib.import_module(module_name)
        built = typer.main.get_command(module.app)
        commands = getattr(built, "commands", None)
        return commands.get(cmd_name) if commands is not None else built

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """As typer's, but usage errors print as plain lines, like ours, not in a
        rich panel that wraps them and loads rich just to fail."""
        from timeline.cli.typer_compat import plain_main

        return plain_main(
            self,
            args=args,
            prog_name=prog_name,
            complete_var=complete_var,
            standalone_mode=standalone_mode,
            windows_expand_args=windows_expand_args,
            **extra,
        )

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        from timeline.cli.typer_compat import install

        install()
        return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """As a group parses, with global options accepted after the command too."""
        from timeline.cli.arguments import (
            command_position,
            global_options,
            hoist_global_options,
            names_no_store,
        )

        if names_no_store(args):
            ctx.fail("--store is empty: give a store file")
        globals_ = global_options(self.params)
        position = command_position(args, globals_)
        named = args[position] if position is not None else None
        if named in COMMANDS and any(word.split("=", 1)[0] in globals_ for word in args[position:]):
            command = self.get_command(ctx, named)
            takes_value = {
                name
                for param in getattr(command, "params", ())
                if param.param_type_name == "option" and not param.is_flag and not param.count
                for name in param.opts
            }
            args = hoist_global_options(args, takes_value, globals_)
        return list(super().parse_args(ctx, args))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as exc:
            report(exc)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            sys.stderr.write("\ninterrupted\n")
            raise typer.Exit(130) from None


def report(exc: TimelineError) -> None:
    """Print an error to stderr, one line per problem, no markup, no traceback,
    and no raw store text (keys, ids, labels are made terminal-safe)."""
    from timeline.text import one_line

    if isinstance(exc, DataError):
        for problem in exc.problems:
            sys.stderr.write(f"error: {one_line(str(problem))}\n")
        if len(exc.problems) > 1:
            sys.stderr.write(f"{len(exc.problems)} problems\n")
    else:
        sys.stderr.write(f"error: {one_line(str(exc))}\n")


app = typer.Typer(
    cls=TimelineGroup,
    name="timeline",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # Inherited by every command's context.
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    """Global options, kept on the click context for the commands."""

    store_option: Path | None = None
    use_cache: bool = True
    _store: Store | None = None
    #: --color: auto, always or never.
    color: str = "auto"
    #: False with --no-pager.
    pager: bool = True
    #: Whether $TIMELINE_STORE, not --store, named the store.
    store_from_env: bool = False

    @property
    def path(self) -> Path:
        from timeline.store import store_path

        return store_path(str(self.store_option) if self.store_option else None)

    def store(self) -> Store:
        """The store, opened once per command."""
        if self._store is None:
            from timeline.store import open_store

            try:
                self._store = without_gc(lambda: open_store(self.path, use_cache=self.use_cache))
            except DataError as exc:
                if self.store_from_env:
                    raise _named_by_env(exc, self.path) from None
                raise
        return self._store


def _named_by_env(exc: DataError, path: Path) -> DataError:
    """The error with the file that $TIMELINE_STORE names shown as the
    variable's setting, so a user sees where the path came from."""
    from timeline.store import STORE_ENV

    return DataError(
        [
            p._replace(path=f"{STORE_ENV}={p.path}") if p.path == str(path) and p.line is None else p
            for p in exc.problems
        ]
    )


def without_gc(load: Callable[[], Store]) -> Store:
    """Load a store with the cyclic garbage collector paused, then freeze it.

    Building a store allocates hundreds of thousands of objects, none in a
    cycle; the collector would rescan them all again and again (it made loading
    a 100,000-event cache five times slower). The store lives as long as the
    process, so what was built is frozen afterwards. This is process-wide, so
    it is done here, at the program's entry, never in the library.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        store = load()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return store


def state(ctx: typer.Context) -> State:
    """The global options of this invocation."""
    found = ctx.find_root().obj
    if not isinstance(found, State):
        found = State()
        ctx.find_root().obj = found
    return found


class Color(StrEnum):
    """What --color accepts, as ripgrep and git spell it."""

    auto = "auto"
    always = "always"
    never = "never"


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"timeline {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def root(
    ctx: typer.Context,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            envvar="TIMELINE_STORE",
            metavar="PATH",
            help="Store file to read (TOML, or a JSON export). Default: the curated store.",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse the store afresh; neither read nor write the cache.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    color: Annotated[
        Color,
        typer.Option("--color", help="Colour: auto (a terminal, unless NO_COLOR is set), always or never."),
    ] = Color.auto,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Print long output directly, not through $PAGER.")
    ] = False,
) -> None:
    """Explore the escalation chain between the United States and Iran-backed
    militias in Iraq and Syria, 2019-2024.

    Examples:

      timeline list --from "Dec 2019" --to "Jan 2020"

      timeline chain k1-air-base-attack

      timeline --store my-events.toml check
    """
    from_env = getattr(ctx.get_parameter_source("store"), "name", None) == "ENVIRONMENT"
    ctx.obj = State(store, not no_cache, color=color.value, pager=not no_pager, store_from_env=from_env)


def main() -> None:
    """Entry point of the `timeline` command."""
    from timeline.cli.guard import run

    run(lambda: app(prog_name="timeline"))
