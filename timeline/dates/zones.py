"""Time zones: minute-precision dates as aware datetimes, moved to another zone,
and the zones users name (dateutil is imported only to look one up)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from timeline.errors import UsageError
from timeline.model import FuzzyDate, Precision


def aware(value: FuzzyDate) -> datetime:
    """A minute-precision date as an aware datetime."""
    zone = timezone(timedelta(minutes=value.offset or 0))
    return datetime(value.year, value.month, value.day, value.hour, value.minute, tzinfo=zone)


def in_zone(value: FuzzyDate, zone: tzinfo) -> FuzzyDate:
    """A minute-precision date moved to another time zone; coarser dates are
    calendar dates and stay as they are."""
    if value.precision is not Precision.MINUTE:
        return value
    moved = aware(value).astimezone(zone)
    offset = moved.utcoffset() or timedelta(0)
    return FuzzyDate(
        Precision.MINUTE,
        moved.year,
        moved.month,
        moved.day,
        moved.hour,
        moved.minute,
        int(offset.total_seconds()) // 60,
    )


def time_zone(name: str, option: str = "--tz") -> tzinfo:
    """A named zone ("Asia/Baghdad", "UTC", "EST5EDT") for display."""
    from dateutil import tz

    # A zone is a name, never a file: dateutil would read any path it is given
    # (and a relative one with "..", from outside the zone database).
    if name.startswith(("/", ".")) or ".." in name or "\0" in name:
        raise UsageError(f"{option}: {name!r} is a path, not a time zone name (try e.g. Asia/Baghdad or UTC)")
    try:
        zone = tz.gettz(name)
    except (ValueError, OSError):
        zone = None
    if zone is None:
        raise UsageError(f"{option}: unknown time zone {name!r} (try e.g. Asia/Baghdad or UTC)")
    return zone
