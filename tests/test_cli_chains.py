"""`timeline chain` and `timeline path` through the CLI, pinned on a small
fixture store (tests/fixtures/chain.toml) so that the curated store can grow."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.test_render import BOTH_TREE, TWO_ROUTES

Invoke = Callable[..., Result]
STORE = str(Path(__file__).parent / "fixtures" / "chain.toml")

FORWARD = """\
Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign  campaign
├── 27 Dec 2019  Rocket attack on K-1  attack  (caused by, 2 months after)  k1
│   └── 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  
│       (caused by, 2 days after)  strikes
│       ├── 31 Dec 2019 – 1 Jan 2020  Embassy attack  protest  (caused by, 2 
│       │   days after)  embassy
│       │   └── 3 Jan 2020  Soleimani killed  killing  (caused by, 3 days after)
│       │       soleimani
│       └── ↱ 3 Jan 2020  Soleimani killed  (caused by, 5 days after)  soleimani
│           (shown above)
└── ↱ 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  (caused by, 2 
    months after)  strikes  (shown above)
"""  # noqa: W291

BACKWARD = """\
3 Jan 2020  Soleimani killed  killing  soleimani
├── 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  
│   (caused by, 5 days before)  strikes
│   ├── Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign  (caused by,
│   │   2 months before)  campaign
│   └── 27 Dec 2019  Rocket attack on K-1  attack  (caused by, 2 days before)  
│       k1
│       └── ↱ Oct 2019 – Dec 2019  Campaign of attacks on bases  (caused by, 2 
│           months before)  campaign  (shown above)
└── 31 Dec 2019 – 1 Jan 2020  Embassy attack  protest  (caused by, 3 days 
    before)  embassy
    └── ↱ 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  (caused by,
        2 days before)  strikes  (shown above)
"""  # noqa: W291

DEPTH = """\
Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign  campaign
├── 27 Dec 2019  Rocket attack on K-1  attack  (caused by, 2 months after)  k1  
│   … more beyond --depth
└── 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  
    (caused by, 2 months after)  strikes  … more beyond --depth
"""  # noqa: W291

FOREST = """\
Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign  campaign
├── 27 Dec 2019  Rocket attack on K-1  attack  (caused by, 2 months after)  k1
│   └── 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  
│       (caused by, 2 days after)  strikes
│       ├── 31 Dec 2019 – 1 Jan 2020  Embassy attack  protest  (caused by, 2 
│       │   days after)  embassy
│       │   └── 3 Jan 2020  Soleimani killed  killing  (caused by, 3 days after)
│       │       soleimani
│       └── ↱ 3 Jan 2020  Soleimani killed  (caused by, 5 days after)  soleimani
│           (shown above)
└── ↱ 29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  (caused by, 2 
    months after)  strikes  (shown above)
"""  # noqa: W291
UNLINKED = "Mar 2020  Partial drawdown  military  drawdown\n"

PATH = """\
27 Dec 2019  Rocket attack on K-1  attack  k1
   ↓ caused by, 2 days after
29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  strikes
   ↓ caused by, 5 days after
3 Jan 2020  Soleimani killed  killing  soleimani
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["chain", "campaign"], FORWARD),
        (["chain", "soleimani", "--causes"], BACKWARD),
        (["chain", "embassy", "--both"], BOTH_TREE),
        (["chain", "campaign", "--depth", "1"], DEPTH),
        (["chain"], FOREST),
        (["chain", "--unlinked"], FOREST + UNLINKED),
        (["path", "k1", "soleimani"], PATH),
    ],
)
@pytest.mark.usefixtures("terminal")
def test_drawings_on_an_80_column_terminal(invoke: Invoke, args: list[str], expected: str) -> None:
    result = invoke("--store", STORE, *args)
    assert result.exit_code == 0, result
    assert result.stdout == expected


def test_back_references_and_depth(invoke: Invoke) -> None:
    result = invoke("--store", STORE, "chain", "embassy", "--causes", "--format", "ids")
    assert result.stdout.split() == ["embassy", "strikes", "campaign", "k1"]
    result = invoke("--store", STORE, "chain", "k1", "--depth", "1", env={"COLUMNS": "200"})
    assert "more beyond --depth" in result.stdout
    assert "embassy" not in result.stdout


def test_both_sides(invoke: Invoke) -> None:
    result = invoke("--store", STORE, "chain", "embassy", "--both", "--format", "json")
    assert result.exit_code == 0
    root = json.loads(result.stdout)["roots"][0]
    assert root["event"]["id"] == "embassy"
    assert [n["event"]["id"] for n in root["causes"]] == ["strikes"]
    assert [n["event"]["id"] for n in root["effects"]] == ["soleimani"]
    assert "truncated" not in root
    cut = json.loads(invoke("--store", STORE, "chain", "embassy", "--both", "-d", "0", "-f", "json").stdout)
    assert cut["roots"][0]["truncated"] is True
    assert (cut["roots"][0]["causes"], cut["roots"][0]["effects"]) == ([], [])


