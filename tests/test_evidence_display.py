"""The schema-2 evidence as `show`, `list`, `chain`, `path` and `explore` print
it, on a small fixture store: accounts, figures by source, typed causes,
membership and local time."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import Invoke
from timeline.dates.format import local_date
from timeline.explore import links
from timeline.model import Figure, Role
from timeline.render.detail_rows import detail_rows
from timeline.render.explore import links_view
from timeline.render.words import account, actor_words, apart, figure_words, link_words
from timeline.store import open_store

EVIDENCE = Path(__file__).parent / "fixtures" / "evidence.toml"

SHOW_STRIKES = """\
╭──────────────────────────────────────────────────────────────────────────────╮
│ US strikes in Iraq and Syria                                                 │
│                                                                              │
│ Id         us-strikes-2024-02-02                                             │
│ When       2 Feb 2024 19:00 +03 (Baghdad)                                    │
│            reported as 11:00 -05:00                                          │
│ Precision  minute                                                            │
│ Kind       airstrike                                                         │
│ Where      al-Qa'im, Iraq                                                    │
│            Deir ez-Zor, Syria                                                │
│ Actors     United States                                                     │
│ Targets    Kata'ib Hezbollah                                                 │
│            Islamic Resistance in Iraq (suspected)                            │
│ Killed     24+                                                               │
│            25+ ([reuters])                                                   │
│            24 (by Popular Mobilization Forces)                               │
│ Injured    none recorded                                                     │
│ Causes     tower-22-attack  28 Jan 2024  Drone attack on Tower 22            │
│            (retaliation for, per United States [dod]; 5 days before)         │
│ Effects    saidi-killing  7 Feb 2024  Drone strike kills a Kata'ib Hezbollah │
│            commander  (caused by; 5 days after)                              │
│ Sources    1. [dod] DoD statement on US strikes                              │
│               https://example.org/dod                                        │
│            2. [reuters] Reuters: US strikes 85 targets                       │
│               https://example.org/reuters                                    │
╰──────────────────────────────────────────────────────────────────────────────╯
"""

SHOW_TOWER = """\
╭──────────────────────────────────────────────────────────────────────────────╮
│ Drone attack on Tower 22                                                     │
│                                                                              │
│ Id         tower-22-attack                                                   │
│ When       28 Jan 2024                                                       │
│ Precision  day                                                               │
│ Kind       attack                                                            │
│ Where      Tower 22, Jordan                                                  │
│ Actors     Kata'ib Hezbollah (attributed by United States [reuters]; denied) │
│ Targets    United States                                                     │
│ Killed     3                                                                 │
│ Injured    40+                                                               │
│            40+ ([reuters])                                                   │
│            47 (by United States; Pentagon, 31 Jan)                           │
│ Part of    militia-attacks-2023  Oct 2023 – Feb 2024  Militia attacks on US  │
│            bases                                                             │
│ Effects    kh-suspends-attacks  30 Jan 2024  Kata'ib Hezbollah suspends      │
│            attacks  (in response to, per [ap of kh-suspends-attacks]; 2 days │
│            after)                                                            │
│            us-strikes-2024-02-02  2 Feb 2024 19:00 +03:00  US strikes in     │
│            Iraq and Syria  (retaliation for, per United States [dod of       │
│            us-strikes-2024-02-02]; 5 days after)                             │
│ Sources    1. [reuters] Reuters: Three US soldiers killed in Jordan          │
│               https://example.org/reuters                                    │
╰──────────────────────────────────────────────────────────────────────────────╯
"""

SHOW_CAMPAIGN = """\
╭──────────────────────────────────────────────────────────────────────────────╮
│ Militia attacks on US bases                                                  │
│                                                                              │
│ Id         militia-attacks-2023                                              │
│ When       Oct 2023 – Feb 2024                                               │
│ Precision  month                                                             │
│ Kind       campaign                                                          │
│ Where      Iraq                                                              │
│ Actors     Islamic Resistance in Iraq                                        │
│ Targets    United States                                                     │
│ Killed     none recorded                                                     │
│ Injured    none recorded                                                     │
│ Parts: 2   al-asad-drone-attack  18 Oct 2023  Drone attack on al-Asad        │
│            tower-22-attack  28 Jan 2024  Drone attack on Tower 22            │
│ Causes     gaza-war  7 Oct 2023  War in Gaza begins  (caused by; same month) │
│ Sources    1. Seed                                                           │
│               https://example.org/seed                                       │
╰──────────────────────────────────────────────────────────────────────────────╯
"""

CHAIN_MEMBERSHIP = """\
Oct 2023 – Feb 2024  Militia attacks on US bases  campaign  militia-attacks-2023
├── 18 Oct 2023  Drone attack on al-Asad  attack  (part of, same month)  
│   al-asad-drone-attack
└── 28 Jan 2024  Drone attack on Tower 22  attack  (part of, 3 months after)  
    tower-22-attack
    ├── 30 Jan 2024  Kata'ib Hezbollah suspends attacks  statement  (in response
    │   to, 2 days after)  kh-suspends-attacks
    └── 2 Feb 2024 19:00 +03:00  US strikes in Iraq and Syria  airstrike  
        (retaliation for, 5 days after)  us-strikes-2024-02-02
        └── 7 Feb 2024  Drone strike kills a Kata'ib Hezbollah commander  
            killing  (caused by, 5 days after)  saidi-killing
