"""Dates at a precision: store syntax, user syntax, formatting, elapsed time."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.dates.format import elapsed, format_date, format_span, short_offset
from timeline.dates.parse import (
    ascii_signs,
    from_toml_value,
    parse_entry_date,
    parse_offset,
    parse_store_date,
    parse_user_date,
    parse_window,
    user_range,
)
from timeline.dates.zones import in_zone, time_zone
from timeline.errors import UsageError
from timeline.model import FuzzyDate, Precision, format_offset

P = Precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", FuzzyDate(P.YEAR, 2019)),
        ("2019-12", FuzzyDate(P.MONTH, 2019, 12)),
        ("2019-12-27", FuzzyDate(P.DAY, 2019, 12, 27)),
        ("2019-12-29T11:00-05:00", FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300)),
        ("2021-02-15T21:30+03:00", FuzzyDate(P.MINUTE, 2021, 2, 15, 21, 30, 180)),
        ("2020-01-03T00:30Z", FuzzyDate(P.MINUTE, 2020, 1, 3, 0, 30, 0)),
    ],
)
def test_store_dates_keep_their_precision(text: str, expected: FuzzyDate) -> None:
    assert parse_store_date(text) == expected
    assert parse_store_date(text).iso() == text.replace("Z", "+00:00")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-13-01", "'2019-13-01' is not a date: month 13 is not 1-12"),
        ("2019-02-30", "'2019-02-30' is not a date: Feb 2019 has days 1-28"),
        ("2019-12-29T25:00+03:00", "'2019-12-29T25:00+03:00' is not a date: 25:00 is not a time of day"),
        ("2019-12-29T11:00", "'2019-12-29T11:00' is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD"),
        ("Dec 2019", "'Dec 2019' is not a date (expected"),
        ("2019-12-29T11:00+19:00", "UTC offset +19:00 is out of range"),
        ("", "'' is not a date"),
    ],
)
def test_bad_store_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="is not a date") as caught:
        parse_store_date(text)
    assert message in str(caught.value)


def test_bare_toml_dates_are_accepted_and_naive_times_refused() -> None:
    assert from_toml_value(date(2019, 12, 27)) == FuzzyDate(P.DAY, 2019, 12, 27)
    aware = datetime(2019, 12, 29, 11, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert from_toml_value(aware) == FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300)
    with pytest.raises(ValueError, match="has no UTC offset"):
        from_toml_value(datetime(2019, 12, 29, 11, 0))
    with pytest.raises(ValueError, match="is not a date"):
        from_toml_value(2019)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (FuzzyDate(P.YEAR, 2019), "2019"),
        (FuzzyDate(P.MONTH, 2019, 12), "Dec 2019"),
        (FuzzyDate(P.DAY, 2019, 12, 29), "29 Dec 2019"),
        (FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300), "29 Dec 2019 11:00 -05:00"),
        (FuzzyDate(P.MINUTE, 2021, 2, 15, 21, 30, 180), "15 Feb 2021 21:30 +03:00"),
    ],
)
def test_dates_are_shown_at_their_precision(value: FuzzyDate, shown: str) -> None:
    assert format_date(value) == shown


def test_spans_and_zones() -> None:
    start = FuzzyDate(P.DAY, 2023, 10, 17)
    assert format_span(start, FuzzyDate(P.MONTH, 2024, 2)) == "17 Oct 2023 \u2013 Feb 2024"
    strike = FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300)
    baghdad = time_zone("Asia/Baghdad")
    assert format_date(strike, baghdad) == "29 Dec 2019 19:00 +03:00"
    assert in_zone(FuzzyDate(P.DAY, 2019, 12, 29), baghdad) == FuzzyDate(P.DAY, 2019, 12, 29)
    with pytest.raises(UsageError, match="unknown time zone 'Mars/Olympus'"):
        time_zone("Mars/Olympus")


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2019", datetime(2019, 1, 1), datetime(2020, 1, 1), P.YEAR),
        ("2019-12", datetime(2019, 12, 1), datetime(2020, 1, 1), P.MONTH),
        ("Dec 2019", datetime(2019, 12, 1), datetime(2020, 1, 1), P.MONTH),
        ("Feb 2020", datetime(2020, 2, 1), datetime(2020, 3, 1), P.MONTH),
        ("29 December 2019", datetime(2019, 12, 29), datetime(2019, 12, 30), P.DAY),
        ("2019-12-29", datetime(2019, 12, 29), datetime(2019, 12, 30), P.DAY),
        ("2019-12-29T11:00", datetime(2019, 12, 29, 11), datetime(2019, 12, 29, 11, 1), P.MINUTE),
        ("2019-12-29T11:00-05:00", datetime(2019, 12, 29, 11), datetime(2019, 12, 29, 11, 1), P.MINUTE),
        ("2020-01-01", datetime(2020, 1, 1), datetime(2020, 1, 2), P.DAY),
    ],
)
def test_a_user_date_means_its_whole_period(
    text: str, start: datetime, end: datetime, precision: Precision
) -> None:
    period, found = parse_user_date(text, "--from")
    assert (period.start, period.end, found) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("garbage", "--on: cannot read 'garbage' as a date"),
        ("1 Jan", "--on: '1 Jan' has no year"),
        ("", "--on: cannot read '' as a date"),
        ("2019-13", "--on: cannot read '2019-13' as a date"),
    ],
)
def test_unreadable_user_dates_name_the_option_and_give_examples(text: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_user_date(text, "--on")
    assert message in str(caught.value)
    assert '"Dec 2019"' in str(caught.value)


def test_user_ranges() -> None:
    period = user_range("Dec 2019", "2020", None)
    assert period is not None
    assert (period.start, period.end) == (datetime(2019, 12, 1), datetime(2021, 1, 1))
    assert user_range(None, None, None) is None
    with pytest.raises(UsageError, match="--on cannot be combined"):
        user_range("2019", None, "2020")
    with pytest.raises(UsageError, match="before --from"):
        user_range("2020", "2019", None)


@pytest.mark.parametrize(
    ("text", "days_from_jan_1"),
    [("10d", 10), ("2w", 14), ("2 weeks", 14), ("1m", 31), ("1y", 366), ("3 Days", 3)],
)
def test_windows(text: str, days_from_jan_1: int) -> None:
    assert (datetime(2020, 1, 1) + parse_window(text) - datetime(2020, 1, 1)).days == days_from_jan_1


def test_bad_window_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--window: cannot read '2 fortnights'"):
        parse_window("2 fortnights")


@pytest.mark.parametrize(
    ("earlier", "later", "shown"),
    [
        (FuzzyDate(P.DAY, 2019, 12, 27), FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300), "+2 days"),
        (FuzzyDate(P.YEAR, 2014), FuzzyDate(P.DAY, 2018, 5, 8), "+4 years"),
        (FuzzyDate(P.DAY, 2019, 12, 29), FuzzyDate(P.DAY, 2019, 12, 29), "same day"),
        (FuzzyDate(P.DAY, 2024, 1, 28), FuzzyDate(P.DAY, 2024, 2, 2), "+5 days"),
        (FuzzyDate(P.MONTH, 2019, 12), FuzzyDate(P.MONTH, 2020, 3), "+3 months"),
        (FuzzyDate(P.DAY, 2019, 12, 27), FuzzyDate(P.DAY, 2021, 2, 15), "+14 months"),  # 416 days
        # Day-precise gaps are counted in days, so equal gaps read alike: both 99 days.
        (FuzzyDate(P.DAY, 2019, 10, 27), FuzzyDate(P.DAY, 2020, 2, 3), "+3 months"),
        (FuzzyDate(P.DAY, 2019, 10, 17), FuzzyDate(P.DAY, 2020, 1, 24), "+3 months"),
        (FuzzyDate(P.DAY, 2020, 1, 31), FuzzyDate(P.DAY, 2020, 4, 30), "+3 months"),  # 90 days
        (FuzzyDate(P.DAY, 2020, 2, 1), FuzzyDate(P.DAY, 2020, 5, 1), "+3 months"),  # 90 days too
        (FuzzyDate(P.DAY, 2020, 1, 3), FuzzyDate(P.DAY, 2020, 3, 20), "+3 months"),  # 77 days, 2.53
        (FuzzyDate(P.DAY, 2020, 1, 3), FuzzyDate(P.DAY, 2020, 3, 18), "+2 months"),  # 75 days, 2.46
        (FuzzyDate(P.DAY, 2020, 1, 1), FuzzyDate(P.DAY, 2020, 3, 1), "+60 days"),
        (FuzzyDate(P.DAY, 2020, 1, 1), FuzzyDate(P.DAY, 2021, 11, 15), "+22 months"),
        (FuzzyDate(P.DAY, 2020, 1, 1), FuzzyDate(P.DAY, 2022, 1, 1), "+2 years"),
        # Known to the month: calendar months, then whole years of them.
        (FuzzyDate(P.MONTH, 2019, 12), FuzzyDate(P.MONTH, 2022, 1), "+2 years"),
        (FuzzyDate(P.MONTH, 2022, 1), FuzzyDate(P.MONTH, 2019, 12), "-2 years"),
        (FuzzyDate(P.DAY, 2016, 1, 1), FuzzyDate(P.DAY, 2019, 12, 27), "+4 years"),  # 5 days short
        (
            FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300),
            FuzzyDate(P.MINUTE, 2019, 12, 29, 19, 30, 180),
            "+30 min",
        ),
        (
            FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, 0),
            FuzzyDate(P.MINUTE, 2019, 12, 29, 14, 20, 0),
            "+3 h 20 min",
        ),
        (FuzzyDate(P.DAY, 2019, 12, 29), FuzzyDate(P.DAY, 2019, 12, 27), "-2 days"),
        (
            FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300),
            FuzzyDate(P.MINUTE, 2019, 12, 29, 19, 0, 180),
            "same minute",
        ),
    ],
)
def test_elapsed_is_no_finer_than_the_coarser_date(earlier: FuzzyDate, later: FuzzyDate, shown: str) -> None:
    assert elapsed(earlier, later) == shown


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    """Any valid store date at any precision."""
    precision = draw(st.sampled_from(list(Precision)))
    moment = draw(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))
    if precision is P.YEAR:
        return FuzzyDate(precision, moment.year)
    if precision is P.MONTH:
        return FuzzyDate(precision, moment.year, moment.month)
    if precision is P.DAY:
        return FuzzyDate(precision, moment.year, moment.month, moment.day)
    offset = draw(st.integers(min_value=-18 * 60, max_value=18 * 60))
    return FuzzyDate(precision, moment.year, moment.month, moment.day, moment.hour, moment.minute, offset)


@given(fuzzy_dates())
def test_store_dates_round_trip_through_iso(value: FuzzyDate) -> None:
    assert parse_store_date(value.iso()) == value


@given(fuzzy_dates())
def test_a_date_period_is_nonempty_and_starts_at_the_date(value: FuzzyDate) -> None:
    assume_not_far_future = value.year < 9999
    if assume_not_far_future:
        assert value.start < value.end
        assert value.start == datetime(value.year, value.month, value.day, value.hour, value.minute)


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31)),
    st.sampled_from(["iso", "long", "month"]),
)
def test_user_dates_cover_exactly_what_they_name(day: date, style: str) -> None:
    if style == "iso":
        text, start, end = day.isoformat(), datetime(day.year, day.month, day.day), None
        end = start + timedelta(days=1)
    elif style == "long":
        text = f"{day.day} {day.strftime('%B')} {day.year}"
        start = datetime(day.year, day.month, day.day)
        end = start + timedelta(days=1)
    else:
        text = f"{day.strftime('%b')} {day.year}"
        start = datetime(day.year, day.month, 1)
        end = FuzzyDate(P.MONTH, day.year, day.month).end
    period, _ = parse_user_date(text, "--on")
    assert (period.start, period.end) == (start, end)


@given(fuzzy_dates())
def test_formatting_never_fails_and_keeps_the_year(value: FuzzyDate) -> None:
    assert str(value.year) in format_date(value)


#: What people paste for a minus sign: U+2212, hyphens, the figure dash, small
#: and fullwidth hyphen-minus, heavy minus.
MINUS_LOOKALIKES = ["\u2212", "\u2010", "\u2011", "\u2012", "\ufe63", "\uff0d", "\u2796"]


@given(fuzzy_dates())
def test_what_is_printed_is_ascii_and_reads_back(value: FuzzyDate) -> None:
    shown = format_date(value)
    assert shown.isascii()
    # Years before 1000 are printed unpadded, and dateutil reads "99" as 1999.
    if value.precision is P.MINUTE and value.year >= 1000:
        period, precision = parse_user_date(shown, "--on")
        assert (period.start, precision) == (value.start, P.MINUTE)
        assert parse_entry_date(shown) == value


@given(st.integers(min_value=-18 * 60, max_value=18 * 60), st.sampled_from(MINUS_LOOKALIKES))
def test_offsets_round_trip_whatever_minus_is_pasted(minutes: int, minus: str) -> None:
    for written in (format_offset(minutes), short_offset(minutes)):
        assert written.isascii()
        assert parse_offset(written) == minutes
        assert parse_offset(written.replace("-", minus)) == minutes


@pytest.mark.parametrize("minus", [*MINUS_LOOKALIKES, "\u2013", "\u2014"])
def test_every_date_parser_reads_a_pasted_minus(minus: str) -> None:
    strike = FuzzyDate(P.MINUTE, 2019, 12, 29, 11, 0, -300)
    # An en or em dash reads as a sign only where a sign goes: after a time.
    assert parse_user_date(f"29 Dec 2019 11:00 {minus}05:00", "--on")[1] is P.MINUTE
    assert parse_entry_date(f"29 Dec 2019 11:00 {minus}05:00") == strike
    assert parse_entry_date(f"2019-12-29T11:00{minus}05:00") == strike
    assert parse_store_date(f"2019-12-29T11:00{minus}05:00") == strike


def test_a_dash_that_is_not_a_sign_is_left_alone() -> None:
    assert ascii_signs("Oct 2019 \u2013 Dec 2019") == "Oct 2019 \u2013 Dec 2019"
    assert ascii_signs("19:00 \u221205:00") == "19:00 -05:00"
    assert ascii_signs("19:00 \u201305") == "19:00 -05"
    assert ascii_signs("\uff0b03:00") == "+03:00"


@pytest.mark.parametrize(
    ("text", "message"),
    [("+19:00", "UTC offset +19:00 is out of range"), ("03:00", "'03:00' is not a UTC offset"),
     ("+3", "'+3' is not a UTC offset"), ("", "'' is not a UTC offset")],
)  # fmt: skip
def test_bad_offsets(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="UTC offset") as caught:
        parse_offset(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("2024", "2024"),
        ("June 2024", "2024-06"),
        ("2024-06", "2024-06"),
        ("3 June 2024", "2024-06-03"),
        ("Jun 3, 2024", "2024-06-03"),
        ("2024-06-03", "2024-06-03"),
        ("3 Jun 2024 14:30 +03:00", "2024-06-03T14:30+03:00"),
        ("3 Jun 2024 14:30 +03", "2024-06-03T14:30+03:00"),
        ("3 Jun 2024 2:30 pm -05:00", "2024-06-03T14:30-05:00"),
        ("2024-06-03T14:30Z", "2024-06-03T14:30+00:00"),
        ("3 Jun 2024 14:30 UTC", "2024-06-03T14:30+00:00"),
        ("  2024-06-03T14:30+04:30 ", "2024-06-03T14:30+04:30"),
    ],
)
def test_a_date_to_store_takes_every_form_list_reads(text: str, stored: str) -> None:
    assert parse_entry_date(text).iso() == stored


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("3 Jun 2024 14:30", "'3 Jun 2024 14:30' has a time of day but no UTC offset: give the offset of the "
                             "clock the source used (zone names such as EST are not read), e.g. "
                             "'2024-06-03T14:30+03:00' or '3 June 2024 14:30 +03:00'"),
        ("2024-06-03T14:30", "'2024-06-03T14:30' has a time of day but no UTC offset"),
        ("3 Jun 2024 14:30 EST", "'3 Jun 2024 14:30 EST' has a time of day but no UTC offset"),
        ("3 Jun 2024 14:30 GMT+3", "'3 Jun 2024 14:30 GMT+3': write the UTC offset as +03:00 or -05:00"),
        ("2024-13-01", "'2024-13-01' is not a date: month 13 is not 1-12"),
        ("2024-06-03T14:30+19:00", "UTC offset +19:00 is out of range"),
        ("June", "'June' has no year"),
        ("soon", "cannot read 'soon' as a date"),
    ],
)  # fmt: skip
def test_a_date_to_store_says_what_is_missing(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=r"date|offset|year") as caught:
        parse_entry_date(text)
    assert message in str(caught.value)
