"""Start-up benchmark: median wall time of `timeline` commands against bare imports.

Run: python benchmarks/startup.py [--runs N]

Prints each command's median over N runs (default 21), and the ratios that the
targets are set in: `timeline list` piped within 1.2x of importing typer, rich's
table, dateutil's parser and tomllib; `timeline list --format ids` within 1.15x
of importing typer. The store cache is warmed first, as in everyday use.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PYTHON = sys.executable
TIMELINE = shutil.which("timeline", path=str(Path(PYTHON).parent)) or "timeline"

COMMANDS: dict[str, list[str]] = {
    "python -c pass": [PYTHON, "-c", "pass"],
    "import typer": [PYTHON, "-c", "import typer"],
    "import typer, rich.table, dateutil.parser, tomllib": [
        PYTHON, "-c", "import typer, rich.table, dateutil.parser, tomllib",
    ],
    "timeline list (piped)": [TIMELINE, "list"],
    "timeline list --format ids": [TIMELINE, "list", "--format", "ids"],
    "timeline list --format json": [TIMELINE, "list", "--format", "json"],
    "timeline show k1-air-base-attack (piped)": [TIMELINE, "show", "k1-air-base-attack"],
    "timeline chain k1-air-base-attack (piped)": [TIMELINE, "chain", "k1-air-base-attack"],
    "timeline stats (piped)": [TIMELINE, "stats"],
    "timeline --help": [TIMELINE, "--help"],
}  # fmt: skip


def median_seconds(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, output discarded (piped).

    The commands take turns, run after run, so that a machine growing busier
    or quieter during the measurement affects them all alike.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            began = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - began)
    return {name: statistics.median(found) for name, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    subprocess.run([TIMELINE, "list"], stdout=subprocess.DEVNULL, check=True)  # warm the cache
    results = median_seconds(COMMANDS, runs)
    width = max(len(name) for name in results)
    for name, seconds in results.items():
        print(f"{name:<{width}}  {seconds * 1000:7.1f} ms")
    imports = results["import typer, rich.table, dateutil.parser, tomllib"]
    typer_only = results["import typer"]
    print()
    listed = results["timeline list (piped)"] / imports
    print(f"list (piped) / imports     = {listed:.2f}  (target <= 1.20)")
    ids = results["timeline list --format ids"] / typer_only
    print(f"list --format ids / typer  = {ids:.2f}  (target <= 1.15)")


if __name__ == "__main__":
    main()
