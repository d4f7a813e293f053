"""A font that has Hangul, so Korean never shows as empty boxes.

Why explicit: Qt's fallback usually finds a CJK font through fontconfig, but
not on every setup (the offscreen platform, a minimal desktop, a stripped
Windows install), and a testimony shown as boxes is a testimony misread. We put
Noto Sans CJK KR (Debian ``fonts-noto-cjk``) or another Hangul font second in the
application font's family list: Latin text keeps the system font, Hangul falls
through to the CJK one.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

PREFERRED = ("Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR", "Malgun Gothic",
             "Apple SD Gothic Neo", "NanumGothic", "UnDotum", "Baekmuk Gulim")
MONO_PREFERRED = ("Noto Sans Mono CJK KR", "DejaVu Sans Mono", "Liberation Mono")
SAMPLE = "증언"


def find_hangul_family() -> str | None:
    families = set(QFontDatabase.families())
    for name in PREFERRED:
        if name in families:
            return name
    for name in QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        return name
    return None


def has_glyphs(font: QFont, text: str = SAMPLE) -> bool:
    """Whether one of ``font``'s own families draws every character (no silent fallback)."""
    for family in font.families() or [font.family()]:
        raw = QRawFont.fromFont(QFont(family, font.pointSize()))
        if raw.isValid() and all(raw.supportsCharacter(ord(c)) for c in text):
            return True
    return False


def install_fonts(app: QApplication) -> str | None:
    """Add a Hangul family behind the default one; return its name (None if none exists)."""
    family = find_hangul_family()
    font = app.font()
    if family is not None:
        families = [f for f in font.families() if f != family] or [font.family()]
        font.setFamilies([*families, family])
        app.setFont(font)
    return family


def monospace_font(point_size: int) -> QFont:
    """A fixed-width font for the recovery key and fingerprints (Hangul-capable if possible)."""
    families = set(QFontDatabase.families())
    chosen = [name for name in MONO_PREFERRED if name in families]
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if chosen:
        font.setFamilies(chosen)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font
