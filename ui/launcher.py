"""The ``testimony-intake`` entry point: a command runs headless, no command opens the app.

Qt is imported only when the app is wanted, so CLI commands start fast and run
on machines without a display.
"""

from __future__ import annotations

import sys

from intake.cli.main import main, wants_gui
from intake.consent_receipt import ConsentReceipt
from intake.model import Testimony


def render_statement_lazily(testimony: Testimony, bundle_id: str, lang: str) -> bytes:
    """The Qt statement renderer, imported only when an export needs a PDF: every other
    command runs without loading Qt."""
    from ui.pdf.statement import render_statement

    return render_statement(testimony, bundle_id, lang)


def render_receipt_lazily(receipt: ConsentReceipt) -> bytes:
    """The Qt consent receipt renderer, imported only when ``consent-receipt`` needs it."""
    from ui.pdf.consent_receipt import render_receipt

    return render_receipt(receipt)


def entry_point() -> None:
    argv = sys.argv[1:]
    if wants_gui(argv):
        from ui.app import run_app

        sys.exit(run_app(argv))
    sys.exit(main(argv, statement_renderer=render_statement_lazily,
                  receipt_renderer=render_receipt_lazily))