"""  # noqa: W291

CHAIN_CAUSES_MEMBERSHIP = """\
2 Feb 2024 19:00 +03:00  US strikes in Iraq and Syria  airstrike  
us-strikes-2024-02-02
└── 28 Jan 2024  Drone attack on Tower 22  attack  (retaliation for, 5 days 
    before)  tower-22-attack
    └── Oct 2023 – Feb 2024  Militia attacks on US bases  campaign  (has part, 3
        months before)  militia-attacks-2023
        └── 7 Oct 2023  War in Gaza begins  background  (caused by, same month) 
            gaza-war
"""  # noqa: W291

PATH_THROUGH_PARTS = """\
Oct 2023 – Feb 2024  Militia attacks on US bases  campaign  militia-attacks-2023
   ↓ part of, 3 months after
28 Jan 2024  Drone attack on Tower 22  attack  tower-22-attack
   ↓ retaliation for, 5 days after
2 Feb 2024 19:00 +03:00  US strikes in Iraq and Syria  airstrike  
us-strikes-2024-02-02
"""  # noqa: W291


def ev(invoke: Invoke, *args: str) -> str:
    result = invoke("--store", str(EVIDENCE), *args)
    assert result.exit_code == 0, result
    return result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("show", "us-strikes-2024-02-02"), SHOW_STRIKES),
        (("show", "tower-22-attack"), SHOW_TOWER),
        (("show", "militia-attacks-2023"), SHOW_CAMPAIGN),
        (("chain", "militia-attacks-2023", "--membership"), CHAIN_MEMBERSHIP),
        (("chain", "us-strikes-2024-02-02", "--causes", "--membership"), CHAIN_CAUSES_MEMBERSHIP),
        (("path", "militia-attacks-2023", "us-strikes-2024-02-02"), PATH_THROUGH_PARTS),
    ],
)
@pytest.mark.usefixtures("terminal")
def test_exact_output_on_an_80_column_terminal(invoke: Invoke, args: tuple[str, ...], expected: str) -> None:
    assert ev(invoke, *args) == expected


def test_tz_overrides_the_local_clock(invoke: Invoke) -> None:
    shown = ev(invoke, "show", "us-strikes-2024-02-02", "--tz", "UTC")
    # the same style as the event's own clock, with the zone's city, the source's clock kept
    assert "\nWhen       2 Feb 2024 16:00 +00 (UTC)\n" in shown
    assert "\n           reported as 11:00 -05:00\n" in shown
    assert "(Baghdad)" not in shown
    # on the clock the source reported, nothing more to report
    shown = ev(invoke, "show", "us-strikes-2024-02-02", "--tz", "America/New_York")
    assert "\nWhen       2 Feb 2024 11:00 -05 (New York)\n" in shown
    assert "reported as" not in shown


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--actor", "kh"], ["tower-22-attack", "kh-suspends-attacks", "us-strikes-2024-02-02",
                             "saidi-killing"]),
        # Attributed and denied is not confirmed; claimed and plain ids are.
        (["--actor", "kh", "--confirmed"], ["kh-suspends-attacks", "us-strikes-2024-02-02", "saidi-killing"]),
        (["--actor", "irm", "--confirmed"], ["militia-attacks-2023", "al-asad-drone-attack"]),
        (["--top-level"], ["militia-attacks-2023", "gaza-war", "kh-suspends-attacks",
                           "us-strikes-2024-02-02", "saidi-killing"]),
        (["--hide-wholes"], ["gaza-war", "al-asad-drone-attack", "tower-22-attack", "kh-suspends-attacks",
                             "us-strikes-2024-02-02", "saidi-killing"]),
        (["--top-level", "--hide-wholes", "--kind", "attack"], []),
    ],
)  # fmt: skip
def test_list_filters(invoke: Invoke, args: list[str], expected: list[str]) -> None:
    assert ev(invoke, "list", "-f", "ids", *args).split() == expected


def test_export_and_stats_share_the_filters(invoke: Invoke) -> None:
    exported = json.loads(ev(invoke, "export", "-f", "json", "--top-level", "--actor", "kh", "--confirmed"))
    assert [e["id"] for e in exported["events"]] == [
        "kh-suspends-attacks",
        "us-strikes-2024-02-02",
        "saidi-killing",
    ]
    assert "--hide-wholes" in ev(invoke, "stats", "--help")


def test_path_without_membership(invoke: Invoke) -> None:
    result = invoke(
        "--store", str(EVIDENCE), "path", "militia-attacks-2023", "us-strikes-2024-02-02", "--causes-only"
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "error: no causal route from militia-attacks-2023 to us-strikes-2024-02-02\n"


def test_json_via(invoke: Invoke) -> None:
    data = json.loads(ev(invoke, "chain", "militia-attacks-2023", "--membership", "-f", "json"))
    root = data["roots"][0]
    assert "via" not in root
    assert [(n["event"]["id"], n["via"]) for n in root["effects"]] == [
        ("al-asad-drone-attack", "part"),
        ("tower-22-attack", "part"),
    ]
    tower = root["effects"][1]
    assert [(n["event"]["id"], n["via"]) for n in tower["effects"]] == [
        ("kh-suspends-attacks", "response"),
        ("us-strikes-2024-02-02", "retaliation"),
    ]
    back = json.loads(ev(invoke, "chain", "us-strikes-2024-02-02", "--causes", "-m", "-f", "json"))
    campaign = back["roots"][0]["causes"][0]["causes"][0]
    assert (campaign["event"]["id"], campaign["via"]) == ("militia-attacks-2023", "whole")
    paths = json.loads(ev(invoke, "path", "militia-attacks-2023", "us-strikes-2024-02-02", "-f", "json"))
    assert [[(e["id"], e.get("via")) for e in p] for p in paths["paths"]] == [
        [
            ("militia-attacks-2023", None),
            ("tower-22-attack", "part"),
            ("us-strikes-2024-02-02", "retaliation"),
        ]
    ]
    both = json.loads(ev(invoke, "chain", "tower-22-attack", "--both", "-m", "-f", "json"))["roots"][0]
    assert [n["via"] for n in both["causes"]] == ["whole"]
    assert [n["via"] for n in both["effects"]] == ["response", "retaliation"]


def test_words() -> None:
    store = open_store(EVIDENCE)
    tower = store.by_id["tower-22-attack"]
    strikes = store.by_id["us-strikes-2024-02-02"]
    assert actor_words(tower, "kh", "actor", store) == (
        "Kata'ib Hezbollah (attributed by United States [reuters]; denied)"
    )
    assert actor_words(tower, "us", "target", store) == "United States"
    assert account(Role("kh", "actor", "claimed", by="kh"), store) == "claimed"
    assert (
        link_words(strikes.link("tower-22-attack"), strikes, store)
        == "retaliation for, per United States [dod]"
    )
    suspends = store.by_id["kh-suspends-attacks"]
    assert link_words(suspends.link("tower-22-attack"), suspends, store) == "in response to, per [ap]"
    # on another event's page (its Effects), the source is marked as this event's
    assert link_words(suspends.link("tower-22-attack"), suspends, store, here=False) == (
        "in response to, per [ap of kh-suspends-attacks]"
    )
    assert link_words(strikes.link("tower-22-attack"), strikes, store, here=False) == (
        "retaliation for, per United States [dod of us-strikes-2024-02-02]"
    )
    # figures cite their source by id, as accounts do; the title is in the Sources list
    assert [figure_words(f, store) for f in strikes.killed.reports] == [  # type: ignore[union-attr]
        "25+ ([reuters])",
        "24 (by Popular Mobilization Forces)",
    ]
    assert [figure_words(f, store) for f in tower.injured.reports] == [  # type: ignore[union-attr]
        "40+ ([reuters])",
        "47 (by United States; Pentagon, 31 Jan)",
    ]
    assert figure_words(Figure(6, 6, by="us", source="dod", note="4 US, 2 Iraqi"), store) == (
        "6 (by United States [dod]; 4 US, 2 Iraqi)"
    )
    assert apart(tower.start, strikes.start) == "5 days after"
    assert apart(strikes.start, tower.start) == "5 days before"
    assert local_date(strikes.start, strikes.zone) == "2 Feb 2024 19:00 +03 (Baghdad)"


#: A source cited on a `show` page: "[dod]", or another event's "[dod of us-strikes]".
CITED = re.compile(r"\[([\w.-]+)(?: of ([\w.-]+))?\]")


@pytest.mark.parametrize("path", sorted(EVIDENCE.parent.glob("*.toml")), ids=lambda p: p.name)
def test_every_source_cited_on_a_page_can_be_traced(path: Path) -> None:
    """Each [id] in the rows of `show` names a source the page lists as
    "N. [id] title"; each [id of other], a source `show other` lists."""
    store = open_store(path)
    for event in store.events:
        rows = dict(detail_rows(event, store))
        listed = re.findall(r"^\d+\. \[([^\]]+)\] ", rows["Sources"].plain, re.M)
        assert listed == [s.id for s in event.sources if s.id]
        for label in ("Actors", "Targets", "Killed", "Injured", "Causes", "Effects"):
            if label not in rows:
                continue
            for source, other in CITED.findall(rows[label].plain):
                owner = store.by_id[other] if other else event
                assert source in [s.id for s in owner.sources], (event.id, label, source, other)
                if label != "Effects":
                    assert not other, (event.id, label)  # this event's own claims cite its own sources


def test_explore_links_show_types_and_membership() -> None:
    store = open_store(EVIDENCE)
    tower = store.by_id["tower-22-attack"]
    console = Console(file=StringIO(), width=80, color_system=None)
    console.print(links_view(tower, links(store, tower)), end="")
    assert console.file.getvalue() == (  # type: ignore[attr-defined]
        "[1] → effect  30 Jan 2024  Kata'ib Hezbollah suspends attacks  (in response to, \n"
        "2 days after)\n"
        "[2] → effect  2 Feb 2024 19:00 +03:00  US strikes in Iraq and Syria  \n"
        "(retaliation for, 5 days after)\n"
        "[3] ↑ whole   Oct 2023 – Feb 2024  Militia attacks on US bases  (part of, 3 \n"
        "months before)\n"
    )


@pytest.mark.usefixtures("terminal")
def test_a_url_wider_than_the_panel_is_printed_whole_below_it(invoke: Invoke) -> None:
    shown = invoke("--store", str(EVIDENCE), "show", "tower-22-attack", env={"COLUMNS": "40"}).stdout
    assert shown.endswith("─╯\n1. https://example.org/reuters\n")
    assert shown.count("example.org") == 1  # not also folded inside the panel
