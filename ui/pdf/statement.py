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

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter, QTextDocument

from intake.bundle.statement import StatementFailed
from intake.model import Testimony
from ui.pdf.document import RESOLUTION, a4_writer, ensure_gui_application, pdf_font
from ui.pdf.statement_html import statement_html

__all__ = ["ensure_gui_application", "render_statement", "statement_font"]

_FOOTER = {"en": ("Bundle", "Page", "of"), "ko": ("번들", "쪽", "/")}


def statement_font(point_size: float = 9.5, *, bold: bool = False) -> QFont:
    """Noto Sans CJK with ``locl`` and ligatures off, so every character extracts as typed."""
    return pdf_font(point_size, bold=bold, missing=StatementFailed, what="the statement")


def render_statement(testimony: Testimony, bundle_id: str, lang: str) -> bytes:
    """The statement of ``testimony`` as PDF bytes (see the module docstring)."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = a4_writer(buffer, title=f"Witness statement {testimony.survivor.pseudonym}",
                       margins_mm=(18, 16, 18, 16))

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
