"""The curated events.toml: complete, sourced, clean."""

from __future__ import annotations

from timeline.checks import run_checks
from timeline.model import Precision
from timeline.store import bundled_store_path, open_store

REQUIRED = [
    "iranian-revolution", "us-iran-relations-severed", "soleimani-quds-command", "iraq-invasion",
    "de-baathification", "iraq-war", "special-groups-campaign", "pmf-formed", "pmf-law",
    "nujaba-founded", "operation-inherent-resolve", "isil-defeated-in-iraq", "jcpoa-withdrawal",
    "iran-israel-direct-confrontation", "base-attacks-2019", "k1-air-base-attack",
    "us-airstrikes-kh-2019-12-29", "iraq-condemns-strikes", "national-mourning",
    "us-warns-further-action", "embassy-attack", "soleimani-killing", "withdrawal-talks",
    "parliament-expulsion-vote", "us-drawdown-2020", "erbil-rocket-attacks-2021",
    "us-strike-syria-2021-02-25", "militia-attacks-2023", "tower-22-attack", "us-counterattacks-2023",
    "saidi-killing", "us-strikes-2024-02-02", "militia-attacks-halt",
]  # fmt: skip


def test_curated_store_is_complete_and_clean() -> None:
    store = open_store(bundled_store_path(), use_cache=False)
    assert len(store.events) >= 35
    assert run_checks(store) == []
    for ident in REQUIRED:
        assert ident in store.by_id, ident
    assert all(e.sources for e in store.events)
    assert all(e.summary.strip() for e in store.events)


def test_curated_facts_keep_precision_and_uncertainty() -> None:
    store = open_store(bundled_store_path(), use_cache=False)
    strikes = store.by_id["us-airstrikes-kh-2019-12-29"]
    assert strikes.start.iso() == "2019-12-29T11:00-05:00"
    assert str(strikes.killed) == "25+"
    assert dict(strikes.killed.breakdown) == {"Iraq": 19, "Syria": 6} if strikes.killed else False
    assert {loc.country for loc in strikes.locations} == {"Iraq", "Syria"}
    assert set(strikes.causes) == {"k1-air-base-attack", "base-attacks-2019"}
    assert store.by_id["base-attacks-2019"].start.precision is Precision.MONTH
    assert store.by_id["militia-attacks-halt"].start.iso() == "2024-02"
    assert store.by_id["embassy-attack"].causes == ("us-airstrikes-kh-2019-12-29",)
    assert "embassy-attack" in store.by_id["soleimani-killing"].causes
    assert store.by_id["us-strikes-2024-02-02"].causes == ("tower-22-attack",)
    assert store.by_id["us-strike-syria-2021-02-25"].causes == ("erbil-rocket-attacks-2021",)
    seed_cited = [e for e in store.events if any("seeds/000_69a6c81e83b060dd.txt" in (s.note or "")
                                                 for s in e.sources)]  # fmt: skip
    assert len(seed_cited) >= 40


def test_curated_chains_hold_the_escalation() -> None:
    from timeline.graph import Direction, all_paths, build_tree, neighbours, walk

    store = open_store(bundled_store_path(), use_cache=False)
    effects = neighbours(store, Direction.EFFECTS)
    drawn = [n.event_id for n in walk(build_tree(["k1-air-base-attack"], effects)) if not n.reference]
    assert drawn[:2] == ["k1-air-base-attack", "us-airstrikes-kh-2019-12-29"]
    assert {"embassy-attack", "soleimani-killing", "parliament-expulsion-vote"} <= set(drawn)
    routes, _ = all_paths(effects, "k1-air-base-attack", "soleimani-killing", 50)
    assert routes == [
        ["k1-air-base-attack", "us-airstrikes-kh-2019-12-29", "soleimani-killing"],
        ["k1-air-base-attack", "us-airstrikes-kh-2019-12-29", "embassy-attack", "soleimani-killing"],
    ]
    causes = neighbours(store, Direction.CAUSES)
    assert causes("us-strikes-2024-02-02") == ["tower-22-attack"]
