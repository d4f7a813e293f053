"""The contacts table: label, fingerprint, verified mark, date added.

Rows are :class:`intake.contacts.Contact` objects read on the worker; the model
never touches the store. An unverified contact is marked in words and colour,
since sending to a swapped card is the mistake this screen exists to prevent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from intake.contacts import Contact
from ui.fonts import monospace_font
from ui.records.labels import local_time

Index = QModelIndex | QPersistentModelIndex
CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL, FINGERPRINT, VERIFIED, ADDED = range(4)
WARNING_COLOUR = QColor("#a34a00")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactsModel", text)


def verified_text(verified: bool) -> str:
    return _tr("✔ verified") if verified else _tr("⚠ not verified")


class ContactsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []
        self._mono = monospace_font(10)

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def clear(self) -> None:
        self.set_contacts([])

    def contact(self, row: int) -> Contact | None:
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def row_of(self, label: str) -> int:
        return next((i for i, c in enumerate(self._contacts) if c.label == label), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (_tr("Label"), _tr("Fingerprint"), _tr("Verified"), _tr("Added"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._contacts):
            return None
        c = self._contacts[index.row()]
        col = index.column()
        if role == CONTACT_ROLE:
            return c
        if role == Qt.ItemDataRole.DisplayRole:
            return (c.label, c.fingerprint, verified_text(c.verified),
                    local_time(c.added_at))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == VERIFIED and not c.verified:
            return _tr("Read the fingerprint aloud with this contact over the phone, then "
                       "mark it verified.")
        if role == Qt.ItemDataRole.FontRole and col == FINGERPRINT:
            return self._mono
        if role == Qt.ItemDataRole.ForegroundRole and col == VERIFIED and not c.verified:
            return QBrush(WARNING_COLOUR)
        return None
