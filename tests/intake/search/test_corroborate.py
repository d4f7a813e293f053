"""Corroboration: who else was there, then, and what exactly they share."""

from __future__ import annotations

import pytest

from intake.errors import NotFound
from intake.search.corroborate import corroborating
from tests.intake.search.conftest import event, record, samples

WITHDRAWN = {"recorded": "2020-01-01", "legal": True, "withdrawn": "2021-01-01"}


@pytest.fixture
def case(store):
    x = next(t for t in samples() if t.survivor.pseudonym == "S-0217")
    store.add_many([
        x,
        record("jipkyulso", events=[event("forced_labour", "2019", approx=True, place="청진시",
                                          facility_kind="jipkyulso")]),
        record("too-early", events=[event("interrogation", "2015", place="Onsong",
                                          facility_kind="mss_holding_centre",
                                          perpetrator="kp_mss")]),
        record("same-place", events=[event("arrest", "2019-04-20", place="온성")]),
        record("bowibu-elsewhere", events=[event("torture", "2019-05", place="Hyesan",
                                                 perpetrator="kp_mss")]),
        record("undated", events=[event("forced_labour", place="Chongjin",
                                        facility_kind="jipkyulso")]),
        record("withdrawn", consent=WITHDRAWN,
               events=[event("forced_labour", "2019-06", place="Chongjin",
                             facility_kind="jipkyulso")]),
        record("province", events=[event("detention", "2019", place="함경북도")]),
        record("unrelated", events=[event("arrest", "2019-04", place="Seoul")]),
    ])
    return x.id


def names(found) -> list[str]:
    return [c.summary.pseudonym for c in found]


def test_ranked_by_what_they_share(store, case):
    found = corroborating(store, case)
    assert names(found) == ["jipkyulso", "same-place", "bowibu-elsewhere", "province"]
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_what_is_shared_is_spelled_out(store, case):
    by_name = {c.summary.pseudonym: c for c in corroborating(store, case)}
    (shared,) = by_name["jipkyulso"].shared
    assert shared.kind == "facility" and shared.event == 8 and shared.other_event == 0
    assert shared.detail == ("same facility kind jipkyulso at Chongjin, ≈2019-05–2019-07 / "
                             "≈2019 (both forced_labour)")
    assert by_name["same-place"].describe()[0].startswith("same place Onsong, ")
    assert by_name["bowibu-elsewhere"].describe() == [
        "same perpetrator kp_mss, ≈2019-04–2019-05 / 2019-05"]
    assert by_name["province"].describe()[0].startswith("Onsong within North Hamgyong")


def test_dates_must_overlap_and_be_known(store, case):
    found = names(corroborating(store, case))
    assert "too-early" not in found and "undated" not in found and "unrelated" not in found


def test_withdrawn_left_out_unless_asked(store, case):
    assert "withdrawn" not in names(corroborating(store, case))
    assert "withdrawn" in names(corroborating(store, case, include_withdrawn=True))


def test_one_shared_facility_counts_once_however_many_events(store):
    a = store.add(record("a", events=[
        event("interrogation", "2019-04", place="Onsong", facility_kind="mss_holding_centre"),
        event("torture", "2019-04", place="Onsong", facility_kind="mss_holding_centre")]))
    store.add(record("b", events=[
        event("interrogation", "2019-04", place="Onsong", facility_kind="mss_holding_centre"),
        event("ill_treatment", "2019-04", place="Onsong", facility_kind="mss_holding_centre")]))
    (c,) = corroborating(store, a.id)
    assert [s.kind for s in c.shared] == ["facility"]
    assert c.score == 3.5  # the facility, and both were interrogations there


def test_a_testimony_without_dated_events_has_no_corroboration(store):
    a = store.add(record("a", events=[event("arrest", place="Onsong")]))
    store.add(record("b", events=[event("arrest", "2019", place="Onsong")]))
    assert corroborating(store, a.id) == []


def test_unknown_testimony(store):
    with pytest.raises(NotFound):
        corroborating(store, "00000000-0000-4000-8000-000000000000")
