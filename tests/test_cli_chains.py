"""`timeline chain` and `timeline path` through the CLI, on the curated store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

Invoke = Callable[..., Result]

K1_FORWARD = """\
27 Dec 2019  Rocket attack on K-1 Air Base kills a US contractor  attack  
k1-air-base-attack
└── 29 Dec 2019 11:00 −05:00  US airstrikes on Kata'ib Hezbollah in Iraq and 
    Syria  airstrike  (+2 days)  us-airstrikes-kh-2019-12-29
    ├── Dec 2019  Al-Muhandis vows a 'very tough' response on US forces  
    │   statement  (same month)  muhandis-vows-response
    ├── 29 Dec 2019  Iraqi government condemns the US strikes  diplomatic  (same
    │   day)  iraq-condemns-strikes
    ├── 29 Dec 2019  US officials warn of further action against militias and 
    │   Iran  statement  (same day)  us-warns-further-action
    ├── 31 Dec 2019 – 1 Jan 2020  Militiamen and supporters storm the US embassy
    │   compound in Baghdad  protest  (+2 days)  embassy-attack
    │   ├── 31 Dec 2019  United States sends more troops to secure the embassy  
    │   │   military  (same day)  us-reinforces-embassy
    │   └── 3 Jan 2020  US drone strike kills Qasem Soleimani and Abu Mahdi 
    │       al-Muhandis  killing  (+3 days)  soleimani-killing
    │       ├── 5 Jan 2020  Iraqi parliament votes to expel foreign troops  
    │       │   political  (+2 days)  parliament-expulsion-vote
    │       └── Feb 2020  Abdul Aziz al-Muhammadawi succeeds al-Muhandis  
    │           military  (+1 month)  muhammadawi-leads
    ├── 31 Dec 2019 – 2 Jan 2020  Iraq holds three days of national mourning  
    │   political  (+2 days)  national-mourning
    └── ↱ 3 Jan 2020  US drone strike kills Qasem Soleimani and Abu Mahdi 
        al-Muhandis  (+5 days)  soleimani-killing  (shown above)
"""  # noqa: W291

FEB_2024_BACK = """\
2 Feb 2024  US strikes on IRGC and militia targets in Iraq and Syria  airstrike 
us-strikes-2024-02-02
└── 28 Jan 2024  Drone attack on Tower 22 in Jordan kills three US soldiers  
    attack  (−5 days)  tower-22-attack
