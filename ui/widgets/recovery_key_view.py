"""The recovery key, shown once: large, monospace, in groups that are easy to copy by hand.

Why not a QLineEdit: a label cannot be selected and copied (key material never
goes on the clipboard, DESIGN §3) and draws the groups spaced and big enough
to read across a table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.fonts import monospace_font


def groups(display: str) -> list[str]:
    return [g for g in display.split("-") if g]


class RecoveryKeyView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("recoveryKey")
        self.setStyleSheet("#recoveryKey { background: palette(base); border-radius: 6px; }")
        self.label = QLabel()
        self.label.setFont(monospace_font(20))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.label)

    def set_key(self, display: str) -> None:
        parts = groups(display)
        half = (len(parts) + 1) // 2
        self.label.setText("  ".join(parts[:half]) + "\n" + "  ".join(parts[half:]))

    def clear(self) -> None:
        self.label.clear()
