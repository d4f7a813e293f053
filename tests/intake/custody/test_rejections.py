"""Forged, replayed, mismatched and malformed notices and receipts: each refused with one
clear line, the store unchanged."""

from __future__ import annotations

import hashlib
import json
import uuid

import pytest

from intake.contacts import Contacts
from intake.custody import ledger
from intake.custody.dispatch import import_file
from intake.custody.receipts import write_receipt
from intake.custody.withdraw import withdraw
from intake.errors import BundleRejected, IntakeError, InvalidInput, NotFound
from tests.intake.custody import forge
from tests.intake.custody.conftest import snapshot


@pytest.fixture
def sent(trio):
    """A testimony exported to Legal and imported there; the ledger row."""
    t = trio.testimony()
    trio.deliver(trio.export("b.tib.age"))
    row = ledger.transfers(trio.field, t.id)[0]
    trio.t, trio.row = t, row
    return trio


def refused(store, path, match: str) -> None:
    before = snapshot(store)
    with pytest.raises(BundleRejected, match=match) as info:
        import_file(store, path)
    assert "\n" not in str(info.value)
    assert snapshot(store) == before


# -- notices ------------------------------------------------------------------------------

def test_a_notice_from_an_unknown_sender_is_refused(sent, new_store):
    mallory, _ = new_store("mallory", label="Field team A")
    path = forge.seal(forge.notice(mallory, sent.legal, sent.t.id, [sent.row.bundle_id]),
                      mallory, sent.legal, sent.tmp / "n.tin.age")
    refused(sent.legal, path, "unknown sender")


def test_a_notice_from_a_contact_who_did_not_send_the_record_is_refused(sent):
    Contacts(sent.legal).add(sent.legal2.identity_card(), "Other team")
    path = forge.seal(forge.notice(sent.legal2, sent.legal, sent.t.id, [sent.row.bundle_id]),
                      sent.legal2, sent.legal, sent.tmp / "n.tin.age")
    refused(sent.legal, path, "did not come from the sender")


def test_a_notice_for_an_unknown_record_is_refused(sent):
    path = forge.seal(forge.notice(sent.field, sent.legal, str(uuid.uuid4()),
                                   [sent.row.bundle_id]),
                      sent.field, sent.legal, sent.tmp / "n.tin.age")
    refused(sent.legal, path, "not in this store")


def test_a_notice_naming_other_bundles_is_refused(sent):
    path = forge.seal(forge.notice(sent.field, sent.legal, sent.t.id, [str(uuid.uuid4())]),
                      sent.field, sent.legal, sent.tmp / "n.tin.age")
    refused(sent.legal, path, "none of the bundles")


def test_a_notice_addressed_to_another_store_is_refused(sent):
    path = forge.seal(forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id],
                                   recipient=sent.legal2.identity_card().fingerprint),
                      sent.field, sent.legal, sent.tmp / "n.tin.age")
    refused(sent.legal, path, "addressed to another store")


def test_a_notice_for_another_store_does_not_decrypt(sent):
    result = withdraw(sent.field, sent.t.id, sent.outbox())
    refused(sent.legal2, result.notices[0].path, "not encrypted to this store")


def test_an_altered_notice_fails_its_signature(sent):
    result = withdraw(sent.field, sent.t.id, sent.outbox(), note="first")
    path = result.notices[0].path
    tar = forge.tar_of(path, sent.legal)
    # Same length, so the tar stays canonical: only the signature can catch it.
    forge.reseal(tar.replace(b'"note": "first"', b'"note": "fir5t"'), sent.legal, path)
    refused(sent.legal, path, "signature does not match")


def test_a_notice_signed_by_another_key_is_refused(sent, new_store):
    mallory, _ = new_store("mallory", label="Field team A")
    n = forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id])
    signature = mallory.identity.sign_minisign(n.to_bytes(), n.trusted_comment())
    path = forge.seal(n, sent.field, sent.legal, sent.tmp / "n.tin.age", signature=signature)
    refused(sent.legal, path, "different key")


def test_a_second_document_under_a_used_notice_id_is_refused(sent):
    first = forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id])
    import_file(sent.legal, forge.seal(first, sent.field, sent.legal, sent.tmp / "1.tin.age"))
    other = forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id],
                         notice_id=first.notice_id, note="changed")
    refused(sent.legal, forge.seal(other, sent.field, sent.legal, sent.tmp / "2.tin.age"),
            "different notice with the id")


