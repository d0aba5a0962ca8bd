"""How help and usage errors read, as git's do: the text only, no typer.

typer_compat.py puts these in typer's place; they see only strings and the
public attributes of parameters (`opts`, `metavar`, `name`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

#: A shell word: runs of unquoted text and quoted strings, as an example is written.
_WORD = re.compile(r"""(?:[^\s"']+|"[^"]*"|'[^']*')+""")


def argument_usage(name: str, required: bool, many: bool) -> str:
    """An argument in a usage line: `ID`, `[ID]`, `FILE...` (a metavar
    already in brackets is kept as it is)."""
    shown = name if required or name.startswith("[") else f"[{name}]"
    return f"{shown}..." if many else shown


def value_name(option_names: Sequence[str], metavar: str | None, choices: Sequence[str] | None) -> str:
    """What an option's value is called in help: its metavar, its choices
    (`table|json`), or its own long name in capitals (`--tag TAG`)."""
    if metavar:
        return metavar
    if choices:
        return "|".join(choices)
    longest = max(option_names, key=len).lstrip("-")
    return longest.upper().replace("-", "_")


def help_text(text: str, width: int, indent: int, wrap: Callable[[str, int, str], str]) -> str:
    """A command's description: prose paragraphs wrapped to the width, and
    example paragraphs (indented lines) kept as written, a line too long for
    the width continued on the next with ` \\` so that it still pastes."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        lines = paragraph.splitlines()
        if lines and all(line.startswith(" ") for line in lines):
            blocks.append("\n".join(_example(line.strip(), width, indent + 2) for line in lines))
        else:
            blocks.append(wrap(" ".join(paragraph.split()), width, " " * indent))
    return "\n\n".join(blocks)


def _example(line: str, width: int, indent: int) -> str:
    """One example line, broken between shell words to fit, with ` \\`."""
    words = _WORD.findall(line)
    rows: list[str] = []
    row = ""
    for word in words:
        room = width - indent - (4 if rows else 0) - 2
        if row and len(row) + 1 + len(word) > room:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}" if row else word
    rows.append(row)
    pad = " " * indent
    return " \\\n".join(pad + ("    " if n else "") + text for n, text in enumerate(rows))


def usage_error(message: str, command_path: str | None) -> str:
    """One line for a usage error: `error: ...; see 'timeline list --help'`."""
    text = message.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if not first.isupper():  # "Invalid value" reads "invalid value"; "FILE:" stays a name
        text = text[:1].lower() + text[1:]
    hint = f"; see '{command_path} --help'" if command_path else ""
    return f"error: {text}{hint}\n"


#: The help rows of typer's completion options, which take the shell to name.
COMPLETION_HELP = {
    "--install-completion": (
        "--install-completion [SHELL]",
        "Install completion for SHELL (bash, zsh, fish, powershell, pwsh); default: the current shell.",
    ),
    "--show-completion": (
        "--show-completion [SHELL]",
        "Print the completion script for SHELL (default: the current shell), to copy it or customize"
        " the installation.",
    ),
}


def no_such_option(
    name: str, possibilities: Sequence[str], command: str | None, global_usage: Mapping[str, str]
) -> str:
    """An unknown option, with the closest ones; a global option given
    where it cannot be read (its value missing) says where it goes.

    Args:
        global_usage: The program's own options, each as its help writes it.
    """
    if name in global_usage and command:
        return f"{name} is a global option: `timeline {global_usage[name]} {command}`"
    from difflib import get_close_matches

    # Compared without their dashes, which every option shares.
    bare = {option.lstrip("-"): option for option in possibilities}
    close = [bare[b] for b in get_close_matches(name.lstrip("-"), list(bare), n=3, cutoff=0.5)]
    return f"no such option: {name}" + (f" (did you mean {', '.join(close)}?)" if close else "")
