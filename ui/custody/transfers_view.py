"""The transfer ledger as a read-only table: who received a testimony, when, and did it arrive.

Rows come from :func:`intake.custody.ledger.transfers`, loaded on the worker through
``Session.run``; the model holds only ids, fingerprints, labels and times (no testimony
text), and is emptied the moment the store locks.
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
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.custody import ledger
from intake.custody.ledger import Transfer
from ui.operations import failure_text
from ui.records import labels
from ui.session import Session

COL_RECIPIENT, COL_FINGERPRINT, COL_PURPOSE, COL_LEVEL, COL_SENT, COL_BUNDLE, COL_STATUS = \
    range(7)
TransferRole = Qt.ItemDataRole.UserRole + 1
_DELIVERED = QColor("#1b5e20")
_WITHDRAWN = QColor("#8b1a1a")

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("TransfersView", text)


def level_label(level: str) -> str:
    return {"full": _tr("Full"), "redacted": _tr("Redacted")}.get(level, level)


def status_text(t: Transfer) -> str:
    if t.delivery is not None:
        text = _tr("Delivered and verified ({0})").format(
            labels.local_time(t.delivery.received_at))
    else:
        text = _tr("Sent, no receipt yet")
    if t.notices:
        text += " · " + _tr("withdrawal notice written {0}").format(
            labels.local_time(t.notices[-1].created))
    return text


class TransfersModel(QAbstractTableModel):
    """One row per (bundle, recipient); ``TransferRole`` gives the row's ``Transfer``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Transfer] = []

    def set_rows(self, rows: list[Transfer]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def transfer(self, row: int) -> Transfer:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (_tr("Recipient"), _tr("Fingerprint"), _tr("Purpose"), _tr("Level"),
                 _tr("Sent"), _tr("Bundle"), _tr("Status"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(t, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_BUNDLE:
                return _tr("Bundle {0}\nManifest SHA-256 {1}").format(t.bundle_id,
                                                                      t.manifest_sha256)
            if col == COL_STATUS and t.delivery is not None:
                return _tr("Receipt {0}, signed {1}").format(
                    t.delivery.receipt_id, labels.local_time(t.delivery.signed_at))
            return self._display(t, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            if t.notices:
                return _WITHDRAWN
            return _DELIVERED if t.delivered else None
        if role == TransferRole:
            return t
        return None

    def _display(self, t: Transfer, col: int) -> str:
        if col == COL_RECIPIENT:
            return t.recipient_label or _tr("(no longer a contact)")
        if col == COL_FINGERPRINT:
            return t.recipient
        if col == COL_PURPOSE:
            return labels.scope_label(t.purpose)
        if col == COL_LEVEL:
            return level_label(t.level)
        if col == COL_SENT:
            return labels.local_time(t.created_at)
        if col == COL_BUNDLE:
            return t.bundle_id[:8]
        return status_text(t)


class TransfersView(QWidget):
    """The ledger of one testimony (``show_testimony(id)``) or of the whole store (``None``)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._testimony_id: str | None = None
        self._loading = 0
        self.model = TransfersModel(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("transfersHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("transfersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        # The fingerprint (30 digits) would push the status, the column a user reads,
        # out of the detail pane: show its first groups, the whole one in its tooltip.
        header.setSectionResizeMode(COL_FINGERPRINT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_FINGERPRINT,
                             self.fontMetrics().horizontalAdvance("00000 00000 00000 …") + 12)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        session.locked.connect(self.clear)
        self._show_heading()

    @property
    def testimony_id(self) -> str | None:
        return self._testimony_id

    def show_testimony(self, testimony_id: str | None) -> None:
        """Load the transfers of ``testimony_id`` (None: every transfer) on the worker."""
        self._testimony_id = testimony_id
        self.refresh()

    def refresh(self) -> None:
        if not self._session.is_unlocked:
            self.clear()
            return
        self._loading += 1
        ticket, wanted = self._loading, self._testimony_id
        self._session.run(lambda store, _h: ledger.transfers(store, wanted),
                          success=lambda rows: self._loaded(ticket, rows),
                          failure=lambda exc: self._failed(ticket, exc))

    def _loaded(self, ticket: int, rows: list[Transfer]) -> None:
        if ticket != self._loading:
            return  # a later request replaced this one
        self.model.set_rows(rows)
        self._show_heading()

    def _failed(self, ticket: int, exc: Exception) -> None:
        """Said in the heading, not in a box: the ledger is a side panel of the detail."""
        if ticket == self._loading:
            self.model.clear()
            self.heading.setText(failure_text(exc))

    def clear(self) -> None:
        """Forget every row (the store was locked)."""
        self._loading += 1
        self.model.clear()
        self._show_heading()

    def _show_heading(self) -> None:
        n = self.model.rowCount()
        if n == 0:
            text = (_tr("This testimony has not been exported.") if self._testimony_id
                    else _tr("Nothing has been exported from this store yet."))
        else:
            delivered = sum(self.model.transfer(i).delivered for i in range(n))
            text = _tr("Transfers: {0} · delivered and verified: {1}").format(n, delivered)
        self.heading.setText(text)
