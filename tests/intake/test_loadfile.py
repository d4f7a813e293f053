"""DAT and CSV load files read back with a standard CSV reader and a small DAT parser."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import given
from hypothesis import strategies as st

from intake.loadfile import BOM, DELIMITER, QUOTE, csv_bytes, dat_bytes, parse_dat

_CONTROLS = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")

ROWS = [
    {"DOCID": "3F2A9C1E-0001", "TITLE": "진술서 S-0142", "KIND": "statement", "LANGUAGE": "ko",
     "DATE": "2023-08-14", "PSEUDONYM": "S-0142", "SHA256": "ab" * 32, "SIZE": 1234,
     "CONFIDENTIALITY": "redacted", "NATIVEPATH": "statements/x.pdf", "BUNDLEID": "b-1"},
    {"DOCID": "3F2A9C1E-0002", "TITLE": "two\nlines, a \"quote\" and þ", "KIND": "record"},
]


def test_dat_is_utf8_with_bom_crlf_thorn_quotes_and_ascii_20():
    data = dat_bytes(ROWS)
    text = data.decode("utf-8")
    assert text.startswith(BOM) and text.endswith("\r\n")
    header = text.removeprefix(BOM).split("\r\n")[0]
    assert header.startswith(QUOTE + "DOCID" + QUOTE + DELIMITER)
    assert len(text.split("\r\n")) == 4  # header, two rows, and the final empty piece


def test_dat_reads_back():
    back = parse_dat(dat_bytes(ROWS).decode("utf-8"))
    assert back[0]["TITLE"] == "진술서 S-0142" and back[0]["SIZE"] == "1234"
    assert back[1]["TITLE"] == "two\nlines, a \"quote\" and þ"
    assert back[1]["SHA256"] == ""


def test_csv_reads_back_with_the_standard_reader():
    text = csv_bytes(ROWS).decode("utf-8-sig")
    back = list(csv.DictReader(io.StringIO(text)))
    assert back[0]["TITLE"] == "진술서 S-0142"
    assert back[1]["TITLE"] == "two\nlines, a \"quote\" and þ"


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                               blacklist_characters="\r\u00ae")), min_size=1,
                max_size=5))
def test_any_text_survives_a_dat_round_trip(values):
    fields = [f"F{i}" for i in range(len(values))]
    row = dict(zip(fields, values, strict=True))
    # Control characters other than line breaks become spaces (a DC4 would split a field
    # for loaders that ignore þ); everything else comes back as it was.
    expected = {k: _CONTROLS.sub(" ", v.replace("\r", "\n")) for k, v in row.items()}
    assert parse_dat(dat_bytes([row], fields).decode("utf-8")) == [expected]
