"""Regenerate docs/explore.svg: the explorer on the curated store at 120x36,
at the US airstrikes of 29 Dec 2019, as the README shows it.

Run: python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from timeline.store import bundled_store_path, open_store
from timeline.tui.app import ExploreApp

OUT = Path(__file__).with_name("explore.svg")


async def shoot() -> None:
    app = ExploreApp(open_store(bundled_store_path()), "us-airstrikes-kh-2019-12-29")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.save_screenshot(OUT.name, path=str(OUT.parent))


if __name__ == "__main__":
    asyncio.run(shoot())
