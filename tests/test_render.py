# ruff: noqa: W293  (the drawings pad their blank lines to the width)
"""Every renderable of timeline/render/, printed at width 80 without colour and
compared exactly, on the fixture store (as rich's own tests do)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

from timeline.chart_data import layout
from timeline.graph import Direction, Routes, build_tree, neighbours
from timeline.model import Store
from timeline.store import read_store_text

STORE_PATH = Path(__file__).parent / "fixtures" / "chain.toml"


def fixture_store() -> Store:
    return read_store_text(STORE_PATH.read_text(encoding="utf-8"), "chain.toml")


def printed(renderable: RenderableType, width: int = 80) -> str:
    """What a renderable prints at `width` (80) without colour."""
    console = Console(file=StringIO(), width=width, color_system=None)
    console.print(renderable)
    out = console.file
    assert isinstance(out, StringIO)
    return out.getvalue()


def renderables() -> dict[str, RenderableType]:
    from timeline.explore import links
    from timeline.render.chart import chart_view
    from timeline.render.detail import event_panel
    from timeline.render.explore import choices_view, links_view
    from timeline.render.stats import stats_view
    from timeline.render.table import events_stack, events_table
    from timeline.render.tree import both_tree, chain_tree, event_label, routes_view
    from timeline.stats import summarize

    store = fixture_store()
    effects = neighbours(store, Direction.EFFECTS)
    causes = neighbours(store, Direction.CAUSES)
    events = list(store.chronological)
    drawn = layout(events, "count", 70)
    assert drawn is not None
    strikes = store.by_id["strikes"]
    return {
        "event_label": event_label(strikes, None, "+2 days"),
        "chain_tree": chain_tree(build_tree(["campaign"], effects, 2), store),
        "both_tree": both_tree(
            store, "embassy", build_tree(["embassy"], causes)[0], build_tree(["embassy"], effects)[0]
        ),
        "routes_view": routes_view(Routes(TWO_ROUTES, True, None, False), store),
        "events_table": events_table(events[:3], store, 80) or "",
        "events_stack": events_stack(events[:2], store),
        "event_panel": event_panel(strikes, store),
        "links_view": links_view(strikes, links(store, strikes)),
        "choices_view": choices_view("Events around this one", tuple(events[:3]), strikes),
        "stats_view": stats_view(summarize(store, events), store),
        "chart_view": chart_view(drawn, 80, plain=True),
    }


#: Two routes from k1 to soleimani in the fixture store, the shorter first.
TWO_ROUTES = [["k1", "strikes", "soleimani"], ["k1", "strikes", "embassy", "soleimani"]]

EVENT_LABEL = """\
29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  (+2 days) 
strikes
"""  # noqa: W291

CHAIN_TREE = """\
Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign  campaign
├── 27 Dec 2019  Rocket attack on K-1  attack  (caused by, 2 months after)  k1
│   └── 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  
│       (caused by, 2 days after)  strikes  … more beyond --depth
└── ↱ 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  (caused by, 2 
    months after)  strikes  (shown above)
"""  # noqa: W291

BOTH_TREE = """\
31 Dec 2019 – 1 Jan 2020  Embassy attack  protest  embassy
├── Caused by
│   └── 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  
│       (caused by, 2 days before)  strikes
│       ├── Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign  (caused
│       │   by, 2 months before)  campaign
│       └── 27 Dec 2019  Rocket attack on K-1  attack  (caused by, 2 days 
│           before)  k1
│           └── ↱ Oct 2019 – Dec 2019  Campaign of attacks on bases  (caused by,
│               2 months before)  campaign  (shown above)
└── Led to
    └── 3 Jan 2020  Soleimani killed  killing  (caused by, 3 days after)  
        soleimani
"""  # noqa: W291

ROUTES_VIEW = """\
Route 1 of more than 2 (2 steps)
27 Dec 2019  Rocket attack on K-1  attack  k1
   ↓ caused by, 2 days after
29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  strikes
   ↓ caused by, 5 days after
3 Jan 2020  Soleimani killed  killing  soleimani

Route 2 of more than 2 (3 steps)
27 Dec 2019  Rocket attack on K-1  attack  k1
   ↓ caused by, 2 days after
29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  strikes
   ↓ caused by, 2 days after
31 Dec 2019 – 1 Jan 2020  Embassy attack  protest  embassy
   ↓ caused by, 3 days after
3 Jan 2020  Soleimani killed  killing  soleimani

Only the first 2 routes are shown; raise --max for more.
"""

EVENTS_TABLE = """\
Date            Event                       Where           Killed  Injured  C/E
────────────────────────────────────────────────────────────────────────────────
Oct 2019 –      Campaign of attacks on      Iraq                             0/2
Dec 2019        bases                                                           
                campaign · campaign                                             
