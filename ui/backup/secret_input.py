"""The passphrase or the recovery key that opens a backup, typed into one small widget.

Why both: a backup opens with the passphrase the store had when it was made — which
may be an old one — or with the recovery key, which never changes. Nothing typed is
kept: :meth:`take` hands it over as a wipeable secret and empties the fields.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QRadioButton, QVBoxLayout, QWidget

from crypto.passphrase import encode_passphrase
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from ui.fonts import monospace_font
from ui.widgets.passphrase_field import PassphraseField


class SecretInput(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_passphrase = QRadioButton()
        self.use_recovery = QRadioButton()
        self.use_passphrase.setChecked(True)
        self.passphrase = PassphraseField()
        self.recovery = QLineEdit()
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                          | Qt.InputMethodHint.ImhNoPredictiveText)
        self.recovery.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.recovery.setFont(monospace_font(self.font().pointSize() + 1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.use_passphrase)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.recovery)
        self.use_passphrase.toggled.connect(self._switch)
        self.passphrase.textChanged.connect(self.changed)
        self.recovery.textChanged.connect(self.changed)
        self._switch()
        self.retranslate()

    def retranslate(self) -> None:
        self.use_passphrase.setText(self.tr("The &passphrase the store had when the backup "
                                            "was made"))
        self.use_recovery.setText(self.tr("The recovery &key"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _switch(self) -> None:
        by_passphrase = self.use_passphrase.isChecked()
        self.passphrase.setVisible(by_passphrase)
        self.recovery.setVisible(not by_passphrase)
        (self.passphrase if by_passphrase else self.recovery).setFocus()
        self.changed.emit()

    @property
    def by_recovery_key(self) -> bool:
        return self.use_recovery.isChecked()

    def filled(self) -> bool:
        field = self.recovery if self.by_recovery_key else self.passphrase
        return bool(field.text().strip())

    def take(self) -> SecretBytes | RecoveryKey:
        """The secret, and both fields emptied; a mistyped recovery key raises ValueError
        and stays in its field, to be corrected."""
        secret: SecretBytes | RecoveryKey
        if self.by_recovery_key:
            secret = RecoveryKey.parse(self.recovery.text())
        else:
            secret = encode_passphrase(self.passphrase.text())
        self.clear()
        return secret

    def clear(self) -> None:
        self.passphrase.wipe()
        self.recovery.clear()

    def set_busy(self, busy: bool) -> None:
        for w in (self.use_passphrase, self.use_recovery, self.passphrase, self.recovery):
            w.setEnabled(not busy)
