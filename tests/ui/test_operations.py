"""The worker: serial, off the UI thread, callbacks on the UI thread, one place for failures."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from intake.errors import Cancelled, InvalidInput
from ui.messages import Button, MessageBox
from ui.operations import Operations


@pytest.fixture
def ops(qapp):
    o = Operations(progress_delay_ms=50)
    yield o
    o.cancel_all()
    o.shutdown()


def test_work_runs_off_the_ui_thread_and_success_runs_on_it(qtbot, ops):
    seen = {}
    ui_thread = threading.get_ident()

    def work(_h):
        seen["worker"] = threading.get_ident()
        return 42

    ops.submit(work, success=lambda v: seen.update(value=v, cb=threading.get_ident()))
    qtbot.waitUntil(lambda: ops.idle)
    assert seen["value"] == 42
    assert seen["worker"] != ui_thread
    assert seen["cb"] == ui_thread


def test_work_is_serial_and_in_order(qtbot, ops):
    order, threads = [], set()

    def step(i):
        def work(_h):
            threads.add(threading.get_ident())
            order.append(i)
        return work

    for i in range(25):
        ops.submit(step(i))
    qtbot.waitUntil(lambda: ops.idle)
    assert order == list(range(25))
    assert len(threads) == 1


def test_an_intake_error_nobody_handles_is_shown_as_its_text(qtbot, ops, recorded_messages):
    def work(_h):
        raise InvalidInput("survivor.pseudonym", "must not be empty")

    ops.submit(work)
    qtbot.waitUntil(lambda: ops.idle)
    assert [(m.kind, m.text) for m in recorded_messages] == [
        ("warning", "survivor.pseudonym: must not be empty")]


def test_an_unexpected_error_shows_a_generic_line_without_its_text(qtbot, ops, recorded_messages):
    def work(_h):
        raise RuntimeError("김철수 crossed at 단둥 CANARY")

    ops.submit(work)
    qtbot.waitUntil(lambda: ops.idle)
    (message,) = recorded_messages
    assert message.kind == "critical"
    assert "RuntimeError" in message.text
    assert "CANARY" not in message.text and "단둥" not in message.text
    assert "Traceback" not in message.text


def test_failure_callback_takes_the_error_and_nothing_is_shown(qtbot, ops, recorded_messages):
    got = []
    ops.submit(lambda _h: 1 / 0, failure=got.append)
    qtbot.waitUntil(lambda: ops.idle)
    assert isinstance(got[0], ZeroDivisionError)
    assert recorded_messages == []


def test_cancelled_is_silent(qtbot, ops, recorded_messages):
    def work(_h):
        raise Cancelled("cancelled")

    ops.submit(work)
    qtbot.waitUntil(lambda: ops.idle)
    assert recorded_messages == []


def test_progress_reports_reach_the_ui_thread(qtbot, ops):
    seen = []

    def work(h):
        for i in range(1, 5):
            h.report(i / 4, f"step {i}")
        return "done"

    ops.submit(work, progress=lambda f, t: seen.append((f, t, threading.get_ident())))
    qtbot.waitUntil(lambda: ops.idle)
    assert [(f, t) for f, t, _ in seen] == [(0.25, "step 1"), (0.5, "step 2"),
                                             (0.75, "step 3"), (1.0, "step 4")]
    assert {tid for *_, tid in seen} == {threading.get_ident()}


def _dialogs():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_slow_work_shows_a_progress_dialog_whose_cancel_reaches_the_work(qtbot, ops):
    started, result = threading.Event(), {}

    def work(h):
        started.set()
        h.report(0.3, "Encrypting…")
        while not h.cancelled():
            threading.Event().wait(0.005)
        raise Cancelled("cancelled")

    handle = ops.submit(work, progress_title="Working", failure=lambda e: result.update(e=e))
    qtbot.waitUntil(lambda: len(_dialogs()) == 1)
    dialog = _dialogs()[0]
    assert dialog.labelText() == "Encrypting…"
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ops.idle)
    assert handle.cancelled()
    assert isinstance(result["e"], Cancelled)
    assert _dialogs() == []


def test_quick_work_never_shows_a_dialog(qtbot, ops):
    appeared = []
    ops.submit(lambda _h: None, progress_title="Quick",
               success=lambda _v: appeared.append(bool(_dialogs())))
    qtbot.waitUntil(lambda: ops.idle)
    qtbot.wait(120)  # longer than the 50 ms delay: the timer must have been stopped
    assert appeared == [False] and _dialogs() == []


def test_cancel_all_drops_queued_work(qtbot, ops):
    gate, ran, failures = threading.Event(), [], []
    ops.submit(lambda _h: gate.wait(5))
    for i in range(3):
        ops.submit(lambda _h, i=i: ran.append(i), failure=failures.append)
    ops.cancel_all()
    gate.set()
    qtbot.waitUntil(lambda: ops.idle)
    assert ran == []
    assert len(failures) == 3 and all(isinstance(f, Cancelled) for f in failures)


def test_message_box_can_be_pre_answered(recorded_messages):
    MessageBox.set_next_answer(Button.Yes)
    assert MessageBox.question(None, "t", "Restore?") == Button.Yes
    assert MessageBox.question(None, "t", "Again?") == Button.No  # the default
    assert [m.text for m in recorded_messages] == ["Restore?", "Again?"]
