"""The evidence in words: whose account an actor's part is, who gave a figure,
what kind of link joins two events, how far apart they are, and a minute time
on its place's clock. Plain strings, shared by every renderable."""

from __future__ import annotations

from timeline.dates.format import elapsed
from timeline.graph import PART, WHOLE
from timeline.model import LINK_TYPES, Event, Figure, FuzzyDate, Link, Role, Store
from timeline.text import one_line

#: How a membership edge reads, from the event reached.
MEMBERSHIP = {PART: "part of", WHOLE: "has part"}

#: How a link to an event a slice does not hold is marked.
OUTSIDE = "(outside this store)"

#: A figure's note is shown beside it when it is at most this long.
SHORT_NOTE = 60


def relation(via: str) -> str:
    """A `graph.via` relation in words: "retaliation for", "part of", ..."""
    return MEMBERSHIP.get(via) or LINK_TYPES.get(via, via)


def apart(earlier: FuzzyDate, later: FuzzyDate) -> str:
    """How `later` stands to `earlier` in time, in words, no finer than the
    coarser date: "2 days after", "3 h before", "same day". Every view that
    says how far apart two linked events are (show, chain, path, explore) says
    it with this, in words, so that no sign can be read the wrong way round."""
    since = elapsed(earlier, later)
    if since.startswith("+"):
        return f"{since[1:]} after"
    if since.startswith("-"):
        return f"{since[1:]} before"
    return since


def account(role: Role, store: Store) -> str:
    """One account of an actor's part: "attributed by United States [reuters]"."""
    words = role.status
    if role.by is not None and role.status != "claimed":
        words += f" by {store.actor_name(role.by)}"
    return words + cited(role.source)


def actor_words(event: Event, actor_id: str, side: str, store: Store) -> str:
    """An actor with its accounts: "Kata'ib Hezbollah (attributed by United
    States; denied)"; a plainly listed (confirmed) actor is its name alone."""
    name = store.actor_name(actor_id)
    roles = event.accounts(actor_id, side)
    if not roles:
        return name
    return f"{name} ({'; '.join(account(r, store) for r in roles)})"


def cited(source: str | None, on: Event | None = None) -> str:
    """A source id as `show` cites it: " [dod]", the id its Sources list
    prints before the title; a source of another event (`on`, a link's
    source shown on this event's page) names that event, whose `show` lists
    it: " [justearth of us-strikes-2024-02-02]"; "" for none."""
    if source is None:
        return ""
    return f" [{source}]" if on is None else f" [{source} of {on.id}]"


def figure_words(figure: Figure, store: Store) -> str:
    """One reported figure with who gave it and where, cited as accounts
    are: "24 (by Popular Mobilization Forces)", "6 ([dod]; 4 US service
    members, 2 Iraqi)", a short note last."""
    givers = []
    if figure.by is not None:
        givers.append(f"by {store.actor_name(figure.by)}{cited(figure.source)}")
    elif figure.source is not None:
        givers.append(cited(figure.source).lstrip())
    if figure.note and len(figure.note) <= SHORT_NOTE:
        givers.append(one_line(figure.note))
    return f"{figure} ({'; '.join(givers)})" if givers else str(figure)


def link_words(link: Link, event: Event, store: Store, here: bool = True) -> str:
    """A typed cause as stated on the later event `event`: "retaliation for,
    per United States [dod]", "in response to, per [reuters]", "caused by".
    Unless `here` (the page shows `event`'s sources), its source is marked as
    `event`'s: "per United States [justearth of us-strikes-2024-02-02]"."""
    words = LINK_TYPES.get(link.type, link.type)
    source = cited(link.source, None if here else event)
    if link.by is not None:
        words += f", per {one_line(store.actor_name(link.by))}{source}"
    elif link.source is not None:
        words += f", per{source}"
    return words


def reported_clock(event: Event) -> str | None:
    """ "reported as 11:00 -05:00" when the source's clock differs from the
    local one, "reported as 28 Dec 2019 23:00 -05:00" when its day does too."""
    reported = event.reported_start
    if reported is None or reported == event.start:
        return None
    from timeline.dates.format import format_date

    shown = format_date(reported)
    same_day = (reported.year, reported.month, reported.day) == (
        event.start.year,
        event.start.month,
        event.start.day,
    )
    if same_day:
        shown = shown.split(" ", 3)[3]
    return f"reported as {shown}"
