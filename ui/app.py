"""Start the desktop app: harden the process, then show the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from intake.cli.main import build_parser
from intake.store.paths import default_store_dir
from ui.hardening import harden_process


def run_app(argv: Sequence[str] = ()) -> int:
    harden_process()
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    args = build_parser().parse_args(list(argv))
    store_dir = args.store or default_store_dir()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "testimony-intake"])
    app.setApplicationName("Testimony Intake")
    window = MainWindow(store_dir)
    window.show()
    return int(app.exec())
