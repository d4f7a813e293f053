"""testimony/1: every rule of the model, round trips, and every way JSON input can be bad."""

from __future__ import annotations

import copy
import json
import uuid
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake import vocabulary
from intake.dates import PartialDate
from intake.errors import InvalidInput
from intake.model import (
    MAX_DEPTH,
    MAX_DESCRIPTION,
    MAX_DOCUMENT_BYTES,
    MAX_EVENTS,
    MAX_NARRATIVE,
    MAX_TEXT,
    AttachmentRef,
    Consent,
    Event,
    Survivor,
    Testimony,
    TestimonySummary,
    parse_testimony_json,
    parse_testimony_jsonl,
    to_jsonl,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "testimonies"
FIXTURES = sorted(DATA.glob("*.json"))
NARRATIVE = "2019년 4월 단둥에서 체포되었다. 내 동생 김철수는 아직 회령에 있다."
SECRET = "김철수"
AUDIO_ID = "8c2d1e4f-0a9b-4c3d-8e7f-6a5b4c3d2e10"


def base(**overrides: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "schema": "testimony/1",
        "id": "3f1c9a52-7d4e-4b8a-9e21-5c6d7e8f9a01",
        "revision": 1,
        "survivor": {"pseudonym": "S-0142", "sex": "female", "birth_year": 1985,
                     "origin": "함경북도 회령시"},
        "interview": {"date": "2023-08-14", "place": "Seoul", "language": "ko",
                      "interviewer": "Field team A"},
        "consent": {"recorded": "2023-08-14", "legal": True, "advocacy": False,
                    "publication": False, "withdrawn": None},
        "events": [{"type": "forced_return", "start": "2019-04", "end": None, "approx": True,
                    "place": "Tumen", "facility": "border detention centre",
                    "perpetrator": "cn_border_police", "description": "버스로 송환"}],
        "narrative": NARRATIVE,
        "attachments": [{"id": AUDIO_ID, "name": "interview-1.m4a", "media_type": "audio/mp4",
                         "sha256": "ab" * 32, "size": 1234567}],
        "redactions": [{"field": "narrative", "start": NARRATIVE.index(SECRET),
                        "end": NARRATIVE.index(SECRET) + len(SECRET), "kind": "PERSON",
                        "replacement": "[PERSON-1]"}],
    }
    d.update(overrides)
    return copy.deepcopy(d)


def with_path(d: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Set ``a.b[0].c`` in a copy of ``d``."""
    d = copy.deepcopy(d)
    node: Any = d
    parts = path.replace("]", "").replace("[", ".").split(".")
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = parts[-1]
    node[int(last) if last.isdigit() else last] = value
    return d


def refused(d: Any, field: str, *, new: bool = False) -> InvalidInput:
    with pytest.raises(InvalidInput) as e:
        Testimony.from_dict(d, new=new)
    assert e.value.field == field, (e.value.field, e.value.reason)
    assert str(e.value).startswith(field)
    assert "Traceback" not in str(e.value) and "\n" not in str(e.value)
    return e.value


# -- fixtures and round trips ------------------------------------------------------------


def test_fixtures_exist():
    assert len(FIXTURES) >= 3
    assert (DATA / "screening_batch.jsonl").is_file()


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_reads_and_writes_back_byte_for_byte(path):
    text = path.read_text("utf-8")
    t = parse_testimony_json(path.read_bytes())
    assert t == parse_testimony_json(text)
    assert Testimony.from_dict(t.to_dict()) == t
    assert t.to_json(indent=2) + "\n" == text  # the fixtures are in canonical form
    assert Testimony.from_dict(json.loads(t.to_json())) == t


def test_the_jsonl_fixture():
    ts = parse_testimony_jsonl((DATA / "screening_batch.jsonl").read_bytes())
    assert [t.survivor.pseudonym for t in ts] == ["S-0501", "S-0502", "S-0503"]
    assert to_jsonl(ts) == (DATA / "screening_batch.jsonl").read_text("utf-8")


def test_fixture_content_is_what_it_says():
    t = parse_testimony_json((DATA / "s0217_shenyang_tumen_onsong.json").read_text("utf-8"))
    places = vocabulary.load("places")
    assert [e.type for e in t.events][:5] == ["border_crossing", "arrest", "detention",
                                               "detention", "forced_return"]
    assert places.lookup(t.events[1].place).id == "cn_shenyang"
    assert places.lookup(t.events[3].place).id == "cn_tumen"
    assert t.events[5].facility_kind == "mss_holding_centre"
    assert t.events[-1].facility_kind == "jipkyulso"
    r = t.redactions[0]
    assert t.narrative[r.start:r.end] == t.names[0]
    withdrawn = parse_testimony_json((DATA / "s0412_screening_withdrawn.json").read_bytes())
    assert withdrawn.consent.covers("legal", date(2025, 1, 1))[0] is False


def test_round_trip_of_the_base_record():
    t = Testimony.from_dict(base())
    d = t.to_dict()
    assert Testimony.from_dict(d) == t
    assert Testimony.from_dict(json.loads(json.dumps(d))) == t
    assert t.to_dict() == Testimony.from_dict(d).to_dict()


def test_to_dict_keeps_design_order():
    d = Testimony.from_dict(base()).to_dict()
    assert list(d)[:10] == ["schema", "id", "revision", "survivor", "interview", "consent",
                            "events", "narrative", "attachments", "redactions"]
    assert list(d["survivor"])[:4] == ["pseudonym", "sex", "birth_year", "origin"]
    assert list(d["interview"])[:4] == ["date", "place", "language", "interviewer"]
    assert list(d["consent"])[:5] == ["recorded", "legal", "advocacy", "publication",
                                      "withdrawn"]
    design_event = ["type", "start", "end", "approx", "place", "facility", "perpetrator",
                    "description"]
    keys = list(d["events"][0])
    assert [k for k in keys if k in design_event] == design_event
    assert list(d["attachments"][0]) == ["id", "name", "media_type", "sha256", "size"]
    assert list(d["redactions"][0]) == ["field", "start", "end", "kind", "replacement"]


def test_absent_optional_parts_are_written_as_nulls_and_empty_lists():
    t = Testimony.from_dict({"schema": "testimony/1", "survivor": {"pseudonym": "S-1"}},
                            new=True)
    d = t.to_dict()
    assert d["interview"]["date"] is None and d["events"] == [] and d["names"] == []
    assert d["consent"]["legal"] is False
    assert Testimony.from_dict(d) == t


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
lines = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20) \
    .filter(lambda s: s.strip() != "")
partial = st.builds(lambda y, m, d: str(PartialDate(y, m, min(d, 28))) if m else str(y),
                    st.integers(1900, 2100), st.none() | st.integers(1, 12),
                    st.integers(1, 28))
event_dicts = st.fixed_dictionaries(
    {"type": st.sampled_from(sorted(vocabulary.load("event_types").ids()))},
    optional={
        "start": st.none() | partial,
        "approx": st.booleans(),
        "place": st.none() | texts,
        "facility_kind": st.none() | st.sampled_from(sorted(vocabulary.load("facilities").ids())),
        "perpetrator": st.none() | st.sampled_from(
            sorted(vocabulary.load("perpetrators").ids())),
        "knowledge": st.none() | st.sampled_from(["experienced", "witnessed", "heard"]),
        "description": texts,
    },
)
testimony_dicts = st.fixed_dictionaries(
    {
        "schema": st.just("testimony/1"),
        "id": st.uuids().map(str),
        "revision": st.integers(1, 10_000),
        "survivor": st.fixed_dictionaries(
            {"pseudonym": lines},
            optional={"sex": st.sampled_from(["female", "male", "other", "unknown"]),
                      "birth_year": st.integers(1900, 2020), "origin": texts,
                      "risk": st.sampled_from([[], ["in_china"],
                                               ["family_in_north_korea", "in_china"]])}),
        "interview": st.fixed_dictionaries(
            {}, optional={"date": partial, "place": texts, "language": st.sampled_from(
                ["ko", "en", "zh", "ko-KR"]), "mode": st.sampled_from(["in_person", "remote"]),
                "recorded": st.none() | st.booleans(),
                "start": st.sampled_from(["10:00+09:00", "23:59:59-03:30", "00:00Z"])}),
        "consent": st.fixed_dictionaries(
            {}, optional={"recorded": st.dates(date(1990, 1, 1), date(2030, 1, 1)).map(str),
                          "legal": st.booleans(), "advocacy": st.booleans(),
                          "explained_by": st.lists(lines, max_size=2)}),
        "events": st.lists(event_dicts, max_size=4),
        "narrative": st.text(st.characters(blacklist_categories=("Cs",),
                                           blacklist_characters="\x00"), max_size=200),
        "names": st.lists(lines, max_size=3),
    })


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(testimony_dicts)
def test_round_trip_property(d):
    t = Testimony.from_dict(d)
    again = Testimony.from_dict(json.loads(t.to_json()))
    assert again == t
    assert again.to_json() == t.to_json()


# -- new records -------------------------------------------------------------------------


def test_new_records_get_an_id_and_revision_one():
    d = base()
    del d["id"], d["revision"]
    a, b = Testimony.from_dict(d, new=True), Testimony.from_dict(d, new=True)
    assert a.id != b.id and uuid.UUID(a.id).version == 4
    assert a.revision == b.revision == 1
    assert Testimony.from_dict(base(), new=True).id == base()["id"]  # a given id is kept
    refused(d, "id")
    del d["schema"]
    refused(d, "schema", new=True)


def test_uppercase_ids_and_digests_are_stored_in_canonical_lower_case():
    d = base(id=base()["id"].upper())
    d["attachments"][0]["sha256"] = "AB" * 32
    d["attachments"][0]["id"] = AUDIO_ID.upper()
    d["attachments"][0]["media_type"] = "Audio/MP4"
    d["events"][0]["sources"] = [AUDIO_ID.upper()]
    t = Testimony.from_dict(d)
    assert t.id == base()["id"] and t.attachments[0].sha256 == "ab" * 32
    assert t.attachments[0].media_type == "audio/mp4"
    assert t.events[0].sources == (AUDIO_ID,)


# -- strictness: schema, unknown keys, names, wrong types --------------------------------


@pytest.mark.parametrize("schema", ["testimony/2", "Testimony/1", "", 1, None])
def test_only_testimony_1_is_read(schema):
    refused(base(schema=schema), "schema")


@pytest.mark.parametrize("path", [
    "extra", "survivor.nickname", "interview.weather", "consent.verbal", "events[0].victim",
    "attachments[0].path", "redactions[0].note", "survivor.prior_statements[0].person",
    "interview.persons_present[0].phone",
])
def test_unknown_keys_are_refused_at_every_level(path):
    d = base()
    d["survivor"]["prior_statements"] = [{"organisation": "Fictional NGO", "date": "2020"}]
    d["interview"]["persons_present"] = [{"role": "psychologist"}]
    e = refused(with_path(d, path, "x"), path)
    assert "unknown keys are refused" in e.reason


def test_an_unknown_key_that_looks_like_text_is_not_echoed():
    d = base()
    d["survivor"]["my brother 김철수 lives in Hoeryong"] = 1
    e = refused(d, "survivor")
    assert SECRET not in str(e)


@pytest.mark.parametrize("key", ["name", "real_name", "Name", "full-name", "surname", "이름"])
def test_the_survivor_has_no_name_field(key):
    d = base()
    d["survivor"][key] = "김영희"
    e = refused(d, f"survivor.{key}")
    assert "pseudonym" in e.reason
    assert "김영희" not in str(e)


def test_persons_present_are_never_named():
    d = base()
    d["interview"]["persons_present"] = [{"role": "lawyer", "name": "Kim"}]
    e = refused(d, "interview.persons_present[0].name")
    assert "role and organisation" in e.reason


@pytest.mark.parametrize("path, value", [
    ("revision", True), ("revision", 1.0), ("revision", "1"), ("revision", 0), ("revision", -3),
    ("survivor.birth_year", True), ("survivor.birth_year", 1985.0), ("survivor.birth_year", "1985"),
    ("survivor.pseudonym", 142), ("survivor.risk", "in_china"), ("survivor.prior_statements", {}),
    ("interview.recorded", "yes"), ("interview.recorded", 1), ("interview.persons_present", "x"),
    ("consent.legal", None), ("consent.legal", 1), ("consent.legal", "true"),
    ("consent.explained_by", "interviewer"), ("events[0].approx", "true"),
    ("events[0].sources", AUDIO_ID), ("attachments[0].size", True), ("attachments[0].size", 1.5),
    ("attachments[0].size", "12"), ("redactions[0].start", 1.0), ("narrative", 5),
    ("narrative", ["a"]), ("names", "김철수"), ("id", 12), ("interview.place", 3),
    ("events[0].place", {"city": "Tumen"}),
])
def test_wrong_json_types_name_the_field(path, value):
    refused(with_path(base(), path, value), path)


def test_wrong_types_inside_lists_name_the_item():
    refused(base(names=["김철수", 1]), "names[1]")
    refused(with_path(base(), "survivor.risk", [True]), "survivor.risk[0]")
    refused(with_path(base(), "consent.explained_by", [None]), "consent.explained_by[0]")


@pytest.mark.parametrize("path, value, field", [
    ("events", "forced_return", "events"), ("events", None, "events"),
    ("events", [[]], "events[0]"), ("events", ["arrest"], "events[0]"),
    ("survivor", "S-1", "survivor"), ("survivor", None, "survivor"),
    ("interview", [], "interview"), ("consent", "yes", "consent"),
    ("attachments", {}, "attachments"), ("redactions", [None], "redactions[0]"),
])
def test_wrong_container_types(path, value, field):
    refused(with_path(base(), path, value), field)


@pytest.mark.parametrize("top", [[], "text", 3, None, True])
def test_the_top_level_must_be_an_object(top):
    with pytest.raises(InvalidInput):
        Testimony.from_dict(top)  # type: ignore[arg-type]


def test_missing_required_fields():
    d = base()
    del d["survivor"]["pseudonym"]
    refused(d, "survivor.pseudonym")
    d = base()
    del d["events"][0]["type"]
    refused(d, "events[0].type")
    d = base()
    del d["survivor"]
    refused(d, "survivor")
    d = base()
    del d["revision"]
    refused(d, "revision")


# -- survivor ----------------------------------------------------------------------------


@pytest.mark.parametrize("pseudonym", ["", "   ", "S-1\nS-2", "S\x00", "x" * 65, "S-\t1"])
def test_bad_pseudonyms(pseudonym):
    refused(with_path(base(), "survivor.pseudonym", pseudonym), "survivor.pseudonym")


def test_good_pseudonyms():
    for p in ["S-0142", "x" * 64, "생존자 7", "A"]:
        t = Testimony.from_dict(with_path(base(), "survivor.pseudonym", p))
        assert t.survivor.pseudonym == p


def test_survivor_fields():
    refused(with_path(base(), "survivor.sex", "f"), "survivor.sex")
    refused(with_path(base(), "survivor.birth_year", 1899), "survivor.birth_year")
    refused(with_path(base(), "survivor.birth_year", date.today().year + 1), "survivor.birth_year")
    assert Testimony.from_dict(with_path(base(), "survivor.birth_year", date.today().year))
    refused(with_path(base(), "survivor.risk", ["in_danger"]), "survivor.risk[0]")
    refused(with_path(base(), "survivor.risk", ["in_china", "in_china"]), "survivor.risk")
    refused(with_path(base(), "survivor.prior_statements", [{"organisation": ""}]),
            "survivor.prior_statements[0].organisation")
    refused(with_path(base(), "survivor.prior_statements",
                      [{"organisation": "X", "date": "2020-13"}]),
            "survivor.prior_statements[0].date")
    t = Testimony.from_dict(with_path(base(), "survivor.prior_statements",
                                      [{"organisation": "Fictional NGO", "date": "2020-05"}]))
    assert t.survivor.prior_statements[0].date == PartialDate(2020, 5)


def test_the_survivor_dataclass_checks_itself():
    with pytest.raises(InvalidInput):
        Survivor(pseudonym="")
    with pytest.raises(InvalidInput):
        Survivor(pseudonym="S-1", birth_year=True)  # type: ignore[arg-type]
    assert Survivor("S-1", risk=("in_china",)).risk == ("in_china",)


# -- interview ---------------------------------------------------------------------------


def test_interview_fields():
    d = base()
    d["interview"].update({"interpreter": "Interpreter 1", "start": "10:00+09:00",
                           "end": "13:30+09:00", "mode": "in_person", "recorded": True,
                           "depth": "full", "restrictions": "breaks",
                           "persons_present": [{"role": "lawyer", "organisation": "Fictional"}]})
    t = Testimony.from_dict(d)
    assert t.interview.start is not None and t.interview.start.utcoffset() == timedelta(hours=9)
    assert t.to_dict()["interview"]["end"] == "13:30+09:00"
    for path, value in [("interview.language", "Korean"), ("interview.language", "KO"),
                        ("interview.mode", "phone"), ("interview.depth", "partial"),
                        ("interview.start", "10:00"), ("interview.end", "25:00+09:00"),
                        ("interview.date", "2023-02-30"), ("interview.date", "14/08/2023"),
                        ("interview.persons_present", [{"organisation": "X"}])]:
        field = path if path != "interview.persons_present" else f"{path}[0].role"
        refused(with_path(d, path, value), field)


def test_interview_date_may_be_partial():
    t = Testimony.from_dict(with_path(base(), "interview.date", "2023-08"))
    assert t.interview.date == PartialDate(2023, 8)


# -- consent -----------------------------------------------------------------------------


def test_consent_fields():
    for path, value in [("consent.recorded", "2023-08"), ("consent.recorded", "2023"),
                        ("consent.withdrawn", "2023-08-13"), ("consent.expires", "2023-08-14"),
                        ("consent.recontact", "no"), ("consent.identity_to_court", 0),
                        ("consent.language", "한국어"), ("consent.explained_by", [""]),
                        ("consent.form_version", "v1\nv2")]:
        field = path + ("[0]" if path == "consent.explained_by" else "")
        refused(with_path(base(), path, value), field)


def test_consent_defaults_to_nothing_given():
    c = Consent()
    assert c.scopes == ()
    for purpose in ("legal", "advocacy", "publication"):
        ok, why = c.covers(purpose, date(2024, 1, 1))
        assert not ok and "no consent" in why


def test_covers():
    c = Consent(recorded=date(2023, 8, 14), legal=True, advocacy=True, publication=False,
                expires=date(2025, 1, 1))
    assert c.covers("legal", date(2023, 8, 14)) == (True, "consent recorded on 2023-08-14 "
                                                           "covers legal use")
    assert c.covers("advocacy", date(2024, 12, 31))[0]
    ok, why = c.covers("publication", date(2024, 1, 1))
    assert not ok and "not given for publication" in why
    ok, why = c.covers("legal", date(2025, 1, 1))
    assert not ok and "expired on 2025-01-01" in why
    ok, why = c.covers("legal", date(2023, 8, 13))
    assert not ok and "only recorded on 2023-08-14" in why
    with pytest.raises(InvalidInput):
        c.covers("marketing", date(2024, 1, 1))


def test_a_withdrawal_ends_every_purpose_whatever_its_date():
    c = Consent(recorded=date(2023, 8, 14), legal=True, advocacy=True, publication=True,
                withdrawn=date(2024, 2, 1))
    for on in (date(2023, 9, 1), date(2024, 2, 1), date(2030, 1, 1)):
        for purpose in ("legal", "advocacy", "publication"):
            ok, why = c.covers(purpose, on)
            assert not ok and "withdrawn on 2024-02-01" in why
    assert c.scopes == ("legal", "advocacy", "publication")


# -- events ------------------------------------------------------------------------------


@pytest.mark.parametrize("path, value", [
    ("events[0].type", "no_such_type"), ("events[0].type", "Forced return"),
    ("events[0].facility_kind", "hotel"), ("events[0].perpetrator", "aliens"),
    ("events[0].agency", "police"), ("events[0].knowledge", "rumour"),
    ("events[0].start", "2019-04-31"), ("events[0].end", "April"),
])
def test_event_values_must_come_from_their_vocabularies(path, value):
    refused(with_path(base(), path, value), path)


def test_agency_must_be_a_state_institution():
    e = refused(with_path(base(), "events[0].agency", "broker"), "events[0].agency")
    assert "state institution" in e.reason
    t = Testimony.from_dict(with_path(base(), "events[0].agency", "kp_mps"))
    assert t.events[0].agency == "kp_mps"


def test_agency_is_never_inferred_from_the_facility():
    d = with_path(base(), "events[0].facility_kind", "jipkyulso")
    assert Testimony.from_dict(d).events[0].agency is None


@pytest.mark.parametrize("start, end, ok", [
    ("2019-05-03", "2019-05-01", False),
    ("2019-05", "2019-04", False),
    ("2020", "2019", False),
    ("2019-05-20", "2019-05", True),   # the end month may contain a later day than the start
    ("2019-05", "2019", True),
    ("2019", "2019-01-01", True),
    ("2019-05-01", "2019-05-01", True),
    (None, "2019", True),
    ("2019", None, True),
])
def test_end_must_not_precede_start(start, end, ok):
    d = with_path(with_path(base(), "events[0].start", start), "events[0].end", end)
    if ok:
        assert Testimony.from_dict(d).events[0].end == (PartialDate.parse(end) if end else None)
    else:
        refused(d, "events[0].end")


def test_event_sources_must_name_attachments_of_the_same_testimony():
    t = Testimony.from_dict(with_path(base(), "events[0].sources", [AUDIO_ID]))
    assert t.events[0].sources == (AUDIO_ID,)
    other = str(uuid.uuid4())
    refused(with_path(base(), "events[0].sources", [AUDIO_ID, other]), "events[0].sources[1]")
    refused(with_path(base(), "events[0].sources", [AUDIO_ID, AUDIO_ID]), "events[0].sources")
    refused(with_path(base(), "events[0].sources", ["not-a-uuid"]), "events[0].sources[0]")


def test_the_event_dataclass_checks_itself():
    with pytest.raises(InvalidInput):
        Event(type="nope")
    with pytest.raises(InvalidInput):
        Event(type="arrest", start=PartialDate(2020), end=PartialDate(2019))
    assert Event(type="arrest").description == ""


# -- attachments and redactions ----------------------------------------------------------


@pytest.mark.parametrize("path, value", [
    ("attachments[0].id", "1234"), ("attachments[0].sha256", "ab" * 31),
    ("attachments[0].sha256", "zz" * 32), ("attachments[0].size", -1),
    ("attachments[0].name", ""), ("attachments[0].name", "../../etc/passwd"),
    ("attachments[0].name", "a\\b.m4a"), ("attachments[0].name", "a\nb"),
    ("attachments[0].name", "x" * 256), ("attachments[0].media_type", "audio"),
    ("attachments[0].media_type", "audio/mp4; codecs=x"),
])
def test_attachment_fields(path, value):
    refused(with_path(base(), path, value), path)


def test_duplicate_attachment_ids():
    d = base()
    d["attachments"].append(dict(d["attachments"][0]))
    refused(d, "attachments")


def test_attachment_ref_as_the_store_builds_it():
    ref = AttachmentRef(id=str(uuid.uuid4()), name="photo.jpg", media_type="image/jpeg",
                        sha256="0" * 64, size=0)
    assert AttachmentRef.from_dict(ref.to_dict()) == ref


@pytest.mark.parametrize("change, field", [
    ({"end": len(NARRATIVE) + 1}, "redactions[0].end"),
    ({"start": 5, "end": 5}, "redactions[0].end"),
    ({"start": 6, "end": 5}, "redactions[0].end"),
    ({"start": -1}, "redactions[0].start"),
    ({"field": "id"}, "redactions[0].field"),
    ({"field": "schema"}, "redactions[0].field"),
    ({"field": "survivor.pseudonym"}, "redactions[0].field"),
    ({"field": "events[7].description", "start": 0, "end": 1}, "redactions[0].field"),
    ({"field": "interview.restrictions", "start": 0, "end": 1}, "redactions[0].field"),
    ({"field": "events[0].place", "start": 0, "end": 6}, "redactions[0].end"),
    ({"field": "narrative.x"}, "redactions[0].field"),
    ({"kind": "person name"}, "redactions[0].kind"),
    ({"kind": ""}, "redactions[0].kind"),
    ({"replacement": "[A]\n[B]"}, "redactions[0].replacement"),
])
def test_redaction_spans_must_lie_inside_their_field(change, field):
    d = base()
    d["redactions"][0].update(change)
    refused(d, field)


def test_redactions_of_other_fields_and_code_point_offsets():
    d = base()
    d["events"][0]["description"] = "👩‍👧 김철수"  # emoji: offsets count code points
    start = d["events"][0]["description"].index("김")
    d["redactions"].append({"field": "events[0].description", "start": start, "end": start + 3,
                            "kind": "PERSON", "replacement": "[PERSON-1]"})
    t = Testimony.from_dict(d)
    r = t.redactions[1]
    assert t.text_at(r.field)[r.start:r.end] == SECRET


def test_text_at_and_texts():
    d = base()
    d["interview"]["persons_present"] = [{"role": "lawyer", "organisation": "Fictional Org"}]
    t = Testimony.from_dict(d)
    assert t.text_at("narrative") == NARRATIVE
    assert t.text_at("events[0].place") == "Tumen"
    assert t.text_at("interview.restrictions") is None
    with pytest.raises(InvalidInput):
        t.text_at("events[3].place")
    with pytest.raises(InvalidInput):
        t.text_at("survivor.pseudonym")
    found = dict(t.texts())
    assert found["narrative"] == NARRATIVE
    assert found["interview.persons_present[0].organisation"] == "Fictional Org"
    assert found["attachments[0].name"] == "interview-1.m4a"
    assert "survivor.pseudonym" not in found and "interview.restrictions" not in found
    for path, text in t.texts():  # every path a scan reports can carry a redaction
        assert t.text_at(path) == text


def test_names_to_redact():
    t = Testimony.from_dict(base(names=["김철수", "Kim Chol-su"]))
    assert t.names == ("김철수", "Kim Chol-su")
    refused(base(names=[""]), "names[0]")
    refused(base(names=["a\nb"]), "names[0]")
    refused(base(names=["x" * 201]), "names[0]")


# -- size limits -------------------------------------------------------------------------


def test_size_limits():
    assert Testimony.from_dict(base(narrative="가" * MAX_NARRATIVE, redactions=[]))
    refused(base(narrative="가" * (MAX_NARRATIVE + 1), redactions=[]), "narrative")
    assert Testimony.from_dict(with_path(base(), "events[0].description", "x" * MAX_DESCRIPTION))
    refused(with_path(base(), "events[0].description", "x" * (MAX_DESCRIPTION + 1)),
            "events[0].description")
    assert Testimony.from_dict(with_path(base(), "events[0].place", "x" * MAX_TEXT))
    refused(with_path(base(), "events[0].place", "x" * (MAX_TEXT + 1)), "events[0].place")
    refused(with_path(base(), "survivor.origin", "x" * (MAX_TEXT + 1)), "survivor.origin")
    refused(with_path(base(), "interview.place", "x" * (MAX_TEXT + 1)), "interview.place")
    event = base()["events"][0]
    assert len(Testimony.from_dict(base(events=[event] * MAX_EVENTS)).events) == MAX_EVENTS
    refused(base(events=[event] * (MAX_EVENTS + 1)), "events")


def test_limits_do_not_echo_the_text():
    e = refused(base(narrative=SECRET * 400_000, redactions=[]), "narrative")
    assert SECRET not in str(e)


@pytest.mark.parametrize("bad", ["\ud800", "a\udfffb", "\x00"])
def test_text_must_be_valid_unicode_without_nul(bad):
    refused(base(narrative=f"앞{bad}뒤", redactions=[]), "narrative")
    refused(with_path(base(), "events[0].description", bad), "events[0].description")


def test_free_text_never_appears_in_errors():
    for path in ["survivor.sex", "events[0].type", "events[0].knowledge", "interview.mode",
                 "events[0].start", "consent.recorded", "interview.start", "survivor.pseudonym"]:
        long_value = f"그날 {SECRET}가 회령 보위부에 끌려갔다" if path != "survivor.pseudonym" \
            else f"{SECRET}\n" * 20
        e = refused(with_path(base(), path, long_value), path)
        assert SECRET not in str(e), path


def test_a_short_bad_enum_value_is_shown():
    e = refused(with_path(base(), "events[0].type", "arest"), "events[0].type")
    assert "'arest'" in e.reason


# -- summary -----------------------------------------------------------------------------


def test_summary():
    d = base()
    d["events"].append({"type": "detention"})
    d["events"].append({"type": "forced_return"})
    s = Testimony.from_dict(d).summary()
    assert s == TestimonySummary(id=d["id"], revision=1, pseudonym="S-0142",
                                 interview_date=PartialDate(2023, 8, 14), place="Seoul",
                                 event_types=("forced_return", "detention"),
                                 consent_scopes=("legal",), withdrawn=False)
    assert s.to_dict()["interview_date"] == "2023-08-14"
    w = Testimony.from_dict(with_path(base(), "consent.withdrawn", "2024-01-01")).summary()
    assert w.withdrawn and w.consent_scopes == ("legal",)


def test_replace_revalidates():
    t = Testimony.from_dict(base())
    assert replace(t, revision=2).revision == 2
    with pytest.raises(InvalidInput):
        replace(t, revision=0)
    with pytest.raises(InvalidInput):
        replace(t, narrative="short")  # the redaction no longer fits
    with pytest.raises(InvalidInput):
        replace(t, schema="testimony/2")


# -- JSON text in ------------------------------------------------------------------------


def good_json(**overrides: Any) -> str:
    return json.dumps(base(**overrides), ensure_ascii=False)


def json_refused(data: str | bytes, fragment: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as e:
        parse_testimony_json(data)
    assert fragment in str(e.value), str(e.value)
    assert "\n" not in str(e.value)
    return e.value


def test_parse_accepts_text_bytes_and_a_byte_order_mark():
    t = Testimony.from_dict(base())
    assert parse_testimony_json(good_json()) == t
    assert parse_testimony_json(good_json().encode("utf-8")) == t
    assert parse_testimony_json(b"\xef\xbb\xbf" + good_json().encode("utf-8")) == t
    assert parse_testimony_json("\n  " + good_json() + "\n") == t


@pytest.mark.parametrize("data, fragment", [
    ("", "empty"), (b"", "empty"), ("  \n\t ", "empty"), ("\ufeff", "empty"),
    ('{"schema": "testimony/1", "survivor": {"pseudo', "not valid JSON"),
    ("{", "not valid JSON"), ("{'a': 1}", "not valid JSON"), ("{} {}", "not valid JSON"),
    ("[]", "top level must be a JSON object"), ('"text"', "top level"), ("null", "top level"),
    ("42", "top level"),
    ('{"schema": "testimony/1", "schema": "testimony/1"}', "repeats the key 'schema'"),
    ('{"revision": NaN}', "NaN"), ('{"revision": Infinity}', "Infinity"),
    ('{"revision": ' + "9" * 5000 + "}", "too many digits"),
    (b"\xff\xfe{}", "not valid UTF-8"), (b'{"narrative": "\xed\xa0\x80"}', "not valid UTF-8"),
])
def test_bad_json_gets_one_clear_line(data, fragment):
    json_refused(data, fragment)


def test_malformed_json_reports_where():
    e = json_refused('{\n  "schema": "testimony/1",\n  "id": \n}', "line 4")
    assert "column" in str(e)


def test_truncated_fixture():
    text = FIXTURES[0].read_text("utf-8")
    for cut in (1, len(text) // 3, len(text) // 2, len(text) - 3):
        json_refused(text[:cut], "not valid JSON")


def test_deep_nesting_is_refused_not_crashed():
    for depth in (MAX_DEPTH + 1, 1_000, 100_000):
        json_refused('{"narrative": ' + "[" * depth + "]" * depth + "}", "nested more than")
    # an unknown deep key inside an otherwise fine record: the depth is checked first
    json_refused(good_json(extra=json.loads("[" * 60 + "]" * 60)), "nested more than")


def test_oversize_input_is_refused_before_parsing():
    huge = b" " * (MAX_DOCUMENT_BYTES + 1)
    json_refused(huge, "larger than")


def test_lone_surrogate_escapes_are_refused():
    with pytest.raises(InvalidInput) as e:
        parse_testimony_json(good_json(narrative="x", redactions=[]).replace(
            '"narrative": "x"', '"narrative": "\\ud800"'))
    assert e.value.field == "narrative"


def test_field_errors_from_text_name_the_path():
    d = base()
    d["events"][0]["type"] = "nope"
    with pytest.raises(InvalidInput) as e:
        parse_testimony_json(json.dumps(d))
    assert e.value.field == "events[0].type"


# -- JSON Lines --------------------------------------------------------------------------


def jsonl(*records: dict[str, Any] | str) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                     for r in records) + "\n"


def other(n: int) -> dict[str, Any]:
    return base(id=str(uuid.UUID(int=n, version=4)))


def jsonl_refused(data: str | bytes, field: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as e:
        parse_testimony_jsonl(data)
    assert e.value.field == field, str(e.value)
    assert "\n" not in str(e.value)
    return e.value


def test_jsonl_reads_every_line_and_skips_blank_ones():
    data = "\n" + jsonl(other(1), "", "   ", other(2)) + "\n\n"
    ts = parse_testimony_jsonl(data)
    assert [t.id for t in ts] == [other(1)["id"], other(2)["id"]]
    assert parse_testimony_jsonl(data.replace("\n", "\r\n").encode("utf-8")) == ts


def test_jsonl_names_the_bad_line_and_its_field():
    bad = with_path(other(3), "events[0].type", "no_such_type")
    e = jsonl_refused(jsonl(other(1), other(2), bad), "line 3: events[0].type")
    assert str(e).startswith("line 3: events[0].type: ")


def test_jsonl_counts_blank_lines_in_line_numbers():
    jsonl_refused(jsonl(other(1), "", '{"schema": '), "line 3")


def test_jsonl_bad_json_and_bad_utf8_name_the_line():
    e = jsonl_refused(jsonl(other(1), "{not json}", other(2)), "line 2")
    assert "not valid JSON" in e.reason
    data = jsonl(other(1), other(2)).encode("utf-8") + b'{"narrative": "\xff"}\n'
    e = jsonl_refused(data, "")
    assert "line 3" in e.reason and "UTF-8" in e.reason


def test_jsonl_whole_file_is_refused_if_any_line_is_bad():
    with pytest.raises(InvalidInput):
        parse_testimony_jsonl(jsonl(other(1), other(2), "[]"))


def test_jsonl_refuses_the_same_id_twice():
    e = jsonl_refused(jsonl(other(1), other(2), other(1)), "line 3: id")
    assert "line 1" in e.reason


@pytest.mark.parametrize("data", ["", "\n\n", "   \n", b""])
def test_jsonl_empty(data):
    e = jsonl_refused(data, "")
    assert "empty" in e.reason


def test_jsonl_new_records_get_fresh_ids():
    d = base()
    del d["id"], d["revision"]
    ts = parse_testimony_jsonl(jsonl(d, d), new=True)
    assert len({t.id for t in ts}) == 2
    jsonl_refused(jsonl(d), "line 1: id")


def test_jsonl_deeply_nested_line():
    jsonl_refused(jsonl(other(1), '{"a": ' + "[" * 200 + "]" * 200 + "}"), "line 2")
