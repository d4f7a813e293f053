"""The testimony list: a quick filter above a sortable table of summaries.

Keyboard first: typing in the filter narrows the list, Down or Enter moves into the
table, Enter in the table opens the testimony, Escape clears the filter. The selection
survives a refresh (after a save the shell reloads the summaries), and the widget says
``testimonySelected`` only when the selected testimony actually changes, so a refresh
does not reload the detail pane for nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.model import PURPOSES
from intake.store.records import Summary
from ui.records import labels
from ui.records.list_model import TestimonyFilterProxy, TestimonyTableModel

M = TestimonyTableModel


class TestimonyListView(QWidget):
    """Filter line + table; emits testimony ids, never touches the store."""

    __test__ = False  # not a pytest test class, whatever its name

    testimonySelected = Signal(str)
    testimonyActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self.filter_delay_ms = 150
        self._selected: str | None = None

        self.model = TestimonyTableModel(self, language=language)
        self.proxy = TestimonyFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("testimonyFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by pseudonym, place, event or consent…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter testimonies"))
        self.filter_edit.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("testimonyCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.table = QTableView(self)
        self.table.setObjectName("testimonyTable")
        self.table.setModel(self.proxy)
        self._setup_table()

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._filter_later)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved, self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.model.layoutChanged.connect(self._restore_selection)

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_filter)

        top = QHBoxLayout()
        top.setContentsMargins(2, 2, 6, 2)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.filter_edit, self.table)
        self._update_count()

    def _setup_table(self) -> None:
        t = self.table
        t.setSortingEnabled(True)
        t.sortByColumn(M.COL_PSEUDONYM, Qt.SortOrder.AscendingOrder)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.setShowGrid(False)
        t.setTabKeyNavigation(False)
        t.verticalHeader().setVisible(False)
        fm = t.fontMetrics()
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        t.verticalHeader().setDefaultSectionSize(fm.height() + 10)
        header = t.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(M.COL_EVENTS, QHeaderView.ResizeMode.Stretch)
        pad = 24
        widths = {M.COL_PSEUDONYM: fm.horizontalAdvance("S-00000-MM") + pad,
                  M.COL_DATE: fm.horizontalAdvance("2023-08-14") + pad + 16,
                  M.COL_PLACE: fm.horizontalAdvance("함경북도 회령시 ab") + pad,
                  M.COL_CONSENT: fm.horizontalAdvance(" · ".join(
                      labels.scope_label(s) for s in PURPOSES)) + pad,
                  M.COL_UPDATED: fm.horizontalAdvance("2024-05-01 14:32") + pad + 16}
        for col, width in widths.items():
            t.setColumnWidth(col, width)
        header.setMinimumSectionSize(fm.horizontalAdvance("Events") + pad)

    # -- the API the shell uses ---------------------------------------------------------

    def set_summaries(self, summaries: list[Summary]) -> None:
        """Show these summaries; keep the filter, the sort and (if still there) the selection."""
        keep = self._selected
        self.model.set_summaries(summaries)
        if self.proxy.filter_text_active():
            self.model.fetch_all()
        if keep is not None and not self.select_testimony(keep):
            self._selected = None

    def clear(self) -> None:
        """Drop every row and the filter text (the store was locked)."""
        self._filter_timer.stop()
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.proxy.set_filter_text("")
        self.model.clear()
        self._selected = None
        self._update_count()

    def set_language(self, lang: str) -> None:
        self.model.set_language(lang)

    def current_id(self) -> str | None:
        return self._selected

    def select_testimony(self, testimony_id: str) -> bool:
        """Select a testimony's row (fetching up to it); False if it is not in the list."""
        row = self.model.row_of(testimony_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # -- internals ----------------------------------------------------------------------

    def _filter_later(self) -> None:
        self._filter_timer.start(self.filter_delay_ms)

    def _apply_filter(self) -> None:
        self.proxy.set_filter_text(self.filter_edit.text())
        if self._selected is not None:
            self.select_testimony(self._selected)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        testimony_id = current.data(M.IdRole)
        if testimony_id and testimony_id != self._selected:
            self._selected = testimony_id
            self.testimonySelected.emit(testimony_id)

    def _on_activated(self, index: QModelIndex) -> None:
        testimony_id = index.data(M.IdRole)
        if testimony_id:
            self.testimonyActivated.emit(testimony_id)

    def _restore_selection(self) -> None:
        current = self.table.currentIndex()
        if self._selected is not None and (
                not current.isValid() or current.data(M.IdRole) != self._selected):
            self.select_testimony(self._selected)

    def _update_count(self) -> None:
        total = self.model.total_count()
        if total == 0:
            text = self.tr("No testimonies")
        elif self.proxy.filter_text_active():
            text = self.tr("{0:,} of {1:,}").format(self.proxy.rowCount(), total)
        else:
            text = self.tr("{0:,} testimonies").format(total)
        self.count_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._filter_timer.stop()
                self._apply_filter()
                if self.proxy.rowCount() and not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
