"""Verify a backup: read it whole, check its authentication code and every member's hash.

It needs the passphrase the store had when the backup was made (or the recovery
key), because that is what proves the backup will open on the day it is needed.
It writes nothing, and works with the store locked or unlocked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from intake.backup import verify_backup
from intake.backup.restore import BackupSummary
from intake.errors import Cancelled
from ui.backup.backup_dialog import megabytes
from ui.backup.files import choose_backup_to_read
from ui.backup.task_dialog import TaskDialog
from ui.operations import OperationHandle, failure_text
from ui.records.labels import local_time
from ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("VerifyBackupDialog", text)


def wipe(secret: SecretBytes | RecoveryKey) -> None:
    secret.wipe()


def describe(summary: BackupSummary) -> str:
    return _tr("made {0}; attachment files: {1}; {2}").format(
        local_time(summary.created), summary.blobs, megabytes(summary.size))


class VerifyBackupDialog(TaskDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent, with_secret=True)
        self.summary: BackupSummary | None = None
        self.retranslate()
        self.update_state()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify a backup"))
        self.explain.setText(self.tr(
            "Reads the whole backup and checks that nothing in it was changed or lost, and "
            "that it opens. Nothing is written."))
        self._label_rows(self.tr("Backup &file:"), self.tr("Opens with:"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.action_button.setText(self.tr("&Verify"))

    def choose(self) -> None:
        chosen = choose_backup_to_read(self, self.path.parent if self.path else None)
        if chosen is not None:
            self.file_edit.setText(str(chosen))

    def run(self, path: Path) -> None:
        assert self.secret is not None
        try:
            secret = self.secret.take()
        except ValueError:
            self.finish(self.tr("The recovery key has a typo: check each group against your "
                                "paper."))
            return
        policy = self.session.policy

        def work(handle: OperationHandle) -> BackupSummary:
            try:
                return verify_backup(path, secret, policy=policy, cancelled=handle.cancelled,
                                     progress=lambda d, t: handle.report(d / max(t, 1)))
            finally:
                wipe(secret)

        self.handle = self.session.ops.submit(work, success=self._done, failure=self._failed,
                                progress_title=self.tr("Verifying the backup…"))

    def _done(self, summary: BackupSummary) -> None:
        self.summary = summary
        self.finish(self.tr("The backup is intact and opens: {0}.").format(describe(summary)))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.finish(self.tr("Cancelled."))
        else:
            self.finish(self.tr("The backup did not verify: {0}").format(failure_text(exc)))


def open_verify_backup(parent: QWidget | None, session: Session) -> VerifyBackupDialog:
    """Entry point for a menu action (locked or unlocked)."""
    dialog = VerifyBackupDialog(session, parent)
    dialog.open()
    return dialog
