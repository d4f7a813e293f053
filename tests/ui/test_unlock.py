"""The unlock screen: wrong then right, the guard's growing delay kept across restarts, the
optional wipe and its warning, the recovery-key path, the quick check at unlock."""

from __future__ import annotations

import io
import json

import pytest

from crypto.passphrase import encode_passphrase
from crypto.recovery import RecoveryKey
from intake.errors import WrongPassphrase
from intake.store import Store
from intake.unlock_guard import UnlockGuard
from tests.conftest import PASSPHRASE
from tests.samples import make_testimony
from tests.ui.conftest import FakeClock, run_on_store
from ui.messages import Button, MessageBox
from ui.unlock import PAGE_NO_STORE, PAGE_PASSPHRASE, Throttle, UnlockPage


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def window(qtbot, session, settings, clock):
    """The main window with the production schedule on a fake clock: no waiting in real
    time, and no race between a short real delay and the assertions."""
    from ui.locking import ActivityFilter
    from ui.main_window import MainWindow

    activity = ActivityFilter(None, timeout_ms=60_000)
    w = MainWindow(session, settings, activity=activity, throttle=Throttle(clock=clock))
    qtbot.addWidget(w)
    w.show()
    w.clock = clock
    yield w
    activity.uninstall()


def _locked_window(qtbot, window):
    s = window.session
    got = {}
    s.create(encode_passphrase(PASSPHRASE), "Field team A",
             success=lambda k: got.update(key=k.display()))
    qtbot.waitUntil(lambda: "key" in got, timeout=10_000)
    window.lock()
    qtbot.waitUntil(lambda: s.ops.idle and window.stack.currentWidget() is window.unlock_page)
    return got["key"]


def _fail(qtbot, page, text="not the passphrase"):
    before = page.throttle.failures
    page.window().clock.now += 1000  # past any delay
    page._update()
    page.field.setText(text)
    page.submit()
    qtbot.waitUntil(lambda: not page.busy and page.throttle.failures == before + 1,
                    timeout=10_000)


def test_three_free_tries_then_a_delay_then_the_right_one_unlocks(qtbot, window):
    _locked_window(qtbot, window)
    page = window.unlock_page
    for n in (1, 2, 3):
        _fail(qtbot, page)
        assert "Wrong passphrase" in page.status.text()
        assert page.field.text() == "not the passphrase"
        assert page.field.selectedText() == "not the passphrase"
        if n < 3:
            assert page.unlock_button.isEnabled()  # typos are free
    assert window.stack.currentWidget() is page
    assert not page.unlock_button.isEnabled()  # the guard's delay is running
    assert "Try again in 1 s" in page.status.text()
    page.field.setText(PASSPHRASE)
    page.submit()
    assert not page.busy  # refused during the delay
    window.clock.now += 1
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=5_000)
    page.submit()
    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=10_000)
    assert window.stack.currentWidget() is window.workspace
    assert page.field.text() == "" and page.status.text() == ""
    assert not (window.session.store_dir / "unlock-guard").exists()  # success forgets all


def test_unlock_runs_off_the_ui_thread(qtbot, window):
    _locked_window(qtbot, window)
    page = window.unlock_page
    page.field.setText(PASSPHRASE)
    page.submit()
    assert page.busy and page.spinner.isVisibleTo(page)  # returned at once, still working
    assert page.field.isReadOnly()
    qtbot.waitUntil(lambda: window.session.is_unlocked, timeout=10_000)


def test_the_delay_survives_a_restart_of_the_app(qtbot, window, make_session, policy):
    """Failures are kept in the store's guard file: a new app (session and page) on the same
    store still makes the next guess wait, and submitting during the wait does nothing."""
    _locked_window(qtbot, window)
    for _ in range(4):
        _fail(qtbot, window.unlock_page)
    clock = FakeClock()  # a new process: its own clock
    restarted = make_session()  # same tmp dir and name: the same store
    assert restarted.store_dir == window.session.store_dir
    state = UnlockGuard(restarted.store_dir).state()
    assert state.failures == 4
    clock.now = state.last_failure + 0.5
    page = UnlockPage(restarted, throttle=Throttle(clock=clock))  # production schedule
    qtbot.addWidget(page)
    page.show()
    assert page.throttle.remaining() == pytest.approx(1.5)  # 4th failure: 2 s
    assert not page.unlock_button.isEnabled() and "Try again in 2 s" in page.status.text()
    page.field.setText(PASSPHRASE)
    page.submit()
    assert not page.busy and not restarted.is_unlocked
    clock.now += 2
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=5_000)
    page.submit()
    qtbot.waitUntil(lambda: restarted.is_unlocked, timeout=10_000)
    assert UnlockGuard(restarted.store_dir).state().failures == 0


