"""The TimelineJS export, exactly: spans drawn to the end of their period,
minute times on the place's clock, sources as escaped links, campaigns as eras."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).parent / "fixtures"
STORE = FIXTURES / "slices.toml"


def _export(invoke: Invoke, *args: str) -> str:
    result = invoke("--store", str(STORE), "export", "-f", "timelinejs", *args)
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
