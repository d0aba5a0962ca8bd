"""The reader's fast paths (a location read once, the usual source at a
glance, a list of plain ids in one regex, checks that skip what cannot fail)
give exactly what the checking paths give: the same value, or the same error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import Result
from timeline.checks import certainly_before
from timeline.model import FuzzyDate, Precision
from timeline.store import fields

Invoke = Callable[..., Result]

# Values a hand-edited table may hold where text or a number belongs.
_ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-200, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)
_LOCATION_KEYS = ["place", "country", "region", "lat", "lon", "zone", "plaec"]
_SOURCE_KEYS = ["title", "url", "note", "id", "titel"]


def _outcome(convert: Callable[[object], object], value: object) -> object:
    """What a converter gives: its value, or its error's type, message and field."""
    try:
        return convert(value)
    except fields.Invalid as exc:
        return ("Invalid", str(exc), exc.field)
    except ValueError as exc:
        return ("ValueError", str(exc))


def _table(keys: list[str]) -> st.SearchStrategy[dict[str, object]]:
    good = {
        "place": st.sampled_from(["Erbil", "al-Qa'im", " "]),
        "country": st.sampled_from(["Iraq", "Syria"]),
        "region": st.sampled_from(["Anbar", ""]),
        "lat": st.one_of(st.sampled_from([0, 1, 33.3, 91]), st.booleans()),
        "lon": st.one_of(st.sampled_from([0, 1, 44.4, 181]), st.booleans()),
        "title": st.sampled_from(["Reuters", " ", ""]),
        "url": st.sampled_from(["https://example.org/a"]),
        "note": st.sampled_from(["first report"]),
        "id": st.sampled_from(["reuters", "Not An Id"]),
    }
    return st.dictionaries(
        st.sampled_from(keys),
        st.deferred(lambda: st.one_of(_ODD, *good.values())),
        max_size=len(keys),
    ).flatmap(lambda table: st.fixed_dictionaries({k: st.one_of(good.get(k, _ODD), _ODD) for k in table}))


@given(_table(_LOCATION_KEYS))
def test_a_location_read_once_is_what_reading_it_afresh_gives(table: dict[str, object]) -> None:
    assert _outcome(fields._location, table) == _outcome(fields._checked_location, table)
    # Read again (now from the cache, where it could be cached): still the same.
    assert _outcome(fields._location, table) == _outcome(fields._checked_location, table)


@given(st.one_of(_table(_SOURCE_KEYS), _ODD))
@example({"url": None, "title": "Reuters"})  # a JSON null is not an absent URL
def test_the_usual_source_at_a_glance_is_what_reading_it_field_by_field_gives(value: object) -> None:
    if isinstance(value, str):
        return  # a bare title: one path only
    assert _outcome(fields._source, value) == _outcome(fields._checked_source, value)


_IDS = st.sampled_from(["kh", "us", "a.b-c_d", "Kh", "", "a\nb", "-x"])


@given(st.lists(st.one_of(_IDS, _ODD), max_size=4))
def test_plain_ids_in_one_regex_are_what_checking_each_gives(value: list[object]) -> None:
    assert _outcome(fields.identifiers, value) == _outcome(fields._each_identifier, value)


_DATES = st.builds(
    FuzzyDate,
    st.sampled_from(list(Precision)),
    st.integers(2018, 2020),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from([None, 0, 180, -300]),
).map(
    lambda d: d._replace(
        month=d.month if d.precision > Precision.YEAR else 1,
        day=d.day if d.precision > Precision.MONTH else 1,
        hour=d.hour if d.precision is Precision.MINUTE else 0,
        minute=d.minute if d.precision is Precision.MINUTE else 0,
        offset=(d.offset or 0) if d.precision is Precision.MINUTE else None,
    )
)


@given(_DATES, _DATES)
def test_certainly_before_skips_only_what_cannot_be_before(a: FuzzyDate, b: FuzzyDate) -> None:
    from timeline.dates.zones import aware

    if a.precision is Precision.MINUTE and b.precision is Precision.MINUTE:
        expected = aware(a) < aware(b)
    else:
        expected = a.end <= b.start
    assert certainly_before(a, b) is expected


HEAD = 'schema = 1\n[[actor]]\nid = "us"\nname = "US"\nkind = "state"\n'


def _event(ident: str, body: str) -> str:
    head = f'[[event]]\nid = "{ident}"\ntitle = "T"\nkind = "attack"\nstart = "2019"\n'
    return head + body + '[[event.sources]]\ntitle = "S"\n'


def test_a_place_read_before_does_not_let_a_true_latitude_through(invoke: Invoke, tmp_path: Path) -> None:
    # true equals 1, so a cache keyed on the table's values alone would take
    # the second location for the first.
    place = '[[event.locations]]\nplace = "X"\ncountry = "Iraq"\nlat = {lat}\nlon = 1\n'
    path = tmp_path / "s.toml"
    path.write_text(HEAD + _event("a", place.format(lat="1")) + _event("b", place.format(lat="true")))
    result = invoke("--store", str(path), "list")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f'error: {path}:23: event "b": field "locations.0.lat": True is not a number\n'


@pytest.mark.parametrize(
    ("field", "value", "form"),
    [
        ("targets", '[{ id = "us", status = "denied" }]', "an account (a table with status or by) is"),
        ("injured", '[{ value = 3, by = "us" }]', "figures by source (a list) are"),
    ],
)
def test_a_schema_2_form_in_a_schema_1_file_is_told_beside_other_problems(
    invoke: Invoke, tmp_path: Path, field: str, value: str, form: str
) -> None:
    path = tmp_path / "s.toml"
    path.write_text(HEAD + _event("a", f'{field} = {value}\nkilled = "x"\n'))
    result = invoke("--store", str(path), "list")
    newer = "schema 2, but the file says `schema = 1`: set `schema = 2` (`timeline upgrade FILE` does)"
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'error: {path}:11: event "a": field "{field}": {form} {newer}',
        f'error: {path}:12: event "a": field "killed": \'x\' is not a count (write 25, "25+" for at '
        'least 25, "19-25" for a range, or "?" for unknown)',
        "2 problems",
    ]
