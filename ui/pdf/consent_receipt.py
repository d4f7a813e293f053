"""The survivor's consent receipt as a one-page A4 PDF, Korean and English side by side.

Implements :class:`intake.consent_receipt.ReceiptRenderer`. What is on the page is
exactly :func:`intake.consent_receipt.build`'s content — plain statements, the
receipt code — and nothing that names the survivor: no name, pseudonym, record id,
birth year or place, not in the text and not in the PDF's metadata. Large type,
one statement per row, a mark a person can read at a glance (○ agreed, × not), and
the code in a box. If a long consent ever overflows, the type shrinks until the
receipt fits on one page: a second sheet could be lost or separated.

:func:`receipt_html` is also what the app shows on screen (``ui/records``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSizeF
from PySide6.QtGui import QPainter, QTextDocument

from intake.consent_receipt import ConsentReceipt, ReceiptFailed, ReceiptLine
from ui.pdf.document import a4_writer, ensure_gui_application, pdf_font

MARKS = {True: "○", False: "×", None: ""}
_LARGEST, _SMALLEST, _STEP = 15.0, 8.0, 0.5


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def receipt_html(receipt: ConsentReceipt, base_pt: float = _LARGEST) -> str:
    """The receipt as Qt rich text: title, statements (mark, Korean, English), the code."""
    big, huge, small = base_pt * 1.6, base_pt * 2.3, base_pt * 0.85
    rows = "".join(_row(line, base_pt, shaded=i % 2 == 0)
                   for i, line in enumerate(receipt.lines))
    code = receipt.code
    return (
        f"<div style='font-size:{big:.1f}pt; font-weight:bold'>{_esc(receipt.title.ko)}</div>"
        f"<div style='font-size:{base_pt * 1.2:.1f}pt; color:#444444'>"
        f"{_esc(receipt.title.en)}</div>"
        f"<p style='font-size:{small:.1f}pt; color:#444444'>"
        f"{_legend(receipt)}</p>"
        "<table width='100%' cellspacing='0' cellpadding='8' border='0'>"
        f"{rows}</table>"
        "<p></p>"
        "<table width='100%' cellspacing='0' cellpadding='10' border='1' "
        "style='border-style:solid; border-color:#000000'><tr><td align='center'>"
        f"<div style='font-size:{base_pt:.1f}pt'>{_esc(receipt.code_label.ko)} · "
        f"{_esc(receipt.code_label.en)}</div>"
        f"<div style='font-size:{huge:.1f}pt; font-weight:bold'>{_esc(code)}</div>"
        "</td></tr></table>"
        f"<p style='font-size:{small:.1f}pt'>{_esc(receipt.keep_note.ko)}<br/>"
        f"{_esc(receipt.keep_note.en)}</p>")


def _legend(receipt: ConsentReceipt) -> str:
    yes, no = receipt.agreed_label, receipt.not_agreed_label
    return (f"{MARKS[True]} {_esc(yes.ko)} · {_esc(yes.en)} &nbsp;&nbsp; "
            f"{MARKS[False]} {_esc(no.ko)} · {_esc(no.en)}")


def _row(line: ReceiptLine, base_pt: float, *, shaded: bool) -> str:
    mark = MARKS[line.agreed]
    weight = "bold" if line.agreed is not None else "normal"
    background = " bgcolor='#f0f0f0'" if shaded else ""
    return (f"<tr{background}><td width='8%' align='center' "
            f"style='font-size:{base_pt * 1.3:.1f}pt; font-weight:bold'>{mark}</td>"
            f"<td width='46%' style='font-size:{base_pt:.1f}pt; font-weight:{weight}'>"
            f"{_esc(line.ko)}</td>"
            f"<td width='46%' style='font-size:{base_pt * 0.92:.1f}pt'>{_esc(line.en)}</td>"
            "</tr>")


def render_receipt(receipt: ConsentReceipt) -> bytes:
    """The receipt as PDF bytes, one A4 page (see the module docstring)."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The title is generic on purpose: PDF metadata must not name anyone either.
    writer = a4_writer(buffer, title="동의 확인서 / Consent receipt",
                       margins_mm=(20, 20, 20, 20))
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(pdf_font(_LARGEST, missing=ReceiptFailed, what="the consent receipt"))
    doc.setDocumentMargin(0)
    width, height = writer.width(), writer.height()
    doc.setPageSize(QSizeF(width, height))
    size = _LARGEST
    while True:
        doc.setHtml(receipt_html(receipt, size))
        if doc.pageCount() == 1 or size <= _SMALLEST:
            break
        size -= _STEP
    painter = QPainter()
    if not painter.begin(writer):
        raise ReceiptFailed("Qt could not start a PDF")
    try:
        doc.drawContents(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())
