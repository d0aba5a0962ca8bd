"""Dates for people, at the precision they have: "2019", "Dec 2019",
"29 Dec 2019", "29 Dec 2019 11:00 -05:00", spans, and the time between two dates.

Signs are ASCII: what is printed can be pasted back into --on or --start (and
into any other tool), which U+2212 MINUS SIGN could not."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from timeline.dates.zones import aware, in_zone
from timeline.model import FuzzyDate, Precision, format_offset

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EN_DASH = "\u2013"


def format_date(value: FuzzyDate, zone: tzinfo | None = None) -> str:
    """A date for people, at its precision: "2019", "Dec 2019", "29 Dec 2019",
    "29 Dec 2019 11:00 -05:00". A minute can be shown in another zone."""
    p = value.precision
    if p is Precision.YEAR:
        return str(value.year)
    if p is Precision.MONTH:
        return f"{MONTHS[value.month - 1]} {value.year}"
    if p is Precision.DAY:
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if zone is not None:
        value = in_zone(value, zone)
    clock = f"{value.hour:02d}:{value.minute:02d}"
    when = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return f"{when} {clock} {format_offset(value.offset or 0)}"


def format_span(start: FuzzyDate, end: FuzzyDate | None, zone: tzinfo | None = None) -> str:
    """A date or a span for people: "17 Oct 2023 – Feb 2024"."""
    if end is None:
        return format_date(start, zone)
    return f"{format_date(start, zone)} {EN_DASH} {format_date(end, zone)}"


#: The mean Gregorian month and year in days: day-precise gaps are measured
#: in these, so equal gaps read alike whatever the months they cross
#: (27 Oct to 3 Feb and 17 Oct to 24 Jan, both 99 days, are both "3 months";
#: calendar months made the first 4).
MONTH_DAYS = 30.436875
YEAR_DAYS = 365.2425


def elapsed(earlier: FuzzyDate, later: FuzzyDate) -> str:
    """Time from one date to another, no finer than the coarser of the two:
    "+2 days", "+4 years", "+3 h 20 min", "same day", "same minute" (signed
    for machines and tests; views say it in words with render.words.apart).

    Known to the minute: minutes and hours under a day. Known to the day: days
    up to 60, then the nearest whole number of months of MONTH_DAYS, from 24
    months of years of YEAR_DAYS. A date known only to its month or year is
    counted in its own unit, calendar months or years ("Dec 2019" to "Mar
    2020" is 3 months), which is all that can honestly be said of it; from 24
    months, the nearest whole number of years.
    """
    precision = min(earlier.precision, later.precision)
    if precision is Precision.MINUTE:
        minutes = int((aware(later) - aware(earlier)).total_seconds()) // 60
        if abs(minutes) < 24 * 60:
            return _signed_clock(minutes) if minutes else "same minute"
    if precision >= Precision.DAY:
        days = (later.start.date() - earlier.start.date()).days
        if abs(days) <= 60:
            return _signed(days, "day") if days else "same day"
        sign = -1 if days < 0 else 1
        months = _nearest(abs(days) / MONTH_DAYS)
        if months < 24:
            return _signed(sign * months, "month")
        return _signed(sign * _nearest(abs(days) / YEAR_DAYS), "year")
    if precision is Precision.YEAR:
        years = later.year - earlier.year
        return _signed(years, "year") if years else "same year"
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    if abs(months) >= 24:
        return _signed((-1 if months < 0 else 1) * _nearest(abs(months) / 12), "year")
    return _signed(months, "month") if months else "same month"


def _nearest(amount: float) -> int:
    """The nearest whole number, a half rounded up (round() rounds a half to
    even, which would read 2.5 months as 2 and 3.5 as 4)."""
    return int(amount + 0.5)


def _signed(n: int, unit: str) -> str:
    sign = "+" if n >= 0 else "-"
    return f"{sign}{abs(n)} {unit}{'' if abs(n) == 1 else 's'}"


def _signed_clock(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    if hours == 0:
        return f"{sign}{mins} min"
    return f"{sign}{hours} h {mins} min" if mins else f"{sign}{hours} h"


def short_offset(minutes: int) -> str:
    """A UTC offset as zones name it: "+03", "-05", "+04:30" (ASCII, to paste back)."""
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}" + (f":{mins:02d}" if mins else "")


def city(zone: str) -> str:
    """The city of an IANA zone: "Asia/Baghdad" -> "Baghdad"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def local_date(value: FuzzyDate, zone: str | None) -> str:
    """A date at its precision; a minute as "29 Dec 2019 19:00 +03 (Baghdad)"
    when its zone is known (the reader has put it on that zone's clock)."""
    if value.precision is not Precision.MINUTE or zone is None:
        return format_date(value)
    when = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return f"{when} {value.hour:02d}:{value.minute:02d} {short_offset(value.offset or 0)} ({city(zone)})"


def local_span(start: FuzzyDate, end: FuzzyDate | None, zone: str | None) -> str:
    """`local_date` of a date or a span: "29 Dec 2019 19:00 +03 (Baghdad)"."""
    shown = local_date(start, zone)
    return shown if end is None else f"{shown} {EN_DASH} {local_date(end, zone)}"


def period_words(start: datetime, end: datetime) -> str:
    """A period asked for (the half-open [start, end) of --from/--to/--on) in
    the words it was most likely asked in: "2019 to 2020", "Dec 2019 to Jan
    2020", "Mar 2020", "from 3 Jan 2020", "up to 2020", "all dates"."""
    first, last = period_bounds(start, end)
    if first is not None and last is not None:
        return first if first == last else f"{first} to {last}"
    if first is not None:
        return f"from {first}"
    return f"up to {last}" if last is not None else "all dates"


def period_bounds(start: datetime, end: datetime) -> tuple[str | None, str | None]:
    """The first and last bounds of a period asked for, both at the coarsest
    precision that names each exactly ("2019", "Dec 2019", "3 Jan 2020"); a
    bound at the calendar's edge is open (None)."""
    last = end - timedelta(microseconds=1)
    bounds = [(start, _fineness(start)) if start.year > 1 else None,
              (last, _fineness(end)) if end.year < 9999 else None]  # fmt: skip
    finest = max((b[1] for b in bounds if b is not None), default=0)
    first, final = (_bound(b[0], finest) if b is not None else None for b in bounds)
    return first, final


def _fineness(edge: datetime) -> int:
    """0 when the instant starts a year, 1 a month, 2 a day, 3 otherwise."""
    if edge.time() != time():
        return 3
    if edge.day != 1:
        return 2
    return 1 if edge.month != 1 else 0


def _bound(moment: datetime, fineness: int) -> str:
    """A bound as "2019", "Dec 2019", "29 Dec 2019" or "29 Dec 2019 11:00"."""
    words = [str(moment.year)]
    if fineness >= 1:
        words.insert(0, MONTHS[moment.month - 1])
    if fineness >= 2:
        words.insert(0, str(moment.day))
    if fineness >= 3:
        words.append(f"{moment:%H:%M}")
    return " ".join(words)
