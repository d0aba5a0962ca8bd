"""The full-screen explorer, driven headlessly with Textual's pilot on
tests/fixtures/explore.toml: each step asserts on the app's state and on the
text of the rendered screen."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from timeline.filters import FilterOptions
from timeline.model import Store
from timeline.store import open_store
from timeline.tui.app import ExploreApp
from timeline.tui.chain_pane import ChainPane
from timeline.tui.event_pane import EventPane
from timeline.tui.timeline_list import TimelineList, date_cell, fit

FIXTURE = Path(__file__).parent / "fixtures" / "explore.toml"

Steps = Callable[[ExploreApp, Pilot[int]], Awaitable[None]]


@pytest.fixture(scope="module")
def store() -> Store:
    return open_store(FIXTURE)


def screen(app: ExploreApp) -> str:
    """What the terminal shows, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def drive(app: ExploreApp, steps: Steps, size: tuple[int, int] = (160, 48)) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(run())


async def select_in_chain(app: ExploreApp, pilot: Pilot[int], event_id: str) -> None:
    """Move the chain pane's cursor with j/k to the first row for this event."""
    chain = app.query_one(ChainPane)
    app.set_focus(chain)
    await pilot.pause()
    stops = chain.drawn
    steps = stops.index(event_id) - stops.index(chain.selected or "")
    await pilot.press(*(["j"] * steps if steps > 0 else ["k"] * -steps))
    assert chain.selected == event_id


