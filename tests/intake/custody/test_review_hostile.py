"""Review: hostile notices and receipts made with the project's own crypto, and files that
are not what they claim. Each is refused with one line and the store left as it was."""

from __future__ import annotations

import os
import uuid

import pytest

from intake.bundle.tarformat import END_OF_ARCHIVE, padding, ustar_header
from intake.custody import envelope, ledger
from intake.custody.dispatch import identify, import_file, verify_file
from intake.custody.documents import Notice
from intake.custody.receipts import write_receipt
from intake.custody.withdraw import withdraw
from intake.errors import BundleRejected, InvalidInput
from tests.intake.custody import forge
from tests.intake.custody.conftest import snapshot
from tests.intake.custody.test_rejections import refused


@pytest.fixture
def sent(trio):
    t = trio.testimony()
    trio.bundle = trio.export("b.tib.age")
    trio.deliver(trio.bundle)
    trio.t, trio.row = t, ledger.transfers(trio.field, t.id)[0]
    return trio


def _notice(sent, **kw) -> Notice:
    return forge.notice(sent.field, sent.legal, sent.t.id, [sent.row.bundle_id], **kw)


def _tar(members, mtime):
    parts = []
    for name, data in members:
        parts += [ustar_header(name, len(data), mtime), data, padding(len(data))]
    return b"".join(parts) + END_OF_ARCHIVE


# -- the note a sender writes reaches the legal team's screen ------------------------------

@pytest.mark.parametrize("note", ["bell\x07", "nul\x00", "\u202egnirts desrever",
                                  "isolate\u2066x", " padded ", "", "x" * 2001])
def test_a_notice_whose_note_is_unsafe_is_refused_as_such(sent, note):
    path = forge.seal(_notice(sent, note=note), sent.field, sent.legal, sent.tmp / "n.tin.age")
    refused(sent.legal, path, "note")


@pytest.mark.parametrize("note", ["\u202eevil", "a\x1bb"])
def test_withdraw_refuses_the_same_notes(sent, note):
    before = snapshot(sent.field)
    with pytest.raises(InvalidInput, match="control"):
        withdraw(sent.field, sent.t.id, sent.outbox(), note=note)
    assert snapshot(sent.field) == before


def test_a_multi_line_korean_note_goes_through(sent):
    path = forge.seal(_notice(sent, note="본인 요청으로 철회.\n\t다시 연락하지 마세요."),
                      sent.field, sent.legal, sent.tmp / "n.tin.age")
    result = import_file(sent.legal, path).notice
    assert result is not None and result.newly_withdrawn
    assert sent.legal.get(sent.t.id).consent.withdrawal_note.startswith("본인 요청")


# -- the signature covers exactly the bytes that are parsed --------------------------------

def test_a_signature_over_another_document_is_refused(sent):
    genuine = _notice(sent)
    other = Notice(genuine.notice_id, genuine.created, genuine.sender, genuine.recipient,
                   genuine.testimony_id, genuine.bundle_ids, genuine.withdrawn, "other")
    signature = sent.field.identity.sign_minisign(genuine.to_bytes(),
                                                  genuine.trusted_comment())
    path = forge.seal(other, sent.field, sent.legal, sent.tmp / "n.tin.age",
                      signature=signature)
    refused(sent.legal, path, "notice.sig")


def test_a_signature_whose_trusted_comment_names_another_notice_is_refused(sent):
    n = _notice(sent)
    other = _notice(sent)
    signature = sent.field.identity.sign_minisign(n.to_bytes(), other.trusted_comment())
    path = forge.seal(n, sent.field, sent.legal, sent.tmp / "n.tin.age", signature=signature)
    refused(sent.legal, path, "comment names another document")


def test_a_notice_whose_tar_time_differs_from_its_date_is_refused(sent):
    n = _notice(sent)
    data = n.to_bytes()
    sig = sent.field.identity.sign_minisign(data, n.trusted_comment()).encode()
    tar = _tar([("notice.json", data), ("notice.sig", sig)], forge.epoch(n.created) + 1)
    refused(sent.legal, forge.reseal(tar, sent.legal, sent.tmp / "n.tin.age"), "another time")


