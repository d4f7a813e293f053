"""A :class:`intake.stats.StatTable` as a Qt table: label, events, survivors, and a total.

Withheld counts are shown exactly as the library prints them (``<5``, ``x``), never as
the number: the model holds no withheld number to leak, because the library never gives
one (``Cell.events`` is None).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from intake.stats import Cell, StatTable
from ui.records import labels

Index = QModelIndex | QPersistentModelIndex
_MUTED = QColor("#6b6b6b")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatsModel", text)


def dimension_label(by: str) -> str:
    return {"type": _tr("Event type"), "year": _tr("Year"), "place": _tr("Place"),
            "province": _tr("Province"), "perpetrator": _tr("Perpetrator"),
            "sex": _tr("Survivor sex"), "age": _tr("Age band")}.get(by, by)


def cell_label(cell: Cell, lang: str) -> str:
    return cell.label_ko if lang == "ko" else cell.label_en


class StatTableModel(QAbstractTableModel):
    """Rows are the table's cells then a total row; ``KeyRole`` is a cell's key."""

    COL_LABEL, COL_EVENTS, COL_SURVIVORS = range(3)
    KeyRole = Qt.ItemDataRole.UserRole + 1
    SuppressedRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self._lang = language or labels.ui_language()
        self.table: StatTable | None = None

    def set_table(self, table: StatTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def clear(self) -> None:
        self.set_table(None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.cells) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        by = self.table.by if self.table else ""
        return {0: dimension_label(by), 1: _tr("Events"), 2: _tr("Survivors")}.get(section)

    def _total(self, column: int) -> str:
        assert self.table is not None
        value = (self.table.total_events if column == self.COL_EVENTS
                 else self.table.total_survivors)
        return f"<{self.table.threshold}" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row <= len(self.table.cells) or not 0 <= col < 3:
            return None
        total = row == len(self.table.cells)
        cell = None if total else self.table.cells[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_LABEL:
                return _tr("Total") if cell is None else cell_label(cell, self._lang)
            column = "events" if col == self.COL_EVENTS else "survivors"
            return self._total(col) if cell is None else self.table.shown(cell, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_LABEL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and cell is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and cell is not None and cell.suppressed:
            return _MUTED
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None and cell.suppressed:
            if cell.suppressed == "small":
                return _tr("Fewer than {0} survivors: withheld so that no one can be singled "
                           "out.").format(self.table.threshold)
            return _tr("Withheld too, so that the total cannot give a small row away.")
        if role == self.KeyRole:
            return "total" if cell is None else cell.key
        if role == self.SuppressedRole:
            return None if cell is None else cell.suppressed
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
