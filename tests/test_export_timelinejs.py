"""The TimelineJS export, exactly: spans drawn to the end of their period,
minute times on the place's clock, sources as escaped links, campaigns as eras."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import Result

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures"
STORE = FIXTURES / "slices.toml"


def _export(invoke: Invoke, *args: str, store: Path | None = STORE) -> str:
    where = ("--store", str(store)) if store else ()
    result = invoke(*where, "export", "-f", "timelinejs", *args)
    assert result.exit_code == 0, result
    return result.stdout


def test_timelinejs_exactly(invoke: Invoke) -> None:
    # Reviewed by hand; regenerated with `timeline --store tests/fixtures/slices.toml
    # export -f timelinejs > tests/fixtures/golden/slices.timelinejs.json`.
    assert _export(invoke) == (FIXTURES / "golden" / "slices.timelinejs.json").read_text(encoding="utf-8")


def test_a_month_end_is_the_end_of_its_month_and_covers_its_parts(invoke: Invoke) -> None:
    document = json.loads(_export(invoke))
    slides = {s["unique_id"]: s for s in document["events"]}
    end = slides["base-attacks"]["end_date"]
    assert (end["year"], end["month"], end["day"], end["hour"], end["minute"]) == (2019, 12, 31, 23, 59)
    assert (document["eras"][0]["text"]["headline"], document["eras"][0]["end_date"]) == (
        "Rocket attacks on bases",
        end,
    )


def test_minute_times_on_the_local_clock(invoke: Invoke) -> None:
    slide = json.loads(_export(invoke))["events"][2]
    assert (slide["display_date"], slide["start_date"]["hour"]) == ("29 Dec 2019 19:00 +03 (Baghdad)", 19)


def test_sources_are_links_and_store_text_is_escaped(invoke: Invoke) -> None:
    slide = json.loads(_export(invoke, "--kind", "airstrike", "--kind", "attack"))["events"]
    assert slide[0]["text"]["text"].endswith(
        '<p>Sources: <a href="https://example.org/dod?a=1&amp;b=%3C2%3E" target="_blank" rel="noopener">'
        "Pentagon statement</a></p>"
    )
    assert slide[1]["text"]["headline"] == "US strikes on &lt;b&gt;KH&lt;/b&gt; &amp; co"


def test_only_http_urls_are_linked(invoke: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "s.toml"
    store.write_text(
        STORE.read_text(encoding="utf-8").replace("https://example.org/wire2", "javascript:alert('<x>')"),
        encoding="utf-8",
    )
    result = invoke("--store", str(store), "export", "-f", "timelinejs", "--kind", "killing")
    text = json.loads(result.stdout)["events"][0]["text"]["text"]
    assert text.endswith("<p>Sources: Wire report (javascript:alert(&#x27;&lt;x&gt;&#x27;))</p>")
    assert "eras" not in json.loads(result.stdout)


# The format as Knight Lab documents it (https://timeline.knightlab.com/docs/json-format.html),
# written down as a JSON Schema; properties it does not name are refused.
SCHEMA = json.loads((FIXTURES / "timelinejs.schema.json").read_text(encoding="utf-8"))


def _moment(date: dict[str, Any]) -> tuple[int, ...]:
    """A TimelineJS date as a sortable tuple, its missing parts at their first value."""
    defaults = {"year": 0, "month": 1, "day": 1, "hour": 0, "minute": 0}
    return tuple(date.get(part, first) for part, first in defaults.items())


@pytest.mark.parametrize("store", [STORE, None], ids=["fixture", "curated"])
@pytest.mark.parametrize("group_by", ["kind", "country"])
def test_timelinejs_follows_the_documented_format(invoke: Invoke, store: Path | None, group_by: str) -> None:
    document = json.loads(_export(invoke, "--group-by", group_by, store=store))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    ids = [slide["unique_id"] for slide in document["events"]]
    assert ids
    assert sorted(ids) == sorted(set(ids))
    assert document.get("eras")
    backwards = [era for era in document["eras"] if _moment(era["end_date"]) <= _moment(era["start_date"])]
    assert backwards == []
    spans = [s for s in document["events"] if "end_date" in s]
    assert [s["unique_id"] for s in spans if _moment(s["end_date"]) < _moment(s["start_date"])] == []


def test_the_schema_refuses_what_timelinejs_would_misread() -> None:
    good = {"events": [{"start_date": {"year": 2020, "month": 1}, "unique_id": "a"}]}
    jsonschema.validate(good, SCHEMA)
    for bad in (
        {"events": [{"text": {"headline": "no start"}}]},
        {"events": [{"start_date": {"year": 2020, "day": 3}}]},
        {"events": [{"start_date": {"year": 2020, "month": 13}}]},
        {"events": [{"start_date": {"year": 2020}, "uniqueid": "misspelt"}]},
        {"events": [], "eras": [{"start_date": {"year": 2020}}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, SCHEMA)
