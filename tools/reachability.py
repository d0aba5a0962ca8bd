"""List the attacks and strikes of 2019-2024 that the curated store does not connect.

Run from the repository root: python tools/reachability.py [--all]

An attack or strike is connected when causes or part-of links, read both ways,
join it to the 2019 campaign (`base-attacks-2019`). The others must say why no
link is documented, in their own summary or in that of an event they answer or
belong to (tests/test_curated.py checks it). Without options this prints those
that do not; with --all, every unconnected one and the event that says why.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_curated import (  # after the path above, which makes tests importable
    ARMED,
    connected_to_root,
    curated,
    says_why_unlinked,
    unexplained_armed_actions,
)


def main(argv: list[str]) -> int:
    store = curated()
    if "--all" not in argv:
        missing = unexplained_armed_actions(store)
        for ident in missing:
            print(ident)
        return 1 if missing else 0
    reached = connected_to_root(store)
    for event in store.chronological:
        if event.kind in ARMED and 2019 <= event.start.year <= 2024 and event.id not in reached:
            mark = "says why" if says_why_unlinked(store, event.id) else "UNEXPLAINED"
            print(f"{event.start.iso()[:10]}  {event.kind:<14} {event.id}  ({mark})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