"""  # noqa: W291


def test_forward_from_k1(invoke: Invoke) -> None:
    result = invoke("chain", "k1-air-base-attack")
    assert result.exit_code == 0
    assert result.stdout == K1_FORWARD


def test_backward_from_the_february_2024_strikes(invoke: Invoke) -> None:
    result = invoke("chain", "us-strikes-2024-02-02", "--causes")
    assert result.exit_code == 0
    assert result.stdout == FEB_2024_BACK


def test_back_references_and_depth(invoke: Invoke) -> None:
    result = invoke("chain", "embassy-attack", "--causes", "--format", "ids")
    assert result.stdout.split() == [
        "embassy-attack", "us-airstrikes-kh-2019-12-29", "base-attacks-2019", "k1-air-base-attack",
    ]  # fmt: skip
    result = invoke("chain", "k1", "--depth", "1", env={"COLUMNS": "200"})
    assert "more beyond --depth" in result.stdout
    assert "embassy-attack" not in result.stdout


def test_both_sides(invoke: Invoke) -> None:
    result = invoke("chain", "embassy-attack", "--both", "--format", "json")
    assert result.exit_code == 0
    root = json.loads(result.stdout)["roots"][0]
    assert root["event"]["id"] == "embassy-attack"
    assert [n["event"]["id"] for n in root["causes"]] == ["us-airstrikes-kh-2019-12-29"]
    assert [n["event"]["id"] for n in root["effects"]] == ["us-reinforces-embassy", "soleimani-killing"]
    assert "truncated" not in root
    cut = json.loads(invoke("chain", "embassy-attack", "--both", "--depth", "0", "--format", "json").stdout)
    assert cut["roots"][0]["truncated"] is True
    assert (cut["roots"][0]["causes"], cut["roots"][0]["effects"]) == ([], [])
    result = invoke("chain", "embassy-attack", "--both", env={"COLUMNS": "120"})
    assert "Caused by" in result.stdout
    assert "Led to" in result.stdout


def test_json_back_references_are_marked(invoke: Invoke) -> None:
    result = invoke("chain", "k1-air-base-attack", "--format", "json")
    data = json.loads(result.stdout)
    strikes = data["roots"][0]["effects"][0]
    assert strikes["event"]["id"] == "us-airstrikes-kh-2019-12-29"
    assert strikes["effects"][-1] == {"ref": "soleimani-killing"}


def test_whole_escalation_forest(invoke: Invoke) -> None:
    result = invoke("chain", "--format", "ids")
    chosen = result.stdout.split()
    assert "k1-air-base-attack" in chosen
    assert "iranian-revolution" not in chosen
    assert chosen.index("k1-air-base-attack") < chosen.index("soleimani-killing")
    with_context = invoke("chain", "--context", "--format", "ids").stdout.split()
    assert "us-sanctions-reimposed" in with_context
    assert "jcpoa-withdrawal" in with_context
    narrow = invoke("chain", "--from", "2024", "--format", "ids").stdout.split()
    assert narrow[0] == "militia-attacks-2023"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["chain", "nope"], 1, "error: no event 'nope'"),
        (["chain", "--causes"], 2, "error: --causes and --both need an event ID"),
        (["chain", "k1", "--from", "2019"], 2, "error: --from, --to and --context apply only without an ID"),
        (["chain", "k1", "--causes", "--both"], 2, "error: use --causes or --both, not both"),
        (["chain", "--from", "later"], 2, "error: --from: cannot read 'later' as a date"),
        (["path", "soleimani-killing", "k1"], 1,
         "error: no causal route from soleimani-killing to k1-air-base-attack; there is one the other way"),
        (["path", "gaza-war", "k1"], 1, "error: no causal route from gaza-war to k1-air-base-attack\n"),
        (["path", "k1", "zzz"], 1, "error: no event 'zzz'"),
    ],
)  # fmt: skip
def test_errors(invoke: Invoke, args: list[str], code: int, message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == code, result
    assert result.stderr.startswith(message)


def test_path_shortest_and_all(invoke: Invoke) -> None:
    result = invoke("path", "k1", "soleimani-k", "--format", "ids")
    assert result.stdout.split() == ["k1-air-base-attack", "us-airstrikes-kh-2019-12-29", "soleimani-killing"]
    result = invoke("path", "k1", "soleimani-k", "--all", "--format", "json")
    data = json.loads(result.stdout)
    assert [[e["id"] for e in p] for p in data["paths"]] == [
        ["k1-air-base-attack", "us-airstrikes-kh-2019-12-29", "soleimani-killing"],
        ["k1-air-base-attack", "us-airstrikes-kh-2019-12-29", "embassy-attack", "soleimani-killing"],
    ]
    assert data["truncated"] is False


PATH_TREE = """\
28 Jan 2024  Drone attack on Tower 22 in Jordan kills three US soldiers  attack 
tower-22-attack
   ↓ +5 days
2 Feb 2024  US strikes on IRGC and militia targets in Iraq and Syria  airstrike 
us-strikes-2024-02-02
   ↓ same month
Feb 2024  Militia attacks on US forces halt  military  militia-attacks-halt
"""  # noqa: W291


def test_path_drawn(invoke: Invoke) -> None:
    result = invoke("path", "tower-22-attack", "militia-attacks-halt")
    assert result.exit_code == 0
    assert result.stdout == PATH_TREE


def test_chain_on_a_small_store(invoke: Invoke, mini_store: Path) -> None:
    result = invoke("--store", str(mini_store), "chain", "campaign", "-f", "ids")
    assert result.stdout.split() == ["campaign", "k1", "strikes", "embassy", "soleimani"]
