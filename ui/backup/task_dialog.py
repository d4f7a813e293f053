"""The frame the backup, verify and restore dialogs share: a file, maybe a secret, one action.

Why one frame: the three read alike to the user (which file, how it opens, what
happened), and they share the rules — work runs on the worker with progress and
Cancel, the dialog cannot be closed while it runs, results are said in plain
words in the dialog itself, and file names are shown as plain text only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.backup.secret_input import SecretInput
from ui.operations import OperationHandle
from ui.session import Session


class TaskDialog(QDialog):
    """Subclasses fill :meth:`retranslate`, :meth:`choose` and :meth:`run`."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 with_secret: bool) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.handle: OperationHandle | None = None  # the work in flight (tests cancel it)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setMinimumWidth(320)
        self.choose_button = QPushButton()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.secret = SecretInput() if with_secret else None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.row_labels: list[QLabel] = []
        self.add_row(file_row, buddy=self.file_edit)
        if self.secret is not None:
            self.add_row(self.secret)
        self.status = QLabel()
        self.status.setObjectName("taskStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.action_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.action_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.choose_button.clicked.connect(self.choose)
        self.action_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.file_edit.textChanged.connect(self.update_state)
        if self.secret is not None:
            self.secret.changed.connect(self.update_state)
        session.locked.connect(self._locked)
        self.setMinimumWidth(560)

    def _locked(self) -> None:
        """A lock cancels the work and drops its result: the dialog goes too."""
        self.busy = False
        if self.secret is not None:
            self.secret.clear()
        QDialog.reject(self)

    def add_row(self, field: QWidget | QHBoxLayout, *, buddy: QWidget | None = None) -> None:
        """A labelled row; a label with a mnemonic (``&``) needs its ``buddy`` to show it."""
        label = QLabel()
        if buddy is not None:
            label.setBuddy(buddy)
        self.row_labels.append(label)
        self.form.addRow(label, field)

    def _label_rows(self, *texts: str) -> None:
        for label, text in zip(self.row_labels, texts, strict=False):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- for subclasses ---------------------------------------------------------------------

    def retranslate(self) -> None:
        raise NotImplementedError

    def choose(self) -> None:
        raise NotImplementedError

    def run(self, path: Path) -> None:
        """Start the work for ``path``; call :meth:`finish` when it ends."""
        raise NotImplementedError

    # -- shared behaviour -------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text).expanduser() if text else None

    def ready(self) -> bool:
        return (not self.busy and self.path is not None
                and (self.secret is None or self.secret.filled()))

    def update_state(self) -> None:
        self.action_button.setEnabled(self.ready())
        self.choose_button.setEnabled(not self.busy)
        self.file_edit.setReadOnly(self.busy)
        self.close_button.setEnabled(not self.busy)
        if self.secret is not None:
            self.secret.set_busy(self.busy)

    def start(self) -> None:
        path = self.path
        if not self.ready() or path is None:
            return
        self.say("")
        self.busy = True
        self.update_state()
        self.run(path)

    def finish(self, message: str) -> None:
        self.busy = False
        self.say(message)
        self.update_state()

    def say(self, text: str) -> None:
        self.status.setText(text)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a wrapped outcome whole: a top-level dialog does not follow its
        labels' height for width, so a two-line result pushed the explanation off the top
        (worse in Korean, and with a long path)."""
        layout = self.layout()
        needed = (layout.heightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.sizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def reject(self) -> None:
        if not self.busy:  # the work must end (or be cancelled from its progress dialog)
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)
