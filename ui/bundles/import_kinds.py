"""What the import screen can take in, behind two functions (runs on the worker).

Today: bundles (``intake.bundle``). This is the seam for withdrawal notices and
delivery receipts (``intake.custody``): once those are importable, ``verify_any``
and ``import_any`` dispatch by kind here and the screen shows their own summary.
"""

from __future__ import annotations

from pathlib import Path

from intake.bundle import ImportResult, Provenance, import_bundle, verify_bundle
from intake.store import Store
from ui.operations import OperationHandle


def _progress(handle: OperationHandle):  # type: ignore[no-untyped-def]
    return lambda done, total: handle.report(done / total if total else 0.0)


def verify_any(store: Store, path: Path, handle: OperationHandle) -> Provenance:
    return verify_bundle(store, path, progress=_progress(handle), cancelled=handle.cancelled)


def import_any(store: Store, path: Path, handle: OperationHandle, *,
               trust_new_sender: bool) -> ImportResult:
    return import_bundle(store, path, trust_new_sender=trust_new_sender,
                         progress=_progress(handle), cancelled=handle.cancelled)
