"""The import screen: choose a file, verify it, see where it comes from, then import.

It takes bundles, and the custody documents that travel back and forth: withdrawal
notices and delivery receipts (``intake.custody``), shown by :class:`CustodyView`.

Verification runs first, on the worker, with progress and Cancel: everything in
DESIGN §6 is checked and nothing is stored. The screen then shows the provenance;
a sender who is not a contact must be compared by fingerprint, and the user must
say so, before "Import" is enabled. Import checks everything again (the file may
have changed since) and writes in one transaction; re-importing changes nothing
and says so. Failures are one sentence from the library, which names the reason
(wrong recipient, bad signature, which member fails its hash or size, …).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.bundle import ImportResult, Provenance
from intake.errors import Cancelled
from ui.bundles.contacts_model import WARNING_COLOUR
from ui.bundles.custody_view import CustodyView, notice_result_text, receipt_result_text
from ui.bundles.files import ask_file
from ui.bundles.import_kinds import BUNDLE, Imported, Verified, import_any, verify_any
from ui.bundles.provenance_view import ProvenanceView
from ui.operations import OperationHandle, failure_text
from ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def result_text(r: ImportResult) -> str:
    if r.already_imported:
        return _tr("This bundle was imported before; nothing changed.")
    lines = [_tr("Imported. New testimonies: {0}; new revisions: {1}; unchanged: {2}; "
                 "attachments added: {3}.").format(len(r.created), len(r.revised), len(r.unchanged),
                                            r.attachments)]
    if r.older:
        lines.append(_tr("Older than the revisions you already have, so left as they are: "
                         "{0}.").format(len(r.older)))
    if r.new_contact is not None:
        lines.append(_tr("The sender was added to your contacts as {0}.").format(
            r.new_contact))
    return "\n".join(lines)


def imported_text(done: Imported) -> str:
    if done.notice is not None:
        return notice_result_text(done.notice)
    if done.receipt is not None:
        return receipt_result_text(done.receipt)
    assert done.bundle is not None
    return result_text(done.bundle)


def _changed(done: Imported) -> bool:
    if done.notice is not None:
        return not done.notice.already_applied
    if done.receipt is not None:
        return not done.receipt.already_recorded
    return done.bundle is not None and not done.bundle.already_imported


class ImportDialog(QDialog):
    imported = Signal(object)  # intake.custody.dispatch.Imported, when the store changed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.provenance: Provenance | None = None
        self.checked: Verified | None = None  # what verification found (any kind)
        self.busy = False
        self.handle: OperationHandle | None = None  # the work in flight (tests cancel it)
        self.setWindowTitle(_tr("Import"))
        self.setMinimumWidth(640)

        intro = QLabel(_tr("Choose a bundle, a withdrawal notice or a delivery receipt sent "
                           "to this store. Every byte is checked before anything is stored."))
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(_tr("No file chosen"))
        self.choose_button = QPushButton(_tr("C&hoose…"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)

        self.view = ProvenanceView()
        self.group = QGroupBox(_tr("Where it comes from"))
        g_layout = QVBoxLayout(self.group)
        g_layout.addWidget(self.view)
        self.custody = CustodyView()
        self.custody.hide()
        g_layout.addWidget(self.custody)
        self.unknown_note = QLabel(_tr(
            "This sender is not among your contacts. Anyone can make a bundle and sign it "
            "with a name of their choosing: call the sender on a number you already know "
            "and read the fingerprint above to each other."))
        self.unknown_note.setWordWrap(True)
        self.unknown_note.setStyleSheet(f"color: {WARNING_COLOUR.name()};")
        self.compared_box = QCheckBox(_tr("I have &compared this fingerprint with the sender, "
                                          "and it matches"))
        self.unverified_note = QLabel(_tr("You have not verified this contact's fingerprint "
                                          "yet: compare it under Contacts."))
        self.unverified_note.setWordWrap(True)
        g_layout.addWidget(self.unknown_note)
        g_layout.addWidget(self.compared_box)
        g_layout.addWidget(self.unverified_note)
        self.group.hide()

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(_tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        # After a bundle is in: the signed "received and verified" for its sender.
        self.receipt_button = self.buttons.addButton(_tr("Write a delivery &receipt…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.receipt_button.setToolTip(_tr("A signed receipt, encrypted to the sender, "
                                           "saying this bundle arrived whole"))
        self.receipt_button.setVisible(False)
        self.receipt_button.clicked.connect(self.write_receipt)
        self.receipt_bundle_id: str | None = None
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.group)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.ask_file)
        self.compared_box.toggled.connect(self._update)
        session.locked.connect(self.clear)
        self._update()

    # -- choosing and verifying ---------------------------------------------------------

    def ask_file(self) -> None:
        ask_file(self, _tr("Choose a file to import"),
                 _tr("Bundles, notices and receipts (*.tib.age *.tin.age *.tir.age);;"
                     "All files (*)"), self.choose,
                 save=False, start=self.path.parent if self.path else Path.home())

    def choose(self, path: Path) -> None:
        """Show ``path`` and verify it on the worker."""
        self.path = path
        self.provenance = None
        self.checked = None
        self.path_edit.setText(str(path))
        self.group.hide()
        self.view.clear()
        self.custody.clear()
        self.compared_box.setChecked(False)
        self.status.clear()
        self._set_busy(True)
        self.handle = self.session.run(lambda store, h: verify_any(store, path, h),
                                       success=self._verified, failure=self._verify_failed,
                                       progress_title=_tr("Checking the bundle…"))

    def _verified(self, checked: Verified) -> None:
        self._set_busy(False)
        self.checked = checked
        if checked.bundle is None:
            self._show_custody(checked)
            return
        p = self.provenance = checked.bundle
        self.group.setTitle(_tr("Where it comes from"))
        self.view.show()
        self.custody.hide()
        self.view.show_provenance(p)
        self.unknown_note.setVisible(not p.known_sender)
        self.compared_box.setVisible(not p.known_sender)
        self.unverified_note.setVisible(p.known_sender and not p.sender_verified)
        self.group.show()
        self.adjustSize()  # room for the fingerprint's two lines
        self.status.setText(_tr("Checked: the encryption, the sender's signature, and every "
                                "file's SHA-256 and size."))
        self._update()

    def _show_custody(self, checked: Verified) -> None:
        self.view.hide()
        for w in (self.unknown_note, self.compared_box, self.unverified_note):
            w.hide()
        if checked.notice is not None:
            self.custody.show_notice(checked.notice)
            self.group.setTitle(_tr("Withdrawal notice"))
        elif checked.receipt is not None:
            self.custody.show_receipt(checked.receipt)
            self.group.setTitle(_tr("Delivery receipt"))
        self.custody.show()
        self.group.show()
        self.adjustSize()
        self.status.setText(_tr("Checked: the encryption, the sender's signature, that it is "
                                "addressed to this store, and that it matches what this "
                                "store sent or received."))
        self._update()

    def _verify_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(_tr("Checking was cancelled; nothing was imported."))
        else:
            self.status.setText(_tr("This file cannot be imported: {0}").format(
                failure_text(exc)))
        self._update()

    # -- importing ----------------------------------------------------------------------

    def start_import(self) -> None:
        p, path = self.provenance, self.path
        if self.checked is None or path is None or not self.import_button.isEnabled():
            return
        trust = p is not None and not p.known_sender and self.compared_box.isChecked()
        self._set_busy(True)
        self.handle = self.session.run(
            lambda store, h: import_any(store, path, h, trust_new_sender=trust),
            success=self._imported, failure=self._import_failed,
            progress_title=_tr("Importing…"))

    def _imported(self, done: Imported) -> None:
        self._set_busy(False)
        self.provenance = None  # done: choose again to re-import
        self.checked = None
        self.compared_box.setVisible(False)
        self.unknown_note.setVisible(False)
        self.status.setText(imported_text(done))
        self.receipt_bundle_id = done.bundle.provenance.bundle_id if done.bundle else None
        self.receipt_button.setVisible(self.receipt_bundle_id is not None)
        self._update()
        if _changed(done):
            self.imported.emit(done)

    def write_receipt(self, *, choose: Callable[[QWidget | None, str], str] | None = None
                      ) -> None:
        """``choose`` (parent, suggested name) -> path stands in for the save dialog."""
        from ui.custody.receipt_action import choose_receipt_path, write_receipt

        if self.receipt_bundle_id is not None:
            write_receipt(self, self.session, self.receipt_bundle_id,
                          choose=choose or choose_receipt_path)

    def _import_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(_tr("Import cancelled; nothing was stored."))
        else:
            self.status.setText(_tr("Nothing was imported: {0}").format(failure_text(exc)))
        self._update()

    # -- state --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.choose_button.setEnabled(not busy)
        self.compared_box.setEnabled(not busy)
        self._update()

    def _update(self, *_args: object) -> None:
        p, checked = self.provenance, self.checked
        if checked is None:
            ready = False
        elif checked.kind == BUNDLE:
            ready = p is not None and (p.known_sender or self.compared_box.isChecked())
        else:
            ready = True  # a notice or receipt only comes from a known sender
        self.import_button.setEnabled(ready and not self.busy)

    def reject(self) -> None:
        if self.busy and self.session.is_unlocked:
            return  # the progress dialog's Cancel stops the work
        super().reject()

    def clear(self) -> None:
        """On lock: forget the file and what it said, and close."""
        self.busy = False
        self.path = None
        self.provenance = None
        self.checked = None
        self.path_edit.clear()
        self.view.clear()
        self.custody.clear()
        self.status.clear()
        self.reject()
