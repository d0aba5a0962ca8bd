"""Capture every command's output, to show that a change keeps behaviour byte for byte.

Run: python tools/compare_outputs.py OUT_DIR [--tree DIR]
     python tools/compare_outputs.py --compare DIR1 DIR2

The first form runs a fixed list of command lines (every command and format,
filters, sorts, zones, chains, paths, stats, charts, checks, every export, the
schema, explore with scripted input, add, help pages, and error cases) against
the curated store and against a 1,000-event synthetic store, with COLUMNS=80
and NO_COLOR, and writes each case's stdout, stderr and exit code into OUT_DIR.
`--tree` runs the code of another checkout (a `git worktree` of the old code,
say) through PYTHONPATH. The stores are copied to one fixed scratch directory,
so that paths in messages are the same for every tree.

The second form compares two such directories and exits 1 if any case differs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SCRATCH = Path("/tmp/timeline-compare-scratch")

# (name, arguments, stdin); "{store}" is replaced by the store's path.
Case = tuple[str, list[str], str | None]

FILTERS = [
    [],
    ["--from", "Dec 2019", "--to", "Jan 2020"],
    ["--on", "2020-03"],
    ["--from", "2023"],
    ["--to", "2019"],
    ["--actor", "Kata'ib Hezbollah", "--kind", "airstrike"],
    ["--actor", "kh", "--actor", "us"],
    ["--country", "syria"],
    ["--kind", "attack", "--kind", "airstrike"],
    ["--tag", "escalation-2019"],
    ["--search", "embassy"],
    ["--search", "synthetic", "--kind", "protest"],
]
LIST_EXTRA = [
    ["--sort", "killed", "--reverse"],
    ["--sort", "injured"],
    ["--sort", "title", "--limit", "5"],
    ["--sort", "kind", "-r", "-n", "7"],
    ["--sort", "date", "--reverse", "--limit", "3"],
    ["--limit", "0"],
]
FORMATS = ["table", "plain", "json", "csv", "ids"]
EXPORTS = ["json", "jsonl", "csv", "markdown", "timelinejs", "dot", "mermaid"]


def store_cases(tag: str, ids: dict[str, str]) -> list[Case]:
    """Every case for one store; ids names the events to start from."""
    root, mid, late, other = ids["root"], ids["mid"], ids["late"], ids["other"]
    s = ["--store", "{store}"]
    cases: list[Case] = []

    def add(name: str, args: list[str], stdin: str | None = None) -> None:
        cases.append((f"{tag}-{len(cases):03d}-{name}", args, stdin))

    for fmt in FORMATS:
        add(f"list-{fmt}", [*s, "list", "--format", fmt])
    for n, filt in enumerate(FILTERS):
        for fmt in ("plain", "table", "ids"):
            add(f"list-filter{n}-{fmt}", [*s, "list", *filt, "--format", fmt])
    for n, extra in enumerate(LIST_EXTRA):
        add(f"list-sort{n}", [*s, "list", *extra])
        add(f"list-sort{n}-json", [*s, "list", *extra, "--format", "json"])
    add("list-around-id", [*s, "list", "--around", mid, "--window", "1w"])
    add("list-around-date", [*s, "list", "--around", "2020-01-03", "--window", "10 days", "-f", "table"])
    add("list-around-prefix", [*s, "list", "--around", mid[:6], "--window", "3m"])
    add(
        "list-tz-table",
        [*s, "list", "--from", "2019-12", "--to", "2020-01", "--tz", "Asia/Baghdad", "-f", "table"],
    )
    add("list-tz-plain", [*s, "list", "--tz", "UTC"])
    add("list-tz-csv", [*s, "list", "--tz", "UTC", "-f", "csv", "--limit", "20"])
    for ident in (root, mid, late):
        add(f"show-{ident[:20]}", [*s, "show", ident])
        add(f"show-{ident[:20]}-json", [*s, "show", ident, "--format", "json"])
    add("show-tz", [*s, "show", mid, "--tz", "Asia/Baghdad"])
    add("show-prefix", [*s, "show", mid[:8]])
    for fmt in ("tree", "json", "ids"):
        add(f"chain-{fmt}", [*s, "chain", root, "--format", fmt])
        add(f"chain-causes-{fmt}", [*s, "chain", late, "--causes", "--format", fmt])
        add(f"chain-both-{fmt}", [*s, "chain", mid, "--both", "--format", fmt])
        add(f"chain-depth-{fmt}", [*s, "chain", root, "--depth", "2", "--format", fmt])
        add(f"chain-both-depth-{fmt}", [*s, "chain", mid, "--both", "-d", "1", "-f", fmt])
        add(f"chain-window-{fmt}", [*s, "chain", "--format", fmt])
        add(f"chain-window2-{fmt}", [*s, "chain", "--from", "2020", "--to", "2021", "--format", fmt])
        add(f"chain-context-{fmt}", [*s, "chain", "--from", "2023", "--context", "--format", fmt])
        add(f"chain-context-depth-{fmt}", [*s, "chain", "--from", "2020", "--context", "-d", "1", "-f", fmt])
        add(f"path-{fmt}", [*s, "path", root, late, "--format", fmt])
        add(f"path-all-{fmt}", [*s, "path", root, late, "--all", "--format", fmt])
        add(f"path-all-max-{fmt}", [*s, "path", root, late, "--all", "--max", "2", "--format", fmt])
    add("chain-tz", [*s, "chain", mid, "--tz", "Asia/Baghdad"])
    add("chain-empty-window", [*s, "chain", "--from", "1900", "--to", "1901"])
    add("path-tz", [*s, "path", root, late, "--tz", "UTC"])
    for filt in (FILTERS[0], FILTERS[3], FILTERS[5], FILTERS[7]):
        add("stats", [*s, "stats", *filt])
        add("stats-json", [*s, "stats", *filt, "--format", "json"])
    for by in ("count", "killed"):
        add(f"chart-{by}", [*s, "chart", "--by", by])
        add(f"chart-{by}-2019", [*s, "chart", "--from", "2019", "--to", "2020", "--by", by])
        add(
            f"chart-{by}-oct2023",
            [*s, "chart", "--from", "Oct 2023", "--kind", "attack", "--kind", "airstrike", "--by", by],
        )
        add(f"chart-{by}-month", [*s, "chart", "--on", "2020-01", "--by", by])
    add("chart-none", [*s, "chart", "--from", "1900", "--to", "1901"])
    add("check", [*s, "check"])
    add("check-json", [*s, "check", "--format", "json"])
    add("check-nocache", [*s, "--no-cache", "check"])
    for fmt in EXPORTS:
        add(f"export-{fmt}", [*s, "export", "--format", fmt])
        add(
            f"export-{fmt}-slice",
            [*s, "export", "--format", fmt, "--from", "2020", "--to", "2021", "--actor", "us"],
        )
    add("export-timelinejs-country", [*s, "export", "-f", "timelinejs", "--group-by", "country"])
    add("export-output", [*s, "export", "-f", "csv", "-o", str(SCRATCH / f"{tag}-out.csv")])
    add("export-output-read", ["--store", str(SCRATCH / f"{tag}-export.json"), "list", "-f", "ids"])
    add("explore", [*s, "explore", root], "1\n2\nb\nn\np\nl\n3\n/embassy\n1\n/zzzz\n/\n?\n99\nxyz\n\nq\n")
    add("explore-default", [*s, "explore"], "n\nn\nb\nb\nb\n")
    add("explore-tz", [*s, "explore", mid, "--tz", "Asia/Baghdad"], "1\n")
    add(
        "add-dry-run",
        [*s, "add", "--id", "new-k2-attack", "--title", "Rockets hit K-2", "--kind", "attack",
         "--start", "2029-01-10", "--place", "Kirkuk", "--country", "Iraq", "--actor", "us",
         "--target", "us", "--cause", mid, "--killed", "3", "--injured", "2+", "--tag", "x",
         "--summary", "A test.", "--source", "News report", "--source-url", "https://example.org",
         "--dry-run"],
    )  # fmt: skip
    add(
        "add-interactive-dry-run",
        [*s, "add", "-i", "--dry-run"],
        "A new event\n\nattack\nbad date\n2029-02-01\n\nBaghdad\nIraq\n\nus\n\n"
        f"{mid}\n5\n?\nSummary here\nA source\n\n\n",
    )
    add(
        "add-write",
        ["--store", str(SCRATCH / f"{tag}-grow.toml"), "add", "--id", "grown", "--title", "Grown",
         "--kind", "statement", "--start", "2029", "--source", "S"],
    )  # fmt: skip
    add("add-write-list", ["--store", str(SCRATCH / f"{tag}-grow.toml"), "list", "--from", "2029"])
    # Errors: exit codes and stderr.
    add("err-unknown-id", [*s, "show", "no-such-event"])
    add("err-ambiguous", [*s, "show", "e"])
    add("err-bad-date", [*s, "list", "--from", "Decembruary"])
    add("err-no-year", [*s, "list", "--from", "Dec"])
    add("err-to-before-from", [*s, "list", "--from", "2021", "--to", "2020"])
    add("err-on-and-from", [*s, "list", "--on", "2020", "--from", "2019"])
    add("err-around-and-from", [*s, "list", "--around", mid, "--from", "2019"])
    add("err-around-unknown", [*s, "list", "--around", "zzzz"])
    add("err-window", [*s, "list", "--around", mid, "--window", "2 fortnights"])
    add("err-actor", [*s, "list", "--actor", "Kataib"])
    add("err-kind", [*s, "list", "--kind", "airstrik"])
    add("err-sort", [*s, "list", "--sort", "size"])
    add("err-format", [*s, "list", "--format", "yaml"])
    add("err-limit", [*s, "list", "--limit", "-1"])
    add("err-tz", [*s, "list", "--tz", "Mars/Olympus"])
    add("err-export-format", [*s, "export", "--format", "xml"])
    add("err-group-by", [*s, "export", "--group-by", "country"])
    add("err-group-by-value", [*s, "export", "-f", "timelinejs", "--group-by", "year"])
    add("err-chain-causes", [*s, "chain", "--causes"])
    add("err-chain-both-causes", [*s, "chain", mid, "--both", "--causes"])
    add("err-chain-from-id", [*s, "chain", mid, "--from", "2019"])
    add("err-chain-depth", [*s, "chain", mid, "--depth", "x"])
    add("err-path-none", [*s, "path", late, root])
    add("err-path-max", [*s, "path", root, late, "--all", "--max", "0"])
    add("err-path-other", [*s, "path", root, other])
    add("err-check-format", [*s, "check", "--format", "xml"])
    add("err-command", [*s, "lsit"])
    add("err-option", [*s, "list", "--frmo", "2019"])
    add("err-add-curated", ["add", "--id", "x"])
    add("err-add-missing", [*s, "add", "--id", "x", "--dry-run"])

    def event(ident: str, kind: str, start: str, *extra: str, dry_run: bool = False) -> list[str]:
        fields = ["--title", "X", "--kind", kind, "--start", start, *extra, "--source", "S"]
        return [*s, "add", "--id", ident, *fields, *(["--dry-run"] if dry_run else [])]

    add("err-add-bad-start", event("x", "attack", "2019-13"))
    add("err-add-bad-kind", event("x", "attak", "2019"))
    add("err-add-dup", event(mid, "attack", "2029", dry_run=True))
    add("err-add-cause-after", event("early", "attack", "1990", "--cause", late, dry_run=True))
    add("err-add-place", event("x2", "attack", "2029", "--place", "P"))
    add("err-add-interactive-eof", [*s, "add", "-i"], "Title only\n")
    return cases


BROKEN = {
    "bad-date": ('start = "2019-12-27"', 'start = "2019-13-27"'),
    "bad-key": ('summary = "', 'sumary = "'),
    "bad-cause": ('causes = ["', 'causes = ["nowhere", "'),
    "bad-toml": ("[[event]]", "[[event]"),
    "bad-count": ("killed = 1", 'killed = "lots"'),
    "bad-kind": ('kind = "attack"', 'kind = "attak"'),
}


def common_cases() -> list[Case]:
    """Cases on no particular store: help, version, schema, broken stores."""
    cases: list[Case] = [
        ("common-000-help", ["--help"], None),
        ("common-001-noargs", [], None),
        ("common-002-version", ["--version"], None),
        ("common-003-schema", ["schema"], None),
        ("common-004-default-store-ids", ["list", "-f", "ids"], None),
        ("common-005-default-check", ["check"], None),
        ("common-006-missing-store", ["--store", str(SCRATCH / "nowhere.toml"), "list"], None),
        ("common-007-dir-store", ["--store", str(SCRATCH), "list"], None),
        ("common-008-nonutf8", ["--store", str(SCRATCH / "latin1.toml"), "list"], None),
        ("common-009-json-bad", ["--store", str(SCRATCH / "bad.json"), "list"], None),
        ("common-010-json-list", ["--store", str(SCRATCH / "list.json"), "list"], None),
    ]
    for n, command in enumerate(("list", "show", "chain", "path", "explore", "stats", "chart", "check",
                                 "export", "schema", "add")):  # fmt: skip
        cases.append((f"common-{100 + n:03d}-help-{command}", [command, "--help"], None))
    for n, name in enumerate(BROKEN):
        broken = ["--store", str(SCRATCH / f"broken-{name}.toml")]
        cases.append((f"common-{200 + 3 * n:03d}-{name}-list", [*broken, "list"], None))
        cases.append((f"common-{201 + 3 * n:03d}-{name}-check", [*broken, "check"], None))
        cases.append((f"common-{202 + 3 * n:03d}-{name}-check-json", [*broken, "check", "-f", "json"], None))
    return cases


def prepare(tree: Path) -> None:
    """The stores, at fixed paths in the scratch directory."""
    if SCRATCH.exists():
        shutil.rmtree(SCRATCH)
    SCRATCH.mkdir(parents=True)
    curated = (HERE / "events.toml").read_text(encoding="utf-8")
    (SCRATCH / "curated.toml").write_text(curated, encoding="utf-8")
    (SCRATCH / "curated-grow.toml").write_text(curated, encoding="utf-8")
    sys.path.insert(0, str(HERE / "benchmarks"))
    from generate import generate

    synthetic = generate(1000)
    (SCRATCH / "synthetic.toml").write_text(synthetic, encoding="utf-8")
    (SCRATCH / "synthetic-grow.toml").write_text(synthetic, encoding="utf-8")
    (SCRATCH / "latin1.toml").write_bytes(b"schema = 1\n# caf\xe9\n")
    (SCRATCH / "bad.json").write_text('{"version": 1, "events": [}', encoding="utf-8")
    (SCRATCH / "list.json").write_text("[1, 2]", encoding="utf-8")
    mini = (HERE / "tests" / "conftest.py").read_text(encoding="utf-8")
    mini = mini.split('MINI_STORE = """\\\n', 1)[1].split('"""', 1)[0]
    for name, (old, new) in BROKEN.items():
        (SCRATCH / f"broken-{name}.toml").write_text(mini.replace(old, new, 1), encoding="utf-8")
    for tag in ("curated", "synthetic"):
        store = SCRATCH / f"{tag}.toml"
        out = run(tree, ["--store", str(store), "export", "-f", "json"], None, SCRATCH / "cache-prep")
        (SCRATCH / f"{tag}-export.json").write_text(out[0], encoding="utf-8")


def environment(tree: Path, cache: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(SCRATCH),
        "LANG": "C.UTF-8",
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONPATH": str(tree),
        "XDG_CACHE_HOME": str(cache),
    }


def run(tree: Path, args: list[str], stdin: str | None, cache: Path) -> tuple[str, str, int]:
    done = subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=environment(tree, cache),
        cwd=SCRATCH,
        check=False,
    )
    root = str(tree.resolve())
    return done.stdout.replace(root, "<TREE>"), done.stderr.replace(root, "<TREE>"), done.returncode


CURATED_IDS = {
    "root": "k1-air-base-attack",
    "mid": "us-airstrikes-kh-2019-12-29",
    "late": "soleimani-killing",
    "other": "iranian-revolution",
}
SYNTHETIC_IDS = {
    "root": "event-000000",
    "mid": "event-000200",
    "late": "event-000700",
    "other": "event-000001",
}


def capture(out: Path, tree: Path) -> int:
    prepare(tree)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    groups: list[tuple[str, list[Case]]] = [
        ("common", common_cases()),
        ("curated", store_cases("curated", CURATED_IDS)),
        ("synthetic", store_cases("synthetic", SYNTHETIC_IDS)),
    ]

    def one_group(group: tuple[str, list[Case]]) -> int:
        tag, cases = group
        store = str(SCRATCH / f"{tag}.toml")
        cache = SCRATCH / f"cache-{tag}"
        for name, args, stdin in cases:
            argv = [a.replace("{store}", store) for a in args]
            stdout, stderr, code = run(tree, argv, stdin, cache)
            (out / f"{name}.cmd").write_text(" ".join(argv) + "\n", encoding="utf-8")
            (out / f"{name}.out").write_text(stdout, encoding="utf-8")
            (out / f"{name}.err").write_text(stderr, encoding="utf-8")
            (out / f"{name}.rc").write_text(f"{code}\n", encoding="utf-8")
        return len(cases)

    with ThreadPoolExecutor(max_workers=3) as pool:
        total = sum(pool.map(one_group, groups))
    for tag in ("curated", "synthetic"):
        shutil.copy(SCRATCH / f"{tag}-grow.toml", out / f"{tag}-zz-grown-file.toml")
        shutil.copy(SCRATCH / f"{tag}-out.csv", out / f"{tag}-zz-exported-file.csv")
    print(f"{total} cases written to {out}")
    return 0


def compare(first: Path, second: Path) -> int:
    names = sorted({p.name for p in first.iterdir()} | {p.name for p in second.iterdir()})
    differing = []
    for name in names:
        a, b = first / name, second / name
        if not a.exists() or not b.exists() or a.read_bytes() != b.read_bytes():
            differing.append(name)
    cases = len({n.rsplit(".", 1)[0] for n in names if n.endswith(".rc")})
    if differing:
        print(f"{len(differing)} of {len(names)} files differ:")
        for name in differing:
            print(f"  {name}")
        return 1
    print(f"identical: {cases} cases, {len(names)} files")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--tree", type=Path, default=HERE, help="the checkout whose code to run")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("DIR1", "DIR2"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("give OUT_DIR, or --compare DIR1 DIR2")
    return capture(args.out, args.tree.resolve())


if __name__ == "__main__":
    sys.exit(main())