def test_json_back_references_are_marked(invoke: Invoke) -> None:
    data = json.loads(invoke("--store", STORE, "chain", "campaign", "--format", "json").stdout)
    assert data["version"] == 2
    assert data["direction"] == "effects"
    k1, strikes = data["roots"][0]["effects"]
    assert (k1["event"]["id"], k1["via"]) == ("k1", "cause")
    assert strikes == {"ref": "strikes", "via": "cause"}
    assert k1["effects"][0]["effects"][-1] == {"ref": "soleimani", "via": "cause"}


def test_window_forest_and_context(invoke: Invoke) -> None:
    chosen = invoke("--store", STORE, "chain", "--format", "ids")
    assert chosen.stdout.split() == ["campaign", "k1", "strikes", "embassy", "soleimani"]
    assert chosen.stderr == "note: 1 event has no link in the window, left out; --unlinked draws them too\n"
    every = invoke("--store", STORE, "chain", "--unlinked", "--format", "ids")
    assert (every.stdout.split()[-1], every.stderr) == ("drawdown", "")
    inside = invoke("--store", STORE, "chain", "--from", "2020", "--format", "ids").stdout.split()
    assert inside == ["embassy", "soleimani"]  # the embassy attack runs into 2020
    context = invoke("--store", STORE, "chain", "--from", "2020", "--context", "-f", "ids").stdout.split()
    assert context == ["campaign", "k1", "strikes", "embassy", "soleimani"]
    empty = invoke("--store", STORE, "chain", "--from", "1990", "--to", "1991")
    assert (empty.exit_code, empty.stdout) == (0, "No events in that window.\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["chain", "nope"], 1, "error: no event 'nope'"),
        (["chain", "--causes"], 2, "error: --causes and --both need an event ID"),
        (["chain", "k1", "--from", "2019"], 2,
         "error: --from, --to, --context and --unlinked apply only without an ID"),
        (["chain", "k1", "--unlinked"], 2,
         "error: --from, --to, --context and --unlinked apply only without an ID"),
        (["chain", "k1", "--causes", "--both"], 2, "error: use --causes or --both, not both"),
        (["chain", "--from", "later"], 2, "error: --from: cannot read 'later' as a date"),
        (["path", "soleimani", "k1"], 1,
         "error: no route from soleimani to k1; there is one the other way"),
        (["path", "drawdown", "k1"], 1, "error: no route from drawdown to k1\n"),
        (["path", "drawdown", "k1", "--causes-only"], 1, "error: no causal route from drawdown to k1\n"),
        (["path", "k1", "zzz"], 1, "error: no event 'zzz'"),
    ],
)  # fmt: skip
def test_errors(invoke: Invoke, args: list[str], code: int, message: str) -> None:
    result = invoke("--store", STORE, *args)
    assert result.exit_code == code, result
    assert result.stderr.startswith(message)


def test_path_shortest_and_all(invoke: Invoke) -> None:
    result = invoke("--store", STORE, "path", "k1", "soleim", "--format", "ids")
    assert result.stdout.split() == ["k1", "strikes", "soleimani"]
    data = json.loads(invoke("--store", STORE, "path", "k1", "soleimani", "--all", "-f", "json").stdout)
    assert [[e["id"] for e in p] for p in data["paths"]] == [
        ["k1", "strikes", "soleimani"],
        ["k1", "strikes", "embassy", "soleimani"],
    ]
    assert (data["truncated"], data["total"]) == (False, 2)


# --- path --all: the N shortest routes, and what is known of the rest ---------

CAMPAIGN = "Oct 2019 – Dec 2019  Campaign of attacks on bases  campaign  campaign"
K1 = "27 Dec 2019  Rocket attack on K-1  attack  k1"
STRIKES = "29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  strikes"
EMBASSY = "31 Dec 2019 – 1 Jan 2020  Embassy attack  protest  embassy"
SOLEIMANI = "3 Jan 2020  Soleimani killed  killing  soleimani"


def route(*events_and_steps: str) -> str:
    """A route as path prints it: events, and between each two how the later follows."""
    return "".join(f"{part}\n" if n % 2 == 0 else f"   ↓ {part}\n" for n, part in enumerate(events_and_steps))


