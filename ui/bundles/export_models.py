"""The export dialog's two checkable lists: testimonies and recipients.

Testimonies come from the store's summaries (pseudonym, interview date, consent
scopes), so a store of thousands lists without parsing a record; the consent
column turns to a warning colour where it does not cover the chosen purpose.
Recipients are contacts; an unverified one says so in its own row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from intake.contacts import Contact
from intake.store import Summary
from ui.bundles.contacts_model import WARNING_COLOUR
from ui.bundles.words import purpose_name, scopes_text

Index = QModelIndex | QPersistentModelIndex
PSEUDONYM, DATE, CONSENT = range(3)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportModels", text)


def _check(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


class TestimonyChoiceModel(QAbstractTableModel):
    """Summaries with a check box in the pseudonym column."""

    __test__ = False  # not a pytest class, whatever its name

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Summary] = []
        self._checked: set[str] = set()
        self._purpose = "legal"

    def set_summaries(self, summaries: list[Summary], checked: Iterable[str]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        known = {s.testimony_id for s in self._rows}
        self._checked = {i for i in checked if i in known}
        self.endResetModel()

    def clear(self) -> None:
        self.set_summaries([], ())

    def set_purpose(self, purpose: str) -> None:
        self._purpose = purpose
        if self._rows:
            self.dataChanged.emit(self.index(0, CONSENT), self.index(len(self._rows) - 1,
                                                                     CONSENT))

    def checked_ids(self) -> tuple[str, ...]:
        """In list order, so the bundle's order follows what the user sees."""
        return tuple(s.testimony_id for s in self._rows if s.testimony_id in self._checked)

    def set_checked(self, ids: Iterable[str], on: bool) -> None:
        ids = set(ids)
        for row, s in enumerate(self._rows):
            if s.testimony_id in ids and (s.testimony_id in self._checked) != on:
                self.setData(self.index(row, PSEUDONYM), _check(on),
                             Qt.ItemDataRole.CheckStateRole)

    def covers(self, s: Summary) -> bool:
        return not s.withdrawn and self._purpose in s.consent

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (_tr("Pseudonym"), _tr("Interview"), _tr("Consent covers"))
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PSEUDONYM:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return s.testimony_id
        if role == Qt.ItemDataRole.DisplayRole:
            return (s.pseudonym, s.interview_date or "", scopes_text(s.consent, s.withdrawn))[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == PSEUDONYM:
            return _check(s.testimony_id in self._checked)
        if col == CONSENT and not self.covers(s):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(WARNING_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr("Consent does not cover {0}: this testimony will be left "
                           "out.").format(purpose_name(self._purpose))
        if role == Qt.ItemDataRole.ToolTipRole and col == PSEUDONYM:
            return s.testimony_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != PSEUDONYM
                or role != Qt.ItemDataRole.CheckStateRole):
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        testimony_id = self._rows[index.row()].testimony_id
        if on:
            self._checked.add(testimony_id)
        else:
            self._checked.discard(testimony_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class RecipientModel(QAbstractListModel):
    """Contacts to encrypt to, each with a check box; unverified ones marked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []
        self._checked: set[str] = set()

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        labels = {c.label for c in self._contacts}
        self._checked &= labels
        if len(self._contacts) == 1:
            self._checked = set(labels)
        self.endResetModel()

    def clear(self) -> None:
        self.set_contacts([])

    def checked_labels(self) -> tuple[str, ...]:
        return tuple(c.label for c in self._contacts if c.label in self._checked)

    def checked_unverified(self) -> tuple[str, ...]:
        return tuple(c.label for c in self._contacts
                     if c.label in self._checked and not c.verified)

    def set_checked(self, label: str, on: bool) -> None:
        for row, c in enumerate(self._contacts):
            if c.label == label:
                self.setData(self.index(row), _check(on), Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._contacts):
            return None
        c = self._contacts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.label if c.verified else _tr("{0}   ⚠ fingerprint not verified").format(
                c.label)
        if role == Qt.ItemDataRole.CheckStateRole:
            return _check(c.label in self._checked)
        if role == Qt.ItemDataRole.ForegroundRole and not c.verified:
            return QBrush(WARNING_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.fingerprint
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        label = self._contacts[index.row()].label
        if on:
            self._checked.add(label)
        else:
            self._checked.discard(label)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
