"""The explorer's speed: open time (headless, until the first screen is drawn)
and the time per keystroke (cursor moves, search typing), on a store.

Run: python benchmarks/tui.py [STORE] [--keys N]

STORE defaults to the curated one; for 10,000 events:
python benchmarks/generate.py 10000 /tmp/big.toml && python benchmarks/tui.py /tmp/big.toml
The store is opened once first, so its cache is warm, as in everyday use.
Targets: open <= 0.6 s (curated), <= 1.5 s (10k); a keystroke < 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
from pathlib import Path


def report(name: str, times: list[float]) -> None:
    """One line: the median and the slowest, in milliseconds (pilot's own settle included)."""
    median, most = statistics.median(times) * 1000, max(times) * 1000
    print(f"  {name:<22} median {median:5.1f} ms, max {most:5.1f} ms")


async def measure(path: Path, keys: int) -> None:
    began = time.perf_counter()
    from timeline.store import open_store
    from timeline.tui.app import ExploreApp

    gc.disable()
    store = open_store(path)
    gc.enable()
    gc.freeze()
    app = ExploreApp(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - began
        print(f"{len(store.events)} events: open {opened * 1000:.0f} ms (imports, store, first screen)")
        for name, presses in (
            ("cursor down (j)", ["j"] * keys),
            ("cursor up (k)", ["k"] * keys),
            ("next in time (n)", ["n"] * keys),
        ):
            times = []
            for key in presses:
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                times.append(time.perf_counter() - start)
            report(name, times)
        await pilot.press("slash")
        times = []
        for key in "attack on bases":
            start = time.perf_counter()
            await pilot.press("space" if key == " " else key)
            await pilot.pause()
            times.append(time.perf_counter() - start)
        report("search keystroke", times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", type=Path)
    parser.add_argument("--keys", type=int, default=30)
    args = parser.parse_args()
    from timeline.store import bundled_store_path, open_store

    path = args.store or bundled_store_path()
    open_store(path)  # warm the cache
    asyncio.run(measure(path, args.keys))


if __name__ == "__main__":
    main()
