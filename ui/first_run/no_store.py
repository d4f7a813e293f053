"""What the unlock screen shows when there is no store to unlock: create one, or restore.

Why here: after the owner's wipe-after-N fired, or when the first-run wizard was
closed before creating anything, the main window must not ask for a passphrase to
a store that does not exist. The two ways forward are the first-run wizard and a
restore from a backup (``ui/backup/restore_dialog.py``), both into the same
(empty or absent) store directory.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.session import Session


class NoStorePanel(QWidget):
    storeAppeared = Signal()  # noqa: N815 (Qt)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain.setMinimumWidth(400)
        self.create_button = QPushButton()
        self.restore_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explain)
        layout.addSpacing(8)
        layout.addWidget(self.create_button)
        layout.addWidget(self.restore_button)
        self.create_button.clicked.connect(self.create_store)
        self.restore_button.clicked.connect(self.restore_store)
        self.retranslate()

    def retranslate(self) -> None:
        self.explain.setText(self.tr(
            "There is no store at {0}. Create a new one, or bring one back from a "
            "backup.").format(self.session.store_dir))
        self.create_button.setText(self.tr("Create a new store…"))
        self.restore_button.setText(self.tr("Restore from a backup…"))

    def create_store(self) -> None:
        from ui.first_run.wizard import FirstRunWizard

        wizard = FirstRunWizard(self.session, self.window())
        wizard.exec()
        self.storeAppeared.emit()

    def restore_store(self) -> None:
        from ui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.session, self.window())
        dialog.exec()
        self.storeAppeared.emit()