def test_the_schedule_is_the_guards_and_is_capped(tmp_path, new_store):
    store, _ = new_store()
    clock = FakeClock()
    throttle = Throttle(clock=clock)
    guard = throttle.bind(store.paths.root)
    waits = []
    for _ in range(13):
        assert guard.before_attempt() == 0
        guard.record_failure()
        waits.append(throttle.remaining())
        clock.now += 1000
    assert waits == [0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    assert throttle.failures == 13 and throttle.tries_before_wipe() is None


def test_the_wipe_warning_counts_down_and_the_wipe_erases(qtbot, window, recorded_messages):
    _locked_window(qtbot, window)
    page = window.unlock_page
    root = window.session.store_dir
    UnlockGuard(root).set_wipe_after(4)  # as Settings does, with the store unlocked
    page.refresh()
    assert page.wipe_warning.isVisibleTo(page)
    assert "erased after 4 more wrong passphrases" in page.wipe_warning.text()
    _fail(qtbot, page)
    assert "after 3 more" in page.wipe_warning.text()
    _fail(qtbot, page)
    _fail(qtbot, page)
    assert "one more wrong passphrase erases this store" in page.wipe_warning.text()
    window.clock.now += 1000
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=5_000)
    page.field.setText("still not it")
    page.submit()
    qtbot.waitUntil(lambda: not page.busy and bool(recorded_messages), timeout=10_000)
    assert recorded_messages[-1].kind == "critical"
    assert "has been erased" in recorded_messages[-1].text
    assert not window.session.store_exists() and not (root / "keys").exists()
    assert page.pages.currentIndex() == PAGE_NO_STORE
    assert "No store" in page.title.text()
    assert not page.wipe_warning.isVisibleTo(page)


def test_no_warning_when_the_wipe_is_off(qtbot, window):
    _locked_window(qtbot, window)
    page = window.unlock_page
    _fail(qtbot, page)
    assert not page.wipe_warning.isVisibleTo(page)


def test_a_damaged_key_file_is_not_counted_as_a_wrong_guess(qtbot, window):
    _locked_window(qtbot, window)
    page = window.unlock_page
    keys = window.session.store_dir / "keys"
    keys.write_bytes(b"{ not json")
    page.field.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert page.status.text() and "Wrong passphrase" not in page.status.text()
    assert "Traceback" not in page.status.text()
    assert page.throttle.failures == 0


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
    with pytest.raises(WrongPassphrase):
        Store.open(root, encode_passphrase(PASSPHRASE), policy=policy)
    Store.open_with_recovery(root, RecoveryKey.parse(key), policy=policy).close()


def test_a_recovery_key_of_another_store_is_refused_and_not_counted(qtbot, window, new_store):
    _locked_window(qtbot, window)
    _other, other_key = new_store("other")
    page = window.unlock_page
    page.show_recovery(True)
    page.key_field.setText(other_key.display())
    page.new_field.setText("orange kettle whisper mountain seven")
    page.repeat_field.setText("orange kettle whisper mountain seven")
    qtbot.waitUntil(page.recover_button.isEnabled)
    page.submit_recovery()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert "does not open this store" in page.status.text()
    assert not window.session.is_unlocked
    assert page.throttle.failures == 0  # 128 random bits: not rate-limited, as in the CLI


def test_the_quick_check_at_unlock_names_the_damage_and_offers_the_full_check(
        qtbot, window, recorded_messages):
    _locked_window(qtbot, window)
    s = window.session
    page = window.unlock_page
    page.field.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: s.is_unlocked and s.ops.idle, timeout=10_000)

    def add_with_attachment(store):
        t = store.add(make_testimony())
        return store.attach(t.id, io.BytesIO(b"photo bytes"), name="photo.jpg")

    run_on_store(qtbot, s, add_with_attachment)
    (blob,) = (s.store_dir / "blobs").iterdir()
    window.lock()
    qtbot.waitUntil(lambda: s.ops.idle and not s.is_unlocked)
    blob.unlink()
    recorded_messages.clear()
    MessageBox.set_next_answer(Button.Yes)  # run the full check now
    page.field.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: len(recorded_messages) >= 2, timeout=10_000)
    assert s.is_unlocked and window.stack.currentWidget() is window.workspace
    quick, full = recorded_messages[:2]
    assert quick.kind == "question" and f"blobs/{blob.name} is missing" in quick.text
    assert full.kind == "warning" and "damaged" in full.text and blob.name in full.text


def test_a_sound_store_unlocks_without_a_word(qtbot, window, recorded_messages):
    _locked_window(qtbot, window)
    page = window.unlock_page
    page.field.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: window.session.is_unlocked and window.session.ops.idle,
                    timeout=10_000)
    assert recorded_messages == []
    assert window.session.info.problems == ()


def test_with_no_store_the_page_offers_create_and_restore(qtbot, session):
    page = UnlockPage(session)
    qtbot.addWidget(page)
    page.show()
    assert page.pages.currentIndex() == PAGE_NO_STORE
    assert page.no_store.create_button.isVisible() and page.no_store.restore_button.isVisible()
    assert str(session.store_dir) in page.no_store.explain.text()


def test_the_guard_file_holds_counts_only(qtbot, window):
    _locked_window(qtbot, window)
    _fail(qtbot, window.unlock_page, "secret guess 말")
    doc = json.loads((window.session.store_dir / "unlock-guard").read_text())
    assert set(doc) == {"format", "failures", "last_failure", "wipe_after"}
    assert window.unlock_page.pages.currentIndex() == PAGE_PASSPHRASE
