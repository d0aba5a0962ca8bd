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
MINUTE_EXAMPLES = "'2024-06-03T14:30+03:00' or '3 June 2024 14:30 +03:00'"

# Signs as word processors, web pages and earlier versions of this tool wrote them:
# U+2212 MINUS SIGN, the Unicode hyphens, the figure dash, small and fullwidth
# forms. None of them can mean anything else in a date, so each reads as ASCII.
_SIGNS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2212\u2796\ufe63\uff0d", "-") | {
    "\u2795": "+", "\ufe62": "+", "\uff0b": "+",
})  # fmt: skip
# An en or em dash is a sign only right after a clock time and before a
# trailing offset ("11:00 \u201305:00"); elsewhere it may separate a range.
_DASH_SIGN = re.compile(r"(?<=\d:\d\d)(\s*)[\u2013\u2014](?=\d{1,2}(?::?\d{2})?\s*$)")

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


def ascii_signs(text: str) -> str:
    """The text with the minus and plus signs people paste made ASCII: U+2212
    and the other minus lookalikes anywhere, an en or em dash only as the sign
    of an offset after a time of day ("11:00 \u201305:00" -> "11:00 -05:00")."""
    return _DASH_SIGN.sub(r"\1-", text.translate(_SIGNS))


def parse_offset(text: str) -> int:
    """A UTC offset as people write it ("+03:00", "-05:00", "\u221205", "+0430",
    "Z") in minutes east of UTC.

    Raises:
        ValueError: not an offset, or beyond 18 hours.
    """
    match = _OFFSET.fullmatch(ascii_signs(text.strip()))
    if match is None:
        raise ValueError(f"{text!r} is not a UTC offset (e.g. +03:00 or -05:00)")
    if match["zulu"]:
        return 0
    hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
    if hours > 18 or minutes > 59:
        raise ValueError(f"UTC offset {text} is out of range")
    total = hours * 60 + minutes
    return -total if match["sign"] == "-" else total


_OFFSET = re.compile(r"(?P<zulu>Z)|(?P<sign>[+-])(?P<hours>\d{2})(?::?(?P<minutes>\d{2}))?", re.IGNORECASE)


def _parse_store_date(text: str) -> FuzzyDate:
    match = _STORE_DATE.fullmatch(text)
    if match is None:
        # Only text that fails is cleaned: the usual ASCII date costs nothing more.
        match = _STORE_DATE.fullmatch(ascii_signs(text))
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
    try:
        offset = parse_offset(match["offset"])
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date: {exc}") from None
    return FuzzyDate(Precision.MINUTE, year, month, day, hour, minute, offset)


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
_FAR_FUTURE = datetime.max


def parse_user_date(text: str, option: str) -> tuple[Period, Precision]:
    """Read a date a user typed, as the whole period it names.

    "Dec 2019" is all of December 2019, "2020" all of 2020, "2019-12-29" one day,
    and a date with a time one minute, on the clock it was typed on: without an
    offset, each event's local one; with one, see `user_clock`.

    Raises:
        UsageError: naming the option, with examples of what it accepts.
    """
    try:
        value = read_user_date(text)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None
    return Period(value.start, value.end), value.precision


def read_user_date(text: str) -> FuzzyDate:
    """A date a user typed, at the precision typed: a year, a month, a day, or a
    minute with the UTC offset given (None when none was).

    dateutil fills missing parts from its default, so the text is parsed twice
    with defaults at both ends of the year: the parts that differ were not
    given, which tells the precision.

    Raises:
        ValueError: with examples of what is accepted.
    """
    low, high = _parse_twice(text)
    if low.month != high.month:
        return FuzzyDate(Precision.YEAR, low.year)
    if low.day != high.day:
        return FuzzyDate(Precision.MONTH, low.year, low.month)
    if (low.hour, low.minute) != (high.hour, high.minute):
        return FuzzyDate(Precision.DAY, low.year, low.month, low.day)
    shift = low.utcoffset()
    offset = None if shift is None else int(shift.total_seconds()) // 60
    return FuzzyDate(Precision.MINUTE, low.year, low.month, low.day, low.hour, low.minute, offset)


def _parse_twice(text: str) -> tuple[datetime, datetime]:
    import warnings

    from dateutil import parser

    cleaned = ascii_signs(text.strip())
    _refuse_misread(text, cleaned)
    try:
        if not cleaned:
            raise ValueError("empty")
        # A zone abbreviation dateutil cannot place ("EST") leaves the time
        # naive with a warning; the warning is no use to the user, the
        # missing offset is reported where it matters (a date to store).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
            low = parser.parse(cleaned, default=datetime(2000, 1, 1, 0, 0))
            high = parser.parse(cleaned, default=datetime(2001, 12, 31, 23, 59))
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"cannot read {text!r} as a date ({exc}); try {USER_DATE_EXAMPLES}") from None
    if low.year != high.year:
        raise ValueError(f"{text!r} has no year ({YEARS}); try {USER_DATE_EXAMPLES}")
    return low, high


