"""Settings hold only four keys; Qt's own settings go elsewhere; the CLI path has no Qt."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.conftest import PASSPHRASE
from ui.app import choose_store_dir
from ui.settings import IDLE_LOCK_MINUTES, KEYS, LANGUAGE, STORE_PATH, AppSettings, Key
from ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]


def _keys_in(path: Path) -> set[str]:
    parser = configparser.ConfigParser()
    parser.read(path, encoding="utf-8")
    return {f"{s}/{k}" for s in parser.sections() for k in parser[s]}


def test_settings_refuse_keys_they_do_not_declare(settings):
    with pytest.raises(KeyError):
        settings.set(Key("recent/files", str, ""), "/home/x/interview.m4a")
    with pytest.raises(ValueError):
        settings.set(LANGUAGE, "fr")
    settings.set(IDLE_LOCK_MINUTES, 100_000)
    assert settings.get(IDLE_LOCK_MINUTES) == IDLE_LOCK_MINUTES.high


def test_stray_keys_in_the_file_are_dropped(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[recent]\nfiles=/secret/interview.m4a\n[ui]\nlanguage=ko\n")
    s = AppSettings(path)
    s.sync()
    assert _keys_in(path) == {"ui/language"}
    assert "interview" not in path.read_text()


def test_after_a_whole_session_the_file_holds_only_declared_keys(qtbot, qapp, window, settings,
                                                               recorded_messages):
    from crypto.passphrase import encode_passphrase

    session = window.session
    session.create(encode_passphrase(PASSPHRASE), "Secret Team Label",
                   success=lambda _k: None)
    qtbot.waitUntil(lambda: session.is_unlocked and session.ops.idle, timeout=10_000)
    settings.set(STORE_PATH, str(session.store_dir))
    dialog = SettingsDialog(settings, window)
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    dialog.idle.setValue(7)
    try:
        dialog.accept()  # the language applies at once (tests/ui/test_language_switch.py)
    finally:
        from ui import i18n

        i18n.switch(qapp, "en")
    window.lock()
    qtbot.waitUntil(lambda: session.ops.idle)
    text = settings.path.read_text(encoding="utf-8")
    assert _keys_in(settings.path) <= {k.lower() for k in KEYS}
    assert "Secret Team Label" not in text and PASSPHRASE not in text
    assert settings.language == "ko" and settings.idle_lock_ms == 7 * 60_000
    assert oct(settings.path.stat().st_mode & 0o777) in ("0o600", "0o644")


def test_file_dialogs_write_their_history_to_the_scratch_dir_only(qtbot, tmp_path):
    from ui.hardening import redirect_qt_settings

    scratch = redirect_qt_settings()
    dialog = QFileDialog(None, "Add", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setDirectory(str(tmp_path))
    dialog.deleteLater()
    with qtbot.waitSignal(dialog.destroyed):
        pass
    home_conf = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    written = list(scratch.rglob("*.conf")) + list(scratch.rglob("*.ini"))
    assert any(str(tmp_path) in p.read_text() for p in written)  # history went here
    leaked = home_conf / "QtProject.conf"
    assert not leaked.exists() or str(tmp_path) not in leaked.read_text()


def test_a_cli_command_never_imports_qt(tmp_path):
    code = ("import sys; from ui.launcher import entry_point; from intake.cli.main import "
            "wants_gui; assert not wants_gui(['list']); import ui.app; "
            "print('PySide6' in ' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"


def test_hardening_sets_umask_and_no_core_dumps(tmp_path):
    code = ("import os, resource; from ui.hardening import harden_process; d = harden_process();"
            "print(oct(os.umask(0o22)), resource.getrlimit(resource.RLIMIT_CORE), "
            "d.exists())")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.split() == ["0o77", "(0,", "0)", "True"]


def test_store_dir_choice(monkeypatch, tmp_path):
    monkeypatch.delenv("TESTIMONY_INTAKE_STORE", raising=False)
    saved = tmp_path / "saved"
    assert choose_store_dir(tmp_path / "cli", saved, {}) == tmp_path / "cli"
    assert choose_store_dir(None, saved, {}) == saved
    monkeypatch.setenv("TESTIMONY_INTAKE_STORE", str(tmp_path / "env"))
    assert choose_store_dir(None, saved, dict(os.environ)) == tmp_path / "env"


# -- the wipe after failed unlocks: kept with the store, never in the settings file ---------


def _unlocked_window(qtbot, window):
    from crypto.passphrase import encode_passphrase

    window.session.create(encode_passphrase(PASSPHRASE), "Field team A",
                          success=lambda _k: None)
    qtbot.waitUntil(lambda: window.session.is_unlocked and window.session.ops.idle,
                    timeout=10_000)
    return window.session


def test_the_wipe_is_off_by_default_and_set_by_the_unlocked_owner(qtbot, window, settings,
                                                                  recorded_messages):
    from intake.unlock_guard import UnlockGuard
    from ui.messages import Button, MessageBox

    session = _unlocked_window(qtbot, window)
    dialog = SettingsDialog(settings, window)
    assert not dialog.wipe_on.isChecked() and dialog.wipe_on.isEnabled()
    assert not dialog.wipe_after.isEnabled()
    dialog.wipe_on.setChecked(True)
    dialog.wipe_after.setValue(5)
    assert "crypto-erased" in dialog.wipe_note.text()
    MessageBox.set_next_answer(Button.Yes)
    dialog.accept()
    qtbot.waitUntil(lambda: session.ops.idle)
    assert "after 5 wrong passphrases" in recorded_messages[-1].text
    assert UnlockGuard(session.store_dir).state().wipe_after == 5
    assert _keys_in(settings.path) <= {k.lower() for k in KEYS}  # nothing about the wipe

    again = SettingsDialog(settings, window)
    assert again.wipe_on.isChecked() and again.wipe_after.value() == 5
    again.wipe_on.setChecked(False)
    again.accept()  # turning it off asks nothing
    qtbot.waitUntil(lambda: session.ops.idle)
    assert UnlockGuard(session.store_dir).state().wipe_after is None


def test_backing_out_of_the_wipe_keeps_the_dialog_and_changes_nothing(qtbot, window, settings):
    from intake.unlock_guard import UnlockGuard
    from ui.messages import Button, MessageBox

    session = _unlocked_window(qtbot, window)
    dialog = SettingsDialog(settings, window)
    dialog.show()
    dialog.wipe_on.setChecked(True)
    MessageBox.set_next_answer(Button.No)
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.waitUntil(lambda: session.ops.idle)
    assert UnlockGuard(session.store_dir).state().wipe_after is None


def test_a_locked_store_cannot_have_its_wipe_changed(qtbot, window, settings):
    from intake.unlock_guard import UnlockGuard

    session = _unlocked_window(qtbot, window)
    UnlockGuard(session.store_dir).set_wipe_after(7)
    window.lock()
    qtbot.waitUntil(lambda: session.ops.idle and not session.is_unlocked)
    dialog = SettingsDialog(settings, window)
    assert dialog.wipe_on.isChecked() and dialog.wipe_after.value() == 7
    assert not dialog.wipe_on.isEnabled() and not dialog.wipe_after.isEnabled()
    assert "Unlock the store" in dialog.wipe_note.text()
    dialog.wipe_on.setChecked(False)  # even if it could be clicked
    dialog.accept()
    qtbot.waitUntil(lambda: session.ops.idle)
    assert UnlockGuard(session.store_dir).state().wipe_after == 7
