"""The main window wired to the record widgets, on a real store: new, save, read, attach, lock."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.samples import sample_dict
from tests.ui.conftest import run_on_store


@pytest.fixture
def opened(opened_window):
    return opened_window


def _rows(window) -> int:
    return window.workspace.list_view.model.rowCount()


def test_status_bar_and_actions_follow_the_lock(qtbot, opened):
    info = opened.session.info
    assert info.label in opened.store_label.text()
    assert info.fingerprint in opened.store_label.text()
    assert opened.new_action.isEnabled() and opened.lock_action.isEnabled()
    assert not opened.save_action.isEnabled()
    opened.lock()
    qtbot.waitUntil(lambda: opened.session.ops.idle)
    assert opened.store_label.text() == ""
    assert not opened.new_action.isEnabled() and not opened.toolbar.isVisible()


def test_new_testimony_saved_from_the_editor_appears_in_the_list_and_detail(qtbot, opened):
    ws = opened.workspace
    opened.new_action.trigger()
    assert ws.editing and opened.save_action.isEnabled()
    ws.editor.saveRequested.emit(sample_dict())
    qtbot.waitUntil(lambda: not ws.editing and _rows(opened) == 1, timeout=10_000)
    assert ws.current is not None and ws.current.survivor.pseudonym == "S-0142"
    assert ws.current.revision == 1
    assert "Saved revision 1" in opened.statusBar().currentMessage()


def test_an_invalid_testimony_is_not_saved_and_says_which_field(qtbot, opened,
                                                                recorded_messages):
    ws = opened.workspace
    ws.new_testimony()
    ws.editor.saveRequested.emit(sample_dict(survivor={"pseudonym": ""}))
    assert ws.editing
    assert "survivor.pseudonym" in recorded_messages[-1].text
    assert run_on_store(qtbot, opened.session, lambda s: s.count()) == 0


def test_editing_saves_a_new_revision(qtbot, opened):
    ws = opened.workspace
    stored = run_on_store(qtbot, opened.session,
                          lambda s: s.add(__import__("tests.samples").samples.make_testimony()))
    ws.load()
    qtbot.waitUntil(lambda: _rows(opened) == 1)
    ws.edit(stored.id)
    qtbot.waitUntil(lambda: ws.editing)
    body = stored.to_dict()
    body["narrative"] += " 추가 진술."
    ws.editor.saveRequested.emit(body)
    qtbot.waitUntil(lambda: not ws.editing and ws.current is not None, timeout=10_000)
    assert ws.current.revision == 2 and ws.current.narrative.endswith("추가 진술.")


def test_attachments_are_encrypted_in_and_open_in_the_viewer(qtbot, opened, tmp_path):
    ws = opened.workspace
    stored = run_on_store(qtbot, opened.session,
                          lambda s: s.add(__import__("tests.samples").samples.make_testimony()))
    ws.load()
    qtbot.waitUntil(lambda: _rows(opened) == 1)
    ws.select(stored.id)
    qtbot.waitUntil(lambda: ws.current is not None)
    note = tmp_path / "note.txt"
    note.write_bytes("면담 메모".encode())
    ws.detail.attachmentsAddRequested.emit([note])
    qtbot.waitUntil(lambda: ws.current is not None and len(ws.current.attachments) == 1,
                    timeout=10_000)
    ref = ws.current.attachments[0]
    ws.detail.attachmentOpenRequested.emit(ref.id)
    qtbot.waitUntil(lambda: ws.viewer is not None and ws.viewer.isVisible(), timeout=10_000)


def test_lock_makes_every_widget_drop_testimony_data(qtbot, opened):
    ws = opened.workspace
    stored = run_on_store(qtbot, opened.session,
                          lambda s: s.add(__import__("tests.samples").samples.make_testimony()))
    ws.load()
    qtbot.waitUntil(lambda: _rows(opened) == 1)
    ws.select(stored.id)
    qtbot.waitUntil(lambda: ws.current is not None)
    opened.lock()
    qtbot.waitUntil(lambda: opened.session.ops.idle and not opened.session.is_unlocked)
    assert _rows(opened) == 0 and ws.current is None
    assert ws.detail.testimony_id() is None
    texts = " ".join(w.text() for w in opened.findChildren(type(opened.store_label))
                     if hasattr(w, "text"))
    assert "S-0142" not in texts and "단둥" not in texts
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [opened]
