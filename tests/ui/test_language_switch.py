"""The language chosen in Settings applies at once: menus, toolbar, list headers and the
unlock screen speak Korean without a restart, and English again after switching back."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from ui import i18n
from ui.settings_dialog import SettingsDialog

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    yield
    i18n.switch(qapp, "en")


@pytest.fixture
def unlocked_window(qtbot, window):
    from crypto.passphrase import encode_passphrase

    window.session.create(encode_passphrase(PASSPHRASE), "Field team A",
                          success=lambda _k: None)
    qtbot.waitUntil(lambda: window.session.is_unlocked and window.session.ops.idle,
                    timeout=10_000)
    return window


def _choose(window, settings, language):
    dialog = SettingsDialog(settings, window)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.accept()


def _menu_texts(window):
    menus = [a for a in window.menuBar().actions() if a.menu()]
    return [m.text() for m in menus] + [a.text() for m in menus for a in m.menu().actions()
                                        if a.text()]


def _headers(window):
    model = window.workspace.list_view.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_switching_to_korean_retranslates_menus_toolbar_and_headers_at_once(
        qtbot, unlocked_window, settings):
    window = unlocked_window
    assert "&File" in _menu_texts(window)
    _choose(window, settings, "ko")
    # The actions of the File menu and the toolbar as they stood when this was written (the
    # menus that other screens add are translated when their strings are merged).
    file_menu = window.menuBar().actions()[0]
    menus = [file_menu.text()] + [a.text() for a in (
        window.new_action, window.save_action, window.revisions_action, window.lock_action,
        window.settings_action, window.quit_action)]
    assert all(HANGUL.search(t) for t in menus), menus
    toolbar = [a.text() for a in (window.toolbar_new, window.toolbar_save, window.toolbar_lock)]
    assert all(HANGUL.search(t) for t in toolbar), toolbar
    assert window.toolbar_lock in window.toolbar.actions()
    assert all(HANGUL.search(h) for h in _headers(window)), _headers(window)
    assert HANGUL.search(window.windowTitle())
    assert HANGUL.search(window.store_label.text())

    _choose(window, settings, "en")
    assert "&File" in _menu_texts(window)
    assert "Pseudonym" in _headers(window)


def test_the_rebuilt_actions_still_work(qtbot, unlocked_window, settings):
    window = unlocked_window
    _choose(window, settings, "ko")
    assert window.new_action.isEnabled() and window.toolbar.isVisible()
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace.editing, timeout=5_000)
    assert window.save_action.isEnabled()
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: not window.session.is_unlocked and window.session.ops.idle,
                    timeout=10_000)
    assert window.stack.currentWidget() is window.unlock_page


def test_the_unlock_screen_switches_live(qtbot, unlocked_window, settings):
    window = unlocked_window
    window.lock()
    qtbot.waitUntil(lambda: window.session.ops.idle and not window.session.is_unlocked)
    page = window.unlock_page
    assert page.title.text() == "The store is locked"
    _choose(window, settings, "ko")
    for text in (page.title.text(), page.unlock_button.text(), page.recover_link.text(),
                 page.field.placeholderText()):
        assert HANGUL.search(text), text
    _choose(window, settings, "en")
    assert page.title.text() == "The store is locked"


def test_an_unchanged_language_changes_nothing(qtbot, unlocked_window, settings):
    window = unlocked_window
    before = window.new_action
    _choose(window, settings, settings.language)
    assert window.new_action is before  # no rebuild when nothing changed


def _korean_or_blank(texts):
    return [t for t in texts if t and not HANGUL.search(t) and re.search("[A-Za-z]{3,}", t)]


def test_the_list_search_and_detail_switch_too_and_the_testimony_stays(
        qtbot, unlocked_window, settings):
    from PySide6.QtWidgets import QGroupBox, QPushButton

    from tests.samples import sample_dict

    window = unlocked_window
    ws = window.workspace
    ws.new_testimony()
    ws.editor.saveRequested.emit(sample_dict())
    qtbot.waitUntil(lambda: not ws.editing and ws.current is not None, timeout=10_000)
    shown = ws.current.id
    _choose(window, settings, "ko")
    new = window.workspace
    assert new is not ws and window.stack.currentWidget() is new
    qtbot.waitUntil(lambda: new.current is not None and window.session.ops.idle,
                    timeout=10_000)
    assert new.current.id == shown
    assert all(HANGUL.search(new.left.tabText(i)) for i in range(new.left.count()))
    titles = [b.title() for b in new.detail.findChildren(QGroupBox) if b.isVisibleTo(new)]
    assert titles and not _korean_or_blank(titles), titles
    buttons = [b.text() for b in new.search.findChildren(QPushButton)]
    assert not _korean_or_blank(buttons), buttons
    assert new.list_view.model.rowCount() == 1
    window.new_action.trigger()  # the rebuilt actions drive the new workspace
    assert new.editing


def test_an_unsaved_edit_survives_the_switch(qtbot, unlocked_window, settings):
    window = unlocked_window
    ws = window.workspace
    ws.new_testimony()
    body = ws.editor.current_dict()
    body["survivor"]["pseudonym"] = "S-SWITCH-1"
    ws.editor.load(None, body)
    assert ws.editor.is_modified()
    _choose(window, settings, "ko")
    new = window.workspace
    qtbot.waitUntil(lambda: new.editing and window.session.ops.idle, timeout=10_000)
    assert new.editor.current_dict()["survivor"]["pseudonym"] == "S-SWITCH-1"
    assert new.editor.is_modified() and window.save_action.isEnabled()
