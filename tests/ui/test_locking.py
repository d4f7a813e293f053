"""Locking: idle timer with an injected clock, Ctrl+L, the panic keys, and what a lock drops."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from tests.conftest import PASSPHRASE
from tests.ui.conftest import FakeClock, run_on_store
from ui.locking import ActivityFilter
from ui.main_window import MainWindow
from ui.unlock import Throttle


@pytest.fixture
def clock():
    return FakeClock(1000.0)


@pytest.fixture
def live(qtbot, session, settings, clock):
    """An unlocked main window whose idle filter reads the fake clock."""
    from crypto.passphrase import encode_passphrase

    activity = ActivityFilter(None, timeout_ms=5 * 60_000, clock=clock, check_interval_ms=10)
    w = MainWindow(session, settings, activity=activity, throttle=Throttle(base_s=0.05))
    qtbot.addWidget(w)
    w.show()
    got = {}
    session.create(encode_passphrase(PASSPHRASE), "Field team A",
                   success=lambda k: got.update(key=k))
    qtbot.waitUntil(lambda: "key" in got and session.ops.idle, timeout=10_000)
    w.store = run_on_store(qtbot, session, lambda s: s)  # the Store object, to check later
    yield w
    activity.uninstall()


def _is_locked(w):
    return (not w.session.is_unlocked and w.session.ops.idle and not w.store.is_open
            and w.stack.currentWidget() is w.unlock_page)


def test_idle_for_the_timeout_locks_and_closes_the_store(qtbot, live, clock):
    assert live.activity.armed and live.store.is_open
    clock.now += 299
    qtbot.wait(30)
    assert live.session.is_unlocked
    clock.now += 2
    qtbot.waitUntil(lambda: _is_locked(live))
    assert not live.activity.armed


def test_activity_postpones_the_idle_lock(qtbot, live, clock):
    clock.now += 250
    qtbot.keyClick(live.workspace, Qt.Key.Key_A)
    clock.now += 250
    qtbot.wait(30)
    assert live.session.is_unlocked
    clock.now += 60
    qtbot.waitUntil(lambda: _is_locked(live))


def test_ctrl_l_locks_from_anywhere(qtbot, live):
    qtbot.keyClick(live.workspace, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _is_locked(live))
    assert live.isVisible()


def test_panic_locks_hides_every_window_wipes_the_key_and_clears_the_clipboard(qtbot, live):
    live.clipboard.copy("S-0142 단둥")
    other = QDialog(live)
    other.show()
    qtbot.keyClick(live.workspace, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not live.isVisible() and not other.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    assert QGuiApplication.clipboard().text() == ""
    qtbot.waitUntil(lambda: _is_locked(live))
    with pytest.raises(ValueError):
        live.store._dek.view()  # wiped, not merely dropped  # noqa: SLF001
    live.bring_back()
    assert live.isVisible() and live.stack.currentWidget() is live.unlock_page


def test_panic_works_while_a_modal_dialog_is_open(qtbot, live):
    dialog = QDialog(live)
    dialog.setModal(True)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: _is_locked(live))


def test_results_that_arrive_after_a_lock_are_dropped(qtbot, live):
    import threading

    gate, delivered = threading.Event(), []
    live.session.run(lambda s, _h: (gate.wait(5), s.summaries())[1], success=delivered.append)
    live.lock()
    gate.set()
    qtbot.waitUntil(lambda: _is_locked(live))
    assert delivered == []


def test_the_store_is_unusable_after_lock(qtbot, live, recorded_messages):
    live.lock()
    qtbot.waitUntil(lambda: _is_locked(live))
    failures = []
    live.session.run(lambda s, _h: s.summaries(), failure=failures.append)
    qtbot.waitUntil(lambda: live.session.ops.idle)
    assert failures == [] and recorded_messages == []  # dropped quietly: the lock said it all
