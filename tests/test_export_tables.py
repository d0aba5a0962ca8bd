"""The CSV export as spreadsheets and pandas read it: sortable days, places'
coordinates, one line per row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from timeline.export import csv_format
from timeline.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "slices.toml"

CSV = (
    "id,start,end,start_sort,end_sort,precision,title,kind,countries,places,lat,lon,actors,targets,"
    "killed_min,killed_max,injured_min,injured_max,causes,effects,tags,sources,summary\r\n"
    "base-attacks,2019-10,2019-12,2019-10-01,2019-12-31,month,Rocket attacks on bases,campaign,,,,,kh,us,"
    ",,,,,,bases,Seed <https://example.org/seed>,A run of rocket attacks.\r\n"
    "k1,2019-12-27T19:20+03:00,,2019-12-27,2019-12-27,minute,Rocket attack on K-1,attack,Iraq,K-1 Air Base,"
    "35.51,44.35,kh,us,1,1,,,,strikes,bases,Pentagon statement <https://example.org/dod?a=1&b=<2>>,"
    "Rockets hit the base and kill a contractor. Four soldiers are hurt.\r\n"
    "strikes,2019-12-29T19:00+03:00,,2019-12-29,2019-12-29,minute,US strikes on <b>KH</b> & co,airstrike,"
    "Iraq,al-Qa'im,34.37,41.09,us,kh,25,,,,k1,embassy; soleimani,us-strikes,"
    '"Pentagon ""statement"" <https://example.org/dod2>",\'=SUM(A1) is not a formula.\r\n'
    "embassy,2019-12-31,2020-01-01,2019-12-31,2020-01-01,day,Embassy attack,protest,Iraq,Baghdad,33.3,44.4,"
    "kh,us,,,,,strikes,soleimani,,Wire report <https://example.org/wire>,\r\n"
    "soleimani,2020-01-03,,2020-01-03,2020-01-03,day,Soleimani killed,killing,Iraq,Baghdad,,,us,,7,10,,,"
    "embassy; strikes,,us-strikes,Wire report <https://example.org/wire2>,\r\n"
)


def _csv() -> str:
    store = open_store(FIXTURE)
    return csv_format.render(store, store.chronological)


def test_csv_exactly() -> None:
    assert _csv() == CSV


def test_every_row_is_one_line_and_sorts_by_its_days() -> None:
    text = _csv()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(text.splitlines()) == len(rows) + 1  # no newline inside a cell
    by_end = sorted(rows, key=lambda r: r["end_sort"])
    assert [r["id"] for r in by_end] == ["k1", "strikes", "base-attacks", "embassy", "soleimani"]


def test_a_year_and_a_month_end_on_their_last_day(tmp_path: Path) -> None:
    store_file = tmp_path / "s.toml"
    store_file.write_text(
        'schema = 2\n[[event]]\nid = "a"\ntitle = "A"\nkind = "background"\nstart = "2003"\nend = "2024-02"\n'
        'sources = ["S"]\n',
        encoding="utf-8",
    )
    store = open_store(store_file)
    (row,) = csv.DictReader(io.StringIO(csv_format.render(store, store.events)))
    assert (row["start_sort"], row["end_sort"]) == ("2003-01-01", "2024-02-29")


def test_pandas_reads_sortable_dates_and_coordinates() -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is not installed (it is no test dependency)")
    frame = pandas.read_csv(io.StringIO(_csv()), parse_dates=["start_sort", "end_sort"])
    assert str(frame["start_sort"].dtype).startswith("datetime64")
    assert str(frame["lat"].dtype) == "float64"
    assert list(frame.sort_values("start_sort")["id"]) == [
        "base-attacks",
        "k1",
        "strikes",
        "embassy",
        "soleimani",
    ]
    assert frame.loc[frame["id"] == "k1", "summary"].item().count("\n") == 0
