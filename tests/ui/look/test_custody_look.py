"""The custody screens as a person sees them: the status readable, keys for every field,
and no irreversible step on the Enter key."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from ui.custody.transfers_view import COL_FINGERPRINT, COL_STATUS, TransfersView
from ui.custody.withdraw_dialog import WithdrawDialog


def test_the_status_of_a_transfer_fits_beside_its_fingerprint(desk, open_session, qtbot):
    session = open_session(desk.field)
    view = TransfersView(session)
    qtbot.addWidget(view)
    view.resize(700, 240)  # about the detail pane's width
    view.show()
    view.show_testimony(desk.exported)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    header, metrics = view.table.horizontalHeader(), view.table.fontMetrics()
    status = view.model.index(0, COL_STATUS).data()
    fingerprint = view.model.index(0, COL_FINGERPRINT).data()
    assert header.sectionSize(COL_STATUS) >= metrics.horizontalAdvance(status)
    assert header.sectionSize(COL_FINGERPRINT) < metrics.horizontalAdvance(fingerprint)
    assert view.model.index(0, COL_FINGERPRINT).data(0x03) == fingerprint  # whole, on hover


def _buddies(dialog) -> dict[type, QLabel]:
    return {type(label.buddy()): label for label in dialog.findChildren(QLabel)
            if label.buddy() is not None}


def test_the_withdrawal_fields_have_keys_and_enter_withdraws_nothing(desk, open_session,
                                                                     qtbot):
    session = open_session(desk.field)
    dialog = WithdrawDialog(session, desk.exported, folder_chooser=lambda _parent: "")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.confirm.isEnabled, timeout=10_000)
    buddies = _buddies(dialog)
    assert "&" in buddies[QPlainTextEdit].text() and "&" in buddies[QLineEdit].text()
    assert not dialog.confirm.isDefault() and not dialog.confirm.autoDefault()


def test_tab_leaves_the_withdrawal_note_for_the_folder(desk, open_session, qtbot):
    from PySide6.QtCore import Qt

    session = open_session(desk.field)
    dialog = WithdrawDialog(session, desk.exported, folder_chooser=lambda _parent: "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.confirm.isEnabled, timeout=10_000)
    dialog.activateWindow()
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert dialog.note.toPlainText() == ""  # no tab character typed into the note
    assert dialog.folder.hasFocus() or not dialog.note.hasFocus()
