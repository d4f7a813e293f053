"""Recording a consent withdrawal, and writing a signed notice for every recipient that holds it.

Order, and why:

1. everything that can fail for a reason the user can fix is checked first (the
   testimony, the folder), and every notice is built, signed and encrypted in memory;
2. one transaction appends the withdrawn revision (unless consent was already
   withdrawn), the ``notices_sent`` rows and a ``consent.withdraw`` audit entry — from
   then on every export refuses the testimony;
3. the notices are written, each atomically. Like an export, a notice may be recorded
   that never landed (the disk filled up); running ``withdraw`` again writes fresh ones.

A notice goes to each recipient the ledger names for the testimony, listing the bundles
that carried it to them, encrypted to that recipient's age key and signed by this store.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from crypto.atomicfile import atomic_writer
from intake.clock import utc_now
from intake.contacts import Contacts
from intake.custody import envelope, ledger
from intake.custody.documents import Notice, created_now, epoch, note_problem
from intake.errors import InvalidInput
from intake.store import Store, records
from intake.store.records import body_of, body_sha256


@dataclass(frozen=True)
class WrittenNotice:
    notice_id: str
    recipient: str            # fingerprint
    recipient_label: str
    bundle_ids: tuple[str, ...]
    path: Path


@dataclass(frozen=True)
class WithdrawResult:
    testimony_id: str
    revision: int
    withdrawn: date
    newly_withdrawn: bool                 # False: consent had been withdrawn before
    notices: tuple[WrittenNotice, ...]
    unreachable: tuple[str, ...]          # recipient fingerprints that are no longer contacts


@dataclass(frozen=True)
class _Planned:
    notice: Notice
    label: str
    data: bytes
    path: Path


def withdraw(store: Store, testimony_id: str, out_dir: Path | None, *,
             note: str | None = None, today: date | None = None) -> WithdrawResult:
    """Record the withdrawal of ``testimony_id`` and write its notices into ``out_dir``
    (which may be None only if nobody holds the testimony)."""
    note = _check_note(note)
    if out_dir is not None:
        _check_dir(out_dir)
    t = store.get(testimony_id)
    day = t.consent.withdrawn or today or utc_now().date()
    holders = ledger.holders(store, t.id)
    if holders and out_dir is None:
        raise InvalidInput("output", "choose a folder for the withdrawal notices")
    contacts = Contacts(store)
    planned, unreachable = [], []
    created = created_now()
    for fingerprint, bundle_ids in holders.items():
        contact = contacts.by_fingerprint(fingerprint)
        if contact is None:
            unreachable.append(fingerprint)
            continue
        notice = Notice(str(uuid.uuid4()), created, store.identity_card(), fingerprint, t.id,
                        bundle_ids, day, note)
        document = notice.to_bytes()
        signature = store.identity.sign_minisign(document, notice.trusted_comment())
        data = envelope.seal(envelope.NOTICE, document, signature, epoch(created),
                             contact.card.age)
        name = (f"withdrawal-{t.id[:8]}-{fingerprint.split()[0]}-{notice.notice_id[:8]}"
                f"{envelope.NOTICE.suffix}")
        assert out_dir is not None
        path = out_dir / name
        if path.exists() or path.is_symlink():
            raise InvalidInput("output", f"{path} already exists")
        planned.append(_Planned(notice, contact.label, data, path))
    newly = t.consent.withdrawn is None
    with store.transaction() as conn:
        if newly:
            consent = replace(t.consent, withdrawn=day,
                              withdrawal_note=t.consent.withdrawal_note or note)
            stored = records.append_revision(conn, replace(t, consent=consent))
            store.audit.append("testimony.save", t.id, {
                "revision": stored.revision, "sha256": body_sha256(body_of(stored))})
            revision = stored.revision
        else:
            revision = records.latest_revision(conn, t.id)
        for p in planned:
            n = p.notice
            conn.execute("INSERT INTO notices_sent (notice_id, testimony_id, recipient,"
                         " bundle_ids, notice_sha256, created) VALUES (?, ?, ?, ?, ?, ?)",
                         (n.notice_id, t.id, n.recipient, json.dumps(list(n.bundle_ids)),
                          _sha(n), n.created))
        store.audit.append("consent.withdraw", t.id, {
            "revision": revision, "withdrawn": day.isoformat(), "recorded_now": newly,
            "notices": [{"notice_id": p.notice.notice_id, "recipient": p.notice.recipient,
                         "bundle_ids": list(p.notice.bundle_ids),
                         "sha256": _sha(p.notice)} for p in planned],
            "unreachable": unreachable})
    for p in planned:
        with atomic_writer(p.path) as out:
            out.write(p.data)
    return WithdrawResult(t.id, revision, day, newly,
                          tuple(WrittenNotice(p.notice.notice_id, p.notice.recipient, p.label,
                                              p.notice.bundle_ids, p.path) for p in planned),
                          tuple(unreachable))


def _sha(notice: Notice) -> str:
    return hashlib.sha256(notice.to_bytes()).hexdigest()


def _check_note(note: str | None) -> str | None:
    if note is None:
        return None
    if not isinstance(note, str):
        raise InvalidInput("note", "must be text")
    note = note.strip()
    if not note:
        return None
    problem = note_problem(note)
    if problem:
        raise InvalidInput("note", problem)
    return note


def _check_dir(out_dir: Path) -> None:
    if not out_dir.is_dir():
        raise InvalidInput("output", f"{out_dir} is not a folder")
