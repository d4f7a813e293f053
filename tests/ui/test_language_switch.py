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
