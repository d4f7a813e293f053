"""Filters on real stores: each one's edge cases, and how they combine."""

from __future__ import annotations

from datetime import date

import pytest

from crypto.identity import Identity
from intake.contacts import Contacts
from intake.dates import PartialDate
from intake.errors import InvalidInput
from intake.search import Filters, Query, search
from intake.store import records
from tests.intake.search.conftest import event, pseudonyms, record


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def hits(store, text: str = "", **filters) -> list[str]:
    return sorted(pseudonyms(search(store, Query(text, Filters(**filters)))))


@pytest.fixture
def dated(store):
    store.add_many([
        record("year-only", events=[event("detention", "2019", place="온성")]),
        record("month", events=[event("detention", "2019-03", place="Onsong")]),
        record("approx", events=[event("detention", "2018-12", approx=True, place="온성군")]),
        record("span", events=[event("imprisonment", "2016", "2020", place="Chongjin")]),
        record("start-only", events=[event("detention", "2017-05", place="온성")]),
        record("end-only", events=[event("detention", None, "2015", place="온성")]),
        record("undated", events=[event("detention", place="온성")]),
        record("approx-year", events=[event("arrest", "2020", approx=True, place="Tumen")]),
    ])
    return store


def test_a_partial_date_stands_for_its_whole_span(dated):
    assert hits(dated, date_from=d("2019-03"), date_to=d("2019-03")) == [
        "approx-year", "month", "span", "year-only"]
    assert "year-only" in hits(dated, date_from=d("2019-12-31"), date_to=d("2020-01-01"))
    assert "month" not in hits(dated, date_from=d("2019-04-01"))


def test_an_approximate_date_may_be_one_unit_either_way(dated):
    # ≈2018-12 may be November 2018 to January 2019; ≈2020 may be 2019 to 2021.
    assert "approx" in hits(dated, date_from=d("2019-01"), date_to=d("2019-01"))
    assert "approx" not in hits(dated, date_from=d("2019-02"))
    assert "approx-year" in hits(dated, date_from=d("2021"), date_to=d("2021"))
    assert "approx-year" not in hits(dated, date_from=d("2022"))


def test_an_event_without_an_end_lies_within_its_start_unless_open_ended(dated):
    assert "start-only" not in hits(dated, date_from=d("2018"), date_to=d("2018"))
    assert "start-only" in hits(dated, date_from=d("2018"), date_to=d("2018"), open_ended=True)
    assert "start-only" not in hits(dated, date_to=d("2016"), open_ended=True)


def test_open_bounds_and_undated_events(dated):
    assert hits(dated, date_to=d("2015")) == ["end-only"]  # no start: open before its end
    assert "end-only" in hits(dated, date_to=d("1990"))
    everything_dated = hits(dated, date_from=d("1900"), date_to=d("2100"))
    assert "undated" not in everything_dated and len(everything_dated) == 7
    assert "undated" in hits(dated, places=("온성",))


def test_a_date_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(InvalidInput, match="before"):
        Filters(date_from=d("2020"), date_to=d("2019"))


def test_event_type_by_id_english_or_korean_label(dated):
    assert hits(dated, types=("imprisonment",)) == hits(dated, types=("수감",)) == ["span"]
    assert hits(dated, types=("Arrest",)) == ["approx-year"]
    assert hits(dated, types=("arrest", "imprisonment")) == ["approx-year", "span"]
    with pytest.raises(InvalidInput, match="type"):
        search(dated, Query("", Filters(types=("no such thing",))))


def test_place_in_any_spelling_and_with_everything_under_it(dated):
    onsong = hits(dated, places=("Onsong",))
    assert onsong == hits(dated, places=("온성",)) == hits(dated, places=("온성군",))
    assert onsong == ["approx", "end-only", "month", "start-only", "undated", "year-only"]
    # North Hamgyong holds Onsong and Chongjin; Jilin holds Yanbian, which holds Tumen.
    assert hits(dated, places=("함경북도",)) == sorted([*onsong, "span"])
    assert hits(dated, places=("Jilin",)) == hits(dated, places=("길림성",)) == ["approx-year"]
    assert hits(dated, places=("China",)) == ["approx-year"]


def test_a_place_not_in_the_gazetteer_is_matched_as_text(store):
    store.add_many([record("village", events=[event("arrest", "2019", place="남양 노동자구")]),
                    record("other", events=[event("arrest", "2019", place="Yanji")])])
    assert hits(store, places=("노동자구",)) == ["village"]
    assert hits(store, places=("Atlantis",)) == []


