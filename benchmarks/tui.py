"""The explorer's speed: open time (until the first screen is drawn) and the
work per keystroke (cursor moves, search typing), on a store.

Run: python benchmarks/tui.py [STORE] [--keys N] [--profile FILE] [--terminal]

STORE defaults to the curated one; for 10,000 events:
python benchmarks/generate.py 10000 /tmp/big.toml && python benchmarks/tui.py /tmp/big.toml
The store is opened once first, so its cache is warm, as in everyday use.
Targets: open <= 0.6 s (curated), <= 1.5 s (10k); a keystroke < 50 ms.

A keystroke's cost is the CPU time the process spends on it, from the key's
arrival until the screen is composed again: the app runs on one thread, so on
an idle machine that is the time the user waits. (Wall time under the headless
pilot is no measure: the pilot sleeps in 20 ms steps until the app is idle.)
The headless driver writes nothing, though; --terminal also runs the installed
`timeline explore` in a pseudo-terminal at 160x48 and times each key from its
sending to the last byte of the screen's update (pexpect, from the test extra).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import statistics
import time
from pathlib import Path
from typing import Any


def report(name: str, times: list[float]) -> None:
    """One line: the median, the 95th percentile and the slowest, in milliseconds."""
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"  {name:<22} median {statistics.median(ms):5.1f} ms, p95 {p95:5.1f} ms, max {ms[-1]:5.1f} ms")


async def keystrokes(pilot: Any, keys: list[str], profiler: cProfile.Profile | None) -> list[float]:
    """The CPU time of each key, pressed one at a time with the app idle between."""
    times = []
    for key in keys:
        await pilot.pause()
        if profiler is not None:
            profiler.enable()
        start = time.process_time()
        await pilot.press(key)
        times.append(time.process_time() - start)
        if profiler is not None:
            profiler.disable()
    return times


async def measure(path: Path, keys: int, profiler: cProfile.Profile | None) -> None:
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
            ("page down", ["pagedown"] * max(1, keys // 5)),
        ):
            report(name, await keystrokes(pilot, presses, profiler))
        await pilot.press("slash")
        typed = ["space" if c == " " else c for c in "attack on bases"]
        report("search keystroke", await keystrokes(pilot, typed, profiler))
        erased = ["backspace"] * len(typed)
        report("search backspace", await keystrokes(pilot, erased, profiler))


def terminal(path: Path, keys: int) -> None:
    """Each key's wait in a real terminal: sent, until the output is quiet for 150 ms."""
    import os
    import select

    import pexpect

    child = pexpect.spawn("timeline", ["--store", str(path), "explore"], dimensions=(48, 160))
    fd = child.child_fd

    def settle(quiet: float) -> float | None:
        last = None
        while select.select([fd], [], [], quiet)[0]:
            os.read(fd, 1 << 20)
            last = time.perf_counter()
        return last

    settle(1.0)
    print("in a terminal (key sent to the last byte drawn):")
    typed = ["/", *"attack on bases"]
    for name, presses in (
        ("cursor up (k)", ["k"] * keys),
        ("next in time (n)", ["n"] * keys),
        ("search keystroke", typed),
    ):
        times = []
        for key in presses:
            start = time.perf_counter()
            os.write(fd, key.encode())
            last = settle(0.15)
            if last is not None and key != "/":
                times.append(last - start)
        report(name, times)
        if name == "search keystroke":
            os.write(fd, b"\x1b")
            settle(0.3)
    os.write(fd, b"q")
    child.expect(pexpect.EOF)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", type=Path)
    parser.add_argument("--keys", type=int, default=30)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the keystrokes here")
    parser.add_argument("--terminal", action="store_true", help="also time the keys in a pseudo-terminal")
    args = parser.parse_args()
    from timeline.store import bundled_store_path, open_store

    path = args.store or bundled_store_path()
    open_store(path)  # warm the cache
    profiler = cProfile.Profile() if args.profile else None
    asyncio.run(measure(path, args.keys, profiler))
    if profiler is not None:
        profiler.dump_stats(args.profile)
    if args.terminal:
        terminal(path, args.keys)


if __name__ == "__main__":
    main()