C_S_SOL = route(CAMPAIGN, "caused by, 2 months after", STRIKES, "caused by, 5 days after", SOLEIMANI)
C_K1_S_SOL = route(CAMPAIGN, "caused by, 2 months after", K1, "caused by, 2 days after", STRIKES,
                   "caused by, 5 days after", SOLEIMANI)  # fmt: skip
C_S_E_SOL = route(CAMPAIGN, "caused by, 2 months after", STRIKES, "caused by, 2 days after", EMBASSY,
                  "caused by, 3 days after", SOLEIMANI)  # fmt: skip
C_K1_S_E_SOL = route(CAMPAIGN, "caused by, 2 months after", K1, "caused by, 2 days after", STRIKES,
                     "caused by, 2 days after", EMBASSY, "caused by, 3 days after", SOLEIMANI)  # fmt: skip


@pytest.mark.parametrize(
    ("most", "expected"),
    [
        # The depth-first search found campaign -> k1 -> strikes -> embassy -> soleimani
        # first, kept it, and printed no header when one route was shown.
        (["--max", "1"], "Route 1 of 4 (2 steps)\n" + C_S_SOL
         + "\nOnly the first of 4 routes is shown; raise --max for more.\n"),
        (["--max", "2"], "Route 1 of 4 (2 steps)\n" + C_S_SOL + "\nRoute 2 of 4 (3 steps)\n" + C_K1_S_SOL
         + "\nOnly the first 2 of 4 routes are shown; raise --max for more.\n"),
        # Routes of one length in chronological order of their steps: k1 before strikes.
        ([], "Route 1 of 4 (2 steps)\n" + C_S_SOL + "\nRoute 2 of 4 (3 steps)\n" + C_K1_S_SOL
         + "\nRoute 3 of 4 (3 steps)\n" + C_S_E_SOL + "\nRoute 4 of 4 (4 steps)\n" + C_K1_S_E_SOL),
        (["--max", "4"], "Route 1 of 4 (2 steps)\n" + C_S_SOL + "\nRoute 2 of 4 (3 steps)\n" + C_K1_S_SOL
         + "\nRoute 3 of 4 (3 steps)\n" + C_S_E_SOL + "\nRoute 4 of 4 (4 steps)\n" + C_K1_S_E_SOL),
    ],
    ids=["max-1", "max-2", "all", "max-4"],
)  # fmt: skip
def test_path_all_lists_the_shortest_routes_first(invoke: Invoke, most: list[str], expected: str) -> None:
    result = invoke("--store", STORE, "path", "campaign", "soleimani", "--all", *most)
    assert result.exit_code == 0, result
    assert result.stdout == expected
    assert result.stderr == ""


def test_path_all_json_is_cut_as_the_text_is(invoke: Invoke) -> None:
    def ids(*args: str) -> tuple[list[list[str]], bool, int | None]:
        result = invoke("--store", STORE, "path", *args, "--format", "json")
        assert result.exit_code == 0, result
        data = json.loads(result.stdout)
        return [[e["id"] for e in p] for p in data["paths"]], data["truncated"], data["total"]

    shortest, then = ["campaign", "strikes", "soleimani"], ["campaign", "k1", "strikes", "soleimani"]
    assert ids("campaign", "soleimani", "--all", "--max", "1") == ([shortest], True, 4)
    assert ids("campaign", "soleimani", "--all", "--max", "2") == ([shortest, then], True, 4)
    assert ids("k1", "soleimani", "--all") == (TWO_ROUTES, False, 2)
    # Without --all only the shortest is sought, and the others are not counted.
    assert ids("campaign", "soleimani") == ([shortest], False, None)
    assert ids("k1", "strikes", "--all") == ([["k1", "strikes"]], False, 1)  # fmt: skip


def test_path_all_of_a_single_route_has_no_header(invoke: Invoke) -> None:
    result = invoke("--store", STORE, "path", "k1", "strikes", "--all")
    assert result.exit_code == 0, result
    assert result.stdout == (
        "27 Dec 2019  Rocket attack on K-1  attack  k1\n"
        "   ↓ caused by, 2 days after\n"
        "29 Dec 2019 19:00 +03:00  US strikes on Kata'ib Hezbollah  airstrike  strikes\n"
    )


SOURCE = '{ title = "s", url = "https://example.org/s" }'


def _every_earlier_causes(tmp_path: Path, n: int) -> str:
    """A store of n events e0..e(n-1), each caused by every earlier one: 2^(n-2)
    routes from the first to the last."""
    parts = ["schema = 1"]
    for i in range(n):
        causes = ", ".join(f'"e{j}"' for j in range(i))
        day = date(2020, 1, 1) + timedelta(days=i)
        parts.append(f'[[event]]\nid = "e{i}"\ntitle = "E{i}"\nkind = "attack"\nstart = "{day}"\n'
                     f'causes = [{causes}]\nsources = [{SOURCE}]')  # fmt: skip
    path = tmp_path / "dense.toml"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return str(path)


