"""A short list of small records typed as table rows: prior statements, people present.

Each row carries a stable id for as long as the form lives, so a redaction that covers the
text of row 2 still covers it after row 1 is removed. Rows left entirely empty are not
part of the value (an added-but-unused row is not an error).
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

UidRole = Qt.ItemDataRole.UserRole + 1
_uids = itertools.count(1)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RowsEditor", text)


class RowsEditor(QWidget):
    """Rows of text cells; ``value()`` is a list of dicts (or of strings, one column)."""

    edited = Signal()

    def __init__(self, columns: list[tuple[str, str]], parent: QWidget | None = None, *,
                 strings: bool = False, add_label: str = "", visible_rows: int = 3) -> None:
        super().__init__(parent)
        self.columns = columns
        self.strings = strings
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels([label for _key, label in columns])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setTabKeyNavigation(False)
        row_height = self.table.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        header_height = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header_height + row_height * visible_rows + 4)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())

        self.add_button = QPushButton(add_label or _tr("Add"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(_tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def add_row(self, values: dict[str, Any] | None = None, *, edit: bool = True) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        uid = next(_uids)
        for col, (key, _label) in enumerate(self.columns):
            value = (values or {}).get(key)
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(UidRole, uid)
            self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.setFocus()
            self.table.editItem(self.table.item(row, 0))
            self.edited.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def set_value(self, value: object) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        if not isinstance(value, list):
            return
        for entry in value:
            if self.strings:
                self.add_row({self.columns[0][0]: entry}, edit=False)
            elif isinstance(entry, dict):
                self.add_row(entry, edit=False)

    def rows(self) -> list[tuple[int, Any]]:
        """``(row id, value)`` for every row that is not empty, in order."""
        out = []
        for row in range(self.table.rowCount()):
            cells = {key: (self.table.item(row, col).text() or None)
                     for col, (key, _label) in enumerate(self.columns)}
            if all(v is None for v in cells.values()):
                continue
            uid = int(self.table.item(row, 0).data(UidRole))
            out.append((uid, cells[self.columns[0][0]] if self.strings else cells))
        return out

    def value(self) -> list[Any]:
        return [v for _uid, v in self.rows()]

    def clear(self) -> None:
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(0)
        self.table.blockSignals(False)
