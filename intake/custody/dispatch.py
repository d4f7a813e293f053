"""``import FILE`` and ``verify FILE``: a bundle, a withdrawal notice or a delivery receipt.

All three are age files to this store, so the outer layer cannot tell them apart; the
first member of the tar inside can (``manifest.json``, ``notice.json``,
``receipt.json``). A file larger than any notice or receipt is a bundle or nothing, and
goes straight to the bundle reader. Otherwise only the first age chunk is decrypted to
read that name; the chosen reader then checks the whole file from the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intake.bundle import ImportResult, Provenance, import_bundle, verify_bundle
from intake.bundle.format import MANIFEST_PATH
from intake.bundle.reader import CancelCheck, Progress
from intake.custody import envelope
from intake.custody.notices import CheckedNotice, NoticeResult, apply_notice, check_notice
from intake.custody.receipts import (
    CheckedReceipt,
    ReceiptResult,
    check_receipt,
    import_receipt,
)
from intake.errors import BundleRejected
from intake.store import Store

BUNDLE, NOTICE, RECEIPT = "bundle", "notice", "receipt"


def identify(store: Store, path: Path) -> str:
    """``"bundle"``, ``"notice"`` or ``"receipt"``; BundleRejected if it is none of them."""
    if envelope.file_size(path) > envelope.MAX_FILE_BYTES:
        return BUNDLE
    first = envelope.first_member_name(path, store.identity)
    if first is None:
        raise BundleRejected(f"{path.name}: too short to be a bundle, notice or receipt")
    kinds = {MANIFEST_PATH: BUNDLE, envelope.NOTICE.document_path: NOTICE,
             envelope.RECEIPT.document_path: RECEIPT}
    if first not in kinds:
        raise BundleRejected(f"{path.name}: decrypts, but holds no bundle, notice or receipt "
                             f"(its first member is {ascii(first)[:60]})")
    return kinds[first]


@dataclass(frozen=True)
class Imported:
    """What ``import_file`` did: exactly one of the three results is set."""

    kind: str
    bundle: ImportResult | None = None
    notice: NoticeResult | None = None
    receipt: ReceiptResult | None = None


@dataclass(frozen=True)
class Verified:
    kind: str
    bundle: Provenance | None = None
    notice: CheckedNotice | None = None
    receipt: CheckedReceipt | None = None


def import_file(store: Store, path: Path, *, trust_new_sender: bool = False,
                progress: Progress | None = None,
                cancelled: CancelCheck | None = None) -> Imported:
    kind = identify(store, path)
    if kind == NOTICE:
        return Imported(kind, notice=apply_notice(store, path))
    if kind == RECEIPT:
        return Imported(kind, receipt=import_receipt(store, path))
    return Imported(kind, bundle=import_bundle(store, path, trust_new_sender=trust_new_sender,
                                               progress=progress, cancelled=cancelled))


def verify_file(store: Store, path: Path, *, progress: Progress | None = None,
                cancelled: CancelCheck | None = None) -> Verified:
    kind = identify(store, path)
    if kind == NOTICE:
        return Verified(kind, notice=check_notice(store, path))
    if kind == RECEIPT:
        return Verified(kind, receipt=check_receipt(store, path))
    return Verified(kind, bundle=verify_bundle(store, path, progress=progress,
                                               cancelled=cancelled))
