"""Interviewer → legal teams → receipts back → withdrawal → notices applied, on real stores."""

from __future__ import annotations

import pytest

from intake.bundle import ExportRequest, export_bundle
from intake.custody import ledger
from intake.custody.dispatch import import_file, verify_file
from intake.custody.receipts import write_receipt
from intake.custody.withdraw import withdraw
from intake.errors import ConsentRefused
from intake.search.engine import search
from intake.search.filters import Filters
from intake.search.query import Query
from tests.intake.custody.conftest import fake_renderer, snapshot


def test_the_whole_chain_of_custody(trio):
    t1 = trio.testimony()
    t2 = trio.testimony(survivor={"pseudonym": "S-0200", "sex": "male", "birth_year": 1979})
    b1 = trio.export("b1.tib.age", to=("Legal", "Legal C"), ids=(t1.id, t2.id))
    b2 = trio.export("b2.tib.age", ids=(t1.id,))
    rows = ledger.transfers(trio.field, t1.id)
    assert [(r.recipient_label, r.delivered) for r in rows] == [
        ("Legal", False), ("Legal C", False), ("Legal", False)]
    assert len(ledger.transfers(trio.field, t2.id)) == 2
    assert len(ledger.transfers(trio.field)) == 3

    trio.deliver(b1, trio.legal, trio.legal2)
    trio.deliver(b2, trio.legal)

    # Receipts: the legal team writes one, the interviewer imports it.
    b1_id = rows[0].bundle_id
    written = write_receipt(trio.legal, b1_id[:8], trio.tmp / "r1.tir.age")
    assert written.sender_label == "Field A"
    assert {r.testimony_id for r in written.receipt.records} == {t1.id, t2.id}
    assert verify_file(trio.field, written.path).kind == "receipt"
    done = import_file(trio.field, written.path)
    assert done.kind == "receipt" and not done.receipt.already_recorded
    rows = ledger.transfers(trio.field, t1.id)
    assert [r.delivered for r in rows] == [True, False, False]
    assert rows[0].delivery.receipt_id == written.receipt.receipt_id
    before = snapshot(trio.field)
    assert import_file(trio.field, written.path).receipt.already_recorded
    again = write_receipt(trio.legal, b1_id, trio.tmp / "r1-again.tir.age")
    assert import_file(trio.field, again.path).receipt.already_recorded
    assert snapshot(trio.field) == before

    # Withdrawal: one notice per recipient, listing the bundles it holds.
    out = trio.outbox()
    result = withdraw(trio.field, t1.id, out, note="Withdrawn by phone call")
    assert result.newly_withdrawn and result.revision == 2
    by_label = {n.recipient_label: n for n in result.notices}
    assert set(by_label) == {"Legal", "Legal C"}
    assert set(by_label["Legal"].bundle_ids) == {b1_id, rows[2].bundle_id}
    assert by_label["Legal C"].bundle_ids == (b1_id,)
    assert sorted(p.name for p in out.iterdir()) == sorted(n.path.name for n in result.notices)
    assert trio.field.get(t1.id).consent.withdrawn == result.withdrawn
    with pytest.raises(ConsentRefused, match="withdrawn"):
        trio.export("b3.tib.age", ids=(t1.id,))
    assert all(r.notices for r in ledger.transfers(trio.field, t1.id))
    assert not any(r.notices for r in ledger.transfers(trio.field, t2.id))

    # The legal team applies its notice: the record is kept, withdrawn, out of search.
    assert verify_file(trio.legal, by_label["Legal"].path).kind == "notice"
    assert search(trio.legal.conn, Query("단둥")).total == 2
    applied = import_file(trio.legal, by_label["Legal"].path)
    assert applied.kind == "notice" and applied.notice.newly_withdrawn
    kept = trio.legal.get(t1.id)
    assert kept.consent.withdrawn == result.withdrawn
    assert kept.consent.withdrawal_note == "Withdrawn by phone call"
    assert len(trio.legal.revisions(t1.id)) == 2
    assert search(trio.legal.conn, Query("단둥")).total == 1
    assert search(trio.legal.conn, Query("단둥", Filters(include_withdrawn=True))).total == 2
    actions = [e.action for e in trio.legal.audit.entries([t1.id])]
    assert actions[-2:] == ["testimony.save", "notice.import"] and "import" in actions
    with pytest.raises(ConsentRefused, match="withdrawn"):
        export_bundle(trio.legal, ExportRequest(("Field A",), "legal", "full", (t1.id,),
                                                allow_unverified=True),
                      trio.tmp / "onward.tib.age", renderer=fake_renderer)
    before = snapshot(trio.legal)
    assert import_file(trio.legal, by_label["Legal"].path).notice.already_applied
    assert snapshot(trio.legal) == before

    assert import_file(trio.legal2, by_label["Legal C"].path).notice.newly_withdrawn
    for store in (trio.field, trio.legal, trio.legal2):
        assert store.check().ok


def test_withdrawing_again_writes_fresh_notices_without_a_new_revision(trio):
    t = trio.testimony()
    trio.deliver(trio.export("b.tib.age"))
    first = withdraw(trio.field, t.id, trio.outbox("one"))
    second = withdraw(trio.field, t.id, trio.outbox("two"), note="again")
    assert not second.newly_withdrawn and second.revision == first.revision == 2
    assert second.notices[0].notice_id != first.notices[0].notice_id
    assert import_file(trio.legal, first.notices[0].path).notice.newly_withdrawn
    later = import_file(trio.legal, second.notices[0].path).notice
    assert not later.already_applied and not later.newly_withdrawn
    assert len(trio.legal.revisions(t.id)) == 2


def test_a_testimony_never_exported_is_withdrawn_without_notices(trio):
    t = trio.testimony()
    out = trio.outbox()
    result = withdraw(trio.field, t.id, out)
    assert result.newly_withdrawn and result.notices == () and list(out.iterdir()) == []
    entry = trio.field.audit.entries([t.id])[-1]
    assert entry.action == "consent.withdraw" and entry.detail["notices"] == []


def test_a_later_bundle_cannot_undo_a_withdrawal_notice(trio):
    from dataclasses import replace

    t = trio.testimony()
    trio.deliver(trio.export("b1.tib.age"))
    result = withdraw(trio.field, t.id, trio.outbox())
    import_file(trio.legal, result.notices[0].path)
    # The interviewer clears the withdrawal by hand and exports the record again.
    current = trio.field.get(t.id)
    trio.field.save(replace(current, consent=replace(current.consent, withdrawn=None)))
    trio.deliver(trio.export("b2.tib.age"))
    assert trio.legal.get(t.id).consent.withdrawn == result.withdrawn
