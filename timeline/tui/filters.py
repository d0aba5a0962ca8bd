"""The filters as the user typed them (on the command line or in the filter
bar), kept as text so the bar can show them, and read as `list` reads its
options, through query.build_filter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from timeline.model import Store
from timeline.query import Filter, build_filter


@dataclass(frozen=True)
class Filters:
    """The values of list's filter options; a list means any of its values."""

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

    @classmethod
    def of(cls, values: object) -> Filters:
        """The same fields read from any object that has them (the CLI's options)."""
        return cls(**{f.name: getattr(values, f.name) for f in fields(cls)})

    def build(self, store: Store) -> Filter:
        """The Filter they stand for.

        Raises:
            UsageError: a date, actor or kind that cannot be understood.
        """
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
        )