def test_path_all_says_more_than_when_routes_are_too_many_to_count(invoke: Invoke, tmp_path: Path) -> None:
    # 2^31 routes from e0 to e32, over the count's cap of a billion.
    store = _every_earlier_causes(tmp_path, 33)
    result = invoke("--store", store, "path", "e0", "e32", "--all", "--max", "2")
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Route 1 of more than 2 (1 step)\n"
        "1 Jan 2020  E0  attack  e0\n"
        "   ↓ caused by, 32 days after\n"
        "2 Feb 2020  E32  attack  e32\n"
        "\n"
        "Route 2 of more than 2 (2 steps)\n"
        "1 Jan 2020  E0  attack  e0\n"
        "   ↓ caused by, 1 day after\n"
        "2 Jan 2020  E1  attack  e1\n"
        "   ↓ caused by, 31 days after\n"
        "2 Feb 2020  E32  attack  e32\n"
        "\n"
        "Only the first 2 routes are shown; raise --max for more.\n"
    )
    data = json.loads(invoke("--store", store,
                              "path", "e0", "e32", "--all", "--max", "2", "-f", "json").stdout)  # fmt: skip
    assert (len(data["paths"]), data["truncated"], data["total"]) == (2, True, None)
    # Under the cap, the routes are counted: 2^20 from e0 to e21.
    result = invoke("--store", store, "path", "e0", "e21", "--all", "--max", "1")
    assert result.stdout.startswith("Route 1 of 1,048,576 (1 step)\n")
    assert result.stdout.endswith("\nOnly the first of 1,048,576 routes is shown; raise --max for more.\n")


# --- chain without an ID: the default window applies only when no bound is given

ESCALATION = str(Path(__file__).parent / "fixtures" / "escalation.toml")
UP_TO_2019 = """\
8 May 2018  Deal ends  political  deal-ends
└── 5 May 2019 – 2021  Gulf crisis  background  (caused by, 12 months after)  crisis
    └── 19 May 2019  Rocket lands  attack  (part of, 14 days after)  rocket
"""
NO_CHAIN = "No events in that window.\n"
UNLINKED_NOTE = "note: 1 event has no link in the window, left out; --unlinked draws them too\n"


@pytest.mark.parametrize(
    ("bounds", "stdout", "stderr"),
    [
        # Alone, --to reaches back past the default 2019: the 2018 cause is drawn.
        (["--to", "2019"], UP_TO_2019, UNLINKED_NOTE),
        # These were "error: --to '2024' is before --from '2030'" and "--to '2018' is
        # before --from '2019'", against a default never typed.
        (["--to", "2018"], NO_CHAIN, UNLINKED_NOTE),
        (["--from", "2030"], NO_CHAIN, ""),
    ],
    ids=["to-2019", "to-2018", "from-2030"],
)
def test_chain_with_one_bound_leaves_the_other_side_open(
    invoke: Invoke, bounds: list[str], stdout: str, stderr: str
) -> None:
    result = invoke("--store", ESCALATION, "chain", *bounds)
    assert result.exit_code == 0, result
    assert (result.stdout, result.stderr) == (stdout, stderr)


def test_chain_from_a_year_runs_on_past_the_default_end(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "late.toml"
    event = '[[event]]\nid = "{}"\ntitle = "{}"\nkind = "attack"\nstart = "{}"\n{}sources = [{}]\n'
    first = event.format("a", "A", "2023-05-01", "", SOURCE)
    then = event.format("b", "B", "2026-05-01", 'causes = ["a"]\n', SOURCE)
    store.write_text(f"schema = 1\n{first}{then}", encoding="utf-8")
    result = invoke("--store", str(store), "chain", "--from", "2023")
    assert result.exit_code == 0, result
    assert result.stdout == (
        "1 May 2023  A  attack  a\n└── 1 May 2026  B  attack  (caused by, 3 years after)  b\n"
    )
    # Neither bound given: 2019 to 2024, where a's effect lies outside.
    result = invoke("--store", str(store), "chain")
    assert (result.exit_code, result.stdout) == (0, NO_CHAIN)


def test_chain_bounds_both_typed_must_not_cross(invoke: Invoke) -> None:
    result = invoke("--store", ESCALATION, "chain", "--from", "2021", "--to", "2020")
    assert result.exit_code == 2
    assert result.stderr == "error: --to '2020' is before --from '2021'\n"
