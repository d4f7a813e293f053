"""Partial dates, overlap of uncertain periods, full dates and times with zone."""

from __future__ import annotations

import calendar
from datetime import UTC, date, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.dates import (
    PartialDate,
    chronological,
    format_time_with_zone,
    overlaps,
    parse_iso_date,
    parse_time_with_zone,
)
from intake.errors import InvalidInput


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1900, max_year: int = 2100) -> PartialDate:
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


def periods(min_year: int = 1900, max_year: int = 2100) -> st.SearchStrategy:
    return st.tuples(st.none() | partial_dates(min_year, max_year),
                     st.none() | partial_dates(min_year, max_year))


# -- parsing -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("2019", PartialDate(2019)),
    ("2019-03", PartialDate(2019, 3)),
    ("2019-03-14", PartialDate(2019, 3, 14)),
    ("1900", PartialDate(1900)),
    ("2100-12-31", PartialDate(2100, 12, 31)),
    ("2020-02-29", PartialDate(2020, 2, 29)),  # leap year
    ("2000-02-29", PartialDate(2000, 2, 29)),  # divisible by 400: leap
])
def test_parses_the_three_forms(text, expected):
    assert PartialDate.parse(text) == expected
    assert str(expected) == text


@pytest.mark.parametrize("text", [
    "", "19", "201", "20190", "2019-3", "2019-03-5", "2019/03/14", "14-03-2019", "2019-03-14T00:00",
    " 2019", "2019 ", "2019-", "2019-03-", "2019-00", "2019-13", "2019-03-00", "2019-04-31",
    "2019-02-29",  # not a leap year
    "2100-02-29",  # divisible by 100, not by 400: not a leap year
    "1899", "2101", "1899-12-31", "２０１９", "2019\n", "spring 2019", "٢٠١٩",
])
def test_refuses_anything_else(text):
    with pytest.raises(InvalidInput) as e:
        PartialDate.parse(text, "events[2].start")
    assert e.value.field == "events[2].start"


@pytest.mark.parametrize("value", [2019, None, 2019.0, ["2019"]])
def test_refuses_non_text(value):
    with pytest.raises(InvalidInput, match="as text"):
        PartialDate.parse(value)


def test_a_long_bad_value_is_not_echoed():
    secret = "My sister Kim was arrested in Hoeryong on a Tuesday"
    with pytest.raises(InvalidInput) as e:
        PartialDate.parse(secret)
    assert "Kim" not in str(e.value)


def test_constructor_checks_too():
    with pytest.raises(InvalidInput):
        PartialDate(2019, None, 5)
    with pytest.raises(InvalidInput):
        PartialDate(2019, 2, 30)
    with pytest.raises(InvalidInput):
        PartialDate(True)  # type: ignore[arg-type]


@given(partial_dates())
def test_text_round_trip(d):
    assert PartialDate.parse(str(d)) == d


# -- spans -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, earliest, latest", [
    ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ("2019-02", date(2019, 2, 1), date(2019, 2, 28)),
    ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
    ("2019-04", date(2019, 4, 1), date(2019, 4, 30)),
    ("2019-12", date(2019, 12, 1), date(2019, 12, 31)),
    ("2019-03-14", date(2019, 3, 14), date(2019, 3, 14)),
])
def test_earliest_and_latest(text, earliest, latest):
    d = PartialDate.parse(text)
    assert (d.earliest(), d.latest()) == (earliest, latest)
    assert d.contains(earliest) and d.contains(latest)
    assert not d.contains(earliest - timedelta(days=1))
    assert not d.contains(latest + timedelta(days=1))


@given(partial_dates())
def test_span_is_consistent_with_precision(d):
    assert d.earliest() <= d.latest()
    span = (d.latest() - d.earliest()).days + 1
    expected = {"year": (365, 366), "month": (28, 29, 30, 31), "day": (1,)}[d.precision]
    assert span in expected


# -- order -------------------------------------------------------------------------------


def test_chronological_sort():
    texts = ["2019-03-14", "2018", "2019", "2019-03", "2019-01-01", "2017-12-31"]
    ordered = sorted(PartialDate.parse(t) for t in texts)
    assert [str(d) for d in ordered] == ["2017-12-31", "2018", "2019-01-01", "2019", "2019-03",
                                         "2019-03-14"]


def test_unknown_dates_sort_last():
    values = [None, PartialDate(2019), None, PartialDate(2001, 5)]
    assert sorted(values, key=chronological) == [PartialDate(2001, 5), PartialDate(2019),
                                                 None, None]


