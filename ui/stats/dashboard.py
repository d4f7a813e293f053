"""The statistics dashboard: choose a dimension, read the table and the chart, export.

Counting runs on the worker (0.4–1.5 s at 50,000 testimonies) with progress; a newer
choice supersedes an older one still running. The threshold can be raised, never set
below the library's minimum (:data:`intake.stats.MIN_THRESHOLD`). Exports are what the
screen shows: the CSV is the library's own (withheld cells as ``<5``/``x``), the PNG is
the chart as drawn. Both are written atomically (``QSaveFile``) to a file the user
chose in Qt's own file dialog. A lock empties and closes the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSaveFile, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake import stats
from intake.errors import IntakeError
from intake.search import Filters
from intake.store import Store
from ui.operations import OperationHandle, failure_text
from ui.records import labels
from ui.session import Session
from ui.stats.chart import StatChartView
from ui.stats.stats_model import StatTableModel, dimension_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatsDashboard", text)


class WriteFailed(IntakeError):
    """The export file could not be written (the text names only the file)."""


def write_atomically(path: Path, data: bytes) -> None:
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly) or out.write(data) != len(data) \
            or not out.commit():
        out.cancelWriting()
        raise WriteFailed(_tr("Could not write {0}.").format(path.name))


class StatsDashboard(QDialog):
    """Counts by one dimension as a table and a chart; ``filters`` narrow what is counted."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 filters: Filters | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.filters = filters or Filters()
        self._lang = language or labels.ui_language()
        self._generation = 0
        self.setWindowTitle(_tr("Statistics"))

        self.dimension = QComboBox()
        for by in stats.DIMENSIONS:
            self.dimension.addItem(dimension_label(by), by)
        self.threshold = QSpinBox()
        self.threshold.setRange(stats.MIN_THRESHOLD, 100)
        self.threshold.setValue(stats.DEFAULT_THRESHOLD)
        self.threshold.setToolTip(_tr("Rows with fewer survivors than this are withheld. "
                                      "It cannot be set below {0}.").format(stats.MIN_THRESHOLD))
        self.model = StatTableModel(self, language=self._lang)
        self.table = QTableView()
        self.table.setObjectName("statsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.chart = StatChartView(self._lang)
        self.note = QLabel()
        self.note.setObjectName("statsNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.csv_button = QPushButton(_tr("Export &table as CSV…"))
        self.csv_button.clicked.connect(self._ask_csv)
        self.png_button = QPushButton(_tr("Save chart as &PNG…"))
        self.png_button.clicked.connect(self._ask_png)
        close = QPushButton(_tr("&Close"))
        close.clicked.connect(self.close)

        count_by = QLabel(_tr("Count &by"))
        count_by.setBuddy(self.dimension)
        withhold = QLabel(_tr("&Withhold rows under"))
        withhold.setBuddy(self.threshold)
        top = QHBoxLayout()
        top.addWidget(count_by)
        top.addWidget(self.dimension)
        top.addSpacing(16)
        top.addWidget(withhold)
        top.addWidget(self.threshold)
        top.addWidget(QLabel(_tr("survivors")))
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 560])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.png_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.resize(1000, 620)

        self.dimension.currentIndexChanged.connect(self.refresh)
        self.threshold.valueChanged.connect(self.refresh)
        session.locked.connect(self.clear)
        self._update_buttons()

    # -- counting -------------------------------------------------------------------------

    def set_dimension(self, by: str) -> None:
        self.dimension.setCurrentIndex(self.dimension.findData(by))

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        by, threshold, filters = self.dimension.currentData(), self.threshold.value(), self.filters

        def work(store: Store, handle: OperationHandle) -> stats.StatTable | None:
            if generation != self._generation:
                return None
            handle.report(0.1)
            return stats.statistics(store, by, threshold=threshold, filters=filters)

        self.status.setText(_tr("Counting…"))
        self.session.run(work, success=lambda t: self._counted(generation, t),
                         failure=lambda e: self._failed(generation, e),
                         progress_title=_tr("Counting events…"))

    def _counted(self, generation: int, table: stats.StatTable | None) -> None:
        if table is None or generation != self._generation:
            return
        self.model.set_table(table)
        self.chart.set_table(table)
        self.status.clear()
        small = f"<{table.threshold}"
        self.note.setText(_tr("Counting events, and the survivors (testimonies) behind them. "
                              "{0}: fewer than {1} survivors; x: withheld with such a row, or "
                              "so that the total cannot give one away.").format(
                                  small, table.threshold))
        if table.total_survivors is None:
            self.status.setText(_tr("Too few survivors to show any count."))
        self._update_buttons()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.status.setText(failure_text(exc))

    # -- exports --------------------------------------------------------------------------

    def _ask(self, title: str, name_filter: str, suffix: str,
             then: Callable[[Path], None]) -> QFileDialog:
        dialog = QFileDialog(self, title)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(suffix)
        by = self.model.table.by if self.model.table else "table"
        dialog.selectFile(f"events-by-{by}.{suffix}")
        dialog.fileSelected.connect(lambda path: self._write(then, Path(path)))
        dialog.open()
        return dialog

    def _write(self, then: Callable[[Path], None], path: Path) -> None:
        try:
            then(path)
        except IntakeError as exc:
            self.status.setText(failure_text(exc))
        else:
            self.status.setText(_tr("Saved {0}.").format(path.name))

    def _ask_csv(self) -> QFileDialog:
        return self._ask(_tr("Export table as CSV"), _tr("CSV files (*.csv)"), "csv",
                         self.export_csv)

    def _ask_png(self) -> QFileDialog:
        return self._ask(_tr("Save chart as PNG"), _tr("PNG images (*.png)"), "png",
                         self.save_png)

    def export_csv(self, path: Path) -> None:
        """The library's CSV of the table shown (withheld cells stay withheld)."""
        if self.model.table is None:
            return
        write_atomically(path, self.model.table.to_csv())

    def save_png(self, path: Path) -> None:
        """The chart as drawn, as a PNG."""
        if self.model.table is None:
            return
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.chart.grab().save(buffer, "PNG")
        write_atomically(path, bytes(buffer.data().data()))

    def _update_buttons(self) -> None:
        ready = self.model.table is not None
        self.csv_button.setEnabled(ready)
        self.png_button.setEnabled(ready)

    # -- locking --------------------------------------------------------------------------

    def clear(self) -> None:
        """Lock: empty the table and the chart, and close."""
        self._generation += 1
        self.model.clear()
        self.chart.clear()
        self.note.clear()
        self.status.clear()
        self._update_buttons()
        self.close()


def open_dashboard(parent: QWidget | None, session: Session, *,
                   filters: Filters | None = None) -> StatsDashboard:
    """Show the dashboard (non-modal) and start counting by event type."""
    dialog = StatsDashboard(session, parent, filters=filters)
    dialog.show()
    dialog.refresh()
    return dialog
