"""Settings: language, auto-lock delay, clipboard clearing, and the wipe after failed unlocks.

The first three live in the app's small INI file (ui/settings.py). The wipe does
not: it is a property of the store, kept with the store's failed-unlock counts
in ``<store>/unlock-guard`` (``intake/unlock_guard.py``), where the CLI reads it
too. In QSettings it would be one more file to delete to turn it off, it would not
follow the store to another machine, and the CLI would ignore it. It can be
changed only while the store is unlocked — proof that the owner is choosing — and
the change is written on the worker. docs/SECURITY.md says what it does not stop.
The language applies at once (``ui.i18n.switch``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake.store import Store
from intake.unlock_guard import MAX_WIPE_AFTER, MIN_WIPE_AFTER, UnlockGuard
from ui import i18n
from ui.i18n import resolve_language
from ui.messages import Button, MessageBox
from ui.operations import OperationHandle
from ui.session import Session
from ui.settings import CLIPBOARD_CLEAR_SECONDS, IDLE_LOCK_MINUTES, LANGUAGE, AppSettings

DEFAULT_WIPE_AFTER = 10


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None, *,
                 store_dir: Path | None = None, session: Session | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        # The main window is the parent that knows the session (it passes store_dir only).
        self.session = session or getattr(parent, "session", None)
        self.store_dir = store_dir or (self.session.store_dir if self.session else None)
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
        where = QLabel(str(self.store_dir or settings.store_path
                           or self.tr("the default location")))
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
        layout.addWidget(self._wipe_box())
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)

    # -- the wipe after failed unlocks -----------------------------------------------------

    def _wipe_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Wrong passphrases"))
        self.wipe_on = QCheckBox(self.tr("&Erase the store after"))
        self.wipe_after = QSpinBox()
        self.wipe_after.setRange(MIN_WIPE_AFTER, MAX_WIPE_AFTER)
        self.wipe_after.setSuffix(self.tr(" wrong passphrases in a row"))
        self.wipe_note = QLabel()
        self.wipe_note.setWordWrap(True)
        self.wipe_note.setTextFormat(Qt.TextFormat.PlainText)
        self.wipe_note.setObjectName("wipeNote")
        row = QHBoxLayout()
        row.addWidget(self.wipe_on)
        row.addWidget(self.wipe_after)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addWidget(self.wipe_note)

        self.initial_wipe: int | None = None
        if self.store_dir is not None and self.store_dir.exists():
            self.initial_wipe = UnlockGuard(self.store_dir).state().wipe_after
        self.wipe_on.setChecked(self.initial_wipe is not None)
        self.wipe_after.setValue(self.initial_wipe or DEFAULT_WIPE_AFTER)
        self.owner = self.session is not None and self.session.is_unlocked
        self.wipe_on.setEnabled(self.owner)
        self.wipe_on.toggled.connect(self._wipe_changed)
        self._wipe_changed()
        return box

    def _wipe_changed(self) -> None:
        self.wipe_after.setEnabled(self.owner and self.wipe_on.isChecked())
        if not self.owner:
            text = self.tr("Unlock the store to change this.")
        elif self.wipe_on.isChecked():
            text = self.tr("After that many wrong passphrases in a row, the store is "
                           "crypto-erased for good. Anyone who knows this can destroy it by "
                           "typing wrong passphrases, and a damaged key file also fails every "
                           "try: keep the recovery key and a recent backup away from this "
                           "laptop.")
        else:
            text = self.tr("Off: wrong passphrases only make the next try wait longer (up to "
                           "5 minutes).")
        self.wipe_note.setText(text)

    def chosen_wipe(self) -> int | None:
        return self.wipe_after.value() if self.wipe_on.isChecked() else None

    def _save_wipe(self) -> bool:
        """Write a changed wipe setting on the worker; False if the owner backed out."""
        chosen = self.chosen_wipe()
        if not self.owner or chosen == self.initial_wipe or self.session is None:
            return True
        if chosen is not None and MessageBox.question(
                self, self.windowTitle(), self.tr(
                    "Erase the store after {0} wrong passphrases in a row?\n\nThe erase cannot "
                    "be undone. Make sure a backup and the recovery key are kept somewhere "
                    "else.").format(chosen)) != Button.Yes:
            return False

        def work(store: Store, _handle: OperationHandle) -> None:
            UnlockGuard(store.paths.root).set_wipe_after(chosen)

        self.session.run(work)
        return True

    # -- closing ----------------------------------------------------------------------------

    def accept(self) -> None:
        if not self._save_wipe():
            return
        old_language = self.settings.language
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(IDLE_LOCK_MINUTES, self.idle.value())
        self.settings.set(CLIPBOARD_CLEAR_SECONDS, self.clip.value())
        super().accept()
        app = QApplication.instance()
        if self.settings.language != old_language and isinstance(app, QApplication):
            i18n.switch(app, resolve_language(self.settings.language))
