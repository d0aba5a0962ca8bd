"""Shell completion: the words the scripts pass, the quoting of what comes
back, the values offered, and bash and zsh themselves, through a pty."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Invoke
from timeline.cli.completion import FILES, bash_answer, quoted, read_words, unquote, zsh_answer

BIN = Path(sys.executable).parent


def words(*typed: str) -> dict[str, str]:
    """The variables a script sets for the last of the words typed."""
    return {"_TIMELINE_COMP_WORDS": "\n".join(typed), "_TIMELINE_COMP_INDEX": str(len(typed) - 1)}


def test_the_words_are_read_unquoted() -> None:
    assert read_words(words("timeline", "list", "--actor", "Kat")) == (["list", "--actor"], "Kat", "")
    assert read_words(words("timeline", "list", "-a", '"Uni')) == (["list", "-a"], "Uni", '"')
    assert read_words(words("timeline", "list", "--actor", "Kata\\'ib\\ H", "")) == (
        ["list", "--actor", "Kata'ib H"],
        "",
        "",
    )
    # bash splits --actor=kh at the `=`
    assert read_words(words("timeline", "list", "--actor", "=", "k")) == (["list"], "--actor=k", "")


def test_unquote_reports_the_open_quote() -> None:
    assert unquote("'Kat") == ("Kat", "'")
    assert unquote("\"Kata'ib") == ("Kata'ib", '"')
    assert unquote("plain") == ("plain", "")


@pytest.mark.parametrize(
    ("quote", "inserted"),
    [
        ("", "Kata\\'ib\\ Hezbollah\\ \\$x"),
        ('"', "Kata'ib Hezbollah \\$x"),
        ("'", "Kata'\\''ib Hezbollah $x"),
    ],
)
def test_values_are_quoted_for_bash(quote: str, inserted: str) -> None:
    assert quoted("Kata'ib Hezbollah $x", quote) == inserted
    assert quoted("k1-air-base-attack", "") == "k1-air-base-attack"


def test_answers() -> None:
    assert bash_answer(None, "") == FILES
    assert bash_answer([("United States", "us"), ("us", None)], "") == "United\\ States\nus"
    assert zsh_answer([("United States", "us"), ("us", None)]) == "United States\tus\nus"
    assert zsh_answer([("a\x1b[2Jb", "t\tx")]) == "a\ufffd[2Jb\tt x"


def complete(invoke: Invoke, store: Path, shell: str, *typed: str) -> str:
    env = {"_TIMELINE_COMPLETE": f"complete_{shell}", "TIMELINE_STORE": str(store), **words(*typed)}
    result = invoke(env=env)
    assert result.exit_code == 0, result
    return result.stdout


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        (("--actor", "Kat"), "Kata\\'ib\\ Hezbollah\n"),
        (("--actor", "k"), "kh\n"),  # typer keeps what starts with the text, in its case
        (("--actor", "K"), "Kata\\'ib\\ Hezbollah\n"),
        (("--actor", "Uni"), "United\\ States\n"),
        (("--country", "S"), "Syria\n"),
        (("--country", ""), "Iraq\nSyria\n"),
        (("--tag", "b"), "bases\n"),
        (("--kind", "air"), "airstrike\n"),
        (("--around", "s"), "strikes\nsoleimani\n"),
        (("--sort", "k"), "killed\nkind\n"),
        (("--sort", ""), "date\nkilled\ninjured\ntitle\nkind\n"),
    ],
)
def test_list_completes_from_the_store(
    invoke: Invoke, mini_store: Path, typed: tuple[str, ...], answer: str
) -> None:
    assert complete(invoke, mini_store, "bash", "timeline", "list", *typed) == answer


@pytest.mark.parametrize("command", ["show", "chain", "explore", "path"])
def test_commands_complete_event_ids(invoke: Invoke, mini_store: Path, command: str) -> None:
    assert complete(invoke, mini_store, "bash", "timeline", command, "s") == "strikes\nsoleimani\n"


def test_zsh_gets_descriptions(invoke: Invoke, mini_store: Path) -> None:
    answer = complete(invoke, mini_store, "zsh", "timeline", "list", "--country", "")
    assert answer == "Iraq\t5 events\nSyria\t1 event\n"


def test_sort_keys_complete_with_what_they_order_by(invoke: Invoke, mini_store: Path) -> None:
    answer = complete(invoke, mini_store, "zsh", "timeline", "list", "--sort", "k")
    assert answer == "killed\tby the number killed, fewest first\nkind\tby kind, alphabetically\n"


def test_every_sort_key_is_offered() -> None:
    from timeline.cli.listing import SORT_MEANINGS
    from timeline.query import SORT_KEYS

    assert tuple(SORT_MEANINGS) == SORT_KEYS


def test_file_options_ask_the_shell_for_file_names(invoke: Invoke, mini_store: Path) -> None:
    assert complete(invoke, mini_store, "bash", "timeline", "--store", "") == "files\n"
    assert complete(invoke, mini_store, "zsh", "timeline", "upgrade", "") == "files\n"


# --- Through a terminal -------------------------------------------------------


def spawn(shell: str, tmp_path: Path, store: Path) -> object:
    pexpect = pytest.importorskip("pexpect")
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it where it can)")
    if shutil.which("timeline", path=str(BIN)) is None:
        pytest.skip("timeline is not installed in this environment")
    env = {
        "PATH": f"{BIN}{os.pathsep}/usr/bin:/bin",
        "HOME": str(tmp_path),
        "TERM": "dumb",
        "TIMELINE_STORE": str(store),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PS1": "$ ",
        "PROMPT": "$ ",
    }
    args = ["--norc", "--noprofile", "-i"] if shell == "bash" else ["-f", "-i"]
    child = pexpect.spawn(program, args, env=env, cwd=str(tmp_path), encoding="utf-8", dimensions=(24, 200))
    child.expect_exact("$ ")
    if shell == "bash":
        child.sendline("bind 'set bell-style none'; source <(timeline --show-completion bash)")
    else:
        child.sendline(
            'bindkey -e; autoload -Uz compinit; compinit -u; eval "$(timeline --show-completion zsh)"'
        )
    child.expect_exact("$ ")
    return child


def completed(child: object, typed: str) -> str:
    """What the shell runs after `typed` and a TAB: each argument printed as <arg>."""
    send = child.send  # type: ignore[attr-defined]
    send(typed + "\t")
    # Put printf in front of the completed line, so it prints its arguments as the shell reads them.
    send("\x01printf '<%s>' \x05; echo\r")
    child.expect(r"\n(<[^\r\n]*>)\r?\n")  # type: ignore[attr-defined]
    found = str(child.match.group(1))  # type: ignore[attr-defined]
    child.expect_exact("$ ")  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize("shell", ["bash", "zsh"])
@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("timeline list --actor Kat", "<timeline><list><--actor><Kata'ib Hezbollah>"),
        ("timeline list --actor Uni", "<timeline><list><--actor><United States>"),
        ('timeline list --actor "Kat', "<timeline><list><--actor><Kata'ib Hezbollah>"),
        ("timeline list --country Sy", "<timeline><list><--country><Syria>"),
        ("timeline list --tag ba", "<timeline><list><--tag><bases>"),
        ("timeline show sol", "<timeline><show><soleimani>"),
        ("timeline --store mi", "<timeline><--store><mini.toml>"),
    ],
)
def test_completion_in_a_real_shell(
    shell: str, typed: str, read: str, tmp_path: Path, mini_store: Path
) -> None:
    child = spawn(shell, tmp_path, mini_store)
    try:
        assert completed(child, typed) == read
    finally:
        child.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [["--show-completion", "zsh"], ["--show-completion=zsh"]])
def test_the_shell_named_gets_its_script(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("#compdef timeline\n")
    bash = invoke("--show-completion", "bash")
    assert (bash.exit_code, bash.stdout.splitlines()[0]) == (0, "_timeline_completion() {")


@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
def test_a_shell_without_a_script_is_refused(invoke: Invoke, option: str) -> None:
    result = invoke(option, "tcsh")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"error: {option}: 'tcsh' is not one of bash, zsh, fish, powershell, pwsh; "
               "see 'timeline --help'\n",
    )  # fmt: skip


def test_installing_for_the_shell_named(tmp_path: Path) -> None:
    # A subprocess with its own home: the install writes start-up files there.
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "--install-completion", "zsh"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        f"zsh completion installed in {tmp_path}/.zfunc/_timeline\n"
        "Completion will take effect once you restart the terminal\n"
    )
    assert (tmp_path / ".zfunc" / "_timeline").read_text().startswith("#compdef timeline\n")
