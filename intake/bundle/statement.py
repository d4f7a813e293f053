"""The witness statement PDF: a protocol here, a Qt implementation in ``ui/pdf``.

``intake/`` never imports Qt, so export takes the renderer as a parameter: the
CLI and the desktop app pass :func:`ui.pdf.statement.render_statement`, tests may
pass anything that makes a PDF.
"""

from __future__ import annotations

from typing import Protocol

from intake.bundle.format import kind_limit
from intake.errors import IntakeError
from intake.model import Testimony

STATEMENT_LANGUAGES = ("en", "ko")


class StatementRenderer(Protocol):
    def __call__(self, testimony: Testimony, bundle_id: str, lang: str) -> bytes:
        """The statement of ``testimony`` as PDF bytes, ``bundle_id`` on every page."""
        ...


class StatementFailed(IntakeError):
    """The statement renderer is missing or produced something that is not a PDF."""


def render_checked(renderer: StatementRenderer | None, testimony: Testimony, bundle_id: str,
                   lang: str) -> bytes:
    if renderer is None:
        raise StatementFailed("no witness statement renderer is available (it needs Qt); "
                              "run the export from testimony-intake or the desktop app")
    try:
        pdf = renderer(testimony, bundle_id, lang)
    except IntakeError:
        raise
    except Exception as error:  # the type only: a message could quote the testimony
        raise StatementFailed(f"testimony {testimony.id}: the statement renderer failed "
                              f"({type(error).__name__})") from None
    if not isinstance(pdf, bytes | bytearray) or not bytes(pdf[:5]) == b"%PDF-":
        raise StatementFailed(f"testimony {testimony.id}: the statement renderer did not "
                              "produce a PDF")
    if len(pdf) > kind_limit("statement"):
        raise StatementFailed(f"testimony {testimony.id}: the statement PDF is larger than "
                              f"{kind_limit('statement'):,} bytes")
    return bytes(pdf)