def test_facility_kind_or_facility_text(sample_store):
    assert hits(sample_store, facilities=("집결소",)) == ["S-0217"]
    assert hits(sample_store, facilities=("jipkyulso",)) == ["S-0217"]
    assert hits(sample_store, facilities=("labour training camp",)) == ["S-0305"]
    assert hits(sample_store, facilities=("dormitory",)) == ["S-0305"]  # free text


def test_perpetrator_institution_or_the_description_given(sample_store):
    assert hits(sample_store, perpetrators=("bowibu",)) == ["S-0217", "S-0305", "S-0388"]
    assert hits(sample_store, perpetrators=("보위부",)) == hits(
        sample_store, perpetrators=("kp_mss",))
    assert hits(sample_store, perpetrators=("계호원",)) == ["S-0217"]  # a description
    assert hits(sample_store, perpetrators=("interrogators",)) == ["S-0305"]


def test_event_filters_hold_for_one_and_the_same_event(sample_store):
    # S-0217 was interrogated in Onsong and did forced labour in Chongjin: no forced labour
    # in Onsong.
    assert hits(sample_store, types=("interrogation",), places=("Onsong",)) == ["S-0217"]
    assert hits(sample_store, types=("forced_labour",), places=("Onsong",)) == []
    assert hits(sample_store, types=("forced_return",), places=("Tumen",),
                date_from=d("2017"), date_to=d("2017")) == ["S-0388"]
    results = search(sample_store, Query("", Filters(types=("detention",), places=("Jilin",))))
    assert [h.events for h in results] == [(3,), (0,)]  # S-0217's 4th event, S-0503's 1st


def test_filters_combine_with_text(sample_store):
    assert hits(sample_store, "보위부", places=("Onsong",)) == ["S-0217"]
    assert hits(sample_store, "보위부", places=("Hyesan",)) == ["S-0388"]
    assert hits(sample_store, "Dandong", types=("torture",)) == ["S-0305"]
    assert hits(sample_store, "Dandong", types=("forced_abortion",)) == []


def test_filter_only_results_come_in_order_of_their_first_matching_event(sample_store):
    results = search(sample_store, Query("", Filters(types=("forced_return",))))
    assert pseudonyms(results) == ["S-0388", "S-0305", "S-0217", "S-0502"]
    assert all(h.score == 0 for h in results)


def test_withdrawn_excluded_by_default(sample_store):
    assert hits(sample_store, types=("family_punishment",)) == []
    assert hits(sample_store, types=("family_punishment",), include_withdrawn=True) == ["S-0412"]


def test_consent_scope_in_force_today(store):
    store.add_many([
        record("legal", consent={"recorded": "2023-01-01", "legal": True}),
        record("advocacy", consent={"recorded": "2023-01-01", "legal": True, "advocacy": True}),
        record("expired", consent={"recorded": "2020-01-01", "advocacy": True,
                                   "expires": "2021-01-01"}),
        record("withdrawn", consent={"recorded": "2020-01-01", "advocacy": True,
                                     "withdrawn": "2022-01-01"}),
        record("none", consent={"recorded": None}),
    ])
    assert hits(store, consent="advocacy") == ["advocacy"]
    assert hits(store, consent="legal") == ["advocacy", "legal"]
    assert hits(store, consent="publication") == []
    before = search(store, Query("", Filters(consent="advocacy")), today=date(2020, 6, 1))
    assert pseudonyms(before) == ["expired"]
    with pytest.raises(InvalidInput):
        Filters(consent="everything")


def test_sender_of_imported_records(store):
    sender = Identity.generate().public("Field team B")
    Contacts(store).add(sender, "Field team B")
    with store.transaction() as conn:
        records.insert_new(conn, record("imported"), origin=sender.fingerprint)
    store.add(record("mine"))
    assert hits(store, senders=("local",)) == ["mine"]
    assert hits(store, senders=("field team b",)) == ["imported"]
    assert hits(store, senders=(sender.fingerprint.replace(" ", ""),)) == ["imported"]
    assert hits(store, senders=("local", "Field team B")) == ["imported", "mine"]
    with pytest.raises(InvalidInput, match="sender"):
        search(store, Query("", Filters(senders=("nobody",))))


def test_no_text_and_no_filter_finds_nothing_rather_than_everything(sample_store):
    assert search(sample_store, Query("", Filters())).total == 0
    assert search(sample_store, Query("", Filters(include_withdrawn=True))).total == 0


def test_filters_round_trip_as_json_values():
    f = Filters(types=("arrest",), date_from=d("2019-03"), places=("온성",), consent="legal",
                senders=("local",), open_ended=True)
    assert Filters.from_dict(f.to_dict()) == f
    with pytest.raises(InvalidInput):
        Filters.from_dict({"colour": "red"})
    with pytest.raises(InvalidInput):
        Filters(types="arrest")  # a string is not a tuple of types
