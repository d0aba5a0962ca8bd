"""Everything the CLI needs of typer that typer does not offer publicly.

This is the only module that imports typer's private names; `pyproject.toml`
pins typer below its next minor version, and tests/test_private_imports.py
fails, naming the installed typer, when one of them has moved (`missing()`).
If one moves anyway, each use here falls back to typer's public behaviour, and
only speed (or the plain error display) is lost.

1. Plain coercion of our command-line parameters, sparing every run pydantic.
typer 0.29 coerces each parameter through a pydantic TypeAdapter built on first
use, so every run imports pydantic and builds adapters: about 100 ms, more than
everything else a command does. Our parameters are all simple (str, int with
bounds, bool, StrEnum, Path, lists of str), so before parsing each gets a plain
coercer with the same checks and messages; any other annotation keeps typer's
own. If typer's internals move, `install` does nothing and only speed is lost.

2. `plain_main`: typer's main loop with its rich error panel off, so that usage
errors print as plain lines, like ours, without loading rich just to fail.
typer offers that switch only on its private `_main`.

3. Help and usage errors as git prints them (`plain_display`): help without rich
(whose markdown import doubled start-up), usage lines with `ID` and `[ID]`,
value names instead of `<str>`, options grouped by their panel, examples kept
as written; a usage error is one `error: ...` line with a pointer to `--help`.

4. Shell completion that quotes (timeline.cli.completion): its scripts and the
classes that answer them replace typer's for bash and zsh.
"""

from __future__ import annotations

import math
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer

try:
    from typer import core as typer_core
    from typer._coercion import RuntimeParam
    from typer._display import describe_number_range
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another typer: keep its own coercion
    RuntimeParam = None  # type: ignore[assignment,misc]

#: The private names used here, as (module, name), for `missing()`.
PRIVATE_NAMES = (
    ("typer._coercion", "RuntimeParam"),
    ("typer._display", "describe_number_range"),
    ("typer._param_types", "coerce_cli_choice"),
    ("typer._param_types", "coerce_cli_path"),
    ("typer.core", "_TyperParameter"),
    ("typer.core", "build_runtime_param"),
    ("typer.core", "_main"),
    ("typer.core", "TyperArgument._usage_display_name"),
    ("typer.core", "TyperArgument.display_type_rich"),
    ("typer.core", "TyperOption.display_type_rich"),
    ("typer._click.core", "Context.formatter_class"),
    ("typer._click.exceptions", "UsageError.show"),
    ("typer._click.formatting", "HelpFormatter.write_text"),
    ("typer._click.formatting", "wrap_text"),
    ("typer._click.shell_completion", "ShellComplete"),
    ("typer._click.shell_completion", "add_completion_class"),
    ("typer._click.shell_completion", "_resolve_context"),
    ("typer._click.shell_completion", "_resolve_incomplete"),
    ("typer._completion_shared", "_completion_scripts"),
    ("typer._completion_shared", "get_completion_script"),
    ("typer._completion_shared", "install"),
)

_SIMPLE = (str, int, float, bool, Path)


