"""SVG snapshots of the explorer's layout at 80x24 and 160x48, on the fixture
store. After an intended change: pytest tests/test_tui_snapshots.py --snapshot-update"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("pytest_textual_snapshot", reason="pytest-textual-snapshot is not installed")

from timeline.store import open_store
from timeline.tui.app import ExploreApp

FIXTURE = Path(__file__).parent / "fixtures" / "explore.toml"

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_layout(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = ExploreApp(open_store(FIXTURE), "us-airstrikes-kh-2019-12-29")
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_path_mode(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = ExploreApp(open_store(FIXTURE), "k1-air-base-attack")
    assert snap_compare(app, terminal_size=size, press=["m", "n", "n", "n", "n", "m"])
