"""The witness statement PDF, drawn by Qt (``QTextDocument`` onto a ``QPdfWriter``).

Implements :class:`intake.bundle.statement.StatementRenderer`. Works headless: if
no Qt application exists (the CLI), one is made on the ``offscreen`` platform.
A4, Noto Sans CJK embedded (a subset), the bundle id and "page n of N" on every
page, the pseudonym in the running head.

Text extraction matters (legal teams search and quote these): Noto Sans CJK's
``locl`` feature makes Qt 6.12 drop digits after Latin text from the PDF's text
layer ("April 2019" extracts as "April "), so the feature is turned off on every
font used here (DESIGN §6); ``tests/intake/bundle/test_statement_pdf.py`` checks
with ``pdftotext`` that every digit and syllable comes back.
"""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from intake.bundle.statement import StatementFailed
from intake.model import Testimony
from ui.pdf.statement_html import statement_html

PREFERRED_FAMILIES = ("Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR")
RESOLUTION = 300
# ``locl`` drops digits from the text layer; ligatures (``ff`` in a hex id) extract as one
# character (U+FB00), so ids and hashes copied from the PDF would not match.
_FEATURES_OFF = ("locl", "liga", "clig", "dlig")
_app: QGuiApplication | None = None
_FOOTER = {"en": ("Bundle", "Page", "of"), "ko": ("번들", "쪽", "/")}


def ensure_gui_application() -> None:
    """A Qt application must exist to lay out text; make an offscreen one if none does."""
    global _app
    if QGuiApplication.instance() is None:
        # A QApplication (not a bare QGuiApplication): if widgets are made later in the
        # same process — the desktop app, the tests — Qt aborts on a GUI-only instance.
        from PySide6.QtWidgets import QApplication

        _app = QApplication(["testimony-intake", "-platform", "offscreen"])


def _family() -> str:
    families = set(QFontDatabase.families())
    for name in PREFERRED_FAMILIES:
        if name in families:
            return name
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run([fc_match, "-f", "%{file}", PREFERRED_FAMILIES[0]],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        if found:
            loaded = QFontDatabase.applicationFontFamilies(
                QFontDatabase.addApplicationFont(found))
            for name in PREFERRED_FAMILIES:
                if name in loaded:
                    return name
    raise StatementFailed("the statement needs the Noto Sans CJK font (Debian: "
                          "fonts-noto-cjk), which is not installed")


def statement_font(point_size: float = 9.5, *, bold: bool = False) -> QFont:
    """Noto Sans CJK with ``locl`` and ligatures off, so every character extracts as typed."""
    font = QFont(_family())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    for feature in _FEATURES_OFF:
        font.setFeature(QFont.Tag(feature), 0)
    return font


def render_statement(testimony: Testimony, bundle_id: str, lang: str) -> bytes:
    """The statement of ``testimony`` as PDF bytes (see the module docstring)."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 16, 18, 16), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"Witness statement {testimony.survivor.pseudonym}")
    writer.setCreator("Testimony Intake")

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(statement_font())
    doc.setDocumentMargin(0)
    doc.setHtml(statement_html(testimony, lang))

    small = statement_font(7.5)
    band = int(RESOLUTION * 0.35)  # ~9 mm for the running head and the footer
    width, height = writer.width(), writer.height()
    body = height - 2 * band
    doc.setPageSize(QSizeF(width, body))
    pages = doc.pageCount()
    bundle_word, page_word, of_word = _FOOTER.get(lang, _FOOTER["en"])

    painter = QPainter()
    if not painter.begin(writer):
        raise StatementFailed("Qt could not start a PDF")
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, band - page * body)
            doc.drawContents(painter, QRectF(0, page * body, width, body))
            painter.restore()
            painter.setFont(small)
            painter.drawText(QRectF(0, 0, width, band * 0.8),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                             testimony.survivor.pseudonym)
            painter.drawText(QRectF(0, height - band * 0.8, width, band * 0.8),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             f"{bundle_word} {bundle_id}")
            painter.drawText(QRectF(0, height - band * 0.8, width, band * 0.8),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"{page_word} {page + 1} {of_word} {pages}")
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())
