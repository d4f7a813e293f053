"""Contacts: this store's own identity card, and the cards it trusts.

The own card (label, fingerprint, "Save my identity card…") is what the user
gives a legal team; the table lists recipients and senders with their verified
mark. Adding and verifying go through :class:`CompareFingerprintDialog`, so a
card is never trusted without its fingerprint in front of the user. Everything
that touches the store runs on the worker; the audit entries are written by
``intake.contacts`` in the same transactions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crypto.card import IdentityCard
from intake.contacts import Contact, Contacts
from intake.errors import InvalidInput
from intake.store import Store
from ui.bundles.compare_dialog import VERIFIED, CompareFingerprintDialog
from ui.bundles.contacts_model import ContactsModel
from ui.bundles.files import CARD_SUFFIX, ask_file, read_card, write_card
from ui.bundles.fingerprint import FingerprintView
from ui.operations import OperationHandle, failure_text
from ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactsDialog", text)


def _load(store: Store, _h: OperationHandle) -> tuple[IdentityCard, list[Contact]]:
    return store.identity_card(), Contacts(store).all()


class ContactsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.own_card: IdentityCard | None = None
        self.compare: CompareFingerprintDialog | None = None
        self.setWindowTitle(_tr("Contacts and identity"))
        self.resize(760, 560)

        own = QGroupBox(_tr("This store's identity"))
        self.own_label = QLabel()
        self.own_label.setTextFormat(Qt.TextFormat.PlainText)
        self.own_fingerprint = FingerprintView()
        own_hint = QLabel(_tr("Give your identity card to the legal teams you work with. "
                              "When they call to check it, read them this fingerprint."))
        own_hint.setWordWrap(True)
        self.save_card_button = QPushButton(_tr("&Save my identity card…"))
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_fingerprint)
        own_row.addStretch(1)
        own_row.addWidget(self.save_card_button, 0, Qt.AlignmentFlag.AlignBottom)
        own_layout = QVBoxLayout(own)
        own_layout.addWidget(self.own_label)
        own_layout.addLayout(own_row)
        own_layout.addWidget(own_hint)

        others = QGroupBox(_tr("Contacts"))
        self.model = ContactsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_hint = QLabel(_tr("No contacts yet. Add the identity card of each legal "
                                     "team you send to, and of each interviewer whose "
                                     "bundles you import."))
        self.empty_hint.setWordWrap(True)
        self.add_button = QPushButton(_tr("&Add from card…"))
        self.verify_button = QPushButton(_tr("&Mark verified…"))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        others_layout = QVBoxLayout(others)
        others_layout.addWidget(self.table, 1)
        others_layout.addWidget(self.empty_hint)
        others_layout.addLayout(row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(others, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.save_card_button.clicked.connect(self.ask_save_card)
        self.add_button.clicked.connect(self.ask_add_card)
        self.verify_button.clicked.connect(self.verify_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        session.locked.connect(self.clear)
        self._update_buttons()
        self.reload()

    # -- loading ------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.session.run(_load, success=lambda r: self._loaded(*r, select=select),
                         failure=self._failed)

    def _loaded(self, card: IdentityCard, contacts: list[Contact], *,
                select: str | None = None) -> None:
        self.own_card = card
        self.own_label.setText(_tr("Label: {0}").format(card.label))
        self.own_fingerprint.set_fingerprint(card.fingerprint)
        self.model.set_contacts(contacts)
        self.empty_hint.setVisible(not contacts)
        if select is not None and (row := self.model.row_of(select)) >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_contact(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.contact(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        contact = self.selected_contact()
        self.verify_button.setEnabled(contact is not None and not contact.verified)
        self.save_card_button.setEnabled(self.own_card is not None)

    def _failed(self, exc: Exception) -> None:
        self.status.setText(failure_text(exc))

    # -- own card -----------------------------------------------------------------------

    def ask_save_card(self) -> None:
        ask_file(self, _tr("Save my identity card"), _tr("Identity cards (*.json)"),
                 self.save_card, save=True, start=Path.home() / f"identity-card{CARD_SUFFIX}")

    def save_card(self, path: Path) -> None:
        def work(store: Store, _h: OperationHandle) -> None:
            write_card(path, store.identity_card())

        self.session.run(work, success=lambda _r: self.status.setText(
            _tr("Saved your identity card as {0}. It holds public keys only.").format(
                path.name)), failure=self._failed)

    # -- adding -------------------------------------------------------------------------

    def ask_add_card(self) -> None:
        ask_file(self, _tr("Choose an identity card"),
                 _tr("Identity cards (*.json);;All files (*)"), self.add_from_card,
                 save=False, start=Path.home())

    def add_from_card(self, path: Path) -> None:
        """Read the card on the worker, then let the user compare its fingerprint."""
        self.status.clear()

        def work(store: Store, _h: OperationHandle) -> IdentityCard:
            card = read_card(path)
            # Said before the comparison, not after it: no point reading out a card that
            # cannot be added. ``Contacts.add`` checks both again.
            if card.same_keys(store.identity_card()):
                raise InvalidInput("card", "this is this store's own identity card")
            known = Contacts(store).by_fingerprint(card.fingerprint)
            if known is not None:
                raise InvalidInput("card", f"this card is already a contact, labelled "
                                   f"{known.label!r}")
            return card

        self.session.run(work, success=self._compare_new, failure=self._failed)

    def _compare_new(self, card: IdentityCard) -> None:
        self.compare = CompareFingerprintDialog(card, self, adding=True)
        self.compare.accepted.connect(lambda: self._add(card, self.compare))
        self.compare.open()

    def _add(self, card: IdentityCard, dialog: CompareFingerprintDialog | None) -> None:
        if dialog is None:
            return
        label, verified = dialog.label, dialog.decision == VERIFIED

        def work(store: Store, _h: OperationHandle) -> Contact:
            contacts = Contacts(store)
            contact = contacts.add(card, label)
            return contacts.verify(contact.label) if verified else contact

        self.session.run(work, success=self._added, failure=self._failed)

    def _added(self, contact: Contact) -> None:
        self.status.setText(
            _tr("Added {0}, verified.").format(contact.label) if contact.verified else
            _tr("Added {0}, not verified yet: compare the fingerprint by phone, then mark it "
                "verified.").format(contact.label))
        self.reload(select=contact.label)

    # -- verifying ----------------------------------------------------------------------

    def verify_selected(self) -> None:
        contact = self.selected_contact()
        if contact is None or contact.verified:
            return
        self.compare = CompareFingerprintDialog(contact.card, self, adding=False,
                                                label=contact.label)
        self.compare.accepted.connect(lambda: self._verify(contact.label))
        self.compare.open()

    def _verify(self, label: str) -> None:
        self.session.run(lambda store, _h: Contacts(store).verify(label),
                         success=self._verified, failure=self._failed)

    def _verified(self, contact: Contact) -> None:
        self.status.setText(_tr("{0} is now verified.").format(contact.label))
        self.reload(select=contact.label)

    # -- locking ------------------------------------------------------------------------

    def clear(self) -> None:
        """On lock: forget everything shown and close (with any comparison open)."""
        self.model.clear()
        self.own_card = None
        self.own_label.clear()
        self.own_fingerprint.set_fingerprint("")
        self.status.clear()
        if self.compare is not None:
            self.compare.reject()
        self.reject()