def test_a_notice_in_non_canonical_json_is_refused(sent):
    n = forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id])
    compact = json.dumps(json.loads(n.to_bytes()), ensure_ascii=False).encode()
    path = forge.seal(n, sent.field, sent.legal, sent.tmp / "n.tin.age", document=compact,
                      signature=sent.field.identity.sign_minisign(compact,
                                                                  n.trusted_comment()))
    refused(sent.legal, path, "canonical form")


@pytest.mark.parametrize("change, match", [
    (lambda d: d.update(format="tin/2"), "unknown format"),
    (lambda d: d.update(bundle_ids=[]), "bundle_ids must list"),
    (lambda d: d.update(withdrawn="2026-02-30"), "withdrawn is not a date"),
    (lambda d: d.update(note=7), "note must be"),
    (lambda d: d.update(note="x" * 2001), "note must be"),
    (lambda d: d.update(extra=1), "unexpected fields"),
    (lambda d: d.pop("testimony_id"), "lacks testimony_id"),
    (lambda d: d.update(recipient="1234"), "recipient must be a fingerprint"),
])
def test_malformed_notice_documents_are_refused(sent, change, match):
    n = forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id])
    doc = json.loads(n.to_bytes())
    change(doc)
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()
    signature = sent.field.identity.sign_minisign(data, n.trusted_comment())
    path = forge.seal(n, sent.field, sent.legal, sent.tmp / "n.tin.age", document=data,
                      signature=signature)
    refused(sent.legal, path, match)


# -- receipts ------------------------------------------------------------------------------

def _records(trio):
    return [(trio.t.id, trio.t.revision)]


def test_a_receipt_for_a_bundle_not_in_the_ledger_is_refused(sent):
    r = forge.receipt(sent.legal, sent.field, str(uuid.uuid4()), sent.row.manifest_sha256,
                      _records(sent))
    refused(sent.field, forge.seal(r, sent.legal, sent.field, sent.tmp / "r.tir.age"),
            "not in this store's transfer ledger")


def test_a_receipt_from_someone_who_was_not_a_recipient_is_refused(sent):
    r = forge.receipt(sent.legal2, sent.field, sent.row.bundle_id, sent.row.manifest_sha256,
                      _records(sent))
    refused(sent.field, forge.seal(r, sent.legal2, sent.field, sent.tmp / "r.tir.age"),
            "was not a recipient")


def test_a_receipt_with_another_manifest_hash_is_refused(sent):
    r = forge.receipt(sent.legal, sent.field, sent.row.bundle_id,
                      hashlib.sha256(b"other").hexdigest(), _records(sent))
    refused(sent.field, forge.seal(r, sent.legal, sent.field, sent.tmp / "r.tir.age"),
            "another manifest")


def test_a_receipt_listing_other_records_is_refused(sent):
    r = forge.receipt(sent.legal, sent.field, sent.row.bundle_id, sent.row.manifest_sha256,
                      [(sent.t.id, sent.t.revision + 1)])
    refused(sent.field, forge.seal(r, sent.legal, sent.field, sent.tmp / "r.tir.age"),
            "other records")


def test_a_receipt_addressed_to_another_sender_is_refused(sent):
    r = forge.receipt(sent.legal, sent.field, sent.row.bundle_id, sent.row.manifest_sha256,
                      _records(sent), sender=sent.legal2.identity_card().fingerprint)
    refused(sent.field, forge.seal(r, sent.legal, sent.field, sent.tmp / "r.tir.age"),
            "addressed to another store")


def test_a_receipt_id_reused_for_another_document_is_refused(sent):
    first = write_receipt(sent.legal, sent.row.bundle_id, sent.tmp / "r1.tir.age")
    import_file(sent.field, first.path)
    r = forge.receipt(sent.legal, sent.field, sent.row.bundle_id, sent.row.manifest_sha256,
                      _records(sent), receipt_id=first.receipt.receipt_id)
    refused(sent.field, forge.seal(r, sent.legal, sent.field, sent.tmp / "r2.tir.age"),
            "different receipt with the id")


