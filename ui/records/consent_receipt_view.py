"""The survivor's consent receipt on screen, for a survivor who must not carry paper.

The dialog shows exactly what the PDF would carry — the same bilingual statements
and receipt code, laid out by :func:`ui.pdf.consent_receipt.receipt_html` — and
writes no file. Showing it is audited (``consent.receipt``, medium ``screen``), so
the code can be looked up later. "Save as PDF…" renders and writes the PDF on the
worker (atomically, audited as ``pdf``). Locking the store closes the dialog.

Entry point: :func:`show_consent_receipt`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from intake import consent_receipt
from intake.consent_receipt import ConsentReceipt
from intake.store import Store
from ui.messages import MessageBox
from ui.operations import OperationHandle, failure_text
from ui.pdf.consent_receipt import receipt_html, render_receipt
from ui.session import Session

SCREEN_POINT_SIZE = 11.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentReceipt", text)


class ConsentReceiptDialog(QDialog):
    """Opens at once with "Preparing…"; the receipt appears when the worker has it."""

    def __init__(self, session: Session, testimony_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.testimony_id = testimony_id
        self.receipt: ConsentReceipt | None = None
        self.file_dialog: QFileDialog | None = None
        self.saved_to: Path | None = None
        self.setWindowTitle(_tr("Consent receipt"))
        self.setMinimumSize(760, 640)

        intro = QLabel(_tr("Show this to the survivor. It names nobody: only the receipt "
                           "code links it to the testimony. Nothing is written to disk "
                           "unless you choose Save as PDF."))
        intro.setWordWrap(True)
        # The code up top as well: a survivor who takes no paper must be able to note it.
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code_font = self.code_label.font()
        code_font.setPointSizeF(code_font.pointSizeF() * 2.2)
        code_font.setBold(True)
        self.code_label.setFont(code_font)
        self.code_label.setAccessibleName(_tr("Receipt code"))
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setOpenExternalLinks(False)
        self.view.setPlainText(_tr("Preparing the receipt…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_tr("&Save as PDF…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(_tr("Write the one-page receipt as a PDF file, to print "
                                        "it for the survivor"))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_tr("Close"))
        self.save_button.clicked.connect(self.ask_path)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        session.locked.connect(self.clear)

    # -- showing ------------------------------------------------------------------------

    def load(self) -> None:
        """Build the receipt on the worker (audited as shown on screen)."""
        testimony_id = self.testimony_id
        self.session.run(lambda store, _h: consent_receipt.show_on_screen(store, testimony_id),
                         success=self.show_receipt, failure=self._load_failed)

    def show_receipt(self, receipt: ConsentReceipt) -> None:
        self.receipt = receipt
        label = receipt.code_label
        self.code_label.setText(f"{label.ko} · {label.en}:  {receipt.code}")
        self.view.setHtml(receipt_html(receipt, SCREEN_POINT_SIZE))
        self.save_button.setEnabled(True)

    def _load_failed(self, exc: Exception) -> None:
        self.view.setPlainText(_tr("The receipt could not be made: {0}").format(
            failure_text(exc)))

    # -- saving -------------------------------------------------------------------------

    def ask_path(self) -> None:
        """Qt's own (non-native) save dialog, window-modal; saving starts once one is chosen."""
        if self.receipt is None:
            return
        dialog = QFileDialog(self, _tr("Save the consent receipt"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(_tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(QDir.homePath())
        dialog.selectFile(f"consent-receipt-{self.receipt.code}.pdf")
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)) if name else None)
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, path: Path) -> None:
        """Render and write the shown receipt to ``path`` on the worker."""
        receipt = self.receipt
        if receipt is None:
            return
        self.save_button.setEnabled(False)
        self.status.setText(_tr("Saving…"))

        def work(store: Store, _handle: OperationHandle) -> Path:
            pdf = consent_receipt.render_checked(render_receipt, receipt)
            consent_receipt.save_pdf(store, receipt, pdf, path)
            return path

        self.session.run(work, success=self._saved, failure=self._save_failed,
                         progress_title=_tr("Saving the consent receipt"))

    def _saved(self, path: Path) -> None:
        self.saved_to = path
        self.save_button.setEnabled(True)
        self.status.setText(_tr("Saved to {0}. Print it, then delete the file if the "
                                "survivor takes the paper.").format(path))

    def _save_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(self.receipt is not None)
        self.status.setText(_tr("Not saved."))
        MessageBox.warning(self, _tr("Consent receipt"),
                           _tr("The receipt was not saved: {0}").format(failure_text(exc)))

    # -- locking ------------------------------------------------------------------------

    def clear(self) -> None:
        """On lock: forget the receipt and close, with any file dialog still open."""
        self.receipt = None
        self.code_label.clear()
        self.view.clear()
        self.status.clear()
        self.save_button.setEnabled(False)
        if self.file_dialog is not None:
            self.file_dialog.reject()
        self.reject()


def show_consent_receipt(parent: QWidget | None, session: Session,
                         testimony_id: str) -> ConsentReceiptDialog:
    """Open the on-screen receipt of a testimony's current consent (the detail pane's action)."""
    dialog = ConsentReceiptDialog(session, testimony_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    dialog.load()
    return dialog
