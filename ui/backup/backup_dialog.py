"""Back up the store: one encrypted file, written on the worker, then verified.

The archive goes through ``intake.backup.create_backup`` (an atomic write: a
cancelled or failed backup leaves no file, and a previous backup at the same path
stays whole), then ``verify_backup_with_store`` reads it back in full and checks its
authentication code and every member's hash with the store's own key. A backup
that fails that check is removed: keeping it would promise a safety it does not
give. Cancelling during the check keeps the whole, written file and says it was
not verified.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from intake.backup import BackupInfo, BackupRejected, create_backup
from intake.backup.restore import BackupSummary, verify_backup_with_store
from intake.errors import Cancelled
from intake.store import Store
from ui.backup.files import choose_backup_to_write, default_backup_name
from ui.backup.task_dialog import TaskDialog
from ui.messages import Button, MessageBox
from ui.operations import OperationHandle, failure_text
from ui.session import Session

WRITE_SHARE = 0.6  # of the progress bar: writing, then reading it all back


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupDialog", text)


def megabytes(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


class BackupDialog(TaskDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent, with_secret=False)
        self.file_edit.setText(str(Path.home() / default_backup_name()))
        self.result_info: BackupInfo | None = None
        self.verified = False
        self.retranslate()
        self.update_state()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Back up the store"))
        self.explain.setText(self.tr(
            "A backup is one encrypted file holding the whole store: testimonies, "
            "revisions, attachments and the audit log. It opens with the passphrase the "
            "store has now, or with the recovery key. Write it to a separate drive and keep "
            "it away from this laptop."))
        self._label_rows(self.tr("Backup &file:"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.action_button.setText(self.tr("&Back up"))

    def choose(self) -> None:
        start = self.path or Path.home() / default_backup_name()
        chosen = choose_backup_to_write(self, start)
        if chosen is not None:
            self.file_edit.setText(str(chosen))

    def run(self, path: Path) -> None:
        if path.is_file() and MessageBox.question(
                self, self.windowTitle(),
                self.tr("{0} exists. Replace it with a new backup?").format(path.name)) \
                != Button.Yes:
            self.finish("")
            return

        def work(store: Store, handle: OperationHandle) -> tuple[BackupInfo, Any]:
            def wrote(done: int, total: int) -> None:
                handle.report(WRITE_SHARE * done / max(total, 1), _tr("Writing the backup…"))

            def read(done: int, total: int) -> None:
                handle.report(WRITE_SHARE + (1 - WRITE_SHARE) * done / max(total, 1),
                              _tr("Reading the backup back to verify it…"))

            info = create_backup(store, path, progress=wrote, cancelled=handle.cancelled)
            try:
                summary = verify_backup_with_store(path, store, progress=read,
                                                   cancelled=handle.cancelled)
            except Cancelled:
                return info, None
            except Exception as exc:
                with contextlib.suppress(OSError):
                    path.unlink()  # a backup that does not verify must not be relied on
                return info, exc
            return info, summary

        self.handle = self.session.run(work, success=self._done, failure=self._failed,
                         progress_title=self.tr("Backing up the store…"))

    def _done(self, result: tuple[BackupInfo, Any]) -> None:
        info, verdict = result
        self.result_info = info
        size = megabytes(info.size)
        if isinstance(verdict, BackupSummary):
            self.verified = True
            text = self.tr("Backup written and verified: {0} ({1}, {2} files). Every file in "
                           "it was read back and matches.").format(info.path, size, info.members)
        elif verdict is None:
            text = self.tr("Backup written: {0} ({1}). Its check was cancelled, so it is not "
                           "verified yet: use Verify a backup before relying on it.").format(
                               info.path, size)
        else:
            reason = failure_text(verdict) if not isinstance(verdict, BackupRejected) \
                else str(verdict)
            text = self.tr("The backup was written but did not verify ({0}), so it was "
                           "removed. Try another drive.").format(reason)
        if info.warnings:
            text += "\n" + "\n".join(info.warnings)
        self.finish(text)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.finish(self.tr("Cancelled. No backup was written."))
        else:
            self.finish(self.tr("No backup was written: {0}").format(failure_text(exc)))


def open_backup(parent: QWidget | None, session: Session) -> BackupDialog:
    """Entry point for a menu action (the store must be unlocked)."""
    dialog = BackupDialog(session, parent)
    dialog.open()
    return dialog
