"""Run by test_drafts.py as a separate process: unlock, type into a new testimony, autosave,
say so, then wait to be killed with SIGKILL (a crash or a dead battery)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import ui  # noqa: E402,F401


def main(store_dir: str, passphrase: str) -> None:
    from crypto.kdf import KdfPolicy
    from crypto.passphrase import encode_passphrase
    from ui.main_window import MainWindow
    from ui.messages import MessageBox
    from ui.session import Session
    from ui.settings import AppSettings

    app = QApplication([])
    MessageBox.start_recording()
    session = Session(Path(store_dir), policy=KdfPolicy.insecure_for_tests())
    window = MainWindow(session, AppSettings(Path(store_dir).parent / "child.ini"))
    body = {"schema": "testimony/1", "survivor": {"pseudonym": "S-0999"},
            "narrative": "회령에서 단둥으로 건너갔다"}

    def unlocked(_info: object) -> None:
        window.workspace.new_testimony()
        window.workspace.editor.draftChanged.emit(body)  # what the editor says after typing
        session.run(lambda s, _h: len(s.drafts()), success=saved)

    def saved(count: int) -> None:
        print(f"autosaved {count}", flush=True)

    session.unlock(encode_passphrase(passphrase), success=unlocked)
    QTimer.singleShot(60_000, app.quit)  # never reached: the test kills us first
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
