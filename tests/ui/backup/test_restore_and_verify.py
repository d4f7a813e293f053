"""Verifying and restoring backups from the app, and the full store check: real backups,
real stores; every bad input gets one clear line and leaves nothing behind."""

from __future__ import annotations

import os

import pytest

from tests.conftest import PASSPHRASE
from tests.ui.conftest import run_on_store
from ui.backup import RestoreDialog, VerifyBackupDialog, open_check_store
from ui.unlock import UnlockPage


def _start(qtbot, dialog, path, secret=PASSPHRASE, *, recovery=False):
    dialog.file_edit.setText(str(path))
    if recovery:
        dialog.secret.use_recovery.setChecked(True)
        dialog.secret.recovery.setText(secret)
    else:
        dialog.secret.passphrase.setText(secret)
    assert dialog.action_button.isEnabled()
    dialog.action_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.secret.passphrase.text() == "" and (
        dialog.secret.recovery.text() == "" or "typo" in dialog.status.text())
    return dialog.status.text()


@pytest.fixture
def verify_dialog(qtbot, filled):
    d = VerifyBackupDialog(filled)
    qtbot.addWidget(d)
    d.show()
    return d


def test_a_good_backup_verifies_with_the_passphrase_or_the_recovery_key(
        qtbot, filled, backup_file, verify_dialog):
    assert "intact and opens" in _start(qtbot, verify_dialog, backup_file)
    assert verify_dialog.summary.blobs == 1
    text = _start(qtbot, verify_dialog, backup_file, filled.recovery_text, recovery=True)
    assert "intact and opens" in text