@pytest.mark.parametrize("members, match", [
    (lambda d, s: [("notice.sig", s), ("notice.json", d)], "no bundle, notice or receipt"),
    (lambda d, s: [("notice.json", d)], "malformed"),
    (lambda d, s: [("notice.json", d), ("notice.sig", s), ("extra", b"x")], "more than"),
    (lambda d, s: [("notice.json", d), ("receipt.sig", s)], "expected notice.sig"),
    (lambda d, s: [("receipt.json", d), ("receipt.sig", s)], "unknown format"),
    (lambda d, s: [("notice.json", d), ("notice.sig", s + b"\xff")], "not a minisign"),
])
def test_a_notice_in_a_wrong_archive_is_refused(sent, members, match):
    n = _notice(sent)
    data = n.to_bytes()
    sig = sent.field.identity.sign_minisign(data, n.trusted_comment()).encode()
    tar = _tar(members(data, sig), forge.epoch(n.created))
    refused(sent.legal, forge.reseal(tar, sent.legal, sent.tmp / "n.tin.age"), match)


def test_member_sizes_are_refused_before_they_are_read(sent):
    n = _notice(sent)
    huge = ustar_header("notice.json", envelope.MAX_DOCUMENT_BYTES + 1, forge.epoch(n.created))
    tar = huge + n.to_bytes() + padding(len(n.to_bytes())) + END_OF_ARCHIVE
    refused(sent.legal, forge.reseal(tar, sent.legal, sent.tmp / "n.tin.age"),
            "over the limit")
    data = n.to_bytes()
    tar = _tar([("notice.json", data), ("notice.sig", b"u" * 5000)], forge.epoch(n.created))
    refused(sent.legal, forge.reseal(tar, sent.legal, sent.tmp / "n.tin.age"),
            "over the limit")


def test_a_huge_file_is_refused_by_its_size_before_decrypting(sent):
    """A 10 GiB (sparse) file with a genuine notice at its start is never decrypted whole:
    the notice reader refuses it by size, and dispatch hands it to the bundle reader."""
    result = withdraw(sent.field, sent.t.id, sent.outbox())
    path = sent.tmp / "huge.tin.age"
    path.write_bytes(result.notices[0].path.read_bytes())
    os.truncate(path, 10 * 1024**3)
    with pytest.raises(BundleRejected, match="larger than any notice"):
        envelope.open_envelope(path, envelope.NOTICE, sent.legal.identity)
    assert identify(sent.legal, path) == "bundle"
    refused(sent.legal, path, "damaged, truncated or was altered")


# -- files that are not what their name says, and things that are not files ------------------

def test_a_bundle_named_like_a_notice_is_read_as_a_bundle_and_vice_versa(sent):
    bundle = sent.tmp / "really-a-bundle.tin.age"
    bundle.write_bytes(sent.bundle.read_bytes())
    assert verify_file(sent.legal, bundle).kind == "bundle"
    result = withdraw(sent.field, sent.t.id, sent.outbox())
    notice = sent.tmp / "really-a-notice.tib.age"
    notice.write_bytes(result.notices[0].path.read_bytes())
    assert import_file(sent.legal, notice).kind == "notice"


def test_a_fifo_is_refused_without_blocking(sent):
    fifo = sent.tmp / "pipe.tin.age"
    os.mkfifo(fifo)
    refused(sent.legal, fifo, "not a regular file")


def test_symlinks(sent):
    result = withdraw(sent.field, sent.t.id, sent.outbox())
    link = sent.tmp / "link.tin.age"
    link.symlink_to(result.notices[0].path)
    assert verify_file(sent.legal, link).kind == "notice"      # the file it names is read
    dangling = sent.tmp / "dangling.tin.age"
    dangling.symlink_to(sent.tmp / "gone")
    refused(sent.legal, dangling, "no such file")
    to_dir = sent.tmp / "dir.tin.age"
    to_dir.symlink_to(sent.tmp)
    refused(sent.legal, to_dir, "directory|not a regular file")
    os.mkfifo(sent.tmp / "p")
    to_fifo = sent.tmp / "fifo.tin.age"
    to_fifo.symlink_to(sent.tmp / "p")
    refused(sent.legal, to_fifo, "not a regular file")


