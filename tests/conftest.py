"""Shared fixtures: a small store, an isolated cache, and a CLI invoker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

MINI_STORE = """\
schema = 1

[[actor]]
id = "us"
name = "United States"
kind = "state"
aliases = ["US"]

[[actor]]
id = "kh"
name = "Kata'ib Hezbollah"
kind = "armed-group"
aliases = ["Hezbollah Brigades", "KH"]
backers = ["iran"]

[[actor]]
id = "iran"
name = "Iran"
kind = "state"

[[event]]
id = "campaign"
title = "Campaign of attacks on bases"
kind = "campaign"
start = "2019-10"
end = "2019-12"
actors = ["kh"]
targets = ["us"]
tags = ["bases"]
sources = [{ title = "Seed", note = "ref [7]" }]
[[event.locations]]
place = "Iraq"
country = "Iraq"

[[event]]
id = "k1"
title = "Rocket attack on K-1"
kind = "attack"
start = "2019-12-27"
actors = ["kh"]
targets = ["us"]
causes = ["campaign"]
killed = 1
injured = 6
tags = ["bases"]
summary = "Rockets hit the base."
sources = [{ title = "Seed", note = "ref [4]" }]
[[event.locations]]
place = "K-1 Air Base"
region = "Kirkuk"
country = "Iraq"

[[event]]
id = "strikes"
title = "US strikes on Kata'ib Hezbollah"
kind = "airstrike"
start = "2019-12-29T11:00-05:00"
actors = ["us"]
targets = ["kh"]
causes = ["k1", "campaign"]
killed = "25+"
killed_breakdown = { Iraq = 19, Syria = 6 }
injured = "55+"
sources = [{ title = "Seed", url = "https://example.org/seed", note = "ref [2]" }]
[[event.locations]]
place = "al-Qa'im"
country = "Iraq"
[[event.locations]]
place = "Euphrates valley"
country = "Syria"

[[event]]
id = "embassy"
title = "Embassy attack"
kind = "protest"
start = "2019-12-31"
end = "2020-01-01"
actors = ["kh"]
targets = ["us"]
causes = ["strikes"]
sources = [{ title = "Seed" }]
[[event.locations]]
place = "Baghdad"
country = "Iraq"

[[event]]
id = "soleimani"
title = "Soleimani killed"
kind = "killing"
start = "2020-01-03"
actors = ["us"]
causes = ["embassy", "strikes"]
killed = "7-10"
sources = [{ title = "Seed" }]
[[event.locations]]
place = "Baghdad"
country = "Iraq"

[[event]]
id = "drawdown"
title = "Partial drawdown"
kind = "military"
start = "2020-03"
actors = ["us"]
sources = [{ title = "Seed" }]
"""


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own cache directory and no store from the environment."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("TIMELINE_STORE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    return cache


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands draw as on a terminal COLUMNS wide, unpaged (CliRunner's stdout
    is not a terminal, and piped views are never wrapped)."""
    import timeline.cli.screen

    monkeypatch.setattr(timeline.cli.screen, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("TIMELINE_PAGER", "cat")


@pytest.fixture
def mini_store(tmp_path: Path) -> Path:
    """A six-event store file."""
    path = tmp_path / "mini.toml"
    path.write_text(MINI_STORE, encoding="utf-8")
    return path


Invoke = Callable[..., "Result"]


class Result:
    """What a CLI run gave: exit code, stdout and stderr apart."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:
        return f"Result({self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture
def invoke() -> Callable[..., Result]:
    """Run the CLI in-process through typer's CliRunner."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        outcome = runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)
        return Result(outcome.exit_code, outcome.stdout, outcome.stderr)

    return run
