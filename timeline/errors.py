"""One error hierarchy for the whole program.

The core raises these; only the CLI turns them into messages and exit codes
(data errors exit 1, usage errors exit 2).
"""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a store, located as precisely as we can.

    Attributes:
        message: What is wrong, and where possible how to fix it.
        path: The store file, if known.
        line: 1-based line in that file, if known.
        event_id: The event the problem belongs to, if any.
        field: The field of that event (or actor) at fault, if any.
        check: The name of the integrity check that found it, if any.
        position: Which `[[event]]` table of the file it is, counting from 0,
            when the id alone would not say (two events sharing one).
    """

    message: str
    path: str | None = None
    line: int | None = None
    event_id: str | None = None
    field: str | None = None
    check: str | None = None
    position: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        subject = f'event "{self.event_id}": ' if self.event_id is not None else ""
        field = f'field "{self.field}": ' if self.field is not None else ""
        return f"{where}{subject}{field}{self.message}"


class TimelineError(Exception):
    """Base of every error the program reports to its user."""

    exit_code = 1


class DataError(TimelineError):
    """The store (or another data file) is unreadable or invalid: exit 1."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        # In the order of the file, as an editor walks them (the checks find
        # them check by check); the ones with no line keep their order, last.
        self.problems = tuple(sorted(problems, key=lambda p: (p.path or "", p.line is None, p.line or 0)))
        super().__init__("\n".join(str(p) for p in self.problems))


class NotFoundError(TimelineError):
    """A reference to something the store does not hold: exit 1."""


class UsageError(TimelineError):
    """The user's command line is wrong: exit 2."""

    exit_code = 2
