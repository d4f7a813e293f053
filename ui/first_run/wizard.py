"""First run: make the store. Identity label → passphrase → creation → recovery key.

The store is created on the worker (KDF calibration takes a second or more on
purpose) while a progress bar moves; the wizard cannot go back past that point
because the store now exists. The recovery key exists only in this wizard's
memory until the user confirms it was written down, and is wiped at the end.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

import resources
from crypto.passphrase import encode_passphrase
from crypto.recovery import RecoveryKey
from ui.first_run.passphrase_page import PassphrasePage
from ui.first_run.recovery_page import RecoveryPage
from ui.messages import Button, MessageBox
from ui.operations import failure_text
from ui.session import Session


class IdentityPage(QWizardPage):
    def __init__(self, store_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to Testimony Intake"))
        self.setSubTitle(self.tr(
            "Testimonies are kept in an encrypted store on this laptop. Nothing is readable "
            "without your passphrase, and nothing is sent anywhere."))
        self.label = QLineEdit()
        self.label.setMaxLength(200)
        self.label.setPlaceholderText(self.tr("e.g. Field team A"))
        explain = QLabel(self.tr(
            "The label names you as the interviewer: it is written into each testimony you "
            "record and shown to the legal teams that receive your exports. A team or role "
            "name is safer than your own name."))
        explain.setWordWrap(True)
        where = QLabel(store_dir)
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Interviewer &label:"), self.label)
        form.addRow(self.tr("Store location:"), where)
        self.restore_button = QPushButton(self.tr("Restore from a backup instead…"))
        self.restore_button.setToolTip(self.tr(
            "Bring back a store from a backup file made with this application"))
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(restore_row)
        self.label.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return bool(self.label.text().strip())


class CreatePage(QWizardPage):
    """Runs the creation when shown; Back is disabled while it runs, and gone after it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Creating the encrypted store"))
        self.setSubTitle(self.tr(
            "The key derivation is tuned to take about a second on this laptop, so that "
            "guessing passphrases is slow for anyone else. This takes a few seconds."))
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.ready = False
        self.running = False

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return self.ready


class FirstRunWizard(QWizard):
    PAGE_IDENTITY, PAGE_PASSPHRASE, PAGE_CREATE, PAGE_RECOVERY = range(4)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Create a store — Testimony Intake"))
        self.setWindowIcon(QIcon(str(resources.path("icons", "app.svg"))))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.identity = IdentityPage(str(session.store_dir))
        self.passphrase = PassphrasePage()
        self.create_page = CreatePage()
        self.recovery = RecoveryPage()
        for page_id, page in enumerate((self.identity, self.passphrase, self.create_page,
                                        self.recovery)):
            self.setPage(page_id, page)
        self.passphrase.setButtonText(QWizard.WizardButton.NextButton,
                                      self.tr("Create the store"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open the store"))
        self.currentIdChanged.connect(self._entered)
        self.identity.restore_button.clicked.connect(self.restore_instead)
        self.created = False
        self.restored = False
        self.resize(680, 520)

    def restore_instead(self) -> None:
        """A store from a backup instead of a new one: once restored, the wizard is done and
        the unlock screen asks for the backup's passphrase."""
        from ui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.session, self)
        dialog.exec()
        if dialog.restored:
            self.restored = True
            self.accept()

    def _entered(self, page_id: int) -> None:
        if page_id == self.PAGE_CREATE and not self.create_page.running:
            self._create()
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def _create(self) -> None:
        page = self.create_page
        page.running = True
        page.bar.setValue(0)
        page.status.setText(self.tr("Measuring this laptop and creating the store…"))
        secret = encode_passphrase(self.passphrase.take_passphrase())
        self.session.create(secret, self.identity.label.text().strip(),
                            success=self._created, failure=self._failed,
                            progress=lambda f: page.bar.setValue(int(f * 100)))

    def _created(self, recovery: RecoveryKey) -> None:
        self.created = True
        self.passphrase.wipe()
        page = self.create_page
        page.bar.setValue(100)
        page.status.setText(self.tr("The store is ready."))
        page.ready = True
        page.completeChanged.emit()
        try:
            self.recovery.show_key(recovery.display())
        finally:
            recovery.wipe()
        self.next()

    def _failed(self, exc: Exception) -> None:
        page = self.create_page
        page.running = False
        page.status.setText(self.tr("The store could not be created: {0}").format(
            failure_text(exc)))
        MessageBox.warning(self, self.windowTitle(), page.status.text())
        self.back()

    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done
        if (result != QWizard.DialogCode.Accepted and self.created
                and MessageBox.question(self, self.windowTitle(), self.tr(
                    "The store has been created. If you close now, the recovery key will "
                    "never be shown again. Close anyway?")) != Button.Yes):
            return
        if result != QWizard.DialogCode.Accepted and self.create_page.running and not self.created:
            return  # creation is running on the worker; let it finish
        self.recovery.wipe()
        self.passphrase.wipe()
        super().done(result)
