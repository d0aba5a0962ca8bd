"""`timeline add`: byte-for-byte appends, atomic writes, every rejection."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI_STORE, Result
from timeline.append import toml_string
from timeline.store import open_store

Invoke = Callable[..., Result]
GOOD = [
    "--id", "k2", "--title", 'Rockets hit "K-2"', "--kind", "attack", "--start", "2020-01-10",
    "--place", "Kirkuk", "--country", "Iraq", "--actor", "KH", "--target", "us", "--cause", "soleimani",
    "--killed", "2", "--injured", "3+", "--tag", "bases", "--source", "A report", "--source-note", "p. 3",
]  # fmt: skip

ADDED = """\
[[event]]
id = "k2"
title = "Rockets hit \\"K-2\\""
kind = "attack"
start = "2020-01-10"
actors = ["kh"]
targets = ["us"]
causes = ["soleimani"]
killed = 2
injured = "3+"
tags = ["bases"]
[[event.locations]]
place = "Kirkuk"
country = "Iraq"
[[event.sources]]
title = "A report"
note = "p. 3"
"""


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    # Comments and odd spacing that a rewrite would lose.
    path.write_bytes(("# my store\r\n" + MINI_STORE + "\n#   trailing comment, no newline").encode())
    return path


def test_add_appends_and_keeps_every_byte(invoke: Invoke, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = invoke("--store", str(store_file), "add", *GOOD)
    assert (result.exit_code, result.stdout) == (0, f"added k2 to {store_file}\n")
    after = store_file.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :] == b"\n\n" + ADDED.encode()
    store = open_store(store_file)
    assert store.by_id["k2"].title == 'Rockets hit "K-2"'
    assert store.effects_of("soleimani") == ("k2",)


def test_dry_run_prints_and_writes_nothing(invoke: Invoke, store_file: Path) -> None:
    digest = hashlib.sha256(store_file.read_bytes()).hexdigest()
    result = invoke("--store", str(store_file), "add", *GOOD, "--dry-run")
    assert (result.exit_code, result.stdout) == (0, ADDED)
    assert hashlib.sha256(store_file.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        ({"--start": "2020-13-01"}, 2, "error: --start: '2020-13-01' is not a date: month 13 is not 1-12"),
        ({"--kind": "atack"}, 2, "error: --kind: unknown kind 'atack' (did you mean attack?)"),
        ({"--killed": "many"}, 2, "error: --killed: 'many' is not a count"),
        ({"--actor": "martians"}, 2, "error: --actor: unknown actor 'martians'"),
        ({"--cause": "nowhere"}, 2, "error: --cause: no event 'nowhere'"),
        ({"--id": "Bad Id"}, 2, "error: --id: 'Bad Id' is not an id"),
        ({"--id": "k1"}, 1, 'event "k1": field "id": the id is used by 2 events'),
        ({"--start": "2019-12-01"}, 1, 'event "k2": field "causes": starts 2019-12-01, before its cause '
                                       '"soleimani" (2020-01-03)'),
        ({"--end": "2019"}, 1, 'event "k2": field "end": ends 2019, before it starts (2020-01-10)'),
        ({"--lat": "95", "--lon": "1"}, 2, "--lat: 95.0 is not in the range -90<=x<=90"),
        ({"--lat": "nan", "--lon": "1"}, 2, "--lat: 'nan' is not a valid number"),
    ],
)  # fmt: skip
def test_bad_fields_are_refused_and_nothing_is_written(
    invoke: Invoke, store_file: Path, change: dict[str, str], code: int, message: str
) -> None:
    before = store_file.read_bytes()
    args = list(GOOD)
    for option, value in change.items():
        if option in args:
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    result = invoke("--store", str(store_file), "add", *args)
    assert result.exit_code == code, result
    assert message in result.stderr
    assert store_file.read_bytes() == before


def test_missing_fields_and_unpaired_options(invoke: Invoke, store_file: Path) -> None:
    result = invoke("--store", str(store_file), "add", "--title", "T")
    assert (result.exit_code, result.stderr) == (
        2, "error: missing --id, --kind, --start, --source (or use -i to be asked)\n"
    )  # fmt: skip
    result = invoke("--store", str(store_file), "add", *GOOD[:8], "--source", "S", "--place", "X")
    assert (result.exit_code, result.stderr) == (2, "error: give --place and --country together\n")


def test_the_curated_store_is_never_changed(invoke: Invoke) -> None:
    result = invoke("add", *GOOD)
    assert result.exit_code == 2
    assert "is not changed by add; copy it" in result.stderr


def test_a_failure_midway_leaves_the_original(
    invoke: Invoke, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store_file.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    result = invoke("--store", str(store_file), "add", *GOOD)
    assert result.exit_code == 1
    assert result.stderr == f"error: {store_file}: cannot write: Input/output error\n"
    assert store_file.read_bytes() == before
    # No temporary is left; the lock file stays (removing it would race another writer).
    assert sorted(p.name for p in store_file.parent.iterdir()) == [".mine.toml.lock", "mine.toml"]


def test_interactive_asks_again_after_bad_answers(invoke: Invoke, store_file: Path) -> None:
    answers = "\n".join([
        "New thing", "", "badkind", "attack", "2019-13", "2020-05", "", "Baghdad", "Iraq", "",
        "kh, nobody", "kh", "", "soleim", "5+", "", "A summary.", "Some source", "", "",
    ]) + "\n"  # fmt: skip
    result = invoke("--store", str(store_file), "add", "-i", input=answers)
    assert result.exit_code == 0, result
    assert "unknown kind 'badkind'" in result.stdout
    assert "'2019-13' is not a date: month 13 is not 1-12; try again" in result.stdout
    assert "unknown actor 'nobody'; try again" in result.stdout
    assert result.stdout.endswith(f"added new-thing to {store_file}\n")
    event = open_store(store_file).by_id["new-thing"]
    assert (event.kind, event.start.iso(), event.causes, str(event.killed)) == (
        "attack", "2020-05", ("soleimani",), "5+"
    )  # fmt: skip


def test_interactive_input_that_ends_early_writes_nothing(invoke: Invoke, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = invoke("--store", str(store_file), "add", "-i", input="Half an event\n")
    assert result.exit_code == 2
    assert result.stderr == "error: input ended before the event was complete; nothing was written\n"
    assert store_file.read_bytes() == before


@pytest.mark.parametrize("text", ['say "hi"', "back\\slash", "tab\tnew\nline", "\x7f\x01", "ünï 😀"])
def test_toml_strings_read_back_exactly(text: str) -> None:
    import tomllib

    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text
