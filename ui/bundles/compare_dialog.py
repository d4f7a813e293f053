"""Comparing a fingerprint with its owner before trusting a card.

Why a dialog of its own: a card that came by email or USB could have been
swapped on the way; only reading the fingerprint to each other over the phone
(or in person) proves whose keys it holds. The dialog says exactly that, shows
the groups large, and makes "verified" an explicit choice, never the default.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crypto.card import IdentityCard
from ui.bundles.fingerprint import FingerprintView

VERIFIED, UNVERIFIED = "verified", "unverified"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareFingerprintDialog", text)


class CompareFingerprintDialog(QDialog):
    """``adding=True``: a new card (label editable; add verified or not). Otherwise the
    verification of an existing contact. ``decision`` is VERIFIED, UNVERIFIED or None."""

    def __init__(self, card: IdentityCard, parent: QWidget | None = None, *,
                 adding: bool, label: str | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.decision: str | None = None
        self.setWindowTitle(_tr("Add a contact") if adding else _tr("Verify a contact"))
        self.setMinimumWidth(520)

        shown = label if label is not None else card.label
        intro = QLabel(_tr("Call {0} (on a number you already know, not one from the same "
                           "message as the card) and read these six groups to each other. "
                           "Only if every digit matches is the card really theirs.")
                       .format(shown))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint = FingerprintView(card.fingerprint, point_size=20)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.label_edit = QLineEdit(shown)
        self.label_edit.setMaxLength(200)
        form = QFormLayout()
        if adding:
            on_card = QLabel(card.label)
            on_card.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(_tr("Name on the card:"), on_card)
            form.addRow(_tr("&Save as:"), self.label_edit)

        self.buttons = QDialogButtonBox()
        self.verified_button = QPushButton(_tr("Every digit matches: add as &verified")
                                           if adding else
                                           _tr("Every digit matches: mark &verified"))
        self.buttons.addButton(self.verified_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.unverified_button: QPushButton | None = None
        if adding:
            self.unverified_button = QPushButton(_tr("&Add, verify later"))
            self.buttons.addButton(self.unverified_button,
                                   QDialogButtonBox.ButtonRole.AcceptRole)
            self.unverified_button.clicked.connect(lambda: self._decide(UNVERIFIED))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.verified_button.clicked.connect(lambda: self._decide(VERIFIED))
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        self.label_edit.textChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fingerprint)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self._update()

    @property
    def label(self) -> str:
        return self.label_edit.text().strip()

    def _update(self) -> None:
        ok = bool(self.label)
        self.verified_button.setEnabled(ok)
        if self.unverified_button is not None:
            self.unverified_button.setEnabled(ok)

    def _decide(self, decision: str) -> None:
        self.decision = decision
        self.accept()
