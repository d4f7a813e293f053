"""Delivery receipts: written by the legal team after an import, checked by the sender.

A receipt says "I, the holder of this card, imported bundle B whose manifest hashed to
H, and took in these records at these revisions". It is signed by the importer and
encrypted to the bundle's sender. The sender accepts it only if the bundle is in the
ledger, the importer was one of that bundle's recipients (by fingerprint, which is
derived from the very keys that signed), the manifest hash is the one the ledger
recorded, and the records are exactly the ones the bundle carried. Then that transfer
is marked delivered and verified; a receipt seen before changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from crypto.atomicfile import atomic_writer
from crypto.card import IdentityCard
from intake.bundle.format import Manifest
from intake.clock import utc_now_iso
from intake.contacts import Contacts
from intake.custody import envelope
from intake.custody.documents import ImportedRecord, Receipt, created_now, epoch, open_signed
from intake.errors import BundleRejected, InvalidInput, NotFound, StoreDamaged
from intake.store import Store


@dataclass(frozen=True)
class WrittenReceipt:
    receipt: Receipt
    sender_label: str | None
    path: Path


@dataclass(frozen=True)
class CheckedReceipt:
    receipt: Receipt
    sha256: str
    document: bytes
    signature: str
    recipient_label: str | None


@dataclass(frozen=True)
class ReceiptResult:
    checked: CheckedReceipt
    already_recorded: bool


def resolve_imported_bundle(store: Store, text: str) -> str:
    """A bundle id imported here, from the whole id or an unambiguous prefix of 8+ characters."""
    text = text.strip().lower()
    if len(text) < 8 or not all(c in "0123456789abcdef-" for c in text):
        raise InvalidInput("bundle", "give the bundle id (or at least its first 8 characters)")
    rows = store.conn.execute("SELECT bundle_id FROM imported_bundles WHERE bundle_id = ?"
                              " OR substr(bundle_id, 1, ?) = ? LIMIT 2",
                              (text, len(text), text)).fetchall()
    if not rows:
        raise NotFound(f"no bundle {text} was imported into this store")
    if len(rows) > 1:
        raise InvalidInput("bundle", f"{text} matches several bundles; give more of the id")
    return str(rows[0][0])


def write_receipt(store: Store, bundle_id: str, out_path: Path) -> WrittenReceipt:
    """(Legal side) a signed receipt for an imported bundle, encrypted to its sender."""
    bundle_id = resolve_imported_bundle(store, bundle_id)
    if out_path.exists() or out_path.is_symlink():
        raise InvalidInput("output", f"{out_path} already exists; choose another name")
    if not out_path.parent.is_dir():
        raise InvalidInput("output", f"{out_path.parent} is not a folder")
    conn = store.conn
    sender_fp, manifest_sha256, manifest_bytes, imported_at = conn.execute(
        "SELECT sender_fingerprint, manifest_sha256, manifest, imported_at"
        " FROM imported_bundles WHERE bundle_id = ?", (bundle_id,)).fetchone()
    if hashlib.sha256(manifest_bytes).hexdigest() != manifest_sha256:
        raise StoreDamaged(f"the stored manifest of bundle {bundle_id} does not match its hash")
    sender: IdentityCard = Manifest.from_bytes(manifest_bytes).sender
    rows = conn.execute("SELECT testimony_id, sender_revision, outcome FROM imported_records"
                        " WHERE bundle_id = ? ORDER BY testimony_id", (bundle_id,)).fetchall()
    receipt = Receipt(str(uuid.uuid4()), created_now(), store.identity_card(), sender_fp,
                      bundle_id, manifest_sha256, imported_at,
                      tuple(ImportedRecord(*r) for r in rows))
    document = receipt.to_bytes()
    signature = store.identity.sign_minisign(document, receipt.trusted_comment())
    data = envelope.seal(envelope.RECEIPT, document, signature, epoch(receipt.created),
                         sender.age)
    digest = hashlib.sha256(document).hexdigest()
    contact = Contacts(store).by_fingerprint(sender_fp)
    with atomic_writer(out_path) as out:
        out.write(data)
        with store.transaction():
            conn.execute("INSERT INTO receipts_written (receipt_id, bundle_id, receipt_sha256,"
                         " created) VALUES (?, ?, ?, ?)",
                         (receipt.receipt_id, bundle_id, digest, receipt.created))
            store.audit.append("receipt.write", None, {
                "receipt_id": receipt.receipt_id, "bundle_id": bundle_id, "sender": sender_fp,
                "manifest_sha256": manifest_sha256, "sha256": digest})
    return WrittenReceipt(receipt, contact.label if contact else None, out_path)


def check_receipt(store: Store, path: Path) -> CheckedReceipt:
    """(Sender side) every check in the module docstring; stores nothing."""
    opened, receipt = open_signed(path, Receipt, store.identity,
                                  store.identity_card().fingerprint)
    conn = store.conn
    row = conn.execute("SELECT recipients, manifest_sha256 FROM transfers WHERE bundle_id = ?",
                       (receipt.bundle_id,)).fetchone()
    if row is None:
        raise BundleRejected(f"the receipt is for bundle {receipt.bundle_id}, which is not in "
                             "this store's transfer ledger")
    importer = receipt.importer.fingerprint
    if importer not in json.loads(row[0]):
        raise BundleRejected(f"the receipt is signed by {importer}, who was not a recipient "
                             f"of bundle {receipt.bundle_id}")
    contact = Contacts(store).by_fingerprint(importer)
    if contact is not None and not contact.card.same_keys(receipt.importer):
        raise BundleRejected("the receipt's signer does not match the recipient's card")
    if receipt.manifest_sha256 != row[1]:
        raise BundleRejected(f"the receipt names another manifest (SHA-256) than bundle "
                             f"{receipt.bundle_id} had when it was sent")
    sent = dict(conn.execute("SELECT testimony_id, revision FROM transfer_testimonies"
                             " WHERE bundle_id = ?", (receipt.bundle_id,)).fetchall())
    got = {r.testimony_id: r.revision for r in receipt.records}
    if got != sent:
        raise BundleRejected(f"the receipt lists other records or revisions than bundle "
                             f"{receipt.bundle_id} carried")
    digest = hashlib.sha256(opened.document).hexdigest()
    _seen(store, receipt, digest)
    return CheckedReceipt(receipt, digest, opened.document, opened.signature,
                          contact.label if contact else None)


def import_receipt(store: Store, path: Path) -> ReceiptResult:
    """Check, then mark the transfer delivered and verified, audited per testimony."""
    checked = check_receipt(store, path)
    r = checked.receipt
    importer = r.importer.fingerprint
    with store.transaction() as conn:
        if _seen(store, r, checked.sha256):
            return ReceiptResult(checked, True)
        conn.execute("INSERT INTO transfer_receipts (bundle_id, recipient, receipt_id,"
                     " receipt_sha256, document, signature, signed_at, received_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (r.bundle_id, importer, r.receipt_id, checked.sha256, checked.document,
                      checked.signature, r.created, utc_now_iso()))
        for record in r.records:
            store.audit.append("receipt.import", record.testimony_id, {
                "receipt_id": r.receipt_id, "bundle_id": r.bundle_id, "recipient": importer,
                "manifest_sha256": r.manifest_sha256, "sha256": checked.sha256,
                "outcome": record.outcome})
    return ReceiptResult(checked, False)


def _seen(store: Store, receipt: Receipt, digest: str) -> bool:
    """True if this transfer already has a receipt (this one, or an earlier one from the same
    recipient); refuse another document under a receipt id already used."""
    row = store.conn.execute("SELECT receipt_sha256 FROM transfer_receipts WHERE receipt_id = ?",
                             (receipt.receipt_id,)).fetchone()
    if row is not None:
        if row[0] != digest:
            raise BundleRejected(f"a different receipt with the id {receipt.receipt_id} was "
                                 "recorded before; this one is refused")
        return True
    return store.conn.execute("SELECT 1 FROM transfer_receipts WHERE bundle_id = ? AND"
                              " recipient = ?", (receipt.bundle_id,
                                                 receipt.importer.fingerprint)).fetchone() \
        is not None
