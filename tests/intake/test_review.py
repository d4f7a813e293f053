"""Reviewing redactions headless: decisions, numbering, manual spans, names, undo, images."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from intake import review, review_commands
from intake.errors import Cancelled, InvalidInput
from intake.model import KEEP, AttachmentRef, ImageRedaction, Redaction, Testimony
from intake.redaction import Finding
from intake.review import ReviewState, Status, apply, redacted_text
from intake.review_commands import History
from tests.samples import make_testimony

FIXTURE = "data/testimonies/s0217_shenyang_tumen_onsong.json"
NARRATIVE = "김영희와 함께 갔다. 영희는 010-1234-5678로 연락했다. 박철도 왔다."
DESCRIPTION = "김영희가 010 1234 5678 번호를 알려주었다."


def found(text: str, part: str, kind: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Finding(start, start + len(part), kind, part, 0.9)


def sample(**kw) -> Testimony:
    t = make_testimony(narrative=NARRATIVE)
    events = (replace(t.events[0], description=DESCRIPTION),)
    return replace(t, events=events, **kw)


def findings() -> dict[str, list[Finding]]:
    return {
        "narrative": [found(NARRATIVE, "김영희", "PERSON"), found(NARRATIVE, "영희", "PERSON", 1),
                      found(NARRATIVE, "010-1234-5678", "PHONE"),
                      found(NARRATIVE, "박철", "PERSON")],
        "events[0].description": [found(DESCRIPTION, "김영희", "PERSON"),
                                  found(DESCRIPTION, "010 1234 5678", "PHONE")],
    }


@pytest.fixture
def state() -> ReviewState:
    return ReviewState.from_testimony(sample(), findings())


def key(path: str, text: str, part: str, nth: int = 0) -> tuple[str, int, int]:
    f = found(text, part, "X", nth)
    return (path, f.start, f.end)


def test_every_finding_starts_undecided_and_is_counted_by_kind(state):
    assert [i.text for i in state.items] == ["김영희", "영희", "010-1234-5678", "박철", "김영희",
                                             "010 1234 5678"]
    assert {i.status for i in state.items} == {Status.UNDECIDED}
    assert state.undecided_counts() == {"PERSON": 4, "PHONE": 2}
    assert state.undecided == 6


def test_same_text_gets_the_same_label_everywhere_numbered_by_first_appearance(state):
    labels = {i.text: state.replacements[i.key] for i in state.items}
    assert labels["김영희"] == labels["영희"] == "[PERSON-1]"  # 영희는: part of 김영희
    assert labels["박철"] == "[PERSON-2]"
    assert labels["010-1234-5678"] == labels["010 1234 5678"] == "[PHONE-1]"
    in_event = [i for i in state.items if i.field == "events[0].description"]
    assert state.replacements[in_event[0].key] == "[PERSON-1]"


def test_a_part_of_a_name_takes_that_names_label_unless_two_names_could_be_meant():
    key = review.person_key
    assert key("향미는", ["박향미"]) == key("박향미", [])  # listed, with a particle
    assert key("영수", ["김영희"]) == "영수"
    assert key("Young-hee", [], ["Kim Young-hee"]) == key("Kim Young-hee", [])
    assert key("영희", [], ["김영희", "박영희", "영희"]) == "영희"  # which one? keep apart
    assert key("영희", ["박영희"], ["김영희"]) == key("박영희", [])  # the list decides
    text = "김영희와 박영희가 왔다. 영희는 울었다."
    t = sample(narrative=text)
    state = ReviewState.from_testimony(t, {"narrative": [
        found(text, "김영희", "PERSON"), found(text, "박영희", "PERSON"),
        found(text, "영희", "PERSON", 2)]})
    assert [state.replacements[i.key] for i in state.items] == [
        "[PERSON-1]", "[PERSON-2]", "[PERSON-3]"]


def test_apply_stores_accepted_as_labels_and_rejected_as_keep_and_leaves_text(state):
    items = state.items
    state = state.set_status([items[0].key, items[2].key], Status.ACCEPTED)
    state = state.set_status([items[3].key], Status.REJECTED)
    t = apply(state)
    assert t.narrative == NARRATIVE and t.events[0].description == DESCRIPTION
    assert [(r.field, NARRATIVE[r.start:r.end], r.kind, r.replacement) for r in t.redactions] == [
        ("narrative", "김영희", "PERSON", "[PERSON-1]"),
        ("narrative", "010-1234-5678", "PHONE", "[PHONE-1]"),
        ("narrative", "박철", KEEP, "")]
    assert Testimony.from_dict(t.to_dict()) == t  # a valid testimony/1


def test_stored_decisions_come_back_and_a_stale_keep_is_dropped():
    chul, together = key("n", NARRATIVE, "박철"), key("n", NARRATIVE, "함께")
    t = sample(redactions=(Redaction("narrative", 0, 3, "PERSON", "[PERSON-1]"),
                           Redaction("narrative", chul[1], chul[2], KEEP, ""),
                           Redaction("narrative", 1, 3, KEEP, ""),
                           Redaction("narrative", together[1], together[2], "OTHER", "[X-1]")))
    state = ReviewState.from_testimony(t, findings())
    by_text = {i.text: i for i in state.items if i.field == "narrative"}
    assert by_text["김영희"].status is Status.ACCEPTED and by_text["김영희"].detected
    assert by_text["박철"].status is Status.REJECTED
    assert by_text["함께"].status is Status.ACCEPTED and not by_text["함께"].detected  # manual
    assert by_text["영희"].status is Status.UNDECIDED
    assert not any(r.kind == KEEP and r.start == 1 for r in apply(state).redactions)


def test_the_survivors_own_name_becomes_the_pseudonym_and_comes_back_from_the_store(state):
    first = state.items[0]
    state = state.mark_survivor(first.key)
    assert state.item(first.key).status is Status.ACCEPTED
    assert state.replacements[first.key] == "S-0142"
    assert state.replacements[state.items[4].key] == "S-0142"  # 김영희 in the event too
    assert state.replacements[state.items[1].key] == "S-0142"  # 영희: part of 김영희
    assert state.replacements[state.items[3].key] == "[PERSON-1]"  # the next person is 1
    again = ReviewState.from_testimony(apply(state), findings())
    assert again.replacements[first.key] == "S-0142"


def test_accept_all_of_one_kind_leaves_other_kinds_and_decided_ones(state):
    state = state.set_status([state.items[3].key], Status.REJECTED)
    state = state.accept_kind("PERSON")
    assert {i.text: i.status for i in state.items if i.kind == "PERSON"} == {
        "김영희": Status.ACCEPTED, "영희": Status.ACCEPTED, "박철": Status.REJECTED}
    assert state.undecided_counts() == {"PHONE": 2}


def test_a_manual_redaction_is_trimmed_covers_findings_inside_and_can_be_taken_back(state):
    covered = state.redact("narrative", 0, NARRATIVE.index("영희는"), "OTHER")  # ends in " "
    manual = [i for i in covered.items if not i.detected]
    assert [(i.text, i.kind, i.status) for i in manual] == [("김영희와 함께 갔다.", "OTHER",
                                                            Status.ACCEPTED)]
    assert "김영희" not in [i.text for i in covered.items if i.field == "narrative"]
    assert covered.redact("narrative", 4, 5, "OTHER") is covered  # only white space
    back = covered.set_status([manual[0].key], Status.REJECTED)
    assert [i.text for i in back.items] == [i.text for i in state.items]


def test_redacting_exactly_a_finding_accepts_it_with_the_kind_chosen(state):
    k = key("narrative", NARRATIVE, "박철")
    state = state.redact(*k, "OTHER")
    assert state.item(k).status is Status.ACCEPTED and state.item(k).kind == "OTHER"
    with pytest.raises(InvalidInput):
        state.redact("survivor.name", 0, 1, "PERSON")


def test_the_preview_replaces_accepted_and_undecided_but_not_rejected(state):
    state = state.set_status([state.items[3].key], Status.REJECTED)
    shown = redacted_text(NARRATIVE, state.spans("narrative"))
    assert shown == "[PERSON-1]와 함께 갔다. [PERSON-1]는 [PHONE-1]로 연락했다. 박철도 왔다."
    assert redacted_text(NARRATIVE, state.spans("narrative", undecided=False)) == NARRATIVE


def test_overlapping_spans_are_replaced_once_by_the_longest():
    spans = [Redaction("narrative", 0, 3, "PERSON", "[PERSON-1]"),
             Redaction("narrative", 1, 8, "OTHER", "[OTHER-1]"),
             Redaction("narrative", 10, 12, KEEP, "")]
    assert redacted_text("0123456789abcd", spans) == "[OTHER-1]89abcd"


def test_next_and_previous_undecided_wrap_round(state):
    items = state.items
    state = state.set_status([items[1].key], Status.ACCEPTED)
    assert state.step(items[0].key).key == items[2].key  # skips the decided one
    assert state.step(items[5].key).key == items[0].key  # wraps
    assert state.step(items[0].key, backwards=True).key == items[5].key
    assert state.step(None).key == items[0].key
    assert state.item_at("narrative", 1).key == items[0].key


def test_undo_and_redo_walk_the_command_stack(state):
    history = History(state)
    first = state.items[0].key
    assert history.do(review_commands.accept([first]))
    assert history.do(review_commands.accept_kind("PHONE"))
    assert not history.do(review_commands.accept([first]))  # changed nothing: not recorded
    assert history.undo_name() == "accept_kind"
    history.undo()
    assert history.state.undecided_counts() == {"PERSON": 3, "PHONE": 2}
    history.undo()
    assert history.state is state and history.undo() is None
    history.redo()
    assert history.state.item(first).status is Status.ACCEPTED
    history.do(review_commands.reject([state.items[3].key]))
    assert history.redo() is None  # a new command drops the redo branch


def test_rebase_keeps_the_review_on_a_newer_revision_with_the_same_text(state):
    history = History(state)
    history.do(review_commands.accept([state.items[0].key]))
    newer = replace(state.testimony, revision=2)
    history.rebase(newer)
    assert history.state.testimony.revision == 2
    history.undo()
    assert history.state.testimony.revision == 2
    with pytest.raises(InvalidInput):
        history.rebase(replace(newer, narrative="다른 내용"))


def test_redetection_never_unredacts_what_was_accepted(state):
    phone = key("narrative", NARRATIVE, "010-1234-5678")
    state = state.set_status([phone], Status.ACCEPTED)
    rest = findings()
    rest["narrative"] = [f for f in rest["narrative"] if f.kind != "PHONE"]  # no longer found
    after = state.with_names(["박철"], rest)
    item = after.item(phone)
    assert item.status is Status.ACCEPTED and not item.detected
    assert any(r.start == phone[1] for r in apply(after).redactions)


def test_names_are_cleaned_and_checked(state):
    state = state.with_names(["  김  영희 ", "김 영희"], findings())
    assert state.names == ("김 영희",)
    with pytest.raises(InvalidInput):
        state.with_names(["a" * 201], findings())
    with pytest.raises(InvalidInput):
        state.with_names(["a\x07b"], findings())


# -- with the real detector --------------------------------------------------------------


@pytest.fixture(scope="module")
def detector():
    from intake.redaction import default_detector

    d = default_detector()
    d.warm_up()
    return d


def test_adding_a_name_redetects_and_accepts_a_later_mention_with_a_particle(detector):
    t = make_testimony(narrative="언니와 국경을 건넜다. 그날 향미는 울었다.")
    state = ReviewState.from_testimony(t, review.detect_fields(t, t.names, detector))
    assert "향미" not in [i.text for i in state.items]  # the detector alone misses it
    names = [*state.names, "박향미"]
    state = state.with_names(names, review.detect_fields(t, names, detector))
    mentions = [i for i in state.items if "향미" in i.text]
    assert [(i.text, i.status) for i in mentions] == [("향미", Status.ACCEPTED)]
    stored = apply(state)
    assert stored.names == ("박향미",)
    assert redacted_text(stored.narrative, stored.redactions).endswith("그날 [PERSON-1]는 울었다.")


def test_detection_reports_progress_and_can_be_cancelled(detector):
    t = sample()
    seen: list[float] = []
    out = review.detect_fields(t, (), detector, progress=seen.append)
    assert set(out) == {p for p, _ in t.texts()} and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        review.detect_fields(t, (), detector, cancelled=lambda: True)


# -- image boxes in the model ------------------------------------------------------------


def with_image(**box) -> dict:
    ref = AttachmentRef(str(uuid.uuid4()), "photo.jpg", "image/jpeg",
                        hashlib.sha256(b"x").hexdigest(), 1)
    d = make_testimony().to_dict()
    d["attachments"] = [ref.to_dict()]
    d["image_redactions"] = [{"attachment": ref.id, "x": 1, "y": 2, "width": 30, "height": 40,
                              **box}]
    return d


def test_image_boxes_round_trip_and_are_written_last_only_when_present():
    t = Testimony.from_dict(with_image())
    assert t.image_redactions == (ImageRedaction(t.attachments[0].id, 1, 2, 30, 40),)
    assert list(t.to_dict())[-1] == "image_redactions"
    assert Testimony.from_dict(json.loads(t.to_json())) == t
    plain = replace(t, image_redactions=())
    assert "image_redactions" not in plain.to_dict()
    fixture = Path(__file__).parents[1] / FIXTURE
    assert Testimony.from_dict(json.loads(fixture.read_text("utf-8"))).to_json(indent=2) + "\n" \
        == fixture.read_text("utf-8")


@pytest.mark.parametrize(("box", "where"), [
    ({"attachment": str(uuid.uuid4())}, "image_redactions[0].attachment"),
    ({"width": 0}, "image_redactions[0].width"),
    ({"height": -3}, "image_redactions[0].height"),
    ({"x": -1}, "image_redactions[0].x"),
    ({"y": True}, "image_redactions[0].y"),
    ({"x": 2_000_000}, "image_redactions[0].x"),
    ({"colour": "black"}, "image_redactions[0].colour"),
])
def test_bad_image_boxes_are_refused_naming_the_field(box, where):
    with pytest.raises(InvalidInput) as e:
        Testimony.from_dict(with_image(**box))
    assert e.value.field == where