@given(partial_dates(), partial_dates())
def test_order_agrees_with_equality_and_earliest_day(a, b):
    assert (a == b) == (not a < b and not b < a)
    if a.earliest() < b.earliest():
        assert a < b


# -- overlaps ----------------------------------------------------------------------------


def P(text: str | None) -> PartialDate | None:
    return None if text is None else PartialDate.parse(text)


@pytest.mark.parametrize("a, b, expected", [
    (("2019-03", "2019-05"), ("2019-05-31", "2019-06"), True),     # share the last day
    (("2019-03", "2019-05"), ("2019-06-01", "2019-07"), False),    # next day
    (("2019", "2019"), ("2019-12-31", None), True),                # a year contains the day
    (("2018", "2018"), ("2019-01-01", "2019-01-01"), False),
    (("2019-04", None), ("2030", "2030"), True),                   # open end reaches forward
    ((None, "2019-04"), ("1950", "1950"), True),                   # open start reaches back
    ((None, None), ("2019-02-03", "2019-02-03"), True),            # nothing known: not ruled out
    (("2019-04", "2019-04"), (None, "2019-03"), False),            # open start, but ends before
    (("2020-02", "2020-02"), ("2020-02-29", "2020-02-29"), True),  # leap day inside the month
    (("2019-05", "2019-03"), (None, None), False),                 # an impossible period is empty
])
def test_overlap_cases(a, b, expected):
    assert overlaps(P(a[0]), P(a[1]), P(b[0]), P(b[1])) is expected
    assert overlaps(P(b[0]), P(b[1]), P(a[0]), P(a[1])) is expected


def _days(start: PartialDate | None, end: PartialDate | None, lo: date, hi: date) -> set[date]:
    first = start.earliest() if start else lo
    last = end.latest() if end else hi
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


@given(periods(2018, 2020), periods(2018, 2020))
def test_overlap_matches_counting_days(a, b):
    """Against brute force over a bounded window, open ends reaching to its edges."""
    lo, hi = date(2017, 1, 1), date(2021, 12, 31)
    expected = bool(_days(*a, lo, hi) & _days(*b, lo, hi))
    assert overlaps(*a, *b) is expected


@given(periods(), periods())
def test_overlap_is_symmetric(a, b):
    assert overlaps(*a, *b) == overlaps(*b, *a)


@given(partial_dates(), partial_dates())
def test_a_period_overlaps_itself_and_anything_inside_it(a, b):
    start, end = min(a, b), max(a, b)
    if start.earliest() <= end.latest():
        assert overlaps(start, end, start, end)
        assert overlaps(start, end, start, None)


# -- full dates and times ----------------------------------------------------------------


def test_full_iso_dates():
    assert parse_iso_date("2023-08-14") == date(2023, 8, 14)
    assert parse_iso_date("2024-02-29") == date(2024, 2, 29)
    for bad in ["2023-08", "2023", "2023-02-29", "2023-8-14", "20230814", "2023-08-14T10:00",
                "1899-12-31", "2101-01-01", "", None, 20230814]:
        with pytest.raises(InvalidInput) as e:
            parse_iso_date(bad, "consent.recorded")
        assert e.value.field == "consent.recorded"


@pytest.mark.parametrize("text, expected, canonical", [
    ("10:00+09:00", time(10, 0, tzinfo=timezone(timedelta(hours=9))), "10:00+09:00"),
    ("10:00:30+09:00", time(10, 0, 30, tzinfo=timezone(timedelta(hours=9))), "10:00:30+09:00"),
    ("05:30Z", time(5, 30, tzinfo=UTC), "05:30+00:00"),
    ("23:59-05:30", time(23, 59, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
     "23:59-05:30"),
    ("00:00+00:00", time(0, 0, tzinfo=UTC), "00:00+00:00"),
])
def test_times_with_zone(text, expected, canonical):
    t = parse_time_with_zone(text)
    assert t == expected
    assert t.utcoffset() == expected.utcoffset()
    assert format_time_with_zone(t) == canonical
    assert parse_time_with_zone(canonical) == t


@pytest.mark.parametrize("text", [
    "10:00", "10:00:00", "24:00+09:00", "10:60+09:00", "10:00+9:00", "10:00+0900", "1000+09:00",
    "10:00 +09:00", "10:00+24:00", "2023-08-14T10:00+09:00", "", "10:00:61+09:00",
])
def test_times_without_a_proper_zone_are_refused(text):
    with pytest.raises(InvalidInput) as e:
        parse_time_with_zone(text, "interview.start")
    assert e.value.field == "interview.start"


def test_a_naive_time_cannot_be_written():
    with pytest.raises(ValueError):
        format_time_with_zone(time(10, 0))
