"""The derived search rows: periods, place resolution, and keeping the index true."""

from __future__ import annotations

from dataclasses import replace

import pytest

from intake.dates import PartialDate, overlaps
from intake.model import Event
from intake.search import Query, search
from intake.search.facts import event_period, resolve_place
from intake.store import search_index
from intake.store.schema import CURRENT_VERSION, schema_version
from tests.intake.search.conftest import event, pseudonyms, record


def p(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize(("start", "end", "approx", "expected"), [
    ("2019-03", None, False, ("2019-03", "2019-03")),
    ("2019", "2020", False, ("2019", "2020")),
    ("2019-04", None, True, ("2019-03", "2019-05")),
    ("2019-12", None, True, ("2019-11", "2020-01")),
    ("2019-01", "2019-02", True, ("2018-12", "2019-03")),
    ("2019", None, True, ("2018", "2020")),
    ("2019-03-14", None, True, ("2019-03-07", "2019-03-21")),
    ("1900", None, True, ("1900", "1901")),
    ("2100-12", None, True, ("2100-11", "2100-12")),
])
def test_event_period(start, end, approx, expected):
    e = Event("detention", p(start), p(end) if end else None, approx)
    lo, hi = event_period(e)
    assert (str(lo), str(hi)) == expected


def test_event_period_open_ended_and_undated():
    assert event_period(Event("disappearance", p("2021")), open_ended=True) == (p("2021"), None)
    assert event_period(Event("arrest")) == (None, None)


def test_periods_agree_with_dates_overlaps_for_exact_dates():
    a = Event("arrest", p("2019-03"))
    b = Event("detention", p("2019"), p("2020"))
    c = Event("detention", p("2019-04"), p("2019-05"))
    assert overlaps(*event_period(a), *event_period(b))
    assert not overlaps(*event_period(a), *event_period(c))
    assert overlaps(*event_period(replace(a, approx=True)), *event_period(c))


@pytest.mark.parametrize(("text", "place"), [
    ("투먼(도문)", "cn_tumen"), ("온성군 남양", "kp_onsong"), ("회령 인근 두만강", "kp_hoeryong"),
    ("Jilin City", "cn_jilin_city"), ("Jilin", "cn_jilin"), ("단둥에서", "cn_dandong"),
    ("Dandong border detention centre", "cn_dandong"), ("remote (survivor in China)", "cn"),
    ("somewhere", None), ("", None), (None, None),
])
def test_resolve_place(text, place):
    assert resolve_place(text) == place


def test_a_store_is_at_the_search_schema(store):
    assert schema_version(store.conn) == CURRENT_VERSION >= 5
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"search_events", "search_docs", "saved_searches"} <= tables


def test_saving_replaces_the_rows_of_the_previous_revision(store):
    t = store.add(record("I-1", "첫 판 단둥", [event("arrest", "2019", place="Dandong")]))
    t2 = store.save(replace(t, narrative="둘째 판 혜산",
                            events=(Event("detention", p("2020"), place="Hyesan"),)))
    assert pseudonyms(search(store, Query("단둥"))) == []
    assert pseudonyms(search(store, Query("혜산"))) == ["I-1"]
    rows = store.conn.execute("SELECT type, place FROM search_events").fetchall()
    assert rows == [("detention", "kp_hyesan")]
    store.save(replace(t2, narrative="셋째 판 혜산"))
    assert pseudonyms(search(store, Query("셋째"))) == ["I-1"]
    assert pseudonyms(search(store, Query("둘째"))) == []
    for table in search_index.FTS_TABLES:
        store.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def test_an_index_row_that_no_longer_matches_its_text_is_rebuilt_not_corrupted(store):
    # As if the indexing code had changed without a migration: the kept hash disagrees.
    t = store.add(record("H-1", "원래 문장"))
    store.add(record("H-2", "다른 문장"))
    store.conn.execute("UPDATE search_docs SET text_sha256 = 'stale'")
    store.save(replace(t, narrative="새 문장"))
    assert pseudonyms(search(store, Query("원래"))) == []
    assert sorted(pseudonyms(search(store, Query("문장")))) == ["H-1", "H-2"]
    assert store.check().ok


def test_rebuild_gives_the_same_answers(sample_store):
    before = [pseudonyms(search(sample_store, Query(q))) for q in ("단둥", "보위부", "S-0305")]
    with sample_store.transaction() as conn:
        search_index.rebuild(conn)
    after = [pseudonyms(search(sample_store, Query(q))) for q in ("단둥", "보위부", "S-0305")]
    assert before == after
    assert sample_store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 7