if RuntimeParam is not None:

    class PlainParam(RuntimeParam):
        """Coerces a simple value (or a list of them) without pydantic.

        Not a dataclass of its own, whose creation would cost every run a
        third of a millisecond: what it needs beyond typer's fields, it reads
        from the annotation.
        """

        @property
        def is_list(self) -> bool:
            annotation: Any = self.annotation  # typer's ParameterAnnotation: a type, here
            return get_origin(annotation) is list

        @property
        def leaf(self) -> type:
            annotation: Any = self.annotation
            leaf: type = get_args(annotation)[0] if self.is_list else annotation
            return leaf

        def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Any) -> Any:
            if self.is_list:
                return [self._leaf(item, param, ctx) for item in value]
            return self._leaf(value, param, ctx)

        def _leaf(self, value: Any, param: _TyperParameter, ctx: Any) -> Any:
            leaf, info = self.leaf, self.parameter_info
            if issubclass(leaf, Enum):
                try:
                    return coerce_cli_choice(
                        value, choices=tuple(leaf), case_sensitive=info.case_sensitive, ctx=ctx
                    )
                except ValueError as exc:
                    raise typer.BadParameter(str(exc), ctx=ctx, param=param) from None
            if leaf is bool:
                if isinstance(value, bool):
                    return value
                raise typer.BadParameter(f"{value!r} is not a valid boolean.", ctx=ctx, param=param)
            if leaf is int or leaf is float:
                try:
                    number = leaf(value)
                    if not math.isfinite(number):
                        raise ValueError(value)
                except (TypeError, ValueError):
                    noun = "integer" if leaf is int else "number"
                    raise typer.BadParameter(
                        f"{value!r} is not a valid {noun}.", ctx=ctx, param=param
                    ) from None
                low, high = info.min, info.max
                if (low is not None and number < low) or (high is not None and number > high):
                    bounds = describe_number_range(low, high)
                    raise typer.BadParameter(f"{number} is not in the range {bounds}.", ctx=ctx, param=param)
                return number
            if leaf is Path:
                if isinstance(value, str) and not value:
                    # Path("") is ".", which would be refused as "file '.' is a directory"
                    raise typer.BadParameter("the file name is empty", ctx=ctx, param=param)
                path = value if isinstance(value, Path) else Path(value)
                return coerce_cli_path(path, info, path_type=Path, param=param, ctx=ctx)
            return str(value)


def _plain(descriptor: Any) -> Any:
    """A PlainParam for a simple annotation, or None to leave it to typer."""
    if descriptor.file_annotation is not None:
        return None
    annotation = descriptor.annotation
    is_list = get_origin(annotation) is list
    leaf = get_args(annotation)[0] if is_list else annotation
    if not isinstance(leaf, type) or not (leaf in _SIMPLE or issubclass(leaf, Enum)):
        return None
    if getattr(descriptor.parameter_info, "parser", None) is not None:
        return None
    return PlainParam(annotation=annotation, parameter_info=descriptor.parameter_info)


def install() -> None:
    """Route typer's coercion of simple parameters through PlainParam, and
    help and usage errors through plain_display (once)."""
    plain_display()
    original = getattr(typer_core, "build_runtime_param", None) if RuntimeParam is not None else None
    if original is None or getattr(original, "_timeline", False):
        return

    def build(descriptor: Any) -> Any:
        return _plain(descriptor) or original(descriptor)

    build._timeline = True  # type: ignore[attr-defined]
    # typer.core calls the name from its own namespace, so that is where it is replaced.
    setattr(typer_core, "build_runtime_param", build)  # noqa: B010


def plain_main(group: Any, **options: Any) -> Any:
    """Run a TyperGroup as typer's own main does, but with rich error display
    off; with another typer, its own main (and its own error display)."""
    try:
        from typer.core import _main
    except ImportError:  # pragma: no cover - another typer: its own error display
        return typer.core.TyperGroup.main(group, **options)
    install()
    if _completing(options):
        quoting_completion()
        _script_for_named_shell(options)
    return _main(group, rich_markup_mode=None, **options)


def _script_for_named_shell(options: dict[str, Any]) -> None:
    """`--show-completion zsh`, `--install-completion=bash`: the shell named,
    not the one detected (typer's flags take no value and ignored the name).

    Raises:
        SystemExit: 0 when done, 2 for a shell without a script.
    """
    import sys

    from typer import _completion_shared

    from timeline.cli import completion

    args = options.get("args")
    named = completion.named_shell([str(word) for word in (sys.argv[1:] if args is None else args)])
    if named is None:
        return
    option, shell = named
    refused = completion.unknown_shell(option, shell)
    if refused is not None:
        sys.stderr.write(_helptext().usage_error(refused, options.get("prog_name") or "timeline"))
        raise SystemExit(2)
    prog = options.get("prog_name") or "timeline"
    variable = options.get("complete_var") or f"_{prog.replace('-', '_').upper()}_COMPLETE"
    if option == "--show-completion":
        sys.stdout.write(
            _completion_shared.get_completion_script(prog_name=prog, complete_var=variable, shell=shell)
            + "\n"
        )
    else:
        shell, path = _completion_shared.install(shell=shell, prog_name=prog, complete_var=variable)
        sys.stdout.write(f"{shell} completion installed in {path}\n")
        sys.stdout.write("Completion will take effect once you restart the terminal\n")
    raise SystemExit(0)