def test_a_receipt_replayed_changes_nothing(sent):
    first = write_receipt(sent.legal, sent.row.bundle_id, sent.tmp / "r1.tir.age")
    import_file(sent.field, first.path)
    before = snapshot(sent.field)
    assert import_file(sent.field, first.path).receipt.already_recorded
    assert snapshot(sent.field) == before


def test_write_receipt_refuses_unknown_bundles_and_existing_files(sent):
    with pytest.raises(NotFound):
        write_receipt(sent.legal, str(uuid.uuid4()), sent.tmp / "r.tir.age")
    for bad in ("", "abc", "zzzzzzzzzz", "'; DROP TABLE x"):
        with pytest.raises(InvalidInput):
            write_receipt(sent.legal, bad, sent.tmp / "r.tir.age")
    (sent.tmp / "exists.tir.age").write_bytes(b"mine")
    with pytest.raises(InvalidInput, match="already exists"):
        write_receipt(sent.legal, sent.row.bundle_id, sent.tmp / "exists.tir.age")
    assert (sent.tmp / "exists.tir.age").read_bytes() == b"mine"
    with pytest.raises(InvalidInput, match="not a folder"):
        write_receipt(sent.legal, sent.row.bundle_id, sent.tmp / "nowhere" / "r.tir.age")


# -- files that are no notice or receipt ----------------------------------------------------

@pytest.mark.parametrize("content, match", [
    (b"", "not an age file"),
    (b"hello, this is not encrypted", "not an age file"),
    (b"age-encryption.org/v1\n-> X25519 broken\n", "damaged|not encrypted"),
])
def test_files_that_are_not_age_are_refused(sent, content, match):
    path = sent.tmp / "x.tin.age"
    path.write_bytes(content)
    refused(sent.field, path, match)


def test_truncated_and_padded_notices_are_refused(sent):
    result = withdraw(sent.field, sent.t.id, sent.outbox())
    data = result.notices[0].path.read_bytes()
    cut = sent.tmp / "cut.tin.age"
    cut.write_bytes(data[:-20])
    refused(sent.legal, cut, "damaged|truncated")
    tar = forge.tar_of(result.notices[0].path, sent.legal)
    refused(sent.legal, forge.reseal(tar + bytes(512), sent.legal, sent.tmp / "p.tin.age"),
            "malformed")
    refused(sent.legal, forge.reseal(tar[:1024], sent.legal, sent.tmp / "t.tin.age"),
            "malformed")


def test_an_age_file_holding_something_else_is_refused(sent):
    path = forge.reseal(b"just some text, no tar at all" * 40, sent.field,
                        sent.tmp / "odd.tin.age")
    refused(sent.field, path, "no bundle, notice or receipt")
    short = forge.reseal(b"tiny", sent.field, sent.tmp / "tiny.tin.age")
    refused(sent.field, short, "too short")


def test_a_directory_and_a_missing_file_are_refused(sent):
    refused(sent.field, sent.tmp, "directory")
    refused(sent.field, sent.tmp / "missing.tin.age", "no such file")


def test_withdraw_refuses_bad_input_and_changes_nothing(sent):
    before = snapshot(sent.field)
    cases = [(sent.t.id, sent.tmp / "nowhere", None, "not a folder"),
             (sent.t.id, sent.outbox(), "x" * 2001, "at most"),
             (sent.t.id, sent.outbox(), "bell\x07", "control"),
             (str(uuid.uuid4()), sent.outbox(), None, "no testimony")]
    for tid, out, note, match in cases:
        with pytest.raises(IntakeError, match=match):
            withdraw(sent.field, tid, out, note=note)
    assert snapshot(sent.field) == before
    assert list(sent.outbox().iterdir()) == []


def test_a_notice_dated_before_consent_was_recorded_is_refused(sent):
    from datetime import date

    n = forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id],
                     withdrawn=date(2000, 1, 1))
    refused(sent.legal, forge.seal(n, sent.field, sent.legal, sent.tmp / "n.tin.age"),
            "before consent was recorded")


def test_the_ledger_of_an_unknown_testimony_is_not_found(sent):
    with pytest.raises(NotFound):
        ledger.transfers(sent.field, str(uuid.uuid4()))
