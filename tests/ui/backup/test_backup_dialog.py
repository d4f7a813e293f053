"""Backing up from the app: written on the worker, verified, and nothing left when it fails."""

from __future__ import annotations

import pytest

from intake.backup import verify_backup
from intake.cli.passphrase import from_text
from tests.conftest import PASSPHRASE
from tests.ui.conftest import run_on_store
from ui.backup import BackupDialog, open_backup
from ui.messages import Button, MessageBox


def _dialog(qtbot, session, path):
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(path))
    return dialog


def _run(qtbot, dialog):
    assert dialog.action_button.isEnabled()
    dialog.action_button.click()
    assert dialog.busy and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    return dialog.status.text()


def test_a_backup_is_written_then_verified_and_opens_with_the_passphrase(
        qtbot, filled, tmp_path, policy):
    out = tmp_path / "usb" / "store.tibak"
    out.parent.mkdir()
    dialog = _dialog(qtbot, filled, out)
    text = _run(qtbot, dialog)
    assert "written and verified" in text and str(out) in text
    assert dialog.verified and dialog.result_info.members >= 3
    summary = verify_backup(out, from_text(PASSPHRASE), policy=policy)
    assert summary.blobs == 1
    actions = run_on_store(qtbot, filled, lambda s: [e.action for e in s.audit.entries()])
    assert actions[-1] == "store.backup"


def test_the_default_name_has_a_date_and_nothing_else(qtbot, filled):
    dialog = BackupDialog(filled)
    qtbot.addWidget(dialog)
    name = dialog.path.name
    assert name.startswith("testimony-store-") and name.endswith(".tibak")
    assert "Field team" not in name


def test_a_cancelled_backup_leaves_no_file(qtbot, filled, tmp_path, hold_worker):
    out = tmp_path / "store.tibak"
    dialog = _dialog(qtbot, filled, out)
    release = hold_worker(filled)
    dialog.action_button.click()
    dialog.handle.cancel()  # what the progress dialog's Cancel does
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "Cancelled" in dialog.status.text() and "No backup was written" in dialog.status.text()
    assert not out.exists() and list(tmp_path.glob("*.tibak*")) == []


@pytest.mark.parametrize("where", ["inside-the-store", "no-such-dir", "a-directory"])
def test_a_backup_inside_the_store_or_nowhere_fails_in_one_line(qtbot, filled, tmp_path,
                                                                where):
    bad = {"inside-the-store": filled.store_dir / "inside.tibak",
           "no-such-dir": tmp_path / "no-such-dir" / "x.tibak",
           "a-directory": tmp_path}[where]
    dialog = _dialog(qtbot, filled, bad)
    text = _run(qtbot, dialog)
    assert text.startswith("No backup was written:") and "\n" not in text
    assert "Traceback" not in text
    assert bad.is_dir() if where == "a-directory" else not bad.exists()


def test_an_empty_file_name_cannot_start(qtbot, filled):
    dialog = _dialog(qtbot, filled, "")
    assert not dialog.action_button.isEnabled()
    dialog.file_edit.setText("   ")
    assert not dialog.action_button.isEnabled()


def test_an_existing_file_is_replaced_only_when_the_user_says_so(qtbot, filled, tmp_path,
                                                                 recorded_messages):
    out = tmp_path / "old.tibak"
    out.write_bytes(b"the previous backup")
    dialog = _dialog(qtbot, filled, out)
    MessageBox.set_next_answer(Button.No)
    dialog.action_button.click()
    assert not dialog.busy and out.read_bytes() == b"the previous backup"
    assert "Replace it" in recorded_messages[-1].text
    MessageBox.set_next_answer(Button.Yes)
    assert "verified" in _run(qtbot, dialog)
    assert out.read_bytes() != b"the previous backup"


def test_locking_closes_the_dialog(qtbot, filled, tmp_path):
    dialog = open_backup(None, filled)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    filled.lock()
    qtbot.waitUntil(lambda: not dialog.isVisible())