def _completing(options: dict[str, Any]) -> bool:
    """Whether this run completes a word or prints a completion script (only
    then is completion's code loaded)."""
    import os
    import sys

    prog = options.get("prog_name") or "timeline"
    variable = options.get("complete_var") or f"_{prog.replace('-', '_').upper()}_COMPLETE"
    args = options.get("args")
    words = sys.argv[1:] if args is None else args
    return variable in os.environ or any(
        str(word).startswith(("--show-completion", "--install-completion")) for word in words
    )


def quoting_completion() -> None:
    """Bash and zsh completion as timeline.cli.completion does it, in
    typer's place (its scripts for --show-completion and --install-completion
    too); with another typer, typer's own."""
    try:
        from typer import _completion_shared
        from typer._click import shell_completion as click_completion
    except ImportError:  # pragma: no cover - another typer: its own completion
        return
    import os

    from timeline.cli import completion

    class Quoting(click_completion.ShellComplete):
        def source_vars(self) -> dict[str, Any]:
            return {
                "complete_func": self.func_name,
                "autocomplete_var": self.complete_var,
                "prog_name": self.prog_name,
            }

        def items(self, args: list[str], incomplete: str) -> list[tuple[str, str | None]] | None:
            """What completes the word, or None for the shell's file names."""
            ctx = click_completion._resolve_context(self.cli, self.ctx_args, self.prog_name, args)
            obj, incomplete = click_completion._resolve_incomplete(ctx, args, incomplete)
            described = getattr(obj, "type_descriptor", None)
            if described is not None and (described.is_path or described.is_file):
                return None
            return [(item.value, item.help) for item in obj.shell_complete(ctx, incomplete)]

        def get_completion_args(self) -> tuple[list[str], str]:  # pragma: no cover - complete() reads
            return completion.read_words(os.environ)[:2]

        def format_completion(self, item: Any) -> str:  # pragma: no cover - complete() formats
            return str(item.value)

    class Bash(Quoting):
        name = "bash"
        source_template = completion.BASH_SCRIPT

        def complete(self) -> str:
            args, incomplete, quote = completion.read_words(os.environ)
            return completion.bash_answer(self.items(args, incomplete), quote)

    class Zsh(Quoting):
        name = "zsh"
        source_template = completion.ZSH_SCRIPT

        def complete(self) -> str:
            args, incomplete, _ = completion.read_words(os.environ)
            return completion.zsh_answer(self.items(args, incomplete))

    for shell_class in (Bash, Zsh):
        click_completion.add_completion_class(shell_class, shell_class.name)
        _completion_shared._completion_scripts[shell_class.name] = shell_class.source_template


def _helptext() -> Any:
    """timeline.cli.helptext, loaded only when help or an error is shown."""
    from timeline.cli import helptext

    return helptext


