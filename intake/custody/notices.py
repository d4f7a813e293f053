"""Applying a withdrawal notice on the legal team's side.

A notice is accepted only if every check holds, in this order: it decrypts with this
store's identity; it is a canonical ``tin/1`` document in a canonical envelope; its
signature verifies with the card it names; it is addressed to this store; that card is
a contact here (the same keys); the testimony exists here and came from that sender;
and at least one bundle the notice names is a bundle from that sender that brought the
testimony here. A notice seen before changes nothing (the same bytes) or is refused
(another document under the same id).

Applying appends a revision whose consent is withdrawn (date and note from the notice),
so every export refuses the testimony and search leaves it out unless asked; the record,
its revisions, its imported bundles and its audit trail are all kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from intake.clock import utc_now_iso
from intake.contacts import Contacts
from intake.custody.documents import Notice, open_signed
from intake.errors import BundleRejected, InvalidInput
from intake.store import Store, records
from intake.store.database import Connection
from intake.store.records import body_of, body_sha256


@dataclass(frozen=True)
class CheckedNotice:
    notice: Notice
    sha256: str
    document: bytes
    signature: str
    sender_label: str
    pseudonym: str
    bundle_ids: tuple[str, ...]      # the named bundles that brought the testimony here


@dataclass(frozen=True)
class NoticeResult:
    checked: CheckedNotice
    already_applied: bool
    newly_withdrawn: bool            # False: consent here was already withdrawn
    revision: int


def check_notice(store: Store, path: Path) -> CheckedNotice:
    """Every check above; stores nothing. BundleRejected names the first that fails."""
    opened, notice = open_signed(path, Notice, store.identity,
                                 store.identity_card().fingerprint)
    sender = notice.sender.fingerprint
    contact = Contacts(store).by_fingerprint(sender)
    if contact is None or not contact.card.same_keys(notice.sender):
        raise BundleRejected(f"the notice comes from an unknown sender (fingerprint {sender});"
                             " only a sender you imported bundles from can withdraw them")
    conn = store.conn
    row = conn.execute("SELECT origin FROM testimonies WHERE id = ?",
                       (notice.testimony_id,)).fetchone()
    if row is None:
        raise BundleRejected(f"the notice is for testimony {notice.testimony_id}, which is "
                             "not in this store")
    if row[0] != sender:
        raise BundleRejected(f"testimony {notice.testimony_id} did not come from the sender "
                             f"of this notice ({contact.label!r}); the notice is refused")
    bundles = _bundles(conn, notice)
    if not bundles:
        raise BundleRejected(f"none of the bundles the notice names brought testimony "
                             f"{notice.testimony_id} here from {contact.label!r}")
    digest = hashlib.sha256(opened.document).hexdigest()
    _check_replay(conn, notice, digest)
    pseudonym = records.summaries(conn, ids=[notice.testimony_id])[0].pseudonym
    return CheckedNotice(notice, digest, opened.document, opened.signature, contact.label,
                         pseudonym, bundles)


def apply_notice(store: Store, path: Path) -> NoticeResult:
    """Check, then mark the testimony withdrawn, in one transaction with its audit entry."""
    checked = check_notice(store, path)
    n = checked.notice
    with store.transaction() as conn:
        if _check_replay(conn, n, checked.sha256):
            return NoticeResult(checked, True, False, records.latest_revision(conn,
                                                                               n.testimony_id))
        t = records.load(conn, n.testimony_id)
        newly = t.consent.withdrawn is None
        revision = t.revision
        if newly:
            try:
                consent = replace(t.consent, withdrawn=n.withdrawn,
                                  withdrawal_note=n.note or t.consent.withdrawal_note)
            except InvalidInput as error:
                if error.field != "withdrawn":
                    raise BundleRejected(f"the notice cannot be recorded ({error.reason}); "
                                         "it is refused") from None
                raise BundleRejected("the notice's withdrawal date is before consent was "
                                     "recorded; it is refused") from None
            stored = records.append_revision(conn, replace(t, consent=consent))
            revision = stored.revision
            store.audit.append("testimony.save", t.id, {
                "revision": revision, "sha256": body_sha256(body_of(stored))})
        conn.execute("INSERT INTO notices_received (notice_id, sender, testimony_id,"
                     " notice_sha256, document, signature, created, revision, imported_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (n.notice_id, n.sender.fingerprint, n.testimony_id, checked.sha256,
                      checked.document, checked.signature, n.created, revision,
                      utc_now_iso()))
        store.audit.append("notice.import", n.testimony_id, {
            "notice_id": n.notice_id, "sender": n.sender.fingerprint,
            "sha256": checked.sha256, "bundle_ids": list(checked.bundle_ids),
            "withdrawn": n.withdrawn.isoformat(), "revision": revision,
            "recorded_now": newly})
    return NoticeResult(checked, False, newly, revision)


def withdrawn_by_notice(conn: Connection, testimony_id: str) -> bool:
    """Whether a sender's notice withdrew this testimony here (a later bundle must not undo it)."""
    return conn.execute("SELECT 1 FROM notices_received WHERE testimony_id = ? LIMIT 1",
                        (testimony_id,)).fetchone() is not None


def _bundles(conn: Connection, notice: Notice) -> tuple[str, ...]:
    found = []
    for bundle_id in notice.bundle_ids:
        row = conn.execute(
            "SELECT 1 FROM imported_records r JOIN imported_bundles b"
            " ON b.bundle_id = r.bundle_id WHERE r.bundle_id = ? AND r.testimony_id = ?"
            " AND b.sender_fingerprint = ?",
            (bundle_id, notice.testimony_id, notice.sender.fingerprint)).fetchone()
        if row is not None:
            found.append(bundle_id)
    return tuple(found)


def _check_replay(conn: Connection, notice: Notice, digest: str) -> bool:
    """True if exactly this notice was applied before; refuse another under its id."""
    row = conn.execute("SELECT notice_sha256 FROM notices_received WHERE notice_id = ?",
                       (notice.notice_id,)).fetchone()
    if row is None:
        return False
    if row[0] != digest:
        raise BundleRejected(f"a different notice with the id {notice.notice_id} was applied "
                             "before; this one is refused")
    return True