def _bad_backups(tmp_path, good: bytes):
    d = tmp_path / "bad"
    d.mkdir()
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x01
    cases = {"empty": b"", "truncated": good[: len(good) // 3], "flipped": bytes(flipped),
             "random": os.urandom(8192), "utf16": "백업".encode("utf-16") * 2000,
             "extended": good + b"\0" * 1024 + b"extra"}
    paths = {}
    for name, data in cases.items():
        paths[name] = d / f"{name}.tibak"
        paths[name].write_bytes(data)
    paths["directory"] = d
    paths["missing"] = d / "missing.tibak"
    return paths


def test_bad_backups_are_refused_in_one_line(qtbot, filled, backup_file, verify_dialog,
                                             tmp_path):
    for name, path in _bad_backups(tmp_path, backup_file.read_bytes()).items():
        text = _start(qtbot, verify_dialog, path)
        assert text.startswith("The backup did not verify:"), (name, text)
        assert "\n" not in text and "Traceback" not in text, (name, text)


def test_a_wrong_passphrase_or_a_mistyped_key_is_said_plainly(qtbot, filled, backup_file,
                                                             verify_dialog):
    text = _start(qtbot, verify_dialog, backup_file, "not the passphrase")
    assert "does not open this backup" in text
    text = _start(qtbot, verify_dialog, backup_file, "ABCD-EFGH", recovery=True)
    assert "typo" in text
    assert verify_dialog.secret.recovery.text() == "ABCD-EFGH"  # kept, to be corrected


def test_an_empty_secret_cannot_start(qtbot, filled, backup_file, verify_dialog):
    verify_dialog.file_edit.setText(str(backup_file))
    assert not verify_dialog.action_button.isEnabled()
    verify_dialog.secret.passphrase.setText(" ")
    assert not verify_dialog.action_button.isEnabled()


# -- restore -----------------------------------------------------------------------------


@pytest.fixture
def empty_session(make_session):
    return make_session("restored")


def _restore_dialog(qtbot, session):
    d = RestoreDialog(session)
    qtbot.addWidget(d)
    d.show()
    return d


def test_restore_into_an_empty_location_then_unlock(qtbot, filled, backup_file, empty_session,
                                                    policy):
    page = UnlockPage(empty_session)
    qtbot.addWidget(page)
    page.show()
    dialog = _restore_dialog(qtbot, empty_session)
    text = _start(qtbot, dialog, backup_file)
    assert text.startswith("Restored:") and "passphrase of the backup" in text
    assert dialog.restored and not dialog.action_button.isEnabled()
    assert empty_session.store_exists()
    page.refresh()
    page.field.setText(PASSPHRASE)
    page.submit()
    qtbot.waitUntil(lambda: empty_session.is_unlocked, timeout=10_000)
    ids = run_on_store(qtbot, empty_session, lambda s: s.ids())
    assert ids == [filled.testimony_id]


def test_restore_with_the_recovery_key_says_to_set_a_passphrase(qtbot, filled, backup_file,
                                                                empty_session):
    dialog = _restore_dialog(qtbot, empty_session)
    text = _start(qtbot, dialog, backup_file, filled.recovery_text, recovery=True)
    assert "Restored" in text and "recovery key" in text


def test_restore_never_goes_over_an_existing_store(qtbot, filled, backup_file):
    dialog = _restore_dialog(qtbot, filled)
    dialog.file_edit.setText(str(backup_file))
    dialog.secret.passphrase.setText(PASSPHRASE)
    assert not dialog.action_button.isEnabled()
    assert "already a store here" in dialog.status.text()


def test_a_bad_or_cancelled_restore_leaves_nothing(qtbot, filled, backup_file, empty_session,
                                                   tmp_path, hold_worker):
    bad = _bad_backups(tmp_path, backup_file.read_bytes())
    parent = empty_session.store_dir.parent
    before = sorted(p.name for p in parent.iterdir())
    dialog = _restore_dialog(qtbot, empty_session)
    for name, path in bad.items():
        text = _start(qtbot, dialog, path)
        assert text.startswith("Nothing was restored:") and "\n" not in text, (name, text)
        assert not empty_session.store_exists()
    assert "does not open" in _start(qtbot, dialog, backup_file, "wrong passphrase")

    release = hold_worker(empty_session)
    dialog.file_edit.setText(str(backup_file))
    dialog.secret.passphrase.setText(PASSPHRASE)
    dialog.action_button.click()
    dialog.handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "Cancelled. Nothing was restored." in dialog.status.text()
    assert sorted(p.name for p in parent.iterdir()) == before  # no store, no staging dir


def test_the_no_store_panel_restores(qtbot, filled, backup_file, empty_session, monkeypatch):
    """The unlock screen's "Restore from a backup…" opens the restore dialog; once it has
    restored, the screen asks for the passphrase."""
    page = UnlockPage(empty_session)
    qtbot.addWidget(page)
    page.show()
    seen = {}

    def run_modal(dialog):
        seen["dialog"] = dialog
        _start(qtbot, dialog, backup_file)
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", run_modal)
    page.no_store.restore_button.click()
    assert seen["dialog"].restored
    assert page.pages.currentIndex() == 0 and page.title.text() == "The store is locked"


# -- the full check ------------------------------------------------------------------------


def test_the_full_check_says_the_store_is_intact(qtbot, filled, recorded_messages):
    open_check_store(None, filled)
    qtbot.waitUntil(lambda: bool(recorded_messages), timeout=20_000)
    shown = recorded_messages[-1]
    assert shown.kind == "information" and "intact" in shown.text
    assert "1 attachments" in shown.text


def test_the_full_check_names_a_damaged_blob(qtbot, filled, recorded_messages):
    (blob,) = (filled.store_dir / "blobs").iterdir()
    data = bytearray(blob.read_bytes())
    data[-10] ^= 0xFF
    blob.write_bytes(bytes(data))
    open_check_store(None, filled)
    qtbot.waitUntil(lambda: bool(recorded_messages), timeout=20_000)
    shown = recorded_messages[-1]
    assert shown.kind == "warning" and "damaged" in shown.text and "attachment" in shown.text


def test_a_cancelled_check_says_nothing(qtbot, filled, recorded_messages, hold_worker):
    release = hold_worker(filled)
    handle = open_check_store(None, filled)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: filled.ops.idle, timeout=20_000)
    assert recorded_messages == []


