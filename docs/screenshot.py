"""Regenerate docs/explore.svg, the README's screenshot: the explorer at
120x36 on the explorer tests' fixture store, at the US airstrikes of
29 Dec 2019, the chain pane focused. The fixture, not the curated store, so
the picture changes only when the explorer does (tests/test_tui_snapshots.py
checks that the committed file is what this draws now).

Run: python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from timeline.store import open_store
from timeline.tui.app import ExploreApp
from timeline.tui.chain_pane import ChainPane

OUT = Path(__file__).with_name("explore.svg")
STORE = Path(__file__).parent.parent / "tests" / "fixtures" / "explore.toml"
SIZE = (120, 36)


async def shoot() -> str:
    """The screenshot as SVG text. Rich names its SVG elements after a hash
    of what is drawn, so the same screen gives the same text."""
    app = ExploreApp(open_store(STORE), "us-airstrikes-kh-2019-12-29")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.set_focus(app.query_one(ChainPane))
        await pilot.press("k")  # the cursor on the campaign K-1 is part of
        await pilot.pause()
        return app.export_screenshot()


def main() -> None:
    OUT.write_text(asyncio.run(shoot()), encoding="utf-8")


if __name__ == "__main__":
    main()
