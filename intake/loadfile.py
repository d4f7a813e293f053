"""Load files for review platforms: a Concordance-style DAT and a CSV of the same rows.

Legal teams load productions into review platforms (Relativity, Nuix, Everlaw…)
through load files. The DAT convention: UTF-8 with a byte-order mark, CRLF
line ends, fields quoted with þ (U+00FE) and separated by ASCII 20 (DC4), a
header row of field names, and line breaks inside a field written as ® (U+00AE)
so one record stays on one line. A þ inside a value is doubled, as a quote is in CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

QUOTE = "\u00fe"       # þ
DELIMITER = "\x14"     # ASCII 20
NEWLINE_IN_FIELD = "\u00ae"  # ®
BOM = "\ufeff"

FIELDS: tuple[str, ...] = ("DOCID", "BEGBATES", "TITLE", "KIND", "LANGUAGE", "DATE",
                           "PSEUDONYM", "SHA256", "SIZE", "CONFIDENTIALITY", "NATIVEPATH",
                           "BUNDLEID")


def _dat_field(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", NEWLINE_IN_FIELD)
    return QUOTE + text.replace(QUOTE, QUOTE * 2) + QUOTE


def dat_text(rows: Iterable[Mapping[str, object]], fields: Sequence[str] = FIELDS) -> str:
    lines = [DELIMITER.join(_dat_field(f) for f in fields)]
    lines += [DELIMITER.join(_dat_field(row.get(f)) for f in fields) for row in rows]
    return BOM + "\r\n".join(lines) + "\r\n"


def dat_bytes(rows: Iterable[Mapping[str, object]], fields: Sequence[str] = FIELDS) -> bytes:
    return dat_text(rows, fields).encode("utf-8")


def parse_dat(text: str) -> list[dict[str, str]]:
    """Read a DAT back (used by the tests and by anyone checking a load file)."""
    text = text.removeprefix(BOM)
    records = [_split_record(line) for line in text.split("\r\n") if line]
    if not records:
        return []
    header, *body = records
    return [dict(zip(header, values, strict=True)) for values in body]


def _split_record(line: str) -> list[str]:
    values: list[str] = []
    i = 0
    while i < len(line):
        if line[i] != QUOTE:
            raise ValueError(f"DAT field does not start with þ at column {i}")
        i += 1
        out = []
        while True:
            j = line.index(QUOTE, i)
            out.append(line[i:j])
            if j + 1 < len(line) and line[j + 1] == QUOTE:
                out.append(QUOTE)
                i = j + 2
                continue
            i = j + 1
            break
        values.append("".join(out).replace(NEWLINE_IN_FIELD, "\n"))
        if i < len(line):
            if line[i] != DELIMITER:
                raise ValueError(f"expected the ASCII 20 delimiter at column {i}")
            i += 1
    return values


def csv_bytes(rows: Iterable[Mapping[str, object]], fields: Sequence[str] = FIELDS) -> bytes:
    """The same rows as CSV, UTF-8 with a BOM so spreadsheet programs read Hangul right."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({f: "" if row.get(f) is None else row.get(f) for f in fields})
    return (BOM + buf.getvalue()).encode("utf-8")
