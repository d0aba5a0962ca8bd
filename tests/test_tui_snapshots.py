"""SVG snapshots of the explorer's layout at 80x24 and 160x48, on the fixture
store, and the README's screenshot kept current. After an intended change:
pytest tests/test_tui_snapshots.py --snapshot-update; python docs/screenshot.py"""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("pytest_textual_snapshot", reason="pytest-textual-snapshot is not installed")

from timeline.store import open_store
from timeline.tui.app import ExploreApp

FIXTURE = Path(__file__).parent / "fixtures" / "explore.toml"
DOCS = Path(__file__).parent.parent / "docs"

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_layout(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = ExploreApp(open_store(FIXTURE), "us-airstrikes-kh-2019-12-29")
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_path_mode(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = ExploreApp(open_store(FIXTURE), "k1-air-base-attack")
    assert snap_compare(app, terminal_size=size, press=["m", "n", "n", "n", "n", "m"])


def test_the_readme_screenshot_is_current() -> None:
    """docs/explore.svg is what docs/screenshot.py draws now; if not, run
    `python docs/screenshot.py` and commit the picture."""
    spec = importlib.util.spec_from_file_location("screenshot", DOCS / "screenshot.py")
    assert spec is not None
    assert spec.loader is not None
    screenshot = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshot)
    drawn = asyncio.run(screenshot.shoot())
    assert drawn == (DOCS / "explore.svg").read_text(encoding="utf-8")
    assert "retaliation for, per United States" in drawn.replace("&#160;", " ")
