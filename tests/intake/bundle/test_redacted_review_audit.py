"""Saving a redaction review writes a ``redaction.decide`` audit entry of counts (never text)
with the revision, in the same transaction; and that entry travels in a redacted bundle's
custody log without carrying any word of the testimony."""

from __future__ import annotations

import json

import pytest

from intake.errors import IntakeError
from intake.redaction import Finding
from intake.review import ReviewState, Status, apply
from intake.review_audit import DECIDE, decision_counts, save_decisions
from tests.intake.bundle import craft
from tests.samples import make_testimony

NARRATIVE = "김영희와 함께 갔다. 영희는 010-1234-5678로 연락했다. 박철도 왔다."


def found(part: str, kind: str) -> Finding:
    start = NARRATIVE.index(part)
    return Finding(start, start + len(part), kind, part, 0.9)


def reviewed(t):
    state = ReviewState.from_testimony(t, {"narrative": [
        found("김영희", "PERSON"), found("010-1234-5678", "PHONE"), found("박철", "PERSON")]})
    state = state.set_status([("narrative", *_span("김영희"))], Status.ACCEPTED)
    state = state.set_status([("narrative", *_span("010-1234-5678"))], Status.REJECTED)
    state = state.redact("narrative", *_span("영희는"), "OTHER")
    return state.with_names(["김영희"], state.findings)


def _span(part: str) -> tuple[int, int]:
    start = NARRATIVE.index(part, 1 if part == "영희는" else 0)
    return start, start + len(part)


def test_counts_by_kind_and_never_text():
    t = make_testimony(narrative=NARRATIVE)
    counts = decision_counts(reviewed(t))
    assert counts["accepted"] == {"PERSON": 1}
    assert counts["rejected"] == {"PHONE": 1}
    assert counts["manual"] == {"OTHER": 1}
    assert counts["undecided"] == {"PERSON": 1}
    assert counts["names"] == 1
    text = json.dumps(counts, ensure_ascii=False)
    assert not any(word in text for word in ("김영희", "영희", "박철", "010"))


def test_saving_decisions_writes_the_entry_with_the_revision(store):
    t = store.add(make_testimony(narrative=NARRATIVE))
    state = reviewed(t)
    stored = save_decisions(store, apply(state), decision_counts(state))
    entries = store.audit.entries([t.id])
    assert [e.action for e in entries] == ["testimony.create", "testimony.save", DECIDE]
    decide = entries[-1]
    assert decide.detail["revision"] == stored.revision == 2
    assert decide.detail["rejected"] == {"PHONE": 1}
    assert store.audit.problems() == []


def test_a_stale_save_writes_neither_the_revision_nor_the_entry(store):
    t = store.add(make_testimony(narrative=NARRATIVE))
    state = reviewed(t)
    save_decisions(store, apply(state), decision_counts(state))
    before = [e.action for e in store.audit.entries([t.id])]
    with pytest.raises(IntakeError):
        save_decisions(store, apply(state), decision_counts(state))  # from revision 1 again
    assert [e.action for e in store.audit.entries([t.id])] == before
    assert store.get(t.id).revision == 2


def test_the_entry_travels_in_a_redacted_bundle_without_text(pair):
    t = pair.field.add(make_testimony(narrative=NARRATIVE))
    state = reviewed(t)
    save_decisions(pair.field, apply(state), decision_counts(state))
    bundle = pair.export(level="redacted", accept_risk=True)
    entries = dict(craft.unpack(pair.plain_tar(bundle))[0])
    custody = [json.loads(line) for line in entries["custody.jsonl"].decode().splitlines()]
    (decide,) = [c for c in custody if c["action"] == DECIDE]
    assert decide["detail"]["accepted"] == {"PERSON": 1}
    assert "김영희".encode() not in entries["custody.jsonl"]
