"""What every PDF the app draws shares: a Qt application, the font, an A4 writer.

Fonts: Noto Sans CJK (Hangul, Latin and digits in one family, embedded as a
subset). Its ``locl`` feature makes Qt 6.12 drop digits after Latin text from the
PDF's text layer ("April 2019" extracts as "April "), and ligatures turn ``ff`` in
a hex id into one character, so both are off on every font made here (DESIGN §6):
whatever a PDF shows, ``pdftotext`` gives back as typed.
"""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import QBuffer, QMarginsF
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPdfWriter

from intake.errors import IntakeError

PREFERRED_FAMILIES = ("Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR")
RESOLUTION = 300
_FEATURES_OFF = ("locl", "liga", "clig", "dlig")
_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """A Qt application must exist to lay out text; make an offscreen one if none does."""
    global _app
    if QGuiApplication.instance() is None:
        # A QApplication (not a bare QGuiApplication): if widgets are made later in the
        # same process — the desktop app, the tests — Qt aborts on a GUI-only instance.
        from PySide6.QtWidgets import QApplication

        _app = QApplication(["testimony-intake", "-platform", "offscreen"])


def find_family() -> str | None:
    """The first Noto Sans CJK family Qt knows, loading it through fontconfig if needed."""
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
    return None


def pdf_font(point_size: float, *, bold: bool = False,
             missing: type[IntakeError] = IntakeError, what: str = "the PDF") -> QFont:
    """Noto Sans CJK with ``locl`` and ligatures off; ``missing`` is raised without it."""
    family = find_family()
    if family is None:
        raise missing(f"{what} needs the Noto Sans CJK font (Debian: fonts-noto-cjk), "
                      "which is not installed")
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    for feature in _FEATURES_OFF:
        font.setFeature(QFont.Tag(feature), 0)
    return font


def a4_writer(buffer: QBuffer, *, title: str, margins_mm: tuple[float, float, float, float]
              ) -> QPdfWriter:
    """An A4 PDF writer at :data:`RESOLUTION` dpi into ``buffer`` (memory, never a file)."""
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(*margins_mm), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Testimony Intake")
    return writer
