"""What every part of the testimony form shares: rows with messages, change signals, errors.

A section turns one testimony/1 sub-object into widgets (``load``) and back (``to_dict``),
tolerating anything a half-typed draft may hold. Validation happens elsewhere, on the whole
form, through the model itself; a section only places each message under the field it
names (``survivor.prior_statements[1].date`` goes under "Prior statements").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.editor.fields import FieldRow
from ui.editor.rows import RowsEditor

Slot = tuple[object, ...]
"""A stable name for one text field while the form lives (see ``redactions.py``)."""


def path_under(path: str, key: str) -> bool:
    """Whether an error at ``path`` belongs to the field ``key`` (itself or inside it)."""
    return path == key or path.startswith(key + "[") or path.startswith(key + ".")


class Section(QWidget):
    """A form of :class:`FieldRow` s; ``edited`` fires on any change the user makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setVerticalSpacing(8)
        self.rows: dict[str, FieldRow] = {}

    def add(self, key: str, label: str, widget: QWidget, *, keys: tuple[str, ...] = (),
            watch: tuple[QWidget, ...] = ()) -> FieldRow:
        """A labelled field; ``keys`` are the model fields whose errors it shows."""
        row = FieldRow(widget, label, self, keys or (key,))
        row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        caption.setContentsMargins(0, 4, 0, 0)
        self.form.addRow(caption, row)
        self.rows[key] = row
        for w in watch or (widget,):
            self.watch(w)
        return row

    def watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self.edited)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self.edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.edited)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(self.edited)
        elif isinstance(widget, RowsEditor):
            widget.edited.connect(self.edited)

    def row_for(self, path: str) -> FieldRow | None:
        for row in self.rows.values():
            if any(path_under(path, k) for k in row.keys):
                return row
        return None

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Put each message under its field; return the paths no field here shows."""
        for row in self.rows.values():
            row.set_error(None)
        unplaced = []
        for path, reason in errors.items():
            row = self.row_for(path)
            if row is None:
                unplaced.append(path)
            elif not row.error:
                row.set_error(reason)
        return unplaced

    def local_problems(self) -> dict[str, str]:
        """Messages in the UI language for fields that check themselves (dates, times)."""
        out = {}
        for key, row in self.rows.items():
            for widget in (row.widget, *row.widget.findChildren(QLineEdit)):
                problem = getattr(widget, "problem", None)
                if callable(problem) and (text := problem()):
                    out[key] = text
                    break
        return out

    def label_of(self, path: str) -> str:
        row = self.row_for(path)
        return row.label_text if row is not None else path

    def slots(self) -> list[tuple[str, Slot, str]]:
        """``(path, slot, text)`` of every redactable text in this section."""
        return []
