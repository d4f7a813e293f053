"""Statistics: counts by each dimension, and no cell small enough to single out a person."""

from __future__ import annotations

import csv
import io
import json

import pytest

from intake.errors import InvalidInput
from intake.search import Filters
from intake.stats import StatTable, statistics
from tests.intake.search.conftest import event, record


def people(store, n: int, events: list[dict], prefix: str, **kw) -> None:
    store.add_many([record(f"{prefix}-{i}", events=events, **kw) for i in range(n)])


@pytest.fixture
def counted(store):
    people(store, 8, [event("arrest", "2019-03", place="Tumen", perpetrator="cn_border_police")],
           "A", sex="female", birth_year=1990)
    people(store, 6, [event("detention", "2019", place="온성"),
                      event("detention", "2020", place="Onsong")], "D", sex="male",
           birth_year=2003)
    people(store, 2, [event("torture", "2018", place="Hyesan")] * 3, "T", sex="female")
    people(store, 7, [event("execution", "2013", place="Hyesan")], "E", birth_year=1960)
    return store


def row(table: StatTable, key: str):
    (cell,) = [c for c in table.cells if c.key == key]
    return cell


def test_counts_events_and_the_survivors_behind_them(counted):
    t = statistics(counted, "type")
    assert (row(t, "arrest").events, row(t, "arrest").survivors) == (8, 8)
    assert t.total_events == 8 + 12 + 6 + 7 and t.total_survivors == 23
    assert (row(t, "arrest").label_en, row(t, "arrest").label_ko) == ("Arrest", "체포")


def test_a_small_cell_is_withheld_by_survivors_not_events(counted):
    t = statistics(counted, "type")
    torture = row(t, "torture")  # six events, but two people
    assert torture.suppressed == "small" and torture.events is None
    assert t.shown(torture, "survivors") == "<5" and t.shown(torture, "events") == "x"


def test_the_total_cannot_give_a_withheld_cell_back(counted):
    t = statistics(counted, "type")
    hidden = [c for c in t.cells if c.suppressed]
    assert len(hidden) >= 2
    assert {c.key: c.suppressed for c in hidden} == {"torture": "small",
                                                     "detention": "complementary"}
    visible_events = sum(c.events for c in t.cells if not c.suppressed)
    # What the total gives away is the sum of two rows, not one row.
    assert t.total_events - visible_events == 6 + 12
    assert t.shown(row(t, "detention"), "events") == "x"
    assert t.shown(row(t, "detention"), "survivors") == "x"


def test_withheld_rows_together_hold_enough_people(store):
    people(store, 9, [event("arrest", "2019")], "A")
    people(store, 1, [event("torture", "2019")], "T")
    people(store, 1, [event("execution", "2019")], "E")
    people(store, 6, [event("detention", "2019")], "D")
    t = statistics(store, "type")
    assert {c.key for c in t.cells if c.suppressed} == {"torture", "execution", "detention"}


def test_a_table_whose_total_is_small_shows_nothing(store):
    people(store, 3, [event("arrest", "2019"), event("detention", "2019")], "A")
    t = statistics(store, "type")
    assert t.total_events is None and t.total_survivors is None
    assert all(c.suppressed for c in t.cells)
    assert "<5" in t.to_csv().decode("utf-8-sig")


def test_the_threshold_is_configurable_but_never_below_two(counted):
    t = statistics(counted, "type", threshold=2)
    assert not row(t, "torture").suppressed and row(t, "torture").survivors == 2
    t10 = statistics(counted, "type", threshold=10)
    assert all(c.suppressed for c in t10.cells)  # no type has 10 survivors; total 23 shown
    assert t10.total_survivors == 23
    for bad in (1, 0, -5):
        with pytest.raises(InvalidInput, match="threshold"):
            statistics(counted, "type", threshold=bad)


def test_by_year_place_province_perpetrator(counted):
    years = statistics(counted, "year")
    assert [c.key for c in years.cells] == ["2013", "2018", "2019", "2020"]
    assert row(years, "2019").label_ko == "2019년"
    places = statistics(counted, "place")
    assert row(places, "kp_onsong").events == 12 and row(places, "kp_onsong").survivors == 6
    provinces = statistics(counted, "province")
    assert row(provinces, "kp_north_hamgyong").survivors == 6
    assert row(provinces, "cn_jilin").survivors == 8
    assert row(provinces, "kp_ryanggang").survivors == 9  # Hyesan: torture + execution
    perps = statistics(counted, "perpetrator")
    assert row(perps, "cn_border_police").survivors == 8
    assert row(perps, "unknown").label_en == "Not given"


def test_by_sex_and_age_band(counted):
    sexes = statistics(counted, "sex")
    assert row(sexes, "female").survivors == 10 and row(sexes, "male").survivors == 6
    assert row(sexes, "unknown").label_ko == "기록 없음"
    at_event = statistics(counted, "age")
    assert "event" in at_event.basis
    # Ages at the event: A born 1990, arrested 2019 (29); E born 1960, 2013 (53); D born
    # 2003, detained 2019-2020 (16-17); T's birth year is unknown (2 people: withheld, and
    # the smallest other band with them).
    assert row(at_event, "18-29").survivors == 8 and row(at_event, "50-59").survivors == 7
    assert row(at_event, "unknown").suppressed == "small"
    assert row(at_event, "0-17").suppressed == "complementary"
    assert row(at_event, "0-17").label_ko == "0–17세"
    at_interview = statistics(counted, "age", age_at="interview")  # interviews in 2023
    assert "interview" in at_interview.basis
    assert row(at_interview, "30-39").survivors == 8
    assert row(at_interview, "60-200").survivors == 7
    assert row(at_interview, "60-200").label_en == "60+"


def test_filters_narrow_what_is_counted(counted):
    t = statistics(counted, "type", filters=Filters(places=("Hyesan",)))
    assert {c.key for c in t.cells} == {"torture", "execution"}
    assert statistics(counted, "type").total_survivors == 23


def test_withdrawn_testimonies_are_not_counted(store):
    people(store, 5, [event("arrest", "2019")], "A")
    people(store, 5, [event("arrest", "2019")], "W",
           consent={"recorded": "2020-01-01", "legal": True, "withdrawn": "2021-01-01"})
    assert statistics(store, "type").total_survivors == 5
    assert statistics(store, "type",
                      filters=Filters(include_withdrawn=True)).total_survivors == 10


def test_csv_is_utf8_with_bom_and_korean_labels(counted):
    data = statistics(counted, "type").to_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["type", "label_en", "label_ko", "events", "survivors"]
    assert ["arrest", "Arrest", "체포", "8", "8"] in rows
    assert ["torture", "Torture", "고문", "x", "<5"] in rows
    assert rows[-1] == ["total", "Total", "합계", "33", "23"]


def test_json_withholds_by_null(counted):
    d = json.loads(json.dumps(statistics(counted, "type").to_dict()))
    torture = next(r for r in d["rows"] if r["key"] == "torture")
    assert torture["events"] is None and torture["survivors"] is None
    assert torture["shown"] == {"events": "x", "survivors": "<5"}


def test_unknown_dimension_is_refused(counted):
    with pytest.raises(InvalidInput, match="by"):
        statistics(counted, "colour")
