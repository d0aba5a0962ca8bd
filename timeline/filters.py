"""The filter options as a user typed them (on the command line, or in the
explorer's filter bar), kept as text until they are checked against a store
and made into a query.Filter. One type for every front end, so a new option
reaches them all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from timeline.model import Store
    from timeline.query import Filter


class FilterOptions(NamedTuple):
    """The raw filter options, before they are checked; a list means any of its values.

    A NamedTuple rather than a frozen dataclass: every command builds one, and
    a dataclass of 16 fields costs a millisecond of start-up to create.
    """

    since: str | None = None
    until: str | None = None
    on: str | None = None
    around: str | None = None
    window: str = "2w"
    actor: Sequence[str] | None = None
    country: Sequence[str] | None = None
    kind: Sequence[str] | None = None
    tag: Sequence[str] | None = None
    search: Sequence[str] | None = None
    confirmed: bool = False
    top_level: bool = False
    hide_wholes: bool = False
    #: With actor: also the actors these back (their `backers`).
    with_backed: bool = False
    starting: bool = False
    max_span: str | None = None

    def build(self, store: Store) -> Filter:
        """Check the options against the store and make the Filter.

        Raises:
            UsageError: a date, actor, country, kind or tag that cannot be understood.
        """
        from timeline.query import build_filter

        return build_filter(
            store,
            since=self.since,
            until=self.until,
            on=self.on,
            around=self.around,
            window=self.window,
            actors=self.actor or (),
            countries=self.country or (),
            kinds=self.kind or (),
            tags=self.tag or (),
            search=self.search or (),
            confirmed=self.confirmed,
            top_level=self.top_level,
            hide_wholes=self.hide_wholes,
            with_backed=self.with_backed,
            starting=self.starting,
            max_span=self.max_span,
        )
