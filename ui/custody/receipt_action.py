"""(Legal side) write a signed delivery receipt for an imported bundle, back to its sender.

``write_receipt(parent, session, bundle_id)`` asks for a file name (Qt's own dialog,
never the platform's, as elsewhere in ``ui/``), then signs and encrypts the receipt on
the worker and says where it went and to whom it should be sent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtWidgets import QFileDialog, QWidget

from intake.custody import receipts
from intake.custody.receipts import WrittenReceipt
from ui.messages import MessageBox
from ui.operations import OperationHandle, show_failure
from ui.session import Session

PathChooser = Callable[[QWidget | None, str], str]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReceiptAction", text)


def choose_receipt_path(parent: QWidget | None, suggested: str) -> str:
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save the delivery receipt"), str(Path(QDir.homePath()) / suggested),
        _tr("Delivery receipts (*.tir.age)"), options=QFileDialog.Option.DontUseNativeDialog)
    return name


def write_receipt(parent: QWidget | None, session: Session, bundle_id: str, *,
                  choose: PathChooser = choose_receipt_path,
                  done: Callable[[WrittenReceipt], None] | None = None
                  ) -> OperationHandle | None:
    """Ask where to save, then write the receipt on the worker; None if the user cancelled."""
    chosen = choose(parent, f"receipt-{bundle_id[:8]}.tir.age")
    if not chosen:
        return None
    path = Path(chosen)
    if not path.name.endswith(".tir.age"):
        path = path.with_name(path.name + ".tir.age")

    def written(result: WrittenReceipt) -> None:
        to = result.sender_label or result.receipt.sender
        MessageBox.information(parent, _tr("Delivery receipt"), _tr(
            "The receipt for bundle {0} was saved as {1}.\nIt is encrypted to {2}: send it "
            "back to them, so their ledger shows the bundle as delivered and verified.").format(
            result.receipt.bundle_id[:8], str(result.path), to))
        if done is not None:
            done(result)

    return session.run(lambda store, _h: receipts.write_receipt(store, bundle_id, path),
                       success=written, failure=show_failure,
                       progress_title=_tr("Writing the delivery receipt…"))
