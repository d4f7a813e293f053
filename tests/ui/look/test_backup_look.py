"""The backup screens after the work: the outcome is read whole, with its moment readable."""

from __future__ import annotations

import re

from tests.conftest import PASSPHRASE
from ui.backup import BackupDialog
from ui.backup.verify_dialog import VerifyBackupDialog


def _finish(qtbot, dialog, path):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(path))
    if dialog.secret is not None:
        dialog.secret.passphrase.setText(PASSPHRASE)
    dialog.action_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    return dialog


def _fits(dialog) -> bool:
    layout = dialog.layout()
    return dialog.height() >= layout.heightForWidth(dialog.width())


def test_a_long_outcome_grows_the_dialog_instead_of_hiding_its_explanation(unlocked, qtbot,
                                                                           tmp_path):
    deep = tmp_path / "a-removable-drive-with-a-long-name" / "backups of the field store"
    deep.mkdir(parents=True)
    backup = _finish(qtbot, BackupDialog(unlocked), deep / "testimony-store.tibak")
    assert "verified" in backup.status.text()
    assert _fits(backup)
    verify = _finish(qtbot, VerifyBackupDialog(unlocked), deep / "testimony-store.tibak")
    assert _fits(verify)
    # When it was made, as every screen shows a moment (not 2026-…T…:55.640037Z).
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b", verify.status.text())
    assert not re.search(r"\d{2}:\d{2}:\d{2}", verify.status.text())
