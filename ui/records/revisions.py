"""The revisions of one testimony, and what each one changed.

Choosing a revision in the list emits ``revisionRequested(n)``; the shell reads revisions
n and n-1 from the store on its worker and calls ``show_diff(previous, chosen)``. The
narrative diff is written into the document as plain text with colours set by format, never
as HTML, so nothing a survivor said can be taken for markup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.model import Testimony
from intake.store.records import RevisionInfo
from ui.records import labels
from ui.records.diff import field_differences, narrative_diff

RevisionRole = Qt.ItemDataRole.UserRole + 1
_VOCAB = {"type": "event_types", "perpetrator": "perpetrators", "agency": "perpetrators",
          "facility_kind": "facilities"}
_COLOURS = {"-": ("#8b1a1a", "#fde7e7"), "+": ("#1b5e20", "#e6f4e7"), "@": ("#555555", None),
            " ": (None, None)}


class RevisionDialog(QDialog):
    """Revision list on the left; the chosen revision's changes on the right."""

    revisionRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self._lang = language or labels.ui_language()
        self.setWindowTitle(self.tr("Revisions"))
        self.resize(980, 640)

        self.list = QListWidget(self)
        self.list.setObjectName("revisionList")
        self.list.currentItemChanged.connect(self._on_current)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("fieldChanges")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"),
                                              self.tr("After")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.narrative = QPlainTextEdit(self)
        self.narrative.setTabChangesFocus(True)
        self.narrative.setObjectName("narrativeDiff")
        self.narrative.setReadOnly(True)
        self.narrative.setUndoRedoEnabled(False)
        self.narrative.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 3)
        right_layout.addWidget(QLabel(self.tr("Narrative"), right))
        right_layout.addWidget(self.narrative, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    # -- the API the shell uses ---------------------------------------------------------

    def set_revisions(self, revisions: list[RevisionInfo]) -> None:
        """List the revisions, newest first, and ask for the newest one's changes."""
        self.list.blockSignals(True)
        self.list.clear()
        for info in sorted(revisions, key=lambda r: r.revision, reverse=True):
            text = self.tr("Revision {0}\n{1} · {2}…").format(
                info.revision, labels.local_time(info.saved_at), info.sha256[:12])
            item = QListWidgetItem(text, self.list)
            item.setData(RevisionRole, info.revision)
            item.setToolTip("SHA-256 " + info.sha256)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(0)

    def show_diff(self, a: Testimony | None, b: Testimony) -> None:
        """Show what ``b`` changed from ``a`` (None: ``b`` is the first revision)."""
        self.heading.setText(
            self.tr("Revision {0}: first saved").format(b.revision) if a is None else
            self.tr("Changes from revision {0} to revision {1}").format(a.revision, b.revision))
        changes = field_differences(a, b)
        self.table.setRowCount(0)
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = (self._field_name(change.path), self._value(change.path, change.before),
                     self._value(change.path, change.after))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 1 and text:
                    item.setForeground(QColor(_COLOURS["-"][0]))
                if col == 2 and text:
                    item.setForeground(QColor(_COLOURS["+"][0]))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if not changes:
            self.table.setRowCount(1)
            self.table.setItem(0, 0, QTableWidgetItem(self.tr("No field changed")))
        self._show_narrative(a.narrative if a else "", b.narrative)

    def clear(self) -> None:
        """Forget every revision and difference shown (the store was locked)."""
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.table.clearContents()
        self.table.setRowCount(0)
        self.narrative.clear()
        self.heading.clear()

    def done(self, result: int) -> None:
        self.clear()
        super().done(result)

    # -- internals ----------------------------------------------------------------------

    def _on_current(self, item: QListWidgetItem | None, _previous: Any) -> None:
        if item is not None:
            self.revisionRequested.emit(int(item.data(RevisionRole)))

    def _show_narrative(self, a: str, b: str) -> None:
        self.narrative.clear()
        lines = narrative_diff(a, b)
        if not lines:
            self.narrative.setPlainText(self.tr("The narrative did not change."))
            return
        cursor = QTextCursor(self.narrative.document())
        mono = QFont(self.narrative.font())
        for i, (kind, line) in enumerate(lines):
            fmt = QTextCharFormat()
            fmt.setFont(mono)
            fg, bg = _COLOURS.get(kind, (None, None))
            if fg:
                fmt.setForeground(QColor(fg))
            if bg:
                fmt.setBackground(QColor(bg))
            prefix = {"-": "− ", "+": "+ ", " ": "  ", "@": ""}[kind]
            cursor.insertText(("" if i == 0 else "\n") + prefix + line, fmt)
        self.narrative.moveCursor(QTextCursor.MoveOperation.Start)

    def _field_name(self, path: str) -> str:
        names = {"survivor": self.tr("Survivor"), "interview": self.tr("Interview"),
                 "consent": self.tr("Consent"), "attachments": self.tr("Attachments"),
                 "redactions": self.tr("Redactions"), "names": self.tr("Names to redact"),
                 "events": self.tr("Event")}
        parts = []
        for part in path.split("."):
            base, _, index = part.partition("[")
            label = names.get(base, base.replace("_", " ").capitalize())
            parts.append(f"{label} {int(index.rstrip(']')) + 1}" if index else label)
        return " › ".join(parts)

    def _value(self, path: str, value: Any) -> str:
        leaf = path.rsplit(".", 1)[-1]
        if value is None:
            return ""
        if isinstance(value, bool):
            return labels.yes_no(value)
        if isinstance(value, tuple):
            long = any(len(str(v)) > 30 for v in value)
            return ("\n" if long else ", ").join(str(v) for v in value)
        if leaf in _VOCAB and path.startswith("events"):
            return labels.term_label(_VOCAB[leaf], str(value), self._lang)
        return str(value)