27 Dec 2019     Rocket attack on K-1        K-1 Air Base,        1        6  1/1
                k1 · attack                 Iraq                                
29 Dec 2019     US strikes on Kata'ib       al-Qa'im,          25+      55+  2/2
19:00 +03:00    Hezbollah                   Iraq;                               
                strikes · airstrike         Euphrates                           
                                            valley, Syria                       
"""  # noqa: W291

EVENTS_STACK = """\
Oct 2019 – Dec 2019                                          
Campaign of attacks on bases                                 
campaign · campaign                                          
Iraq · 0 causes, 2 effects                                   
                                                             
27 Dec 2019                                                  
Rocket attack on K-1                                         
k1 · attack                                                  
K-1 Air Base, Iraq · killed 1 · injured 6 · 1 cause, 1 effect
"""  # noqa: W291

EVENT_PANEL = """\
╭──────────────────────────────────────────────────────────────────────────────╮
│ US strikes on Kata'ib Hezbollah                                              │
│                                                                              │
│ Id         strikes                                                           │
│ When       29 Dec 2019 19:00 +03 (Baghdad)                                   │
│            reported as 11:00 -05:00                                          │
│ Precision  minute                                                            │
│ Kind       airstrike                                                         │
│ Where      al-Qa'im, Iraq                                                    │
│            Euphrates valley, Syria                                           │
│ Actors     United States                                                     │
│ Targets    Kata'ib Hezbollah                                                 │
│ Killed     25+ (19 Iraq, 6 Syria)                                            │
│ Injured    55+                                                               │
│ Causes     k1  27 Dec 2019  Rocket attack on K-1  (caused by; 2 days before) │
│            campaign  Oct 2019  Campaign of attacks on bases  (caused by; 2   │
│            months before)                                                    │
│ Effects    embassy  31 Dec 2019  Embassy attack  (caused by; 2 days after)   │
│            soleimani  3 Jan 2020  Soleimani killed  (caused by; 5 days       │
│            after)                                                            │
│ Sources    1. Seed (ref [2])                                                 │
│               https://example.org/seed                                       │
╰──────────────────────────────────────────────────────────────────────────────╯
"""

LINKS_VIEW = """\
[1] ← cause   27 Dec 2019  Rocket attack on K-1  (caused by, 2 days before)
[2] ← cause   Oct 2019 – Dec 2019  Campaign of attacks on bases  (caused by, 2 
months before)
[3] → effect  31 Dec 2019 – 1 Jan 2020  Embassy attack  (caused by, 2 days 
after)
[4] → effect  3 Jan 2020  Soleimani killed  (caused by, 5 days after)

"""  # noqa: W291

CHOICES_VIEW = """\
Events around this one
 [1] Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign
 [2] 27 Dec 2019  Rocket attack on K-1  attack
▶[3] 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike

"""

STATS_VIEW = (
    "6 events   killed at least 33   injured at least 61\n"
    "\n"
    "By year                                           \n"
    "Year        Events          Killed         Injured\n"
    "──────────────────────────────────────────────────\n"
    "2019             3     at least 26     at least 61\n"
    "2019–2020        1   none recorded   none recorded\n"
    "2020             2            7–10   none recorded\n"
    "By kind                                           \n"
    "Kind        Events          Killed         Injured\n"
    "──────────────────────────────────────────────────\n"
    "airstrike        1     at least 25     at least 55\n"
    "attack           1               1               6\n"
    "campaign         1   none recorded   none recorded\n"
    "killing          1            7–10   none recorded\n"
    "military         1   none recorded   none recorded\n"
    "protest          1   none recorded   none recorded\n"
    "By country                                                  \n"
    "Country               Events          Killed         Injured\n"
    "────────────────────────────────────────────────────────────\n"
    "Iraq                       5           27–30               6\n"
    "Syria                      1               6   none recorded\n"
    "no country                 1   none recorded   none recorded\n"
    "shared: Iraq, Syria        1      at least 0     at least 55\n"
    "By actor: killed in its actions                       \n"
    "Actor               Events        Killed       Injured\n"
    "──────────────────────────────────────────────────────\n"
    "Kata'ib Hezbollah        3             1             6\n"
    "United States            3   at least 32   at least 55\n"
    "By actor: killed among its own (as a target)          \n"
    "Actor               Events        Killed       Injured\n"
    "──────────────────────────────────────────────────────\n"
    "United States            3             1             6\n"
    "Kata'ib Hezbollah        1   at least 25   at least 55\n"
)

CHART_VIEW = """\
Events per month, Oct 2019 to Mar 2020
3 ┤                ~~~~~~~
  │                ^^^^^^^
  │:::::::         ####### *******         +++++++
