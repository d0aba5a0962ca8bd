"""Scale benchmark: synthetic stores of 1,000, 10,000 and 100,000 events.

Run: python benchmarks/scale.py [--sizes 1000 10000 100000] [--runs 3]

For each size it generates a store (benchmarks/generate.py), then measures,
each in a fresh subprocess of the installed `timeline` so that start-up counts:
a bare `tomllib.load` of the file; the cold load (no cache); the warm load;
`list` with a one-year range, `chain` from a root, `export --format json` and
`check`, all with a warm cache; the size of the JSON export; and the peak
memory (max RSS) of the bare tomllib.load and of a cold load. It prints a
table of medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

PYTHON = sys.executable
TIMELINE = shutil.which("timeline", path=str(Path(PYTHON).parent)) or "timeline"
BARE_LOAD = "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))"
# A load as the command line does it: the collector paused, then the store frozen
# (timeline.cli.app.without_gc, written out to spare the benchmark typer's import).
COLD_LOAD = (
    "import gc, sys; from pathlib import Path; from timeline.store import open_store; "
    "gc.disable(); open_store(Path(sys.argv[1]), use_cache=False); gc.enable(); gc.freeze()"
)
WARM_LOAD = (
    "import gc, sys; from pathlib import Path; from timeline.store import open_store; "
    "gc.disable(); open_store(Path(sys.argv[1])); gc.enable(); gc.freeze()"
)
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed(command: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of a command in seconds."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def peak_kib(command: list[str], env: dict[str, str]) -> int:
    """Peak resident memory of a command, in KiB."""
    out = subprocess.run([PYTHON, "-c", PEAK, *command], check=True, capture_output=True, text=True, env=env)
    return int(out.stdout.strip())


def empty_load(runs: int, workdir: Path) -> float:
    """Cold load of a store with no events: the fixed cost of a process."""
    store = workdir / "store-0.toml"
    store.write_text(generate(0), encoding="utf-8")
    return timed([PYTHON, "-c", COLD_LOAD, str(store)], runs, dict(os.environ))


def measure(size: int, runs: int, workdir: Path) -> dict[str, float]:
    store = workdir / f"store-{size}.toml"
    store.write_text(generate(size), encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(workdir / f"cache-{size}")}
    env.pop("TIMELINE_STORE", None)
    root = "event-000000"
    year = "2013"
    results = {
        "tomllib.load": timed([PYTHON, "-c", BARE_LOAD, str(store)], runs, env),
        "cold load": timed([PYTHON, "-c", COLD_LOAD, str(store)], runs, env),
    }
    subprocess.run([TIMELINE, "--store", str(store), "check"], check=True, stdout=subprocess.DEVNULL, env=env)
    results["warm load"] = timed([PYTHON, "-c", WARM_LOAD, str(store)], runs, env)
    base = [TIMELINE, "--store", str(store)]
    results["list --on YEAR"] = timed([*base, "list", "--on", year], runs, env)
    results["chain ROOT"] = timed([*base, "chain", root, "--format", "ids"], runs, env)
    results["export json"] = timed([*base, "export"], runs, env)
    exported = subprocess.run([*base, "export"], check=True, capture_output=True, env=env).stdout
    results["export json MB"] = len(exported) / 1e6
    results["check"] = timed([*base, "check"], runs, env)
    results["peak tomllib MiB"] = peak_kib([PYTHON, "-c", BARE_LOAD, str(store)], env) / 1024
    results["peak cold MiB"] = peak_kib([PYTHON, "-c", COLD_LOAD, str(store)], env) / 1024
    results["file MB"] = store.stat().st_size / 1e6
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="Scale benchmark of timeline.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # Run everything from the temporary directory: `python -c` puts the
        # working directory first on sys.path, and from a checkout it would
        # measure the source tree (maybe without bytecode) instead of the install.
        os.chdir(tmp)
        fixed = empty_load(args.runs, Path(tmp))
        table = {size: measure(size, args.runs, Path(tmp)) for size in args.sizes}
    rows = list(next(iter(table.values())))
    print(f"{'':18}" + "".join(f"{size:>12,}" for size in table))
    for row in rows:
        unit = "" if row.endswith(("MiB", "MB")) else " s"
        print(f"{row:18}" + "".join(f"{table[size][row]:>10.3f}{unit or '  '}" for size in table))
    print()
    print(f"fixed cost (cold load of an empty store): {fixed:.3f} s")
    per_event = {}
    for size, r in table.items():
        cold = r["cold load"] / r["tomllib.load"]
        memory = r["peak cold MiB"] / r["peak tomllib MiB"]
        per_event[size] = (r["cold load"] - fixed) / size * 1e6
        print(f"{size:>7,} events: cold/tomllib {cold:.2f} (<= 1.25), peak memory cold/tomllib {memory:.2f} "
              f"(<= 1.5), cold load {r['cold load'] / size * 1e6:.0f} us/event, "
              f"{per_event[size]:.0f} us/event net of the fixed cost")  # fmt: skip
    spread = max(per_event.values()) / min(per_event.values())
    print(f"time per event, net of the fixed cost: max/min {spread:.2f} (<= 1.5)")


if __name__ == "__main__":
    main()
