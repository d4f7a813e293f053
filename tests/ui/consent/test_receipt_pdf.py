"""The consent receipt PDF: one A4 page, every syllable and digit extractable, nothing that
names the survivor — not on the page, not in the PDF's metadata."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest

from intake.consent_receipt import build
from tests.samples import make_testimony

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed")

CONSENTS = {
    "legal only": {"recorded": "2023-08-14", "legal": True, "advocacy": False,
                   "publication": False, "withdrawn": None},
    "everything": {"recorded": "2023-08-14", "legal": True, "advocacy": True,
                   "publication": True, "withdrawn": None, "recontact": True,
                   "identity_to_court": True, "expires": "2030-12-31"},
    "withdrawn": {"recorded": "2021-03-09", "legal": True, "advocacy": True,
                  "publication": False, "withdrawn": "2024-07-18", "recontact": False,
                  "identity_to_court": False},
    "none recorded": {"recorded": None, "legal": False, "advocacy": False,
                      "publication": False, "withdrawn": None},
}


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def countable(text: str) -> Counter[str]:
    return Counter(c for c in text if c.isdigit() or "\uac00" <= c <= "\ud7a3")


@pytest.fixture(scope="module")
def render(qapp):
    from ui.pdf.consent_receipt import render_receipt
    return render_receipt


@pytest.mark.parametrize("name", CONSENTS)
def test_one_page_every_syllable_and_digit_and_no_identifier(render, store, tmp_path, name):
    t = make_testimony(consent=CONSENTS[name],
                       survivor={"pseudonym": "S-0142", "sex": "female", "birth_year": 1985,
                                 "origin": "함경북도 회령시"})
    receipt = build(store, t)
    pdf = render(receipt)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout.decode()
    assert re.search(r"Pages:\s+1\b", info) and "Consent receipt" in info
    text = pdf_text(pdf, tmp_path)
    flat = " ".join(text.split())
    assert receipt.code in flat
    expected = "".join(x for line in receipt.lines for x in (line.ko, line.en))
    expected += receipt.code + "".join(x.ko for x in (
        receipt.title, receipt.code_label, receipt.keep_note, receipt.agreed_label,
        receipt.not_agreed_label))
    assert countable(text) == countable(expected)  # all there, and nothing more
    for date in re.findall(r"\d{4}-\d{2}-\d{2}", expected):
        assert date in flat
    for secret in (t.id, t.id[:8], "S-0142", "0142", "회령", "함경북도", "1985", "Seoul",
                   "Tumen", "단둥", "송환"):
        assert secret not in flat, secret
        assert secret.encode() not in pdf and secret not in info
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True).stdout.decode()
    assert "NotoSansCJK" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())


def test_marks_say_agreed_and_not_agreed(render, store, tmp_path):
    receipt = build(store, make_testimony(consent=CONSENTS["legal only"]))
    text = pdf_text(render(receipt), tmp_path)
    assert text.count("○") == 2 and text.count("×") == 3  # the legend has one of each


def test_withdrawn_is_said_first_and_no_longer_invites_withdrawal(render, store, tmp_path):
    receipt = build(store, make_testimony(consent=CONSENTS["withdrawn"]))
    text = " ".join(pdf_text(render(receipt), tmp_path).split())
    assert text.index("withdrawn on 2024-07-18") < text.index("Date of consent")
    assert "You can withdraw" not in text


def test_markup_in_content_is_text(render, store, tmp_path):
    from intake.consent_receipt import ReceiptLine

    receipt = build(store, make_testimony())
    odd = ReceiptLine("<b>굵게</b> &amp;", "<img src='x'> & more")
    pdf = render(receipt.__class__(receipt.code, receipt.testimony_id, receipt.revision,
                                   receipt.consent, (odd,)))
    flat = " ".join(pdf_text(pdf, tmp_path).split())
    assert "<b>굵게</b> &amp;" in flat and "<img src='x'> & more" in flat