# 01/02/2020 or 01.02.2020: day and month in an order that only a convention tells.
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.])")
# A year of four digits below 100 ("0050"): dateutil reads it as a two-digit year (2050).
_EARLY_YEAR = re.compile(r"(?<![\d+:])00\d\d(?![\d:])")
YEARS = "years 100 to 9999 are read"


def _refuse_misread(text: str, cleaned: str) -> None:
    """Refuse what dateutil would read silently, and wrongly for some readers.

    Raises:
        ValueError: a numeric date whose day and month could be swapped
            (both 12 or less, and different), or a year below 100.
    """
    numeric = _NUMERIC_DATE.search(cleaned)
    if numeric is not None:
        first, second, year = int(numeric[1]), int(numeric[3]), numeric[4]
        if first != second and first <= 12 and second <= 12:
            year = year if len(year) == 4 else f"20{year}"
            day_first = f"{year}-{second:02d}-{first:02d}"
            month_first = f"{year}-{first:02d}-{second:02d}"
            day, month = f"{first} {MONTHS[second - 1]}", f"{second} {MONTHS[first - 1]}"
            raise ValueError(
                f"{text!r} is ambiguous ({day} or {month}?): write {day_first} or '{day} {year}',"
                f" or {month_first}"
            )
    if _EARLY_YEAR.search(cleaned):
        raise ValueError(f"{text!r}: {YEARS} (a year before 100 cannot be told from a two-digit one)")


def parse_entry_date(text: str) -> FuzzyDate:
    """A date for the store, as a user types it: the store's own forms, or any
    form `list` reads ("June 2024", "3 Jun 2024", "3 Jun 2024 14:30 +03:00").
    A time of day needs its UTC offset, since the store keeps the clock the
    source gave.

    Raises:
        ValueError: unreadable, or a time without an offset, with examples.
    """
    cleaned = ascii_signs(text.strip())
    if _STORE_DATE.fullmatch(cleaned) or _STORE_SHAPED.fullmatch(cleaned):
        # The store's own shape: its own reading, and its precise messages
        # ("month 13 is not 1-12"); dateutil would read 2020-13-01 as 13 Jan.
        return parse_store_date(cleaned)
    value = read_user_date(text)
    if value.precision is not Precision.MINUTE:
        return value
    if value.offset is None:
        raise ValueError(
            f"{text!r} has a time of day but no UTC offset: give the offset of the clock the source"
            f" used (zone names such as EST are not read), e.g. {MINUTE_EXAMPLES}"
        )
    if _POSIX_ZONE.search(cleaned):
        # dateutil reads "GMT+3" the POSIX way, as three hours *behind* UTC.
        raise ValueError(f"{text!r}: write the UTC offset as +03:00 or -05:00, e.g. {MINUTE_EXAMPLES}")
    if abs(value.offset) > 18 * 60:
        raise ValueError(f"{text!r}: the UTC offset is beyond 18 hours")
    return value


# Digits and dashes only: a store date, however wrong.
_STORE_SHAPED = re.compile(r"\d{4}-\d{1,2}(?:-\d{1,2})?")
_POSIX_ZONE = re.compile(r"(?:GMT|UTC)\s*[+-]", re.IGNORECASE)


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
        # Only both bounds can cross: alone, each is within the calendar.
        raise UsageError(f"--to {until!r} is before --from {since!r}")
    return Period(start, end)


def user_clock(since: str | None, until: str | None, on: str | None) -> int | None:
    """The UTC offset, in minutes, of the times typed with one in --from/--to/--on
    (None when no bound has a time with an offset).

    Raises:
        UsageError: when two bounds name different offsets, or one time has an
            offset and the other none (which clock would it be on?).
    """
    times = {
        option: value.offset
        for option, text in (("--from", since), ("--to", until), ("--on", on))
        if text is not None
        for value in (read_user_date(text),)
        if value.precision is Precision.MINUTE
    }
    offsets = {offset for offset in times.values() if offset is not None}
    if len(offsets) > 1:
        raise UsageError("--from and --to give times on two clocks; give both on one UTC offset")
    if offsets and None in times.values():
        bare = next(option for option, offset in times.items() if offset is None)
        raise UsageError(
            f"{bare} gives a time without a UTC offset beside one with an offset; "
            "give both on one offset, or neither (the events' local clocks)"
        )
    return offsets.pop() if offsets else None


_WINDOW = re.compile(r"\s*(?P<n>\d+)\s*(?P<unit>d|days?|w|weeks?|m|months?|y|years?)\s*", re.IGNORECASE)


def parse_window(text: str, option: str = "--window") -> relativedelta:
    """A window such as "2w", "10 days", "3m" or "1y" as a relativedelta
    (`option` names it in the error: --window, --max-span).

    Raises:
        UsageError: when the text is not a whole number and a unit.
    """
    from dateutil.relativedelta import relativedelta

    match = _WINDOW.fullmatch(text)
    if match is None:
        raise UsageError(f"{option}: cannot read {text!r}; use a number and a unit: 10d, 2w, 3m, 1y")
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