def plain_display() -> None:
    """Help and usage errors as timeline.cli.helptext says (once); with
    another typer, as that typer prints them."""
    try:
        from typer._click import core as click_core
        from typer._click import exceptions
        from typer._click.formatting import HelpFormatter, wrap_text
        from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
    except ImportError:  # pragma: no cover - another typer: its own display
        return
    if getattr(click_core.Context.formatter_class, "_timeline", False):
        return

    class Formatter(HelpFormatter):
        _timeline = True

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, "usage: " if prefix is None else prefix)

        def write_text(self, text: str) -> None:
            def wrap(paragraph: str, width: int, indent: str) -> str:
                return str(wrap_text(paragraph, width, initial_indent=indent, subsequent_indent=indent))

            self.write(_helptext().help_text(text, self.width, self.current_indent, wrap) + "\n")

    def usage(self: Any) -> str:
        return str(_helptext().argument_usage(self.display_name_raw, self.required, self.nargs != 1))

    def option_value(self: Any, ctx: Any) -> str:
        descriptor = self.type_descriptor
        choices = [str(getattr(c, "value", c)) for c in descriptor.choices or ()]
        shown = _helptext().value_name(self.opts, self.metavar, choices if descriptor.is_choice else None)
        return f"{shown}..." if self.nargs != 1 else shown

    typer_help_record = TyperOption.get_help_record

    def help_record(self: Any, ctx: Any) -> tuple[str, str] | None:
        # typer's completion options say they take the shell to name.
        record = typer_help_record(self, ctx)
        return _helptext().COMPLETION_HELP.get(record[0], record) if record is not None else None

    def grouped_options(self: Any, ctx: Any, formatter: Any) -> None:
        # Options under their panel's heading ("Filters"), as in typer's rich help.
        sections: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            title = "Arguments" if param.param_type_name == "argument" else "Options"
            sections.setdefault(getattr(param, "rich_help_panel", None) or title, []).append(record)
        for title, rows in sections.items():
            with formatter.section(title):
                formatter.write_dl(rows)

    def show(self: Any, file: Any = None) -> None:
        import sys

        from timeline.text import one_line

        path = self.ctx.command_path if self.ctx is not None else None
        (file or sys.stderr).write(_helptext().usage_error(one_line(usage_message(self)), path))

    def usage_message(error: Any) -> str:
        param = getattr(error, "param", None)
        if param is not None and isinstance(error, exceptions.BadParameter):
            label = max(param.opts, key=len) if param.param_type_name == "option" else param.display_name_raw
            if isinstance(error, exceptions.MissingParameter):
                return f"missing {param.param_type_name} {label}"
            return f"{label}: {error.message}"
        if isinstance(error, exceptions.NoSuchOption):
            command = error.ctx.info_name if error.ctx is not None else None
            shown = global_usage(error.ctx.find_root()) if error.ctx is not None else {}
            possible = error.possibilities or ()
            return str(_helptext().no_such_option(error.option_name, possible, command, shown))
        return str(error.format_message())

    TyperArgument._usage_display_name = usage  # type: ignore[method-assign]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    TyperOption.display_type_rich = option_value  # type: ignore[method-assign]

    def in_context(parse: Any) -> Any:
        def parse_args(self: Any, ctx: Any, args: list[str]) -> list[str]:
            # The parser's own errors ("option '--from' requires an argument")
            # carry no context, so their line could not say which --help to see.
            try:
                return list(parse(self, ctx, args))
            except exceptions.UsageError as error:
                if error.ctx is None:
                    error.ctx = ctx
                raise

        return parse_args

    TyperCommand.parse_args = in_context(TyperCommand.parse_args)  # type: ignore[method-assign]
    TyperGroup.parse_args = in_context(TyperGroup.parse_args)  # type: ignore[method-assign]
    TyperCommand.format_options = grouped_options  # type: ignore[method-assign]
    TyperOption.get_help_record = help_record  # type: ignore[method-assign]
    exceptions.UsageError.show = show  # type: ignore[method-assign]
    click_core.Context.formatter_class = Formatter


def global_usage(root: Any) -> dict[str, str]:
    """Each of the program's own options as its help writes it
    (`--store PATH`, `--color auto|always|never`)."""
    shown = {}
    for param in root.command.get_params(root):
        record = param.get_help_record(root) if param.param_type_name == "option" else None
        if record is not None:
            # The record is the names, then the value's name: "--store PATH".
            value = record[0].removeprefix(", ".join(param.opts)).strip()
            shown.update({name: f"{name} {value}".rstrip() for name in param.opts})
    return shown


def missing() -> list[str]:
    """The private typer names used here that the installed typer lacks."""
    import importlib

    gone = []
    for module_name, name in PRIVATE_NAMES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            gone.append(f"{module_name} (the whole module)")
            continue
        found: Any = module
        for part in name.split("."):
            found = getattr(found, part, None)
        if found is None:
            gone.append(f"{module_name}.{name}")
    return gone
