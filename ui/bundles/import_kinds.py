"""What the import screen takes in — a bundle, a withdrawal notice or a delivery receipt.

All three are age files to this store; ``intake.custody.dispatch`` tells them apart by
their first member and checks each completely. These wrappers only add the worker's
progress and cancel hooks (runs on the worker).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intake.custody.dispatch import BUNDLE, NOTICE, RECEIPT, Imported, Verified
from intake.custody.dispatch import import_file as _import_file
from intake.custody.dispatch import verify_file as _verify_file
from intake.store import Store
from ui.operations import OperationHandle

__all__ = ["BUNDLE", "NOTICE", "RECEIPT", "Imported", "Verified", "import_any", "verify_any"]


def _progress(handle: OperationHandle) -> Callable[[int, int], None]:
    return lambda done, total: handle.report(done / total if total else 0.0)


def verify_any(store: Store, path: Path, handle: OperationHandle) -> Verified:
    return _verify_file(store, path, progress=_progress(handle), cancelled=handle.cancelled)


def import_any(store: Store, path: Path, handle: OperationHandle, *,
               trust_new_sender: bool) -> Imported:
    return _import_file(store, path, trust_new_sender=trust_new_sender,
                        progress=_progress(handle), cancelled=handle.cancelled)
