"""A withdrawal notice or a delivery receipt, as the import screen shows it.

A notice (``tin/1``) says a survivor withdrew consent for a testimony this store
received; a receipt (``tir/1``) says a legal team checked and imported a bundle
this store sent. Both were checked (signature, addressee, ledger) before this
shows them; the sender's fingerprint is shown in groups like a bundle's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from intake.custody.notices import CheckedNotice, NoticeResult
from intake.custody.receipts import CheckedReceipt, ReceiptResult
from ui.bundles.fingerprint import FingerprintView
from ui.records.labels import local_time


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustodyView", text)


def notice_result_text(r: NoticeResult) -> str:
    if r.already_applied:
        return _tr("This notice was applied before; nothing changed.")
    if r.newly_withdrawn:
        return _tr("Applied: the testimony is now marked withdrawn (revision {0}). It is "
                   "kept with its custody trail and refused by every export.").format(
            r.revision)
    return _tr("Recorded: consent for this testimony was already withdrawn here.")


def receipt_result_text(r: ReceiptResult) -> str:
    if r.already_recorded:
        return _tr("This delivery was recorded before; nothing changed.")
    return _tr("Recorded: the bundle is marked delivered and verified by the recipient.")


class CustodyView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = self._value()
        self.sender = self._value()
        self.fingerprint = FingerprintView()
        self.created = self._value()
        self.subject = self._value()
        self.detail = self._value()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(_tr("Document:"), self.kind)
        self.form.addRow(_tr("From:"), self.sender)
        self.form.addRow(_tr("Fingerprint:"), self.fingerprint)
        self.form.addRow(_tr("Created:"), self.created)
        self.subject_label = QLabel()
        self.form.addRow(self.subject_label, self.subject)
        self.detail_label = QLabel()
        self.form.addRow(self.detail_label, self.detail)

    @staticmethod
    def _value() -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_notice(self, c: CheckedNotice) -> None:
        n = c.notice
        self.kind.setText(_tr("Withdrawal of consent"))
        self.sender.setText(c.sender_label)
        self.fingerprint.set_fingerprint(n.sender.fingerprint)
        self.created.setText(local_time(n.created))
        self.subject_label.setText(_tr("Testimony:"))
        self.subject.setText(f"{c.pseudonym} ({n.testimony_id[:8]})")
        self.detail_label.setText(_tr("Withdrawn on:"))
        self.detail.setText(n.withdrawn.isoformat())

    def show_receipt(self, c: CheckedReceipt) -> None:
        r = c.receipt
        self.kind.setText(_tr("Delivery receipt"))
        self.sender.setText(c.recipient_label or r.importer.label)
        self.fingerprint.set_fingerprint(r.importer.fingerprint)
        self.created.setText(local_time(r.created))
        self.subject_label.setText(_tr("Bundle:"))
        self.subject.setText(r.bundle_id)
        self.detail_label.setText(_tr("Imported there:"))
        self.detail.setText(_tr("{0}; testimonies: {1}").format(local_time(r.imported_at),
                                                               len(r.records)))

    def clear(self) -> None:
        for label in (self.kind, self.sender, self.created, self.subject, self.detail):
            label.clear()
        self.fingerprint.set_fingerprint("")