def test_an_unreadable_file_is_refused(sent):
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    path = sent.tmp / "locked.tin.age"
    path.write_bytes(b"age-encryption.org/v1\n")
    path.chmod(0)
    refused(sent.legal, path, "cannot be read")


# -- receipts -----------------------------------------------------------------------------

def test_a_receipt_signed_by_a_recipient_who_never_imported_is_still_checked(sent):
    """Legal C was no recipient of the bundle; a receipt in its name is refused even with
    every record right, and even from a store that is one of the sender's contacts."""
    records = [(sent.t.id, sent.field.get(sent.t.id).revision)]
    r = forge.receipt(sent.legal2, sent.field, sent.row.bundle_id, sent.row.manifest_sha256,
                      records)
    path = forge.seal(r, sent.legal2, sent.field, sent.tmp / "r.tir.age")
    refused(sent.field, path, "was not a recipient")


def test_a_genuine_receipt_for_another_sender_does_not_decrypt_here(sent, new_store):
    other, _ = new_store("other", label="Field team Z")
    written = write_receipt(sent.legal, sent.row.bundle_id, sent.tmp / "r.tir.age")
    refused(other, written.path, "wrong recipient")


@pytest.mark.parametrize("value", ['"어제"', '"2026-01-01\\u001b[2J"', '"' + "1" * 41 + '"'])
def test_imported_at_must_be_a_short_printable_ascii_time(sent, value):
    r = forge.receipt(sent.legal, sent.field, sent.row.bundle_id, sent.row.manifest_sha256,
                      [(sent.t.id, 1)])
    doc = r.to_bytes().replace(b'"2026-01-01T00:00:00.000000Z"', value.encode())
    path = forge.seal(r, sent.legal, sent.field, sent.tmp / "r.tir.age", document=doc)
    refused(sent.field, path, "imported_at")


def test_a_receipt_after_a_withdrawal_keeps_the_audit_chain_valid(sent):
    result = withdraw(sent.field, sent.t.id, sent.outbox(), note="요청")
    import_file(sent.legal, result.notices[0].path)
    written = write_receipt(sent.legal, sent.row.bundle_id, sent.tmp / "r.tir.age")
    import_file(sent.field, written.path)
    assert import_file(sent.field, written.path).receipt.already_recorded
    assert import_file(sent.legal, result.notices[0].path).notice.already_applied
    for store in (sent.field, sent.legal):
        assert store.audit.problems() == []
    actions = [e.action for e in sent.field.audit.entries([sent.t.id])]
    assert {"consent.withdraw", "receipt.import"} <= set(actions)
    legal = [e for e in sent.legal.audit.entries() if e.action in ("notice.import",
                                                                  "receipt.write")]
    assert {e.action for e in legal} == {"notice.import", "receipt.write"}
    for e in legal:          # ids, hashes and fingerprints only: never the note
        assert "요청" not in str(e.detail)
    assert str(uuid.UUID(legal[0].detail.get("notice_id") or legal[0].detail["receipt_id"]))


def test_two_interviewers_with_one_record_id(sent, new_store):
    """A second interviewer's bundle carrying a record id the legal team already holds
    from the first is refused whole, and that interviewer cannot withdraw the record."""
    import dataclasses

    from intake.bundle import ExportRequest, export_bundle
    from intake.contacts import Contacts
    from tests.intake.bundle.conftest import fake_renderer

    other, _ = new_store("field-z", label="Field team Z")
    Contacts(other).add(sent.legal.identity_card(), "Legal")
    Contacts(other).verify("Legal")
    Contacts(sent.legal).add(other.identity_card(), "Field Z")
    other.add(dataclasses.replace(sent.field.get(sent.t.id), narrative="another account"))
    clash = export_bundle(other, ExportRequest(("Legal",), "legal", "full", (sent.t.id,)),
                          sent.tmp / "clash.tib.age", renderer=fake_renderer).path
    refused(sent.legal, clash, "did not come from this sender")
    bundle_id = ledger.transfers(other, sent.t.id)[0].bundle_id
    path = forge.seal(forge.notice(other, sent.legal, sent.t.id, [bundle_id]), other,
                      sent.legal, sent.tmp / "n.tin.age")
    refused(sent.legal, path, "did not come from the sender")
    assert sent.legal.get(sent.t.id).narrative == sent.field.get(sent.t.id).narrative
