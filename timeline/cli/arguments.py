"""Global options given after the command (`timeline list --store x`) are
moved before it, where typer reads them, as git and gh accept them anywhere."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

#: The app's options that are never moved before the command.
NOT_HOISTED = frozenset({"--help", "-h", "--install-completion", "--show-completion"})


def global_options(params: Iterable[Any]) -> dict[str, bool]:
    """The app's own options (click parameters), each name with whether it
    takes a value: derived, so an option added to the app is hoisted too.
    `--help` stays with the command, which it describes, and the completion
    options act on the program, never on a command."""
    return {
        name: not param.is_flag
        for param in params
        if param.param_type_name == "option"
        for name in param.opts
        if name not in NOT_HOISTED
    }


def hoist_global_options(
    args: Sequence[str], takes_value: Collection[str], globals_: Mapping[str, bool]
) -> list[str]:
    """The arguments with the global options after the command moved before it.

    Args:
        args: The arguments after the program's name.
        takes_value: The command's options that take a value, whose value is
            never mistaken for an option (`--search --store` searches).
        globals_: The global options and whether each takes a value.

    A global option missing its value, or anything after `--`, stays where it
    is (the error then says where a global option goes).
    """
    position = command_position(args, globals_)
    if position is None:
        return list(args)
    before, after = list(args[: position + 1]), list(args[position + 1 :])
    kept: list[str] = []
    index = 0
    while index < len(after):
        word = after[index]
        name = word.split("=", 1)[0]
        if word == "--":
            kept.extend(after[index:])
            break
        if name in globals_:
            # The option with its value: `--store x`, `--store=x`, `--no-cache`.
            size = 2 if globals_[name] and "=" not in word else 1
            if index + size <= len(after) and (globals_[name] or "=" not in word):
                before[position:position] = after[index : index + size]
                position += size
                index += size
                continue
        kept.append(word)
        if word in takes_value and index + 1 < len(after):
            kept.append(after[index + 1])
            index += 1
        index += 1
    return before + kept


def command_position(args: Sequence[str], globals_: Mapping[str, bool]) -> int | None:
    """Where the command's name is, past the global options before it."""
    index = 0
    while index < len(args):
        word = args[index]
        if not word.startswith("-"):
            return index
        if word == "--":
            return None
        if globals_.get(word):
            index += 1  # its value
        index += 1
    return None


def names_no_store(args: Sequence[str]) -> bool:
    """Whether `--store ""` or `--store=` is given: an empty path, which the
    option would read as the current directory."""
    from itertools import pairwise

    return "--store=" in args or any(a == "--store" and b == "" for a, b in pairwise(args))
