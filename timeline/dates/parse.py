"""Reading dates: as the store writes them, at their precision, and as users
type them, as the whole period they name; date ranges and windows.

python-dateutil is imported only inside the functions that read a user's
date, so commands that never parse one never pay for it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from timeline.dates.format import MONTHS
from timeline.errors import UsageError
from timeline.model import FuzzyDate, Precision, days_in_month

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

STORE_DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM"
USER_DATE_EXAMPLES = '"2019", "Dec 2019", "2019-12", "29 December 2019", "2019-12-29T11:00-05:00"'

_STORE_DATE = re.compile(
    r"(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?P<offset>Z|[+-]\d{2}:\d{2}))?"
    r")?)?"
)


def parse_store_date(text: str) -> FuzzyDate:
    """Read a date written in the store at its precision (memoised: large stores
    repeat the same dates, and the parsed values are immutable and shared).

    Args:
        text: One of YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM+HH:MM (or Z).

    Returns:
        The date, with exactly the precision written.

    Raises:
        ValueError: with a message fit to show the user.
    """
    known = _PARSED.get(text)
    if known is not None:
        return known
    parsed = _parse_store_date(text)
    if len(_PARSED) < _PARSED_LIMIT:
        _PARSED[text] = parsed
    return parsed


_PARSED: dict[str, FuzzyDate] = {}
_PARSED_LIMIT = 200_000


def _parse_store_date(text: str) -> FuzzyDate:
    match = _STORE_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date (expected {STORE_DATE_FORMS})")
    year = int(match["year"])
    if year == 0:
        raise ValueError(f"{text!r} is not a date: years run from 0001 to 9999")
    if match["month"] is None:
        return FuzzyDate(Precision.YEAR, year)
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} is not a date: month {month} is not 1-12")
    if match["day"] is None:
        return FuzzyDate(Precision.MONTH, year, month)
    day = int(match["day"])
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        raise ValueError(f"{text!r} is not a date: {MONTHS[month - 1]} {year} has days 1-{last}")
    if match["hour"] is None:
        return FuzzyDate(Precision.DAY, year, month, day)
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is not a date: {hour:02d}:{minute:02d} is not a time of day")
    offset = _parse_offset(match["offset"], text)
    return FuzzyDate(Precision.MINUTE, year, month, day, hour, minute, offset)


def _parse_offset(text: str, whole: str) -> int:
    if text == "Z":
        return 0
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 18 or minutes > 59:
        raise ValueError(f"{whole!r} is not a date: UTC offset {text} is out of range")
    total = hours * 60 + minutes
    return -total if text[0] == "-" else total


def from_toml_value(value: object) -> FuzzyDate:
    """A store date from what tomllib gives: a string, or a bare TOML date or
    offset date-time (a naive date-time has no offset and is refused)."""
    if isinstance(value, str):
        return parse_store_date(value)
    if isinstance(value, datetime):
        offset = value.utcoffset()
        if offset is None:
            raise ValueError(f"{value.isoformat()} has no UTC offset (write e.g. +03:00)")
        return FuzzyDate(
            Precision.MINUTE,
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            int(offset.total_seconds()) // 60,
        )
    if isinstance(value, date):
        return FuzzyDate(Precision.DAY, value.year, value.month, value.day)
    raise ValueError(f"{value!r} is not a date (expected a string: {STORE_DATE_FORMS})")


class Period(NamedTuple):
    """A half-open stretch of naive wall-clock time [start, end)."""

    start: datetime
    end: datetime


_FAR_PAST = datetime(1, 1, 1)
_FAR_FUTURE = datetime(9999, 12, 31)


def parse_user_date(text: str, option: str) -> tuple[Period, Precision]:
    """Read a date a user typed, as the whole period it names.

    "Dec 2019" is all of December 2019, "2020" all of 2020, "2019-12-29" one day,
    and a date with a time one minute. dateutil fills missing parts from its
    default, so the text is parsed twice with defaults at both ends of the year:
    the parts that differ were not given, which tells the precision.

    Raises:
        UsageError: naming the option, with examples of what it accepts.
    """
    from dateutil import parser

    low_default = datetime(2000, 1, 1, 0, 0)
    high_default = datetime(2001, 12, 31, 23, 59)
    cleaned = text.strip()
    try:
        if not cleaned:
            raise ValueError("empty")
        low = parser.parse(cleaned, default=low_default)
        high = parser.parse(cleaned, default=high_default)
    except (ValueError, OverflowError) as exc:
        raise UsageError(
            f"{option}: cannot read {text!r} as a date ({exc}); try {USER_DATE_EXAMPLES}"
        ) from None
    if low.year != high.year:
        raise UsageError(f"{option}: {text!r} has no year; try {USER_DATE_EXAMPLES}")
    if low.tzinfo is not None:
        # Store times are compared on the local clock of where they happened, so
        # an aware bound is taken at its own wall-clock time.
        low, high = low.replace(tzinfo=None), high.replace(tzinfo=None)
    if low.month != high.month:
        value = FuzzyDate(Precision.YEAR, low.year)
    elif low.day != high.day:
        value = FuzzyDate(Precision.MONTH, low.year, low.month)
    elif (low.hour, low.minute) != (high.hour, high.minute):
        value = FuzzyDate(Precision.DAY, low.year, low.month, low.day)
    else:
        value = FuzzyDate(Precision.MINUTE, low.year, low.month, low.day, low.hour, low.minute, 0)
    return Period(value.start, value.end), value.precision


def user_range(since: str | None, until: str | None, on: str | None) -> Period | None:
    """The period asked for by --from/--to/--on, or None when none was given."""
    if on is not None:
        if since is not None or until is not None:
            raise UsageError("--on cannot be combined with --from or --to")
        return parse_user_date(on, "--on")[0]
    if since is None and until is None:
        return None
    start = parse_user_date(since, "--from")[0].start if since is not None else _FAR_PAST
    end = parse_user_date(until, "--to")[0].end if until is not None else _FAR_FUTURE
    if end <= start:
        raise UsageError(f"--to {until!r} is before --from {since!r}")
    return Period(start, end)


_WINDOW = re.compile(r"\s*(?P<n>\d+)\s*(?P<unit>d|days?|w|weeks?|m|months?|y|years?)\s*", re.IGNORECASE)


def parse_window(text: str) -> relativedelta:
    """A window such as "2w", "10 days", "3m" or "1y" as a relativedelta.

    Raises:
        UsageError: when the text is not a whole number and a unit.
    """
    from dateutil.relativedelta import relativedelta

    match = _WINDOW.fullmatch(text)
    if match is None:
        raise UsageError(f"--window: cannot read {text!r}; use a number and a unit: 10d, 2w, 3m, 1y")
    n, unit = int(match["n"]), match["unit"].lower()[0]
    if unit == "d":
        return relativedelta(days=n)
    if unit == "w":
        return relativedelta(weeks=n)
    if unit == "m":
        return relativedelta(months=n)
    return relativedelta(years=n)


def around(period: Period, window: relativedelta) -> Period:
    """The period widened by the window on both sides."""
    try:
        return Period(period.start - window, period.end + window)
    except (OverflowError, ValueError):
        raise UsageError("--window reaches beyond the calendar") from None
