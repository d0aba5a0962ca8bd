"""The curated events.toml: complete, sourced, clean, and in its own words.

A few facts are pinned here; golden outputs use the small fixture stores,
since the curated store keeps growing.
"""

from __future__ import annotations

import re
from pathlib import Path

from timeline.checks import run_checks
from timeline.model import Precision, Store
from timeline.store import bundled_store_path, open_store

SEED = Path(__file__).parent.parent / "seeds" / "000_69a6c81e83b060dd.txt"


def curated() -> Store:
    return open_store(bundled_store_path(), use_cache=False)


def test_curated_store_is_large_clean_and_sourced_by_url() -> None:
    store = curated()
    assert store.schema == 2
    assert len(store.events) >= 110
    assert run_checks(store, audits=True) == []
    assert all(e.summary.strip() for e in store.events)
    assert all(loc.lat is not None and loc.lon is not None for e in store.events for loc in e.locations)
    assert all(e.zone for e in store.events if e.start.precision is Precision.MINUTE)


def test_no_summary_repeats_twelve_words_of_the_seed() -> None:
    words = re.findall(r"[\w'’-]+", SEED.read_text(encoding="utf-8").lower())
    runs = {tuple(words[i : i + 12]) for i in range(len(words) - 11)}
    for event in curated().events:
        said = re.findall(r"[\w'’-]+", event.summary.lower())
        copied = [
            " ".join(said[i : i + 12]) for i in range(len(said) - 11) if tuple(said[i : i + 12]) in runs
        ]
        assert copied == [], event.id


def test_curated_facts_keep_accounts_figures_and_local_time() -> None:
    by_id = curated().by_id
    k1 = by_id["k1-air-base-attack"]
    assert k1.part_of == ("base-attacks-2019",)
    assert [(r.actor, r.status, r.by) for r in k1.accounts("kh")] == [
        ("kh", "attributed", "us"),
        ("kh", "denied", None),
    ]
    assert k1.start.iso() == "2019-12-27T19:20+03:00"
    strikes = by_id["us-airstrikes-kh-2019-12-29"]
    assert strikes.start.iso() == "2019-12-29T19:00+03:00"
    assert strikes.reported_start is not None
    assert strikes.reported_start.iso() == "2019-12-29T11:00-05:00"
    assert strikes.killed is not None
    assert dict(strikes.killed.breakdown) == {"Iraq": 19, "Syria": 6}
    assert len(strikes.killed.reports) >= 3
    assert strikes.link("k1-air-base-attack").type == "retaliation"
    tower = by_id["tower-22-attack"]
    assert tower.part_of == ("militia-attacks-2023",)
    assert by_id["us-strikes-2024-02-02"].link("tower-22-attack").type == "retaliation"
    assert by_id["operation-martyr-soleimani"].causes == ("soleimani-killing",)
    erbil = by_id["erbil-rocket-attacks-2021"]
    assert erbil.injured is not None
    assert {f.min for f in erbil.injured.reports} >= {6, 8, 13}
    assert by_id["special-groups-campaign"].killed is not None
    assert by_id["special-groups-campaign"].killed.max is None  # "at least 603"
    assert by_id["base-attacks-2019"].start.precision is Precision.MONTH
