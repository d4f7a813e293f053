"""A password line edit with a show/hide toggle, which never lends its text to others.

Why its own widget: the passphrase must not be copied, dragged or remembered by
input-method prediction, and typing it while someone watches must be possible
(hidden by default), while checking a long generated passphrase must be too
(the eye toggle).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QLineEdit, QWidget

import resources


class PassphraseField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                 | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.setDragEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setMinimumWidth(320)
        self.toggle = QAction(QIcon(str(resources.path("icons", "eye.svg"))), "", self)
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Show the passphrase"))
        self.toggle.toggled.connect(self._reveal)
        self.addAction(self.toggle, QLineEdit.ActionPosition.TrailingPosition)

    def _reveal(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setToolTip(self.tr("Hide the passphrase") if shown
                               else self.tr("Show the passphrase"))

    def wipe(self) -> None:
        """Empty the field and hide it again (the str itself cannot be zeroed)."""
        self.clear()
        self.toggle.setChecked(False)
