"""The Qt witness statement: text survives extraction (every digit, every Hangul syllable),
the font is embedded, the bundle id and page numbers are on every page."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest

from intake.model import AttachmentRef
from tests.samples import make_testimony

pytest.importorskip("PySide6")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed")

BUNDLE_ID = "0f8e0f8e-1111-4222-8333-944444444444"
NARRATIVE = ("Arrested in April 2019 near Dandong, held 33 days. 2019년 4월 단둥에서 "
             "체포되었다. 투먼 변방대 구류장에서 한 달을 보냈다. 1234567890 <b>not bold</b>\n")


def extract(pdf: bytes, tmp_path, *pages: str) -> str:
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def countable(text: str) -> Counter[str]:
    return Counter(c for c in text if c.isdigit() or "\uac00" <= c <= "\ud7a3")


@pytest.fixture(scope="module")
def render():
    from ui.pdf.statement import render_statement
    return render_statement


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_digit_and_syllable_comes_back(render, tmp_path, lang):
    t = make_testimony(narrative=NARRATIVE * 3)
    text = extract(render(t, BUNDLE_ID, lang), tmp_path)
    flat = " ".join(text.split())
    assert "April 2019 near Dandong" in flat
    assert "2019년 4월 단둥에서 체포되었다." in flat
    assert "<b>not bold</b>" in flat  # markup in testimony is text, never interpreted
    want = countable(t.narrative + t.events[0].description + (t.survivor.origin or ""))
    got = countable(text)
    assert all(got[c] >= n for c, n in want.items()), want - got


def test_header_events_attachments_and_page_furniture(render, tmp_path):
    sha = "ab" * 32
    att = AttachmentRef("0f8e0f8e-1111-4222-8333-955555555555", "photo.jpg", "image/jpeg",
                        sha, 1234)
    t = make_testimony(narrative=NARRATIVE * 80, attachments=[att.to_dict()],
                       events=[{"type": "detention", "start": "2019-05"},
                               {"type": "arrest", "start": "2019-04-02",
                                "place": "Dandong"}])
    pdf = render(t, BUNDLE_ID, "en")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout.decode()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 3
    for page in range(1, pages + 1):
        text = extract(pdf, tmp_path, "-f", str(page), "-l", str(page))
        assert f"Bundle {BUNDLE_ID}" in text
        assert f"Page {page} of {pages}" in text
        assert "S-0142" in text
    text = " ".join(extract(pdf, tmp_path).split())
    assert "Consent" in text and "legal" in text and "Interview" in text
    assert text.index("2019-04-02") < text.index("2019-05")  # chronological
    assert sha in text.replace(" ", "")
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True).stdout.decode()
    assert "NotoSansCJK" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())


def test_korean_headings_and_no_ligatures(render, tmp_path):
    t = make_testimony(id="0f8e0f8e-1111-4222-8333-9effff1fffff")
    text = extract(render(t, BUNDLE_ID, "ko"), tmp_path)
    assert "증언 진술서" in text and "쪽1/1" in "".join(text.split())
    assert t.id in text  # "ff" must not come back as the ligature U+FB00
