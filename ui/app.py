"""Start the desktop app: harden the process, load settings, language and fonts, then show
the first-run wizard (no store yet) or the unlock screen."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from intake.cli.main import build_parser
from intake.store.paths import STORE_ENV, default_store_dir
from ui.hardening import harden_process


def choose_store_dir(cli: Path | None, saved: Path | None, env: dict[str, str]) -> Path:
    """``--store`` wins, then ``TESTIMONY_INTAKE_STORE``, then the saved path, then the default."""
    if cli is not None:
        return Path(cli)
    if env.get(STORE_ENV):
        return default_store_dir()
    return saved or default_store_dir()


def install_excepthook() -> None:
    """An uncaught exception shows one generic line; its text (which could quote testimony)
    and its traceback are neither shown nor printed."""

    def hook(kind: type[BaseException], exc: BaseException, _tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.exit(130)
        from ui.operations import show_failure
        show_failure(exc)

    sys.excepthook = hook


def run_app(argv: Sequence[str] = ()) -> int:
    harden_process()
    import os

    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.fonts import install_fonts
    from ui.hardening import no_native_dialogs
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.settings import STORE_PATH, AppSettings

    args = build_parser().parse_args(list(argv))
    no_native_dialogs()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else
                                                   "testimony-intake"])
    assert isinstance(app, QApplication)
    app.setApplicationName("Testimony Intake")
    app.setQuitOnLastWindowClosed(False)  # panic hides every window; quitting is explicit
    install_excepthook()
    settings = AppSettings()
    i18n.install(app, i18n.resolve_language(settings.language))
    install_fonts(app)
    store_dir = choose_store_dir(args.store, settings.store_path, dict(os.environ))
    session = Session(store_dir)
    from ui.instance import InstanceServer, ask_running_instance

    if ask_running_instance():
        return 0  # the running app shows itself (after a panic, it was hidden)
    server = InstanceServer(app)
    window = MainWindow(session, settings)
    window.closed.connect(app.quit)
    server.showRequested.connect(window.bring_back)

    if not session.store_exists():
        from ui.first_run import FirstRunWizard

        wizard = FirstRunWizard(session)
        if not wizard.exec() and not wizard.created:
            session.shutdown()
            return 0
        settings.set(STORE_PATH, str(store_dir))
    window.show()
    code = int(app.exec())
    session.shutdown()
    server.close()
    return code
