"""Restore a backup into the empty store location — never over an existing store.

Offered where there is no store to unlock (the first-run wizard, and the unlock
screen after a wipe). ``intake.backup.restore_backup`` checks the backup's
authentication code before writing anything, builds the store in a staging
directory beside the target, runs the full check, and only then renames it into
place: a cancelled or failed restore leaves no store and no staging directory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from crypto.recovery import RecoveryKey
from intake.backup import check_restore_target, restore_backup
from intake.backup.restore import BackupSummary
from intake.errors import Cancelled, IntakeError
from ui.backup.files import choose_backup_to_read
from ui.backup.task_dialog import TaskDialog
from ui.backup.verify_dialog import describe, wipe
from ui.operations import OperationHandle, failure_text
from ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


class RestoreDialog(TaskDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent, with_secret=True)
        self.summary: BackupSummary | None = None
        self.restored = False
        self.target = QLabel(str(session.store_dir))
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.target.setWordWrap(True)
        self.add_row(self.target)
        self.retranslate()
        self.update_state()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.explain.setText(self.tr(
            "Brings a whole store back from a backup file, into the store location of this "
            "application. It only restores where there is no store yet: it never replaces "
            "or merges into one."))
        self._label_rows(self.tr("Backup &file:"), self.tr("Opens with:"),
                         self.tr("Restore into:"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.action_button.setText(self.tr("&Restore"))

    def choose(self) -> None:
        chosen = choose_backup_to_read(self, self.path.parent if self.path else None)
        if chosen is not None:
            self.file_edit.setText(str(chosen))

    def target_problem(self) -> str:
        try:
            check_restore_target(self.session.store_dir)
        except IntakeError as exc:
            return self.tr("There is already a store here, so nothing can be restored into "
                           "it ({0}).").format(exc)
        return ""

    def ready(self) -> bool:
        return super().ready() and not self.restored and not self.target_problem()

    def run(self, path: Path) -> None:
        assert self.secret is not None
        try:
            secret = self.secret.take()
        except ValueError:
            self.finish(self.tr("The recovery key has a typo: check each group against your "
                                "paper."))
            return
        by_key = isinstance(secret, RecoveryKey)
        target, policy = self.session.store_dir, self.session.policy

        def work(handle: OperationHandle) -> BackupSummary:
            try:
                return restore_backup(path, target, secret, policy=policy,
                                      cancelled=handle.cancelled,
                                      progress=lambda d, t: handle.report(d / max(t, 1)))
            finally:
                wipe(secret)

        self.handle = self.session.ops.submit(work, success=lambda s: self._done(s, by_key),
                                failure=self._failed,
                                progress_title=self.tr("Restoring the backup…"))

    def _done(self, summary: BackupSummary, by_key: bool) -> None:
        self.summary = summary
        self.restored = True
        lines = [self.tr("Restored: {0}. Every page, revision, audit entry and attachment "
                         "was checked.").format(describe(summary))]
        if summary.problems:
            lines = [self.tr("Restored, but the store in the backup was already damaged "
                             "({0} problems):").format(len(summary.problems)),
                     *summary.problems[:10]]
        lines.append(self.tr("Unlock it with the recovery key (\"Forgot the passphrase?\") "
                             "and choose a new passphrase.") if by_key
                     else self.tr("Unlock it with the passphrase of the backup."))
        self.finish("\n".join(lines))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.finish(self.tr("Cancelled. Nothing was restored."))
        else:
            self.finish(self.tr("Nothing was restored: {0}").format(failure_text(exc)))

    def update_state(self) -> None:
        super().update_state()
        if not self.busy and not self.restored:
            problem = self.target_problem()
            if problem:
                self.say(problem)


def open_restore(parent: QWidget | None, session: Session) -> RestoreDialog:
    dialog = RestoreDialog(session, parent)
    dialog.open()
    return dialog
