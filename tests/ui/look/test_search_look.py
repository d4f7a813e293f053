"""The search tab beside the list: with the filters open, the results still show hits and
the window keeps the size it had (a small laptop's screen is ~768 pixels high)."""

from __future__ import annotations

from crypto.passphrase import encode_passphrase
from tests.conftest import PASSPHRASE


def _unlocked_window(window, qtbot):
    window.session.create(encode_passphrase(PASSPHRASE), "Field team A",
                          success=lambda _key: None)
    qtbot.waitUntil(lambda: window.session.is_unlocked and window.session.ops.idle,
                    timeout=10_000)
    return window


def test_open_filters_leave_room_for_results_in_the_default_window(window, qtbot):
    _unlocked_window(window, qtbot)
    size = window.size()
    window.find_action.trigger()
    panel = window.workspace.search
    panel.filters_button.setChecked(True)
    qtbot.waitUntil(panel.filters.isVisible)
    assert window.size() == size  # nothing pushed the window past its default size
    assert panel.results.height() >= panel.results.fontMetrics().lineSpacing() * 8


def test_saved_searches_fold_away_behind_their_button(window, qtbot):
    _unlocked_window(window, qtbot)
    window.find_action.trigger()
    panel = window.workspace.search
    assert not panel.saved_box.isVisible()
    panel.saved_button.click()
    assert panel.saved_box.isVisible() and panel.saved.name_edit.isVisible()
    panel.saved_button.click()
    assert not panel.saved_box.isVisible()
