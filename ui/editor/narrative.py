"""The narrative tab: a large plain-text area for hours of testimony, Korean or English.

Plain text only (no rich text to paste formatting or hidden content into), read back with
no-break spaces intact, Tab moving on rather than typing a tab. Under the text: the model's
message if any, the length, and how many redacted spans ride along with the words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.editor.fields import plain_text


class NarrativePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("narrativeEdit")
        self.edit.setPlaceholderText(self.tr(
            "The survivor's account, in their own words (Korean or English)…"))
        self.edit.setTabChangesFocus(True)
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.edit.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("fieldMessage")
        self.message.setProperty("kind", "error")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignRight)

    def text(self) -> str:
        return plain_text(self.edit)

    def set_error(self, reason: str) -> None:
        self.message.setText("⚠ " + reason if reason else "")
        self.message.setVisible(bool(reason))

    def set_counts(self, characters: int, redacted: int) -> None:
        note = self.tr(" · {0} redacted span(s) stay on their words as you edit").format(
            redacted) if redacted else ""
        self.count_label.setText(self.tr("{0:,} characters").format(characters) + note)

    def clear(self) -> None:
        """Empty the text and its undo history, which would still hold deleted words."""
        self.edit.setPlainText("")
        self.edit.document().clearUndoRedoStacks()
        self.set_error("")
        self.count_label.clear()
