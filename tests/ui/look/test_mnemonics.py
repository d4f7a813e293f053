"""Every dialog a person reaches from the menus works from the keyboard: each button and
field label the dialog names itself carries an Alt key, and no two share one."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QLabel

from ui.backup.backup_dialog import BackupDialog
from ui.bundles.compare_dialog import CompareFingerprintDialog
from ui.bundles.contacts_dialog import ContactsDialog
from ui.bundles.export_dialog import ExportDialog
from ui.bundles.import_dialog import ImportDialog
from ui.custody.withdraw_dialog import WithdrawDialog
from ui.records.consent_receipt_view import ConsentReceiptDialog
from ui.stats.dashboard import StatsDashboard

MNEMONIC = re.compile(r"&([^&\s])")


def _is_standard(button: QAbstractButton) -> bool:
    box = button.parent()
    return (isinstance(box, QDialogButtonBox)
            and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton)


def own_buttons(dialog: QDialog) -> list[QAbstractButton]:
    """Push buttons and check boxes with the dialog's own words (Qt's Close and Cancel
    come from the platform theme, and radio choices are read as a group)."""
    return [b for b in dialog.findChildren(QAbstractButton)
            if b.isVisibleTo(dialog) and b.text() and not _is_standard(b)
            and b.metaObject().className() in ("QPushButton", "QCheckBox")]


def keys(dialog: QDialog) -> list[str]:
    texts = [b.text() for b in own_buttons(dialog)]
    texts += [label.text() for label in dialog.findChildren(QLabel)
              if label.buddy() is not None and label.isVisibleTo(dialog)]
    return [m.group(1).casefold() for t in texts if (m := MNEMONIC.search(t))]


def assert_keyboard_ready(dialog: QDialog) -> None:
    missing = [b.text() for b in own_buttons(dialog) if not MNEMONIC.search(b.text())]
    assert not missing, f"{type(dialog).__name__}: no Alt key on {missing}"
    found = keys(dialog)
    assert len(found) == len(set(found)), f"{type(dialog).__name__}: shared keys {found}"


@pytest.fixture
def field(desk, open_session):
    return open_session(desk.field)


def _loaded(qtbot, session, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: session.ops.idle, timeout=10_000)
    return dialog


def test_the_bundle_dialogs_have_alt_keys(field, desk, qtbot):
    contacts = _loaded(qtbot, field, ContactsDialog(field))
    assert_keyboard_ready(contacts)
    card = contacts.model.contact(0).card
    for adding in (True, False):
        compare = CompareFingerprintDialog(card, contacts, adding=adding, label="법률팀")
        qtbot.addWidget(compare)
        compare.show()
        assert_keyboard_ready(compare)
    assert_keyboard_ready(_loaded(qtbot, field, ExportDialog(field,
                                                             preselected=(desk.exported,))))
    importer = _loaded(qtbot, field, ImportDialog(field))
    importer.compared_box.show()  # shown for an unknown sender's bundle
    importer.receipt_button.show()  # shown after a bundle was imported
    assert_keyboard_ready(importer)


def test_the_custody_and_store_dialogs_have_alt_keys(field, desk, qtbot):
    withdraw = _loaded(qtbot, field, WithdrawDialog(field, desk.exported,
                                                    folder_chooser=lambda _p: ""))
    assert_keyboard_ready(withdraw)
    assert_keyboard_ready(_loaded(qtbot, field, ConsentReceiptDialog(field, desk.exported)))
    assert_keyboard_ready(_loaded(qtbot, field, BackupDialog(field)))
    assert_keyboard_ready(_loaded(qtbot, field, StatsDashboard(field)))