0 ┼──────┴───────┴───────┴───────┴───────┴───────┴─
   Oct     Nov     Dec     Jan     Feb     Mar
   2019                    2020
                   AB      C
A  27 Dec 2019  Rocket attack on K-1  (killed 1)
B  29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  (killed 25+)
C  3 Jan 2020  Soleimani killed  (killed 7–10)
: campaign  # attack  ^ airstrike  * killing  ~ protest  + military

"""

PLAIN_TABLE = (
    "Oct 2019 \u2013 Dec 2019\tcampaign\tCampaign of attacks on bases\tcampaign\tIraq\t\t\t0/2\n"
    "27 Dec 2019\tk1\tRocket attack on K-1\tattack\tK-1 Air Base, Iraq\t1\t6\t1/1\n"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("event_label", EVENT_LABEL),
        ("chain_tree", CHAIN_TREE),
        ("both_tree", BOTH_TREE),
        ("routes_view", ROUTES_VIEW),
        ("events_table", EVENTS_TABLE),
        ("events_stack", EVENTS_STACK),
        ("event_panel", EVENT_PANEL),
        ("links_view", LINKS_VIEW),
        ("choices_view", CHOICES_VIEW),
        ("stats_view", STATS_VIEW),
        ("chart_view", CHART_VIEW),
    ],
)
def test_each_renderable_prints_exactly(name: str, expected: str) -> None:
    assert printed(renderables()[name]) == expected


def test_the_plain_table_is_tab_separated_without_rich() -> None:
    from timeline.render.plain import plain_table

    store = fixture_store()
    assert plain_table(list(store.chronological)[:2], store) == PLAIN_TABLE


def test_the_events_view_stacks_on_narrow_terminals() -> None:
    from timeline.render.table import events_view

    store = fixture_store()
    events = list(store.chronological)[:2]
    assert printed(events_view(events, store, 40)) == EVENTS_STACK
    from timeline.render.table import events_table

    assert printed(events_view(events, store, 80)) == printed(events_table(events, store, 80) or "")


def test_a_route_of_one_step_says_step() -> None:
    from timeline.render.branches import routes_words

    store = fixture_store()
    found = Routes([["k1", "strikes"], ["k1", "strikes", "soleimani"]], False, 2, False)
    heads = [p.plain for p in routes_words(found, store) if p.plain.startswith("Route")]
    assert heads == ["Route 1 of 2 (1 step)", "Route 2 of 2 (2 steps)"]


@pytest.mark.parametrize(
    ("found", "head", "note"),
    [
        (Routes(TWO_ROUTES, True, 1234, False), "Route 1 of 1,234 (2 steps)",
         "Only the first 2 of 1,234 routes are shown; raise --max for more."),
        (Routes(TWO_ROUTES[:1], True, 2, False), "Route 1 of 2 (2 steps)",
         "Only the first of 2 routes is shown; raise --max for more."),
        (Routes(TWO_ROUTES[:1], True, None, False), "Route 1 of more than 1 (2 steps)",
         "Only the first route is shown; raise --max for more."),
        # The bound on work ended the search: more --max would not help.
        (Routes(TWO_ROUTES, True, 9, True), "Route 1 of 9 (2 steps)",
         "Only the first 2 of 9 routes are shown: the search stopped at its bound of work."),
        (Routes(TWO_ROUTES, True, None, True), "Route 1 of at least 2 (2 steps)",
         "Only the first 2 routes are shown: the search stopped at its bound of work, so there may be more."),
    ],
    ids=["counted", "one-of-counted", "one-of-uncounted", "stopped-counted", "stopped-uncounted"],
)  # fmt: skip
def test_a_cut_list_of_routes_says_what_is_known_of_the_rest(found: Routes, head: str, note: str) -> None:
    from timeline.render.branches import routes_words

    parts = [p.plain for p in routes_words(found, fixture_store())]
    assert (parts[0], parts[-2], parts[-1]) == (head, "", note)


CHART_40 = """\
A  27 Dec 2019  Rocket attack on K-1
   (killed 1)
B  29 Dec 2019 19:00 +03:00  US strikes
   on Kata'ib Hezbollah  (killed 25+)
C  3 Jan 2020  Soleimani killed
   (killed 7–10)
: campaign  # attack  ^ airstrike
* killing  ~ protest  + military
"""


def test_chart_legends_wrap_between_entries_under_their_text() -> None:
    """At 40 columns: a label's further lines hang under its date, a figure
    and a key's entry are never split, and no line ends in a blank."""
    from timeline.render.chart import chart_view

    store = fixture_store()
    drawn = layout(list(store.chronological), "count", 40)
    assert drawn is not None
    shown = printed(chart_view(drawn, 40, plain=True), width=40)
    assert shown.endswith(CHART_40 + "\n")