def test_open_follow_back_forward_quit(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        assert app.current == "us-airstrikes-kh-2019-12-29"
        assert "US airstrikes on Kata'ib Hezbollah in Iraq and Syria" in screen(app)
        assert "4/10" in screen(app)
        # a cause: back up the chain to K-1, with Enter in the chain pane
        await select_in_chain(app, pilot, "k1-air-base-attack")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current == "k1-air-base-attack"
        assert "Rocket attack on K-1 Air Base kills a US contractor" in screen(app)
        assert "Id         k1-air-base-attack" in screen(app)
        # an effect: down again, then further to the embassy
        await select_in_chain(app, pilot, "us-airstrikes-kh-2019-12-29")
        await pilot.press("enter")
        await select_in_chain(app, pilot, "embassy-attack")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current == "embassy-attack"
        assert app.back == [
            "us-airstrikes-kh-2019-12-29",
            "k1-air-base-attack",
            "us-airstrikes-kh-2019-12-29",
        ]
        app.set_focus(app.query_one(TimelineList))
        await pilot.press("b", "backspace")
        await pilot.pause()
        assert app.current == "k1-air-base-attack"
        assert "Id         k1-air-base-attack" in screen(app)
        await pilot.press("f")
        await pilot.pause()
        assert app.current == "us-airstrikes-kh-2019-12-29"
        await pilot.press("f", "f")
        await pilot.pause()
        assert app.current == "embassy-attack"
        assert "Nothing to go forward to." in screen(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.current == "soleimani-killing"  # next in time
        await pilot.press("p", "k", "j")
        await pilot.pause()
        assert app.current == "embassy-attack"
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0

    drive(ExploreApp(store, "us-airstrikes-kh-2019-12-29"), steps)


def chain_rows(app: ExploreApp) -> list[tuple[str | None, str]]:
    """The chain pane's rows: (event id or None for a heading, text with its link words)."""
    return [
        (r.event_id, r.text.plain + (f" | {r.words}" if r.words else ""))
        for r in app.query_one(ChainPane).rows
    ]


def test_chain_shows_typed_links_membership_and_time_in_words(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        assert chain_rows(app) == [
            (None, "Causes"),
            (
                "k1-air-base-attack",
                "  \u2514\u2500\u2190 27 Dec 2019  Rocket attack on K-1 Air Base kills a US contractor"
                " | retaliation for, per United States; 2 days before",
            ),
            (
                "base-attacks-2019",
                "    \u2514\u2500\u2190 Oct 2019 \u2013 Dec 2019  Campaign of rocket attacks on Iraqi bases"
                " hosting coalition troops | part of; 2 months before",
            ),
            (
                "us-airstrikes-kh-2019-12-29",
                "\u25cf 29 Dec 2019 19:00 +03:00  US airstrikes on Kata'ib Hezbollah in Iraq and Syria",
            ),
            (None, "Effects"),
            (
                "iraq-condemns-strikes",
                "  \u251c\u2500\u2192 29 Dec 2019  Iraqi government condemns the US strikes"
                " | caused by; same day",
            ),
            (
                "embassy-attack",
                "  \u251c\u2500\u2192 31 Dec 2019 \u2013 1 Jan 2020  Militiamen and supporters storm the US"
                " embassy compound in Baghdad | caused by; 2 days after",
            ),
            (
                "soleimani-killing",
                "  \u2502 \u2514\u2500\u2192 3 Jan 2020  US drone strike kills Qasem Soleimani and Abu Mahdi"
                " al-Muhandis | caused by; 3 days after",
            ),
            (
                "parliament-expulsion-vote",
                "  \u2502   \u2514\u2500\u2192 5 Jan 2020  Iraqi parliament votes to expel foreign troops"
                "  \u2026 | caused by; 2 days after",
            ),
            (
                "soleimani-killing",
                "  \u2514\u2500\u2192 3 Jan 2020  US drone strike kills Qasem Soleimani and Abu Mahdi"
                " al-Muhandis  \u21b1 shown above | caused by; 5 days after",
            ),
        ]
        text = screen(app)
        assert "retaliation for, per United States; 2 days before" in text
        assert "part of; 2 months before" in text
        # from the campaign, its part K-1 is below it, with the time after
        await pilot.press("g", *"base-attacks-2019", "enter")
        await pilot.pause()
        assert chain_rows(app)[3:5] == [
            (None, "Effects"),
            (
                "k1-air-base-attack",
                "  \u2514\u2500\u2192 27 Dec 2019  Rocket attack on K-1 Air Base kills a US contractor"
                " | part of; 2 months after",
            ),
        ]
        assert "part of; 2 months after" in screen(app)

    drive(ExploreApp(store, "us-airstrikes-kh-2019-12-29"), steps, size=(200, 60))


def test_chain_headings_take_no_cursor_stops_and_clicks(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        chain = app.query_one(ChainPane)
        app.set_focus(chain)
        await pilot.pause()
        assert chain.selected == "us-airstrikes-kh-2019-12-29"  # the current event
        await pilot.press("j")  # over "Effects"
        assert chain.selected == "iraq-condemns-strikes"
        await pilot.press("k", "k")  # back over "Effects", then up to the last cause
        assert chain.selected == "base-attacks-2019"
        await pilot.press("k", "k", "home")  # never onto "Causes"
        assert chain.selected == "k1-air-base-attack"
        await pilot.press("end")
        assert chain.selected == "soleimani-killing"
        await pilot.press("pageup")
        assert chain.selected == "k1-air-base-attack"
        # a click on a heading does nothing; on an event it follows the link
        await pilot.press("home")
        await pilot.click(ChainPane, offset=(4, 1))  # the border, then "Causes"
        await pilot.pause()
        assert (app.current, chain.selected) == ("us-airstrikes-kh-2019-12-29", "k1-air-base-attack")
        assert "Causes" in screen(app)
        await pilot.click(ChainPane, offset=(10, 2))  # K-1's row
        await pilot.pause()
        assert app.current == "k1-air-base-attack"
        assert app.back == ["us-airstrikes-kh-2019-12-29"]
        assert "Id         k1-air-base-attack" in screen(app)

    drive(ExploreApp(store, "us-airstrikes-kh-2019-12-29"), steps)


def test_the_title_and_date_stay_on_screen_at_80x24(store: Store) -> None:
    shown = [
        (
            "US airstrikes on Kata'ib Hezbollah in Iraq and Syria",
            "When       29 Dec 2019 19:00 +03 (Baghdad)",
        ),
        (
            "Militiamen and supporters storm the US embassy compound in Baghdad",
            "When       31 Dec 2019 \u2013 1 Jan 2020",
        ),
        ("US drone strike kills Qasem Soleimani and Abu Mahdi al-Muhandis", "When       3 Jan 2020"),
    ]

    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        for title, when in shown:
            lines = screen(app).splitlines()
            assert len(lines) == 24
            # the event pane's first line is the whole title (the timeline's rows
            # start at the border, cut at a word), and its When row the date
            assert any(f"\u2502 {title} " in line for line in lines)
            assert any(when in line for line in lines)
            listed = app.query_one(TimelineList)  # and the timeline's cursor is in view
            assert listed.top <= listed.cursor < listed.top + listed.size.height
            await pilot.press("n")
            await pilot.pause()

    drive(ExploreApp(store, "us-airstrikes-kh-2019-12-29"), steps, size=(80, 24))


def test_the_event_pane_scrolls_itself(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        pane = app.query_one(EventPane)
        app.set_focus(pane)
        await pilot.press("pagedown")
        assert pane.top == pane.size.height - 1
        assert "Sources" in screen(app)
        await pilot.press("end")
        assert pane.top == pane.line_count - pane.size.height
        await pilot.press("k", "home")
        assert pane.top == 0
        await pilot.press("j", "j")
        assert pane.top == 2
        await pilot.press("n")  # another event: from its top
        assert pane.top == 0

    drive(ExploreApp(store, "us-airstrikes-kh-2019-12-29"), steps, size=(80, 24))


def test_search_line_erases(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        await pilot.press("slash", *"tower")
        assert [e.id for e in app.shown] == ["tower-22-attack"]
        assert "/ tower" in screen(app)
        await pilot.press("backspace", "backspace", "backspace")
        assert app.search == "to"
        await pilot.press("ctrl+u")
        assert len(app.shown) == 10
        assert "search titles, summaries, places, actors" in screen(app)

    drive(ExploreApp(store, "k1-air-base-attack"), steps)


def test_search_and_pick(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        await pilot.press("slash", *"baghdad")
        await pilot.pause()
        listed = [e.id for e in app.query_one(TimelineList).events]
        # titles, places ("Baghdad International Airport") and summaries
        assert listed == [
            "iraq-condemns-strikes",
            "embassy-attack",
            "soleimani-killing",
            "parliament-expulsion-vote",
        ]
        assert "search 'baghdad': 4 matches" in screen(app)
        assert "Iraqi parliament votes" in screen(app)
        assert "Drone attack on Tower 22" not in screen(app)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.current == "soleimani-killing"
        assert app.back == ["k1-air-base-attack"]
        assert len(app.query_one(TimelineList).events) == 10  # the whole list again
        assert "US drone strike kills Qasem Soleimani" in screen(app)
        # Escape goes back to where the search began
        await pilot.press("slash", *"tower", "escape")
        await pilot.pause()
        assert app.current == "soleimani-killing"

    drive(ExploreApp(store, "k1-air-base-attack"), steps)


def test_filter_by_actor_and_date(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        await pilot.press("F", *"kh")
        await pilot.pause()
        assert [e.id for e in app.shown] == [
            "base-attacks-2019",
            "k1-air-base-attack",
            "us-airstrikes-kh-2019-12-29",
            "embassy-attack",
            "soleimani-killing",
            "tower-22-attack",
            "us-strikes-2024-02-02",
        ]
        assert "actor kh" in screen(app)
        app.set_focus(app.query_one("#filter-since"))
        await pilot.press(*"2023")
        await pilot.pause()
        assert [e.id for e in app.shown] == ["tower-22-attack", "us-strikes-2024-02-02"]
        assert "from 2023, actor kh" in screen(app)
        assert "the current event is outside the filters" in screen(app)
        await pilot.press("enter", "n")  # back to the list; the next listed event in time
        await pilot.pause()
        assert app.current == "tower-22-attack"
        # a date that cannot be read keeps the last filters and says why
        app.set_focus(app.query_one("#filter-until"))
        await pilot.press(*"Decembr")
        await pilot.pause()
        assert len(app.shown) == 2
        assert "Decembr" in screen(app)

    drive(ExploreApp(store, "k1-air-base-attack"), steps)


def test_start_from_command_line_filters(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        assert [e.id for e in app.shown] == ["tower-22-attack", "us-strikes-2024-02-02"]
        assert app.current == "tower-22-attack"
        assert "from 2023, actor kh" in screen(app)

    drive(ExploreApp(store, None, FilterOptions(since="2023", actor=["kh"])), steps)


def test_path_mode(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        await pilot.press("m", "g", *"soleimani-killing", "enter")
        await pilot.pause()
        assert app.current == "soleimani-killing"
        await pilot.press("m")
        await pilot.pause()
        assert app.route == ["k1-air-base-attack", "us-airstrikes-kh-2019-12-29", "soleimani-killing"]
        assert app.query_one(ChainPane).drawn == app.route
        text = screen(app)
        assert "Path: 2 steps" in text
        assert "marked k1-air-base-attack \u2192 soleimani-killing" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.route is None
        assert "Causes" in screen(app)

    drive(ExploreApp(store, "k1-air-base-attack"), steps)


def test_goto_a_date_help_and_copy(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        await pilot.press("g", *"Jan 2024", "enter")
        await pilot.pause()
        assert app.current == "tower-22-attack"
        await pilot.press("g", *"tower-2")
        await pilot.pause()
        assert "tower-22-attack" in screen(app)  # the completion offered
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen(app)
        assert "Go to a date (Dec 2019) or an event id" in text
        assert "Follow the link: go to the event under the cursor" in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "copied tower-22-attack" in screen(app)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 0

    drive(ExploreApp(store, "k1-air-base-attack"), steps)


def test_narrow_screen_switches_panes_and_cuts_at_words(store: Store) -> None:
    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        text = screen(app)
        assert "Rocket attack on K-1 Air Base kills a US contractor" in text
        assert "Chain" not in text
        await pilot.press("v")
        await pilot.pause()
        text = screen(app)
        assert "Causes" in text
        assert "Effects" in text

    drive(ExploreApp(store, "k1-air-base-attack"), steps, size=(80, 24))


def test_store_text_is_never_markup(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(
        FIXTURE.read_text()
        .replace(
            'title = "Rocket attack on K-1 Air Base kills a US contractor"',
            'title = "[bold red]K-1[/] \\u001b[2J attack"',
        )
        .replace('name = "United States"', 'name = "United \\u001b[31mStates"')
    )
    odd = open_store(path)

    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        text = screen(app)
        assert "[bold red]K-1[/]" in text
        assert "\x1b" not in text
        links = {r.event_id: r.words for r in app.query_one(ChainPane).rows}
        said = "retaliation for, per United \ufffd[31mStates; 2 days after"
        assert links["us-airstrikes-kh-2019-12-29"] == said

    drive(ExploreApp(odd, "k1-air-base-attack"), steps)


def test_an_error_in_the_app_is_one_line(store: Store) -> None:
    app = ExploreApp(store, "k1-air-base-attack")

    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        app.call_later(lambda: 1 / 0)
        await pilot.pause()

    with pytest.raises(ZeroDivisionError):
        drive(app, steps)
    assert app.failure == "ZeroDivisionError: division by zero"
    assert app.return_code == 1


@pytest.mark.parametrize(
    ("text", "width", "cut"),
    [
        ("Rocket attack on K-1 Air Base", 40, "Rocket attack on K-1 Air Base"),
        ("Rocket attack on K-1 Air Base", 20, "Rocket attack on…"),
        ("Supercalifragilistic", 8, "Superca…"),
    ],
)
def test_fit_cuts_at_a_word(text: str, width: int, cut: str) -> None:
    assert fit(text, width) == cut


def test_an_empty_store_opens_and_closes_without_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "m.toml"
    empty.write_text("schema = 2\n", encoding="utf-8")
    app = ExploreApp(open_store(empty))

    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        assert app.current == ""
        await pilot.press("j", "enter", "q")

    drive(app, steps)
    assert (app.failure, app.return_code) == (None, 0)


def test_a_span_dates_its_line_with_a_spaced_dash_clear_of_the_kind_letter(mini_store: Path) -> None:
    store = open_store(mini_store, use_cache=False)
    assert date_cell(store.by_id["campaign"]) == "Oct 2019 –    "
    assert date_cell(store.by_id["strikes"]) == "29 Dec 2019   "  # a minute shows as its day


def test_every_footer_hint_is_whole_at_80_columns(store: Store) -> None:
    """With the chain pane focused (its Follow hint added), the hints fit 80 columns."""

    async def steps(app: ExploreApp, pilot: Pilot[int]) -> None:
        app.query_one(ChainPane).focus()
        await pilot.pause()
        await pilot.pause()
        footer = screen(app).split("\n")[-1].rstrip()
        assert footer == " ⏎ Follow  q Quit  ? Keys  / Search  g Go to  b Back  F Filter  m Mark  y Copy"

    drive(ExploreApp(store, "k1-air-base-attack"), steps, size=(80, 24))
