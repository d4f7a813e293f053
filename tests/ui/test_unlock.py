"""The unlock screen: wrong then right, the growing delay, the recovery-key path."""

from __future__ import annotations

from crypto.passphrase import encode_passphrase
from crypto.recovery import RecoveryKey
from intake.errors import WrongPassphrase
from intake.store import Store
from tests.conftest import PASSPHRASE
from ui.unlock import Throttle


def _locked_window(qtbot, window):
    s = window.session
    from crypto.passphrase import encode_passphrase as enc

    got = {}
    s.create(enc(PASSPHRASE), "Field team A", success=lambda k: got.update(key=k.display()))
    qtbot.waitUntil(lambda: "key" in got, timeout=10_000)
    window.lock()
    qtbot.waitUntil(lambda: s.ops.idle and window.stack.currentWidget() is window.unlock_page)
    return got["key"]


def test_wrong_passphrase_says_so_keeps_the_field_then_right_one_unlocks(qtbot, window):
    _locked_window(qtbot, window)
    page = window.unlock_page
    page.field.setText("not the passphrase")
    page.submit()
    qtbot.waitUntil(lambda: not page.busy and page.throttle.failures == 1, timeout=10_000)
    assert "Wrong passphrase" in page.status.text()
    assert page.field.text() == "not the passphrase"
    assert page.field.selectedText() == "not the passphrase"
    assert window.stack.currentWidget() is page
    assert not page.unlock_button.isEnabled()  # the delay is running
    assert "Try again in" in page.status.text()
    qtbot.waitUntil(page.unlock_button.isEnabled)

    page.field.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=10_000)
    assert window.stack.currentWidget() is window.workspace
    assert page.field.text() == "" and page.status.text() == ""
    assert page.throttle.failures == 0


def test_unlock_runs_off_the_ui_thread(qtbot, window):
    _locked_window(qtbot, window)
    page = window.unlock_page
    page.field.setText(PASSPHRASE)
    page.submit()
    assert page.busy and page.spinner.isVisibleTo(page)  # returned at once, still working
    assert page.field.isReadOnly()
    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=10_000)


def test_submitting_during_the_delay_does_nothing(qtbot, window):
    _locked_window(qtbot, window)
    page = window.unlock_page
    page.field.setText("wrong")
    page.submit()
    qtbot.waitUntil(lambda: page.throttle.failures == 1, timeout=10_000)
    page.field.setText(PASSPHRASE)
    page.submit()
    assert not page.busy and not window.session.is_unlocked


def test_the_delay_doubles_and_is_capped():
    now = [100.0]
    t = Throttle(base_s=1, cap_s=30, clock=lambda: now[0])
    assert [t.fail() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    assert t.remaining() == 30
    now[0] += 29.5
    assert t.remaining() == 0.5
    now[0] += 1
    assert t.remaining() == 0
    t.reset()
    assert t.fail() == 1


def test_recovery_key_sets_a_new_passphrase(qtbot, window, policy):
    key = _locked_window(qtbot, window)
    page = window.unlock_page
    page.recover_link.click()
    assert page.pages.currentIndex() == 1
    page.key_field.setText(key[:-1] + ("0" if key[-1] != "0" else "1"))
    page.new_field.setText("orange kettle whisper mountain seven")
    page.repeat_field.setText("orange kettle whisper mountain seven")
    qtbot.waitUntil(page.recover_button.isEnabled)
    page.submit_recovery()
    assert "typo" in page.status.text()
    assert not page.busy

    page.key_field.setText(key.lower().replace("-", " "))
    qtbot.waitUntil(page.recover_button.isEnabled)
    page.submit_recovery()
    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=10_000)
    window.lock()
    qtbot.waitUntil(lambda: window.session.ops.idle)
    root = window.session.store_dir
    Store.open(root, encode_passphrase("orange kettle whisper mountain seven"),
               policy=policy).close()
    try:
        Store.open(root, encode_passphrase(PASSPHRASE), policy=policy)
    except WrongPassphrase:
        pass
    else:
        raise AssertionError("the old passphrase still opens the store")
    Store.open_with_recovery(root, RecoveryKey.parse(key), policy=policy).close()


def test_a_recovery_key_of_another_store_is_refused_and_delayed(qtbot, window, new_store):
    _locked_window(qtbot, window)
    _other, other_key = new_store("other")
    page = window.unlock_page
    page.show_recovery(True)
    page.key_field.setText(other_key.display())
    page.new_field.setText("orange kettle whisper mountain seven")
    page.repeat_field.setText("orange kettle whisper mountain seven")
    qtbot.waitUntil(page.recover_button.isEnabled)
    page.submit_recovery()
    qtbot.waitUntil(lambda: page.throttle.failures == 1, timeout=10_000)
    assert "does not open this store" in page.status.text()
    assert not window.session.is_unlocked
