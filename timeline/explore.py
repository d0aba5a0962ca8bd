"""The state of an `explore` session, with no terminal in it.

A Session takes one line of user input at a time and answers with what to
show next; the CLI reads the lines and draws the answers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from timeline.model import Event, Store
from timeline.query import searchable_text

HELP = """\
  1, 2, ...  follow the numbered cause, effect, whole or part (or pick from a list just shown)
  ID         go to the event with this id, or the only one whose id starts so (Tab completes)
  b          go back
  n / p      next / previous event in time
  /TEXT      search titles, summaries, places and actors; pick from the matches
  l          list the events around this one
  ?          this help
  q          leave (Ctrl-D and Ctrl-C too)"""

#: What to type, said when the explorer opens and on an empty line.
HINT = "Type a number to follow a link, an id to go to it, ? for help, q to leave."
#: How many neighbours `l` lists on each side.
AROUND = 5
#: How many search matches are listed at most.
MATCHES = 20


class Reply(NamedTuple):
    """What to show after a line of input.

    kind: "event" (show `event`, with its numbered links), "choices" (a numbered
    list of `events` under `title`, to pick from), "message", "help" or "quit".
    """

    kind: str
    event: Event | None = None
    events: tuple[Event, ...] = ()
    title: str = ""


class Step(NamedTuple):
    """One numbered link of an event: which way it goes ("cause", "effect",
    "whole", "part"), the event at its end, and the relation (a link type of
    the later event, or "part" / "whole")."""

    role: str
    event: Event
    via: str


def links(store: Store, event: Event) -> list[Step]:
    """The numbered links of an event: its causes, its effects, the wholes it
    is part of, then its parts."""
    by_id = store.by_id
    found = [Step("cause", by_id[i], event.link(i).type) for i in event.causes if i in by_id]
    for ident in store.effects_of(event.id):
        later = by_id[ident]
        found.append(Step("effect", later, later.link(event.id).type))
    found.extend(Step("whole", by_id[i], "whole") for i in event.part_of if i in by_id)
    found.extend(Step("part", by_id[i], "part") for i in store.parts_of(event.id))
    return found


def escalation_start(store: Store) -> Event | None:
    """Where exploring starts without an id: where `timeline chain` starts
    (graph.escalation_root), else the first event; None for an empty store."""
    from timeline.graph import escalation_root

    root = escalation_root(store)
    if root is not None:
        return store.by_id[root]
    return store.chronological[0] if store.chronological else None


class Session:
    """Where the user is, where they have been, and what a number means now."""

    def __init__(self, store: Store, start: Event, timeline: Sequence[Event] | None = None) -> None:
        """`timeline`: the events n, p and l move among (those the filters
        keep, in chronological order), by default all of them; links, ids
        and searches reach every event still."""
        self.store = store
        self.current = start
        self.history: list[Event] = []
        self.choices: tuple[Event, ...] = ()
        self.order = {e.id: n for n, e in enumerate(store.chronological)}
        self.timeline = tuple(store.chronological if timeline is None else timeline)
        self._places = [self.order[e.id] for e in self.timeline]

    def opening(self) -> Reply:
        """What to show first."""
        return Reply("event", self.current)

    def go(self, event: Event) -> Reply:
        """Move to an event, remembering where we were."""
        if event.id != self.current.id:
            self.history.append(self.current)
        self.current = event
        self.choices = ()
        return Reply("event", event)

    def handle(self, line: str) -> Reply:
        """Answer one line of input. Never raises on odd input."""
        text = line.strip()
        if not text:  # not the whole event again: it is still on the screen
            return Reply("message", title=HINT)
        if text in ("q", "quit", "exit"):
            return Reply("quit")
        if text in ("?", "h", "help"):
            return Reply("help", title=HELP)
        if text == "b":
            if not self.history:
                return Reply("message", title="Nothing to go back to.")
            self.current = self.history.pop()
            self.choices = ()
            return Reply("event", self.current)
        if text in ("n", "p"):
            return self._step(1 if text == "n" else -1)
        if text == "l":
            return self._around()
        if text.startswith("/"):
            return self._search(text[1:].strip())
        if text.isascii() and text.isdigit():  # int() would take "²" or "٣" and fail
            return self._pick(int(text))
        return self._jump(text)

    def _step(self, delta: int) -> Reply:
        """The next or previous event of the timeline, from wherever the
        current event is (a link may have led off the timeline)."""
        here = self.order[self.current.id]
        position = bisect_right(self._places, here) if delta > 0 else bisect_left(self._places, here) - 1
        if not 0 <= position < len(self.timeline):
            return Reply("message", title="No later event." if delta > 0 else "No earlier event.")
        return self.go(self.timeline[position])

    def _around(self) -> Reply:
        here = bisect_left(self._places, self.order[self.current.id])
        near = self.timeline[max(0, here - AROUND) : here + AROUND + 1]
        if not near:
            return Reply("message", title="No events around this one.")
        self.choices = tuple(near)
        return Reply("choices", events=self.choices, title="Events around this one")

    def _search(self, needle: str) -> Reply:
        if not needle:
            return Reply("message", title="Type /TEXT to search, e.g. /embassy")
        folded = needle.casefold()
        found = tuple(e for e in self.store.chronological if folded in searchable_text(e, self.store))
        if not found:
            return Reply("message", title=f"Nothing matches {needle[:40]!r}.")
        return self._choose(found, f"Matches for {needle[:40]!r}")

    def _jump(self, text: str) -> Reply:
        """An id, or the start of ids: go there, or list them to pick from."""
        if text in self.store.by_id:
            return self.go(self.store.by_id[text])
        starting = tuple(e for e in self.store.chronological if e.id.startswith(text))
        if not starting:
            return Reply("message", title=f"No command or event id {text[:40]!r}; type ? for help.")
        return self._choose(starting, f"Ids starting {text[:40]!r}")

    def _choose(self, found: tuple[Event, ...], title: str) -> Reply:
        """Go to the one event found, or list the first of them to pick from."""
        if len(found) == 1:
            return self.go(found[0])
        self.choices = found[:MATCHES]
        more = f" (first {MATCHES} of {len(found)})" if len(found) > MATCHES else ""
        return Reply("choices", events=self.choices, title=title + more)

    def _pick(self, number: int) -> Reply:
        if self.choices:
            if 1 <= number <= len(self.choices):
                return self.go(self.choices[number - 1])
            return Reply("message", title=_pick_from("number", len(self.choices)))
        numbered = links(self.store, self.current)
        if not numbered:
            return Reply("message", title="This event has no links to follow.")
        if 1 <= number <= len(numbered):
            return self.go(numbered[number - 1].event)
        return Reply("message", title=_pick_from("link", len(numbered)))


def _pick_from(what: str, most: int) -> str:
    """ "Pick link 1." or "Pick a link from 1 to 3." """
    return f"Pick {what} 1." if most == 1 else f"Pick a {what} from 1 to {most}."
