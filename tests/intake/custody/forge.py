"""Making notices and receipts by hand, signed by any store, for the rejection tests."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pyrage

from intake.custody import envelope
from intake.custody.documents import ImportedRecord, Notice, Receipt, created_now, epoch
from intake.store import Store


def notice(signer: Store, to: Store, testimony_id: str, bundle_ids, *, recipient=None,
           notice_id=None, note=None, withdrawn=None) -> Notice:
    from datetime import date

    return Notice(notice_id or str(uuid.uuid4()), created_now(), signer.identity_card(),
                  recipient or to.identity_card().fingerprint, testimony_id, tuple(bundle_ids),
                  withdrawn or date.today(), note)


def receipt(signer: Store, to: Store, bundle_id: str, manifest_sha256: str, records,
            *, sender=None, receipt_id=None) -> Receipt:
    return Receipt(receipt_id or str(uuid.uuid4()), created_now(), signer.identity_card(),
                   sender or to.identity_card().fingerprint, bundle_id, manifest_sha256,
                   "2026-01-01T00:00:00.000000Z",
                   tuple(ImportedRecord(t, r, "created") for t, r in records))


def seal(doc, signer: Store, to: Store, path: Path, *, document: bytes | None = None,
         signature: str | None = None) -> Path:
    kind = envelope.NOTICE if isinstance(doc, Notice) else envelope.RECEIPT
    data = doc.to_bytes() if document is None else document
    sig = signature or signer.identity.sign_minisign(data, doc.trusted_comment())
    path.write_bytes(envelope.seal(kind, data, sig, epoch(doc.created),
                                   to.identity.age_recipient))
    return path


def tar_of(path: Path, reader: Store) -> bytes:
    return pyrage.decrypt(path.read_bytes(), [reader.identity.age_identity])


def reseal(tar: bytes, to: Store, path: Path) -> Path:
    out = io.BytesIO()
    pyrage.encrypt_io(io.BytesIO(tar), out,
                      [pyrage.x25519.Recipient.from_str(to.identity.age_recipient)])
    path.write_bytes(out.getvalue())
    return path
