"""The plain renderers of piped `show`, `chain`, `path` and `stats`
(render.plain_views, render.plain_stats: no rich) write exactly what rich's
unwrapped console (render.console) writes for the same view: on every event
of every fixture store, each way a chain is drawn, the stats of each event
alone and of all, and on stores whose text is anything at all (hypothesis)."""

from __future__ import annotations

import json
from datetime import datetime
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import RenderableType

from timeline.dates.parse import Period
from timeline.errors import TimelineError
from timeline.graph import Direction, Routes, build_tree, neighbours
from timeline.model import Store
from timeline.render.branches import both_branch, chain_branches, routes_words
from timeline.render.console import make_console
from timeline.render.detail import event_panel
from timeline.render.plain_stats import cell_len, stats_text
from timeline.render.plain_views import detail_text, styled_text, tree_text
from timeline.render.stats import stats_view
from timeline.render.tree import both_tree, chain_tree, routes_parts
from timeline.stats import summarize
from timeline.store import open_store, read_store_text

FIXTURES = Path(__file__).parent / "fixtures"
STORES = sorted(FIXTURES.glob("*.toml"))


def piped(*renderables: RenderableType, ascii_only: bool = False) -> str:
    """What rich prints piped (lines that never wrap, no colour)."""
    out = StringIO()
    console = make_console(file=out, color="never", unwrapped=True)
    if ascii_only:
        console = make_console(file=_Ascii(), color="never", unwrapped=True)
        out = console.file  # type: ignore[assignment]
    console.print(*renderables)
    assert isinstance(out, StringIO)
    return out.getvalue()


class _Ascii(StringIO):
    """A file whose encoding is ASCII, as rich sees a C-locale pipe."""

    encoding = "ascii"


def same_views(store: Store, ascii_only: bool = False) -> None:
    """Every view of every event, drawn both ways, is the same text."""
    for membership in (False, True):
        effects = neighbours(store, Direction.EFFECTS, membership)
        causes = neighbours(store, Direction.CAUSES, membership)
        for event in store.events:
            assert detail_text(event, store) == piped(event_panel(event, store, framed=False))
            for links, direction in ((effects, Direction.EFFECTS), (causes, Direction.CAUSES)):
                forest = build_tree([event.id], links, 3)
                drawn = tree_text(chain_branches(forest, store, None, direction), ascii_only)
                assert drawn == piped(chain_tree(forest, store, None, None, direction), ascii_only=ascii_only)
            before, after = build_tree([event.id], causes, 2)[0], build_tree([event.id], effects, 2)[0]
            both = tree_text([both_branch(store, event.id, before, after)], ascii_only)
            assert both == piped(both_tree(store, event.id, before, after), ascii_only=ascii_only)
    routes = [[e.id for e in store.chronological[:3]], [e.id for e in store.chronological[1:2]]]
    routes = [r for r in routes if r and all(i in store.by_id for i in r)]
    # Every way a list of routes is told: whole, cut by --max (counted or
    # not), and stopped by the bound on work (counted or not).
    for truncated, total, stopped in ((False, len(routes), False), (True, None, False), (True, 9, False),
                                      (True, None, True), (True, 9, True)):  # fmt: skip
        found = Routes(routes, truncated, total, stopped)
        assert styled_text(routes_words(found, store)) == piped(*routes_parts(found, store))
    # With a period asked, spans reaching beyond it are named under the totals.
    months = [
        None,
        Period(datetime(2020, 1, 1), datetime(2020, 2, 1)),
        Period(datetime(2023, 11, 1), datetime.max),
    ]
    for chosen in [store.chronological, *([e] for e in store.chronological)]:
        for period in months:
            summary = summarize(store, list(chosen), period)
            assert stats_text(summary, store, ascii_only) == piped(
                stats_view(summary, store), ascii_only=ascii_only
            )


@pytest.mark.parametrize("path", STORES, ids=[p.name for p in STORES])
def test_plain_views_are_what_rich_prints_piped(path: Path) -> None:
    same_views(open_store(path))


def test_ascii_pipes_get_rich_s_ascii_guides() -> None:
    store = open_store(FIXTURES / "layout.toml")
    same_views(store, ascii_only=True)
    forest = build_tree(["ain-al-asad-rocket-attack-2019-12-03"], neighbours(store, Direction.EFFECTS), 3)
    assert "`-- 27 Dec 2019" in tree_text(chain_branches(forest, store), ascii_only=True)
    assert "Year      | Events |" in stats_text(summarize(store, store.chronological), store, ascii_only=True)


def test_a_title_wider_than_its_table_is_wrapped_as_rich_wraps_it() -> None:
    store = open_store(FIXTURES / "layout.toml")
    alone = summarize(store, [store.by_id["ain-al-asad-rocket-attack-2019-12-03"]])
    assert "\nBy actor: killed among its own (as a\ntarget)\n" in stats_text(alone, store)


def test_the_range_dash_is_one_cell_as_rich_counts_it() -> None:
    from rich.cells import cell_len as rich_cell_len

    for text in ("4\u20136", "\u00e9t\u00e9", "\u4e2d\u6587", "e\u0301", "\U0001f600"):
        assert cell_len(text) == rich_cell_len(text)


ANY_TEXT = st.text(max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=30),
    summary=ANY_TEXT,
    tag=ANY_TEXT,
    source=ANY_TEXT,
    note=ANY_TEXT,
    place=st.text(min_size=1, max_size=30),
    name=st.text(min_size=1, max_size=30),
)
def test_any_store_text_is_printed_alike(
    title: str, summary: str, tag: str, source: str, note: str, place: str, name: str
) -> None:
    from timeline.contract.encode import store_json

    layout = open_store(FIXTURES / "layout.toml")
    shape = json.loads(store_json(layout, list(layout.events)))
    for event in shape["events"]:
        event["title"] = title + event["title"]
        event["summary"] = summary
        event["tags"] = [tag] if tag.strip() else []
        event["sources"] = [{"id": None, "title": source or "s", "url": note or None, "note": note or None}]
        event["locations"][0]["place"] = place
        event["locations"][0]["country"] = name
    shape["actors"][0]["name"] = name
    try:
        store = read_store_text(json.dumps(shape), "any.json")
    except TimelineError:
        assume(False)
        return
    same_views(store)
