"""Autosaved drafts survive a killed process and are offered back on the next unlock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import intake
from tests.conftest import PASSPHRASE
from tests.ui.conftest import run_on_store
from ui.messages import Button, MessageBox

ROOT = Path(intake.__file__).resolve().parents[1]  # the tree whose intake/ this test imports


def test_a_draft_autosaved_before_sigkill_is_offered_back(qtbot, tmp_path, new_store, window,
                                                         recorded_messages):
    store, _key = new_store("store")
    store.close()
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("draft_child.py")),
         str(tmp_path / "store"), PASSPHRASE],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(ROOT), os.environ.get("PYTHONPATH", "")])})
    try:
        line = child.stdout.readline()
        assert line.strip() == "autosaved 1", child.stderr.read()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    from crypto.passphrase import encode_passphrase

    MessageBox.set_next_answer(Button.Yes)
    window.unlock_page.field.setText(PASSPHRASE)
    window.unlock_page.submit()
    qtbot.waitUntil(lambda: window.workspace.editing, timeout=10_000)
    question = [m for m in recorded_messages if m.kind == "question"][0]
    assert question.text.startswith("Restore unsaved work from")
    assert "S-0999" in question.text
    del encode_passphrase

    # Saving the restored work discards the draft; the testimony is stored.
    window.workspace.save({"schema": "testimony/1", "survivor": {"pseudonym": "S-0999"},
                           "narrative": "회령에서 단둥으로 건너갔다"})
    qtbot.waitUntil(lambda: window.session.ops.idle, timeout=10_000)
    assert not window.workspace.editing, recorded_messages
    drafts, pseudonyms = run_on_store(
        qtbot, window.session, lambda s: (s.drafts(), [x.pseudonym for x in s.summaries()]))
    assert drafts == [] and pseudonyms == ["S-0999"]


def test_declining_a_draft_discards_it_and_cancel_keeps_it(qtbot, window, new_store,
                                                          recorded_messages):
    store, _key = new_store("store")
    store.save_draft("new-a", {"survivor": {"pseudonym": "A"}})
    store.save_draft("new-b", {"survivor": {"pseudonym": "B"}})
    store.close()
    MessageBox.set_next_answer(Button.No)      # A: discard
    MessageBox.set_next_answer(Button.Cancel)  # B: keep for later
    window.unlock_page.field.setText(PASSPHRASE)
    window.unlock_page.submit()
    qtbot.waitUntil(lambda: len(recorded_messages) == 2, timeout=10_000)
    keys = run_on_store(qtbot, window.session, lambda s: [d.key for d in s.drafts()])
    assert keys == ["new-b"]
    assert not window.workspace.editing


def test_locking_while_editing_keeps_the_typed_state_as_a_draft(qtbot, window, new_store,
                                                              monkeypatch):
    store, _key = new_store("store")
    store.close()
    window.unlock_page.field.setText(PASSPHRASE)
    window.unlock_page.submit()
    qtbot.waitUntil(lambda: window.session.is_unlocked and window.session.ops.idle,
                    timeout=10_000)
    ws = window.workspace
    ws.new_testimony()
    body = {"schema": "testimony/1", "survivor": {"pseudonym": "S-0777"}}
    monkeypatch.setattr(ws.editor, "is_modified", lambda: True)
    monkeypatch.setattr(ws.editor, "current_dict", lambda: body)
    window.lock()
    qtbot.waitUntil(lambda: window.session.ops.idle and not window.session.is_unlocked)
    assert not ws.editing
    from crypto.passphrase import encode_passphrase
    from intake.store import Store

    with Store.open(window.session.store_dir, encode_passphrase(PASSPHRASE),
                    policy=window.session.policy) as s:
        assert [d.body for d in s.drafts()] == [body]
