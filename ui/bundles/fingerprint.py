"""A fingerprint as people compare it: six groups of five digits, large, fixed width.

Why its own widget: the fingerprint is what two people read to each other over
the phone before trusting a card, so it must be legible at a glance (two lines
of three groups, like Signal's safety numbers), selectable, and never elided.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from intake.contacts import fingerprint_lines
from ui.fonts import monospace_font


class FingerprintView(QLabel):
    """Shows one fingerprint in two lines of three groups; plain text only."""

    def __init__(self, fingerprint: str = "", parent: QWidget | None = None, *,
                 point_size: int = 17) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprint")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFont(monospace_font(point_size))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setStyleSheet("QLabel#fingerprint { padding: 6px 10px; border-radius: 4px;"
                           " background: palette(alternate-base); }")
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText(fingerprint_lines(fingerprint) if fingerprint else "")
        self.setAccessibleName(fingerprint)
