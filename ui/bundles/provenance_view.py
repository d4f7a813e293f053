"""Where a bundle comes from, as the import screen shows it before anything is stored.

Sender (the contact's label here, or "unknown sender" with the name on its card),
the fingerprint in read-aloud groups, when it was made, for what purpose and at
which level, and what it holds. Text fields are plain text: a label or a file
name from a stranger must never be read as HTML.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from intake.bundle import Provenance
from ui.bundles.contacts_model import WARNING_COLOUR
from ui.bundles.fingerprint import FingerprintView
from ui.bundles.words import level_name, purpose_name
from ui.records.labels import local_time


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProvenanceView", text)


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return _tr("{0} bytes").format(n)


def sender_text(p: Provenance) -> str:
    if p.sender_label is None:
        return _tr("Unknown sender — the card says “{0}”").format(p.sender.label)
    if p.sender_verified:
        return _tr("{0} (verified contact)").format(p.sender_label)
    return _tr("{0} (contact, fingerprint not verified)").format(p.sender_label)


class ProvenanceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sender = self._value()
        self.fingerprint = FingerprintView()
        self.created = self._value()
        self.purpose = self._value()
        self.contents = self._value()
        self.bundle_id = self._value()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_tr("From:"), self.sender)
        form.addRow(_tr("Fingerprint:"), self.fingerprint)
        form.addRow(_tr("Created:"), self.created)
        form.addRow(_tr("Purpose and level:"), self.purpose)
        form.addRow(_tr("Holds:"), self.contents)
        form.addRow(_tr("Bundle:"), self.bundle_id)

    @staticmethod
    def _value() -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_provenance(self, p: Provenance) -> None:
        self.sender.setText(sender_text(p))
        colour = WARNING_COLOUR.name() if not p.sender_verified else ""
        self.sender.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else
                                  "font-weight: bold;")
        self.fingerprint.set_fingerprint(p.sender.fingerprint)
        self.created.setText(local_time(p.created))
        self.purpose.setText(_tr("{0}, {1} level").format(purpose_name(p.purpose),
                                                          level_name(p.level)))
        self.contents.setText(_tr("Testimonies: {0}; attachments: {1} ({2} in all)").format(
            p.records, p.attachments, _size(p.total_bytes)))
        self.bundle_id.setText(p.bundle_id)

    def clear(self) -> None:
        for label in (self.sender, self.created, self.purpose, self.contents, self.bundle_id):
            label.clear()
        self.fingerprint.set_fingerprint("")
