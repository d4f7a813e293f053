"""Wizard page: the recovery key, shown once, and proof that it was written down.

Why re-type a group: a ticked box proves nothing, and a recovery key copied with
a slip is found out only on the day it is needed. Typing one group back (chosen
at random) catches a careless copy without asking for all 28 characters.
"""

from __future__ import annotations

import secrets

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from ui.widgets.recovery_key_view import RecoveryKeyView, groups

_SAME = str.maketrans({"I": "1", "L": "1", "O": "0"})


def same_group(typed: str, expected: str) -> bool:
    """Compare as ``RecoveryKey.parse`` reads: any case, I/L as 1, O as 0, spaces ignored."""
    return "".join(typed.split()).upper().translate(_SAME) == expected.upper()


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Write down the recovery key"))
        self.setSubTitle(self.tr(
            "If the passphrase is forgotten, this key is the only way back into the store. "
            "It is shown this once. Write it on paper and keep it somewhere safe, away from "
            "this laptop."))
        self.view = RecoveryKeyView()
        self.written = QCheckBox(self.tr("I have written the recovery key down"))
        self.ask = QLabel()
        self.ask.setTextFormat(Qt.TextFormat.PlainText)
        self.group_field = QLineEdit()
        self.group_field.setMaxLength(8)
        self.group_field.setMaximumWidth(140)
        self.group_field.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                             | Qt.InputMethodHint.ImhNoPredictiveText)
        self.group_field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addSpacing(12)
        layout.addWidget(self.written)
        layout.addWidget(self.ask)
        layout.addWidget(self.group_field)
        layout.addStretch(1)
        self._groups: list[str] = []
        self.asked = 0
        self.written.toggled.connect(self.completeChanged)
        self.group_field.textChanged.connect(self.completeChanged)

    def show_key(self, display: str) -> None:
        self._groups = groups(display)
        self.view.set_key(display)
        self.asked = secrets.randbelow(len(self._groups))
        self.ask.setText(self.tr("To check your copy, type group {0} of {1} from your paper:")
                         .format(self.asked + 1, len(self._groups)))

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return (bool(self._groups) and self.written.isChecked()
                and same_group(self.group_field.text(), self._groups[self.asked]))

    def wipe(self) -> None:
        self._groups = []
        self.view.clear()
        self.group_field.clear()
