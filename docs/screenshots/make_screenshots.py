"""Screenshots of the first run (three wizard pages), the empty workspace and the unlock
screen's recovery-key form, in English or Korean, offscreen. (``make_all.py`` runs this
with the other scripts; the workspace with data is ``make_window_screenshots.py``'s.)

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py en
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py ko

Uses a throwaway store with the cheap test KDF and the fictional sample testimonies
from tests/data; nothing real is ever shown.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # after any tree already on the path

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

import ui  # noqa: E402,F401

OUT = Path(__file__).resolve().parent


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(cond, limit_ms: int = 15_000) -> None:
    waited = 0
    while not cond() and waited < limit_ms:
        pump(25)
        waited += 25


def shot(widget: QWidget, name: str, lang: str) -> None:
    pump(150)
    widget.grab().save(str(OUT / f"{name}-{lang}.png"))


def main(lang: str) -> None:
    from crypto.kdf import KdfPolicy
    from ui import i18n
    from ui.first_run import FirstRunWizard
    from ui.fonts import install_fonts
    from ui.main_window import MainWindow
    from ui.messages import MessageBox
    from ui.session import Session
    from ui.settings import AppSettings

    app = QApplication(["testimony-intake"])
    i18n.install(app, lang)
    install_fonts(app)
    MessageBox.start_recording()
    tmp = Path(tempfile.mkdtemp())
    session = Session(tmp / "store", policy=KdfPolicy.insecure_for_tests())
    settings = AppSettings(tmp / "settings.ini")

    wizard = FirstRunWizard(session)
    wizard.show()
    wizard.identity.label.setText("Field team A" if lang == "en" else "현장팀 A")
    shot(wizard, "wizard-1-identity", lang)
    wizard.next()
    wizard.passphrase.fill_generated()
    wait_for(wizard.passphrase.isComplete)
    shot(wizard, "wizard-2-passphrase", lang)
    wizard.next()
    wait_for(lambda: wizard.currentId() == FirstRunWizard.PAGE_RECOVERY)
    shot(wizard, "wizard-3-recovery-key", lang)
    wizard.created = False
    wizard.hide()

    window = MainWindow(session, settings)
    window.resize(1200, 760)
    window.show()
    wait_for(lambda: session.ops.idle)
    shot(window, "main-empty", lang)

    # The workspace with testimonies, settings and the unlock screen after a wrong
    # passphrase: make_window_screenshots.py, on a store with transfers.
    window.lock()
    wait_for(lambda: session.ops.idle)
    window.unlock_page.show_recovery(True)
    shot(window, "unlock-recovery", lang)
    window.close()
    session.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
