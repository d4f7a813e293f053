"""Settings: language, auto-lock delay, clipboard clearing; nothing else (see ui/settings.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import resolve_language
from ui.settings import CLIPBOARD_CLEAR_SECONDS, IDLE_LOCK_MINUTES, LANGUAGE, AppSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None, *,
                 store_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system (currently {0})").format(
            "한국어" if resolve_language("system") == "ko" else "English"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("한국어", "ko")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle = QSpinBox()
        self.idle.setRange(IDLE_LOCK_MINUTES.low, IDLE_LOCK_MINUTES.high)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(int(settings.get(IDLE_LOCK_MINUTES)))  # type: ignore[call-overload]
        self.clip = QSpinBox()
        self.clip.setRange(CLIPBOARD_CLEAR_SECONDS.low, CLIPBOARD_CLEAR_SECONDS.high)
        self.clip.setSuffix(self.tr(" s"))
        self.clip.setValue(int(settings.get(CLIPBOARD_CLEAR_SECONDS)))  # type: ignore[call-overload]
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setVisible(False)
        where = QLabel(str(store_dir or settings.store_path or self.tr("the default location")))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Lock after &idle for:"), self.idle)
        form.addRow(self.tr("Clear copied text &after:"), self.clip)
        form.addRow(self.tr("Store:"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        explain = QLabel(self.tr(
            "The settings file keeps only these values and the store's location: never "
            "testimony, names, labels or passphrases."))
        explain.setWordWrap(True)
        explain.setObjectName("settingsNote")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._language_note)
        self.setMinimumWidth(460)

    def _language_note(self) -> None:
        changed = self.language.currentData() != self.settings.language
        self.note.setText(self.tr("The new language applies the next time the application "
                                  "starts.") if changed else "")
        self.note.setVisible(changed)

    def accept(self) -> None:
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(IDLE_LOCK_MINUTES, self.idle.value())
        self.settings.set(CLIPBOARD_CLEAR_SECONDS, self.clip.value())
        super().accept()
