"""The explorer app: owns the state (the current event, history, filters,
search, marks) and tells each pane what to show; the panes post messages back.
"""

from __future__ import annotations

import sys
from datetime import tzinfo
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.reactive import reactive
from textual.widgets import Footer

from timeline.errors import NotFoundError, TimelineError, UsageError
from timeline.filters import FilterOptions
from timeline.graph import Direction, neighbours, shortest_path
from timeline.model import Event, Store, chronological_key
from timeline.query import Filter, resolve_event
from timeline.tui.chain_pane import ChainPane
from timeline.tui.event_pane import EventPane
from timeline.tui.filter_bar import FilterBar
from timeline.tui.goto_screen import GotoScreen
from timeline.tui.help_screen import HelpScreen, binding_rows
from timeline.tui.messages import FiltersChanged, Go, SearchChanged, SearchDone
from timeline.tui.search_bar import SearchBar
from timeline.tui.search_index import SearchIndex
from timeline.tui.status_line import StatusLine
from timeline.tui.timeline_list import TimelineList

#: Below this width the panes stack: the timeline above, the event or the chain below.
NARROW = 110


class ExploreApp(App[int]):
    """`timeline explore` on a terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "timeline explore"
    ENABLE_COMMAND_PALETTE = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Keys", tooltip="This table of keys"),
        Binding("slash", "search", "Search", tooltip="Search titles, summaries, places, actors"),
        Binding("g", "goto", "Go to", tooltip="Go to a date (Dec 2019) or an event id, with completion"),
        Binding("n", "step(1)", "Next", show=False, tooltip="Next event in time"),
        Binding("p", "step(-1)", "Previous", show=False, tooltip="Previous event in time"),
        Binding("b,backspace", "go_back", "Back", tooltip="Back through the events visited"),
        Binding("f", "go_forward", "Forward", show=False, tooltip="Forward again after going back"),
        Binding("F", "filters", "Filter", tooltip="Filter bar: actor, kind, country, tag, from, to"),
        Binding("m", "mark", "Mark", tooltip="Mark an event; two marks show the causal route between them"),
        Binding("escape", "clear_path", "Clear path", show=False, tooltip="Clear the marks and the route"),
        Binding("y", "copy", "Copy", tooltip="Copy the current id (OSC 52) and show it"),
        Binding("v", "switch", "Event/chain", show=False, tooltip="Narrow screens: the event or its chain"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]

    current: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        store: Store,
        start: str | None = None,
        options: FilterOptions | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.zone = zone
        self.index = SearchIndex(store)
        self.options = options or FilterOptions()
        self.where: Filter = self.options.build(store)
        self.selected: list[Event] = self._select(self.where)
        self.shown: list[Event] = self.selected
        self.back: list[str] = []
        self.forward: list[str] = []
        self.marks: list[str] = []
        self.route: list[str] | None = None
        self.search: str | None = None
        self._before_search = ""
        self.note = ""
        self.failure: str | None = None
        if start is None:
            start = self._default_start()
        self._start = start

    # -- building ---------------------------------------------------------

    def _select(self, where: Filter) -> list[Event]:
        if where == Filter():
            return list(self.store.chronological)
        return [e for e in self.store.chronological if where.matches(e, self.store)]

    def _default_start(self) -> str:
        if self.options != FilterOptions() and self.selected:
            return self.selected[0].id
        from timeline.explore import escalation_start

        start = escalation_start(self.store)
        return start.id if start is not None else ""  # an empty store: nothing to show

    def compose(self) -> ComposeResult:
        yield FilterBar(self.options, id="filters")
        yield SearchBar(id="search")
        with Horizontal(id="main"):
            yield TimelineList(id="timeline")
            with Vertical(id="side"):
                yield EventPane(self.store, self.zone, id="event")
                yield ChainPane(self.store, self.zone, id="chain")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        filters = self.query_one(FilterBar)
        filters.display = self.options != FilterOptions()
        self.query_one(SearchBar).display = False
        self.query_one(TimelineList).border_title = "Timeline"
        self.query_one(TimelineList).show_events(self.shown, self._start)
        self.set_focus(self.query_one(TimelineList))
        self.current = self._start
        self.watch_current()

    # -- state ------------------------------------------------------------

    def go(self, event_id: str, record: bool = True) -> None:
        """Make an event current; `record` remembers where we were, for Back."""
        if event_id == self.current or event_id not in self.store.by_id:
            return
        if record:
            self.back.append(self.current)
            self.forward.clear()
        self.note = ""
        self.current = event_id

    def watch_current(self) -> None:
        """Every pane follows the current event."""
        event = self.store.by_id.get(self.current)
        if event is None:  # an empty store (the CLI says so before opening): nothing to follow
            return
        self.query_one(TimelineList).put_cursor(event.id)
        self.query_one(EventPane).show(event)
        if self.route is None:
            self.query_one(ChainPane).show_chain(event)
        self.show_status()

    def show_status(self) -> None:
        """Redraw the status line from the state."""
        listed = self.query_one(TimelineList)
        note = self.note
        if listed.cursor < 0 and not note:
            note = "the current event is outside the filters"
        if self.search is not None:
            note = f"search {self.search!r}: {len(self.shown)} matches" + (f"; {note}" if note else "")
        self.query_one(StatusLine).show_state(
            listed.cursor + 1, len(self.shown), self.options, self.marks, note
        )

    def say(self, note: str) -> None:
        """A message in the status line, until the next move."""
        self.note = note
        self.show_status()

    def _relist(self, keep: str | None = None) -> None:
        listed = self.query_one(TimelineList)
        listed.show_events(self.shown, keep or self.current)

    # -- messages from the panes -------------------------------------------

    @on(Go)
    def _on_go(self, message: Go) -> None:
        self.go(message.event_id, message.record)

    @on(FiltersChanged)
    def _on_filters(self, message: FiltersChanged) -> None:
        try:
            where = message.options.build(self.store)
        except TimelineError as problem:
            self.say(str(problem))  # keep the last filters that could be read
            return
        self.options = message.options
        self.where = where
        self.selected = self._select(where)
        self.shown = self.index.matching(self.selected, self.search) if self.search else self.selected
        self.note = ""
        self._relist()
        self.show_status()

    @on(SearchChanged)
    def _on_search(self, message: SearchChanged) -> None:
        self.search = message.text
        self.shown = self.index.matching(self.selected, message.text)
        self.query_one(SearchBar).refresh()
        listed = self.query_one(TimelineList)
        listed.show_events(self.shown, self.current)
        if listed.cursor < 0 and self.shown:
            self.go(self.shown[0].id, record=False)
        self.show_status()

    @on(SearchDone)
    def _on_search_done(self, message: SearchDone) -> None:
        picked = self.current
        self.search = None
        self.shown = self.selected
        bar = self.query_one(SearchBar)
        bar.display = False
        bar.value = ""
        self.search = None
        self.current = self._before_search
        self._relist(self._before_search)
        if message.picked:
            self.go(picked)
        self.set_focus(self.query_one(TimelineList))
        self.show_status()

    @on(DescendantFocus)
    def _on_focus(self, message: DescendantFocus) -> None:
        main = self.query_one("#main")
        if isinstance(message.widget, ChainPane):
            main.add_class("-chain")
        elif isinstance(message.widget, EventPane):
            main.remove_class("-chain")

    def on_resize(self, event: Resize) -> None:
        self.query_one("#main").set_class(event.size.width < NARROW, "-narrow")

    # -- actions ----------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """The next or previous event in time, among those listed."""
        listed = self.query_one(TimelineList)
        if listed.cursor < 0:
            # Outside the list: the nearest listed event in that direction.
            here = chronological_key(self.store.by_id[self.current])
            later = [e for e in self.shown if chronological_key(e) > here]
            earlier = [e for e in self.shown if chronological_key(e) < here]
            target = (later[:1] if delta > 0 else earlier[-1:]) or None
            if target:
                self.go(target[0].id, record=False)
            return
        position = listed.cursor + delta
        if not 0 <= position < len(self.shown):
            self.say("No later event." if delta > 0 else "No earlier event.")
            return
        self.go(self.shown[position].id, record=False)

    def action_go_back(self) -> None:
        """Back through the events visited."""
        if not self.back:
            self.say("Nothing to go back to.")
            return
        self.forward.append(self.current)
        self.current = self.back.pop()

    def action_go_forward(self) -> None:
        """Forward again after going back."""
        if not self.forward:
            self.say("Nothing to go forward to.")
            return
        self.back.append(self.current)
        self.current = self.forward.pop()

    def action_search(self) -> None:
        """Open the incremental search."""
        bar = self.query_one(SearchBar)
        self._before_search = self.current
        self.search = ""
        bar.display = True
        self.set_focus(bar)
        self.show_status()

    def action_filters(self) -> None:
        """Show the filter bar and put the cursor in it."""
        filters = self.query_one(FilterBar)
        filters.display = True
        self.set_focus(self.query_one("#filter-actor"))

    def action_goto(self) -> None:
        """Ask for a date or an id, and go there."""
        self.push_screen(GotoScreen([e.id for e in self.store.chronological]), self._goto)

    def _goto(self, answer: str | None) -> None:
        if not answer:
            return
        try:
            self.go(resolve_event(self.store, answer).id)
            return
        except NotFoundError as not_an_id:
            problem = str(not_an_id)
        from timeline.dates.parse import parse_user_date

        try:
            period = parse_user_date(answer, "go to")[0]
        except UsageError:
            self.say(f"{problem}, and not a date either")
            return
        found = next((e for e in self.shown if e.period_end > period.start), None)
        if found is None:
            self.say(f"No listed event on or after {answer}.")
            return
        self.go(found.id)

    def action_mark(self) -> None:
        """Mark the current event; with two marked, show the causal route between them."""
        if len(self.marks) == 2:
            self.marks = []
            self.route = None
        self.marks.append(self.current)
        if len(self.marks) == 2:
            first, last = sorted(self.marks, key=lambda i: chronological_key(self.store.by_id[i]))
            effects = neighbours(self.store, Direction.EFFECTS)
            self.route = shortest_path(effects, first, last)
            self.query_one(ChainPane).show_route(self.route, [first, last])
            main = self.query_one("#main")
            main.add_class("-chain")
            self.say("path: Enter follows a step, Esc clears" if self.route else "no causal route")
        else:
            self.say("marked; mark another event to see the route between them")

    def action_clear_path(self) -> None:
        """Leave path mode."""
        if self.route is None and not self.marks:
            return
        self.marks = []
        self.route = None
        self.query_one(ChainPane).show_chain(self.store.by_id[self.current])
        self.say("")

    def action_copy(self) -> None:
        """Copy the current id (OSC 52) and show it, to select by hand where that fails."""
        self.copy_to_clipboard(self.current)
        self.notify(self.current, title="Copied")
        self.say(f"copied {self.current}")

    def action_switch(self) -> None:
        """At narrow widths: show the chain instead of the event, or back."""
        main = self.query_one("#main")
        main.toggle_class("-chain")
        pane = ChainPane if main.has_class("-chain") else EventPane
        self.set_focus(self.query_one(pane))

    def action_help(self) -> None:
        """The key table."""
        rows = binding_rows(
            [
                ("everywhere", self.BINDINGS),
                ("timeline", TimelineList.BINDINGS),
                ("chain", ChainPane.BINDINGS),
                ("search", SearchBar.BINDINGS),
                ("filters", FilterBar.BINDINGS),
            ]
        )
        self.push_screen(HelpScreen(rows))

    # -- failures ---------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Any error in the app: one line on exit, status 1, the terminal restored
        (Textual's driver restores it when the app closes)."""
        self.failure = f"{type(error).__name__}: {error}".splitlines()[0][:300]
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self.exit(return_code=1)


def run(store: Store, start: str | None, options: FilterOptions, zone: tzinfo | None) -> int:
    """Run the explorer full-screen until the user leaves; the exit status."""
    app = ExploreApp(store, start, options, zone)
    app.run()
    if app.failure is not None:
        sys.stderr.write(f"error: explore: {app.failure}\n")
        return 1
    return 0
