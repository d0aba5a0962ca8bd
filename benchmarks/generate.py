"""Generate realistic synthetic stores for benchmarks and scale tests.

Run: python benchmarks/generate.py N OUT.toml [--seed S]

Events spread over 2003-2024 at every precision, a tenth of them spans, with
locations, actors and targets from a registry, casualty figures of every kind
(exact, at least, ranges, unknown, breakdowns), tags, sources, summaries, and
causal links to one to three earlier events, as a curated store has.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY = date(2003, 1, 1)

KINDS = ["attack", "airstrike", "killing", "protest", "political", "diplomatic", "military", "statement"]
ACTORS = [(f"group-{i}", f"Armed group {i}", "armed-group") for i in range(40)] + [
    ("us", "United States", "state"), ("iran", "Iran", "state"), ("iraq", "Iraqi government", "state"),
]  # fmt: skip
PLACES = [("Baghdad", "Iraq"), ("Erbil", "Iraq"), ("al-Qa'im", "Iraq"), ("Deir ez-Zor", "Syria"),
          ("al-Tanf", "Syria"), ("Rukban", "Jordan"), ("Kirkuk", "Iraq")]  # fmt: skip


def _date(rng: random.Random, day_index: int) -> str:
    when = FIRST_DAY + timedelta(days=day_index)
    year, month, day = when.year, when.month, when.day
    roll = rng.random()
    if roll < 0.05:
        return f"{year}"
    if roll < 0.2:
        return f"{year}-{month:02d}"
    if roll < 0.9:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}+03:00"


def _count(rng: random.Random) -> str:
    n = rng.randrange(60)
    return rng.choice([str(n), f'"{n}+"', f'"{n}-{n + rng.randrange(20)}"', '"?"'])


def generate(n: int, seed: int = 1) -> str:
    """A store of n events as TOML text."""
    rng = random.Random(seed)
    out = ["schema = 1\n"]
    for ident, name, kind in ACTORS:
        out.append(f'\n[[actor]]\nid = "{ident}"\nname = "{name}"\nkind = "{kind}"\n')
    span_days = 21 * 365
    for i in range(n):
        day_index = i * span_days // max(n, 1)
        start = _date(rng, day_index)
        lines = [
            "\n[[event]]",
            f'id = "event-{i:06d}"',
            f'title = "Synthetic event {i} near {rng.choice(PLACES)[0]}"',
            f'kind = "{rng.choice(KINDS)}"',
            f'start = "{start}"',
        ]
        if rng.random() < 0.1 and len(start) == 10:
            lines.append(f'end = "{int(start[:4]) + 1}"')
        actor, target = rng.sample(ACTORS, 2)
        lines.append(f'actors = ["{actor[0]}"]')
        lines.append(f'targets = ["{target[0]}"]')
        # Causes lie at least ~400 days back, so no year-precision cause can
        # straddle its effect.
        back = 400 * n // span_days + 1
        if i > back and rng.random() < 0.7:
            low = max(0, i - back - 200)
            causes = {f"event-{rng.randrange(low, i - back):06d}" for _ in range(rng.randrange(1, 4))}
            lines.append("causes = [" + ", ".join(f'"{c}"' for c in sorted(causes)) + "]")
        if rng.random() < 0.6:
            lines.append(f"killed = {_count(rng)}")
        if rng.random() < 0.4:
            lines.append(f"injured = {_count(rng)}")
        lines.append(f'tags = ["synthetic", "batch-{i % 50}"]')
        lines.append(
            f'summary = "A synthetic event generated for benchmarks, number {i}, in a realistic shape."'
        )
        place, country = rng.choice(PLACES)
        lines.append(f'[[event.locations]]\nplace = "{place}"\ncountry = "{country}"\nlat = 33.3\nlon = 44.4')
        lines.append(
            f'[[event.sources]]\ntitle = "Synthetic source {i % 97}"\n'
            f'url = "https://example.org/synthetic/{i % 97}"\nnote = "generated"'
        )
        out.append("\n".join(lines) + "\n")
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate a synthetic timeline store.")
    parser.add_argument("events", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.output.write_text(generate(args.events, args.seed), encoding="utf-8")


if __name__ == "__main__":
    main()
