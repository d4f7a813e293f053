"""Choosing a backup file: Qt's own (non-native) file dialog, and a safe default name.

Why non-native: the desktop's dialog records chosen files in its own history
(``recently-used.xbel``), outside anything the app controls; see ``ui/hardening.py``.
The default name carries a date only — never the store's label or anything typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

BACKUP_SUFFIX = ".tibak"


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupFiles", text)


def default_backup_name(today: dt.date | None = None) -> str:
    return f"testimony-store-{(today or dt.date.today()).isoformat()}{BACKUP_SUFFIX}"


def _options() -> QFileDialog.Option:
    return (QFileDialog.Option.DontUseNativeDialog
            | QFileDialog.Option.DontUseCustomDirectoryIcons)


def choose_backup_to_write(parent: QWidget | None, start: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("Write the backup to"), str(start),
        _tr("Testimony Intake backups (*.tibak);;All files (*)"), options=_options())
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(BACKUP_SUFFIX)


def choose_backup_to_read(parent: QWidget | None, start: Path | None = None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("Choose a backup"), str(start or Path.home()),
        _tr("Testimony Intake backups (*.tibak);;All files (*)"), options=_options())
    return Path(path) if path else None
