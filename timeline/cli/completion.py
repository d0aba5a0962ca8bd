"""Shell completion that quotes what it inserts, for bash and zsh.

typer's scripts insert a value as it is (`Kata'ib Hezbollah` leaves bash at a
`>` prompt, `United States` becomes two arguments) and fall back to file names
for every option. Here the shell passes the words as typed, one per line, with
the index of the one being completed; the answer is one value per line (zsh:
value, tab, description), already quoted for bash, or the single word `files`
to ask the shell for its own file-name completion (--store, -o, FILE).
typer_compat.py installs these scripts and answers in typer's place.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Mapping

#: The answer that asks the shell to complete file names itself.
FILES = "files"

#: Environment variables the scripts set: the words, and the current word's index.
WORDS_VAR = "_TIMELINE_COMP_WORDS"
INDEX_VAR = "_TIMELINE_COMP_INDEX"

BASH_SCRIPT = r"""
%(complete_func)s() {
    local IFS=$'\n' reply
    reply=$(env _TIMELINE_COMP_WORDS="${COMP_WORDS[*]}" _TIMELINE_COMP_INDEX="$COMP_CWORD" \
        %(autocomplete_var)s=complete_bash "$1" 2>/dev/null) || return 0
    COMPREPLY=()
    if [[ $reply == files ]]; then
        compopt -o default
    elif [[ -n $reply ]]; then
        mapfile -t COMPREPLY <<< "$reply"
    fi
    return 0
}

complete -F %(complete_func)s %(prog_name)s
"""

ZSH_SCRIPT = r"""
#compdef %(prog_name)s

%(complete_func)s() {
  local -a reply values descriptions
  local line
  reply=("${(@f)$(env _TIMELINE_COMP_WORDS="${(pj:\n:)words[1,CURRENT]}" \
      _TIMELINE_COMP_INDEX=$((CURRENT - 1)) %(autocomplete_var)s=complete_zsh %(prog_name)s 2>/dev/null)}")
  if [[ ${reply[1]} == files ]]; then
    _files
    return
  fi
  for line in $reply; do
    [[ -n $line ]] || continue
    values+=("${line%%%%$'\t'*}")
    descriptions+=("${line/$'\t'/  -- }")
  done
  (( ${#values} )) && compadd -U -l -d descriptions -a values
}

compdef %(complete_func)s %(prog_name)s
"""

#: The options that print or install a completion script, with an optional shell.
SCRIPT_OPTIONS = ("--show-completion", "--install-completion")
#: The shells typer has scripts for; bash and zsh get ours.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def named_shell(args: list[str]) -> tuple[str, str] | None:
    """The script option and the shell it names (`--show-completion zsh`,
    `--show-completion=zsh`), or None when none is named: the shell is then
    detected. Only before the command, where the options are read."""
    for index, word in enumerate(args):
        name, equals, value = word.partition("=")
        if name in SCRIPT_OPTIONS:
            if equals:
                return name, value
            following = args[index + 1] if index + 1 < len(args) else ""
            return (name, following) if following and not following.startswith("-") else None
        if not word.startswith("-"):
            return None  # the command: what follows is its own
    return None


def unknown_shell(option: str, shell: str) -> str | None:
    """The usage error for a shell without a script, or None."""
    if shell in SHELLS:
        return None
    return f"{option}: {shell!r} is not one of {', '.join(SHELLS)}"


#: Characters bash takes literally outside quotes.
_SAFE = re.compile(r"[\w@%+=:,./-]+", re.ASCII)


def read_words(environ: Mapping[str, str]) -> tuple[list[str], str, str]:
    """The words before the current one (unquoted), the current one
    (unquoted), and the quote it opened ('', "'" or '"'), from the scripts'
    variables. `--opt=value`, which bash splits in three words, is one."""
    words = environ.get(WORDS_VAR, "").split("\n")
    index = int(environ.get(INDEX_VAR, "0") or 0)
    words = (words + [""] * (index + 1 - len(words)))[: index + 1]
    while "=" in words[1:-1]:  # bash splits `--actor=kh` at `=`
        at = words.index("=", 1)
        words[at - 1 : at + 2] = [words[at - 1] + "=" + (words[at + 1] if at + 1 < len(words) else "")]
    before = [unquote(word)[0] for word in words[1:-1]]
    current, quote = unquote(words[-1])
    return before, current, quote


def unquote(word: str) -> tuple[str, str]:
    """A word as the shell will read it, and the quote it leaves open."""
    for quote in ("", '"', "'"):
        try:
            parts = shlex.split(word + quote)
        except ValueError:
            continue
        return "".join(parts), quote
    return word, ""  # pragma: no cover - one of the three always closes


def quoted(value: str, quote: str) -> str:
    """A value as bash must insert it after the quote already typed (if any);
    readline adds the closing quote itself."""
    if quote == "'":
        return value.replace("'", "'\\''")
    if quote == '"':
        return re.sub(r'(["$`\\])', r"\\\1", value)
    if _SAFE.fullmatch(value):
        return value
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", value, flags=re.ASCII)


def bash_answer(items: Iterable[tuple[str, str | None]] | None, quote: str) -> str:
    """The bash script's answer: one quoted value per line, or FILES."""
    if items is None:
        return FILES
    return "\n".join(quoted(_line(value), quote) for value, _ in items)


def zsh_answer(items: Iterable[tuple[str, str | None]] | None) -> str:
    """The zsh script's answer: value, tab, description per line, or FILES
    (zsh's compadd quotes the value as the line needs)."""
    if items is None:
        return FILES
    return "\n".join(f"{_line(value)}\t{_line(help or '')}".rstrip("\t") for value, help in items)


def _line(text: str) -> str:
    """Store text on one line, safe for a terminal (no tab: it separates)."""
    from timeline.text import one_line

    return one_line(text).replace("\t", " ")
