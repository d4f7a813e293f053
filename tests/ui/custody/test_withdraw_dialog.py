"""The withdrawal dialog on a real store: recipients listed, notices written, store changed
only after confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from intake.custody import ledger
from tests.ui.conftest import run_on_store
from ui.custody.withdraw_dialog import WithdrawDialog
from ui.messages import Button, MessageBox


def make(qtbot, session, tid, folder=""):
    dialog = WithdrawDialog(session, tid, folder_chooser=lambda _parent: folder)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.confirm.isEnabled, timeout=10_000)
    return dialog


def test_withdrawing_writes_one_notice_per_recipient(desk, open_session, qtbot, tmp_path,
                                                     recorded_messages):
    session = open_session(desk.field)
    out = tmp_path / "notices"
    out.mkdir()
    dialog = make(qtbot, session, desk.exported, str(out))
    assert dialog.holders.count() == 1 and "법률팀 Legal" in dialog.holders.item(0).text()
    assert "S-0142" in dialog.intro.text()
    qtbot.mouseClick(dialog.findChild(type(dialog.confirm), "confirmWithdraw"),
                     Qt.MouseButton.LeftButton)
    assert recorded_messages[-1].kind == "warning"  # no folder chosen yet
    dialog._browse()
    assert dialog.folder.text() == str(out)
    dialog.note.setPlainText("전화로 철회함")
    MessageBox.set_next_answer(Button.Yes)
    with qtbot.waitSignal(dialog.withdrawn, timeout=10_000) as got:
        dialog.confirm.click()
    result = got.args[0]
    assert [p.name for p in out.iterdir()] == [result.notices[0].path.name]
    assert "법률팀 Legal" in dialog.outcome.text() and dialog.outcome.isVisible() is False \
        or dialog.outcome.text()
    stored = run_on_store(qtbot, session, lambda s: s.get(desk.exported))
    assert stored.consent.withdrawn == result.withdrawn
    rows = run_on_store(qtbot, session, lambda s: ledger.transfers(s, desk.exported))
    assert rows[0].notices[0].notice_id == result.notices[0].notice_id
    dialog.confirm.click()  # now "Close"
    assert dialog.result() == dialog.DialogCode.Accepted


def test_saying_no_changes_nothing(desk, open_session, qtbot, tmp_path, recorded_messages):
    session = open_session(desk.field)
    dialog = make(qtbot, session, desk.exported, str(tmp_path))
    dialog._browse()
    MessageBox.set_next_answer(Button.No)
    dialog.confirm.click()
    assert recorded_messages[-1].kind == "question"
    stored = run_on_store(qtbot, session, lambda s: s.get(desk.exported))
    assert stored.consent.withdrawn is None and stored.revision == 1


def test_a_testimony_never_sent_needs_no_folder(desk, open_session, qtbot):
    session = open_session(desk.field)
    dialog = make(qtbot, session, desk.kept)
    assert dialog.holders.count() == 0 and "no notice is needed" in dialog.intro.text()
    MessageBox.set_next_answer(Button.Yes)
    with qtbot.waitSignal(dialog.withdrawn, timeout=10_000) as got:
        dialog.confirm.click()
    assert got.args[0].notices == () and got.args[0].newly_withdrawn


def test_a_note_too_long_is_refused_before_anything_runs(desk, open_session, qtbot, tmp_path,
                                                         recorded_messages):
    session = open_session(desk.field)
    dialog = make(qtbot, session, desk.exported, str(tmp_path))
    dialog._browse()
    dialog.note.setPlainText("x" * 5000)
    dialog.confirm.click()
    assert recorded_messages[-1].kind == "warning" and "too long" in recorded_messages[-1].text
    assert run_on_store(qtbot, session, lambda s: s.get(desk.exported)).revision == 1


def test_an_unknown_testimony_fails_with_a_message(desk, open_session, qtbot,
                                                   recorded_messages):
    session = open_session(desk.field)
    dialog = WithdrawDialog(session, "00000000-0000-4000-8000-000000000000")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(recorded_messages), timeout=10_000)
    assert "no testimony" in recorded_messages[-1].text


def test_locking_closes_the_dialog(desk, open_session, qtbot):
    session = open_session(desk.field)
    dialog = make(qtbot, session, desk.exported)
    dialog.show()
    session.lock()
    assert not dialog.isVisible()
