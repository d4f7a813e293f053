"""A testimony's attachments: what they are, their fingerprints, and a way to add more.

The panel never reads, copies or opens a file itself. Adding (the button's file dialog, or
files dropped on the panel) only reports the chosen paths; the shell encrypts them into the
store on its worker. Opening reports an attachment id; the shell decrypts it into memory and
shows it in :class:`~ui.attachments.viewer.AttachmentViewer`. Nothing goes to an outside
application, which could leave decrypted copies in its caches.

The SHA-256 is shown in full, so an interviewer can read it out to a legal team to confirm
a file arrived unaltered, and can be copied (it is a fingerprint, not a secret).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontDatabase,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.model import AttachmentRef
from ui.records.labels import human_size

IdRole = Qt.ItemDataRole.UserRole + 1
COL_NAME, COL_TYPE, COL_SIZE, COL_SHA256 = range(4)


def dropped_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """The regular local files among what is being dropped (folders and URLs are ignored)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_file()]


class AttachmentPanel(QFrame):
    """The list of attachments, an Add button and a drop target; reports, never acts."""

    addRequested = Signal(list)
    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPanel")
        self.setAcceptDrops(True)
        self._add_enabled = True

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("attachmentTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Type"), self.tr("Size"), self.tr("SHA-256")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        fm = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SHA256, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_TYPE, fm.horizontalAdvance("application/pdf") + 24)
        self.table.setColumnWidth(COL_SIZE, fm.horizontalAdvance("999.9 MB") + 24)
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.table.setColumnWidth(COL_SHA256, 24 + QFontMetrics(self._mono).horizontalAdvance(
            "0" * 24))
        self.table.itemActivated.connect(self._on_activated)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.installEventFilter(self)

        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.setToolTip(self.tr("Encrypt files into the store and attach them "
                                           "(you can also drop files here)"))
        self.add_button.clicked.connect(self._choose_files)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setToolTip(self.tr("Show inside this application (Enter)"))
        self.open_button.clicked.connect(self._open_current)
        self.copy_button = QPushButton(self.tr("Copy SHA-256"), self)
        self.copy_button.setToolTip(self.tr("Copy the file's fingerprint (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_current_sha256)
        self.hint = QLabel(self)
        self.hint.setObjectName("attachmentHint")
        self.hint.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.setStyleSheet("QFrame#attachmentPanel[dropActive=\"true\"] "
                           "{ border: 2px dashed #3a6ea5; background: #eef4fb; }")
        self._set_drop_highlight(False)
        self._update_buttons()

    # -- the API the shell uses ---------------------------------------------------------

    def set_attachments(self, refs: list[AttachmentRef] | tuple[AttachmentRef, ...]) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(refs))
        for row, ref in enumerate(refs):
            name = QTableWidgetItem(ref.name)
            name.setData(IdRole, ref.id)
            name.setToolTip(ref.name)
            kind = QTableWidgetItem(ref.media_type)
            size = QTableWidgetItem(human_size(ref.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            size.setToolTip(self.tr("{0:,} bytes").format(ref.size))
            digest = QTableWidgetItem(ref.sha256)
            digest.setFont(self._mono)
            digest.setToolTip(_grouped(ref.sha256))
            for col, item in enumerate((name, kind, size, digest)):
                item.setData(IdRole, ref.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(COL_TYPE)
        self._update_buttons()

    def clear(self) -> None:
        self.table.clearContents()
        self.table.setRowCount(0)
        self._update_buttons()

    def set_add_enabled(self, enabled: bool, reason: str = "") -> None:
        """Attaching needs a saved testimony; say why it is off (e.g. "save first")."""
        self._add_enabled = enabled
        self.add_button.setEnabled(enabled)
        self.add_button.setToolTip(reason if not enabled and reason else
                                   self.tr("Encrypt files into the store and attach them"))
        self._update_buttons()

    def attachment_ids(self) -> list[str]:
        return [str(self.table.item(r, COL_NAME).data(IdRole))
                for r in range(self.table.rowCount())]

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, COL_NAME) is None:
            return None
        return str(self.table.item(row, COL_NAME).data(IdRole))

    def copy_current_sha256(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.item(row, COL_SHA256) is not None:
            QApplication.clipboard().setText(self.table.item(row, COL_SHA256).text())

    # -- adding -------------------------------------------------------------------------

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), QDir.homePath(), "",
            options=QFileDialog.Option.DontUseNativeDialog)
        paths = [Path(n) for n in names]
        if paths:
            self.addRequested.emit(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._add_enabled and dropped_files(event):
            event.acceptProposedAction()
            self._set_drop_highlight(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._add_enabled and dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QEvent) -> None:
        self._set_drop_highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_highlight(False)
        paths = dropped_files(event) if self._add_enabled else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.addRequested.emit(paths)

    def _set_drop_highlight(self, on: bool) -> None:
        if bool(self.property("dropActive")) != on:
            self.setProperty("dropActive", on)
            self.style().unpolish(self)
            self.style().polish(self)
        if self.table.rowCount() == 0:
            text = self.tr("No attachments yet. Drop audio, photos or documents here to "
                           "encrypt them into the store.")
        else:
            text = self.tr("Drop files here to add them. Files open only inside this "
                           "application.")
        self.hint.setText(text if self._add_enabled else "")

    # -- opening ------------------------------------------------------------------------

    def _on_activated(self, item: QTableWidgetItem) -> None:
        attachment_id = item.data(IdRole)
        if attachment_id:
            self.openRequested.emit(str(attachment_id))

    def _open_current(self) -> None:
        attachment_id = self.current_id()
        if attachment_id:
            self.openRequested.emit(attachment_id)

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.open_button.setEnabled(has)
        self.copy_button.setEnabled(has)
        self._set_drop_highlight(bool(self.property("dropActive")))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_current_sha256()
                return True
        return super().eventFilter(watched, event)


def _grouped(digest: str) -> str:
    """``ab12cd34 ef56…`` in groups of eight, easier to read aloud and compare."""
    return " ".join(digest[i:i + 8] for i in range(0, len(digest), 8))
