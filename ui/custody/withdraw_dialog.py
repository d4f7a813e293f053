"""Record a consent withdrawal, and write one signed notice per legal team that holds it.

The dialog first loads, on the worker, who received the testimony (the transfer
ledger); the user adds an optional note and picks a folder; after a confirmation
(withdrawal is final) :func:`intake.custody.withdraw.withdraw` runs on the worker, and
the dialog lists which recipient got which notice file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.contacts import Contacts
from intake.custody import ledger
from intake.custody.documents import MAX_NOTE_CHARS
from intake.custody.withdraw import WithdrawResult, withdraw
from intake.store import Store
from ui.messages import Button, MessageBox
from ui.session import Session

FolderChooser = Callable[[QWidget], str]


def _tr(text: str) -> str:
    return QCoreApplication.translate("WithdrawDialog", text)


@dataclass(frozen=True)
class Holder:
    label: str
    fingerprint: str
    bundles: int


@dataclass(frozen=True)
class Situation:
    pseudonym: str
    withdrawn: date | None
    holders: tuple[Holder, ...]


def load_situation(store: Store, testimony_id: str) -> Situation:
    """On the worker: the testimony's pseudonym, withdrawal date and who holds it."""
    t = store.get(testimony_id)
    contacts = Contacts(store)
    holders = []
    for fp, bundles in ledger.holders(store, testimony_id).items():
        contact = contacts.by_fingerprint(fp)
        holders.append(Holder(contact.label if contact else _tr("(no longer a contact)"), fp,
                              len(bundles)))
    return Situation(t.survivor.pseudonym, t.consent.withdrawn, tuple(holders))


def choose_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(
        parent, _tr("Folder for the withdrawal notices"), QDir.homePath(),
        QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog)


class WithdrawDialog(QDialog):
    """Emits ``withdrawn(WithdrawResult)`` once the withdrawal is recorded."""

    withdrawn = Signal(object)

    def __init__(self, session: Session, testimony_id: str, parent: QWidget | None = None, *,
                 folder_chooser: FolderChooser = choose_folder) -> None:
        super().__init__(parent)
        self._session = session
        self._testimony_id = testimony_id
        self._choose = folder_chooser
        self._situation: Situation | None = None
        self.result_value: WithdrawResult | None = None
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.resize(640, 430)

        self.intro = QLabel(self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.intro.setText(self.tr("Loading…"))
        self.holders = QListWidget(self)
        self.holders.setObjectName("noticeRecipients")
        self.holders.setMaximumHeight(150)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("withdrawalNote")
        self.note.setTabChangesFocus(True)  # Tab goes on to the folder, as in a form
        self.note.setPlaceholderText(self.tr(
            "Optional. Every recipient receives it exactly as written: put no names or "
            "places in it."))
        self.note.setFixedHeight(90)
        self.folder = QLineEdit(self)
        self.folder.setObjectName("noticeFolder")
        self.folder.setPlaceholderText(self.tr("Where to write the notices"))
        browse = QPushButton(self.tr("C&hoose…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("withdrawOutcome")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Note for the recipients:"), self.note)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm = self.buttons.addButton(self.tr("&Withdraw consent"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmWithdraw")
        # Final and irreversible: Enter in the folder field must not set it off.
        self.confirm.setAutoDefault(False)
        self.confirm.setDefault(False)
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self._withdraw)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(QLabel(self.tr("Legal teams that received this testimony:"), self))
        layout.addWidget(self.holders)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        session.locked.connect(self.reject)
        session.run(lambda store, _h: load_situation(store, testimony_id),
                    success=self._loaded, failure=self._failed)

    # -- loading ----------------------------------------------------------------------

    def _loaded(self, situation: Situation) -> None:
        self._situation = situation
        short = self._testimony_id[:8]
        if situation.withdrawn is not None:
            text = self.tr("Consent for {0} ({1}) was already withdrawn on {2}. You can "
                           "write the withdrawal notices again.").format(
                situation.pseudonym, short, situation.withdrawn.isoformat())
        else:
            text = self.tr("Record that {0} ({1}) withdrew consent. This is final: every "
                           "export will refuse this testimony from now on.").format(
                situation.pseudonym, short)
        if situation.holders:
            text += "\n\n" + self.tr("Each legal team below gets a signed withdrawal notice to "
                                   "import; send each file to its team.")
            self.confirm.setText(self.tr("&Withdraw consent and write notices"))
        else:
            text += "\n\n" + self.tr("No legal team received this testimony, so no notice is "
                                   "needed.")
        self.intro.setText(text)
        self.holders.clear()
        for h in situation.holders:
            self.holders.addItem(self.tr("{0} — {1} · {2} bundle(s)").format(
                h.label, h.fingerprint, h.bundles))
        self.confirm.setEnabled(True)

    def _failed(self, error: Exception) -> None:
        from ui.operations import show_failure

        show_failure(error)
        self.reject()

    def _browse(self) -> None:
        chosen = self._choose(self)
        if chosen:
            self.folder.setText(chosen)

    # -- withdrawing ----------------------------------------------------------------------

    def _withdraw(self) -> None:
        if self.result_value is not None:
            self.accept()
            return
        note = self.note.toPlainText().strip() or None
        if note is not None and len(note) > MAX_NOTE_CHARS:
            MessageBox.warning(self, self.tr("Withdraw consent"), self.tr(
                "The note is too long (at most {0} characters).").format(MAX_NOTE_CHARS))
            return
        folder = self.folder.text().strip()
        needs_folder = bool(self._situation and self._situation.holders)
        if needs_folder and not (folder and Path(folder).is_dir()):
            MessageBox.warning(self, self.tr("Withdraw consent"),
                               self.tr("Choose an existing folder for the notices."))
            return
        if self._situation is not None and self._situation.withdrawn is None:
            answer = MessageBox.question(self, self.tr("Withdraw consent"), self.tr(
                "Record the withdrawal of consent? It cannot be undone."))
            if answer != Button.Yes:
                return
        out = Path(folder) if needs_folder else None
        tid = self._testimony_id
        self.confirm.setEnabled(False)
        self._session.run(lambda store, _h: withdraw(store, tid, out, note=note),
                          success=self._done, failure=self._run_failed,
                          progress_title=self.tr("Writing the withdrawal notices…"))

    def _run_failed(self, error: Exception) -> None:
        from ui.operations import show_failure

        self.confirm.setEnabled(True)
        show_failure(error)

    def _done(self, result: WithdrawResult) -> None:
        self.result_value = result
        lines = [self.tr("Consent is recorded as withdrawn on {0}.").format(
            result.withdrawn.isoformat())]
        if result.notices:
            lines.append(self.tr("Notices written:"))
            lines += [f"{n.recipient_label}: {n.path.name}"
                      for n in result.notices]
        else:
            lines.append(self.tr("No notice was needed."))
        if result.unreachable:
            lines.append(self.tr("{0} recipient(s) are no longer contacts and got no "
                                 "notice.").format(len(result.unreachable)))
        self.outcome.setText("\n".join(lines))
        self.outcome.show()
        self.note.setReadOnly(True)
        self.folder.setReadOnly(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.confirm.setText(self.tr("Close"))
        self.confirm.setEnabled(True)
        self.withdrawn.emit(result)


def open_withdraw_dialog(parent: QWidget | None, session: Session,
                         testimony_id: str) -> WithdrawDialog:
    """Show the dialog (non-modal); the caller may connect ``withdrawn`` to refresh views."""
    dialog = WithdrawDialog(session, testimony_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
