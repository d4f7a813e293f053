"""Every menu item of the main window opens its screen, on a real unlocked store.

The screens have tests of their own (tests/ui/bundles, custody, backup, search, stats,
consent); these check the wiring a person meets first: the item is there, enabled when it
makes sense, and opens the right window for the testimony shown — and a lock closes them.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.samples import sample_dict


@pytest.fixture
def opened(opened_window):
    return opened_window


@pytest.fixture
def with_testimony(qtbot, opened):
    ws = opened.workspace
    ws.new_testimony()
    ws.editor.saveRequested.emit(sample_dict())
    qtbot.waitUntil(lambda: not ws.editing and ws.current is not None, timeout=10_000)
    return opened


def _open_windows(kind: type) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _class_named(name: str) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if type(w).__name__ == name and w.isVisible()]


@pytest.mark.parametrize("action, dialog", [
    ("export_action", "ExportDialog"),
    ("import_action", "ImportDialog"),
    ("contacts_action", "ContactsDialog"),
    ("backup_action", "BackupDialog"),
    ("verify_backup_action", "VerifyBackupDialog"),
    ("receipt_action", "ConsentReceiptDialog"),
    ("withdraw_action", "WithdrawDialog"),
    ("stats_action", "StatsDashboard"),
])
def test_each_item_opens_its_screen_and_a_lock_closes_it(qtbot, with_testimony, action,
                                                         dialog):
    window = with_testimony
    item = getattr(window, action)
    assert item.isEnabled()
    item.trigger()
    qtbot.waitUntil(lambda: bool(_class_named(dialog)), timeout=10_000)
    window.lock()
    qtbot.waitUntil(lambda: window.session.ops.idle and not _class_named(dialog),
                    timeout=10_000)


def test_transfers_shows_the_ledger_of_the_testimony_shown(qtbot, with_testimony):
    from ui.custody.transfers_view import TransfersView

    window = with_testimony
    window.transfers_action.trigger()
    def views() -> list[TransfersView]:
        return [v for d in _open_windows(QDialog) for v in d.findChildren(TransfersView)]

    qtbot.waitUntil(lambda: bool(views()), timeout=10_000)
    assert views()[0].testimony_id == window.workspace.current.id
    window.lock()
    qtbot.waitUntil(lambda: not _open_windows(QDialog), timeout=10_000)


def test_find_opens_the_search_tab_with_its_field_focused(qtbot, opened):
    opened.show()
    opened.find_action.trigger()
    ws = opened.workspace
    assert ws.left.currentWidget() is ws.search
    opened.lock()
    qtbot.waitUntil(lambda: opened.session.ops.idle)
    assert ws.left.currentWidget() is ws.list_view


def test_items_that_need_a_testimony_wait_for_one(opened):
    for item in (opened.receipt_action, opened.withdraw_action, opened.revisions_action):
        assert not item.isEnabled()
    for item in (opened.export_action, opened.import_action, opened.contacts_action,
                 opened.find_action, opened.stats_action, opened.transfers_action):
        assert item.isEnabled()


def test_a_locked_window_offers_only_what_needs_no_store(qtbot, opened):
    opened.lock()
    qtbot.waitUntil(lambda: opened.session.ops.idle)
    for item in (opened.export_action, opened.import_action, opened.contacts_action,
                 opened.backup_action, opened.check_action, opened.find_action,
                 opened.stats_action, opened.receipt_action, opened.withdraw_action):
        assert not item.isEnabled()
    assert opened.verify_backup_action.isEnabled()  # a backup is checked with its own key


def test_every_menu_has_items_and_the_language_switch_keeps_them(qtbot, opened):
    from ui import i18n

    titles = [m.text() for m in opened.menuBar().actions()]
    assert len(titles) == 3
    before = len([a for m in opened.menuBar().actions() for a in m.menu().actions()])
    i18n.switch(QApplication.instance(), "ko")
    try:
        after = [a for m in opened.menuBar().actions() for a in m.menu().actions()]
        assert len(after) == before
        assert all(not a.text().isascii() for a in after if not a.isSeparator())
    finally:
        i18n.switch(QApplication.instance(), "en")


def test_the_detail_pane_shows_the_testimony_s_transfers(qtbot, with_testimony):
    pane = with_testimony.workspace.detail
    assert pane.transfers is not None
    qtbot.waitUntil(lambda: pane.transfers.testimony_id == with_testimony.workspace.current.id)
    qtbot.waitUntil(lambda: "not been exported" in pane.transfers.heading.text())
    with_testimony.lock()
    qtbot.waitUntil(lambda: with_testimony.session.ops.idle)
    assert pane.transfers.model.rowCount() == 0


def test_withdrawing_in_the_editor_offers_the_notices(qtbot, with_testimony, tmp_path, policy,
                                                      recorded_messages):
    from intake.bundle import ExportRequest, export_bundle
    from intake.cli.passphrase import from_text
    from intake.contacts import Contacts
    from intake.store import Store
    from tests.conftest import PASSPHRASE
    from tests.intake.bundle.conftest import fake_renderer
    from tests.ui.conftest import run_on_store
    from ui.messages import Button, MessageBox

    window = with_testimony
    ws = window.workspace
    legal, _ = Store.create(tmp_path / "legal", from_text(PASSPHRASE), label="Legal",
                            policy=policy)
    card = legal.identity_card()
    legal.close()
    tid = ws.current.id

    def send(store):
        Contacts(store).add(card, "Legal")
        Contacts(store).verify("Legal")
        export_bundle(store, ExportRequest(("Legal",), "legal", "full", (tid,),
                                           override_risk=True),
                      tmp_path / "b.tib.age", renderer=fake_renderer)

    run_on_store(qtbot, window.session, send)
    body = ws.current.to_dict()
    body["consent"]["withdrawn"] = body["consent"]["recorded"]
    ws.edit(tid)
    qtbot.waitUntil(lambda: ws.editing, timeout=10_000)
    MessageBox.set_next_answer(Button.Yes)
    ws.editor.saveRequested.emit(body)
    qtbot.waitUntil(lambda: bool(_class_named("WithdrawDialog")), timeout=10_000)
    assert recorded_messages[-1].title == "Consent withdrawn"
    assert "1 recipients" in recorded_messages[-1].text
    window.lock()
    qtbot.waitUntil(lambda: window.session.ops.idle and not _class_named("WithdrawDialog"),
                    timeout=10_000)


def test_withdrawing_a_testimony_nobody_holds_asks_nothing(qtbot, with_testimony,
                                                          recorded_messages):
    ws = with_testimony.workspace
    body = ws.current.to_dict()
    body["consent"]["withdrawn"] = body["consent"]["recorded"]
    ws.edit(ws.current.id)
    qtbot.waitUntil(lambda: ws.editing, timeout=10_000)
    ws.editor.saveRequested.emit(body)
    qtbot.waitUntil(lambda: not ws.editing and with_testimony.session.ops.idle, timeout=10_000)
    assert ws.current.consent.withdrawn is not None
    assert not any(m.title == "Consent withdrawn" for m in recorded_messages)
    assert not _class_named("WithdrawDialog")
