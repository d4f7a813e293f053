"""A same-length working copy of the input, so every rule reports offsets into the original.

Survivors' contact details arrive typed on Chinese and Korean keyboards: full-width digits
(０１０), full-width ＠ and ．, ideographic spaces and a zoo of dashes. Rules match on a
folded copy in which each of these is replaced by its ASCII form *one code point for one
code point*; the offsets found there are offsets into the caller's string.
"""

from __future__ import annotations

import re

_TABLE: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_TABLE.update({0x3000: " ", 0x00A0: " ", 0x2007: " ", 0x202F: " ", 0xFF61: "."})
_TABLE.update({c: "-" for c in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212)})
_TABLE.update({0x2018: "'", 0x2019: "'", 0x02BC: "'", 0x3002: "."})

# A lone surrogate (from bytes decoded with errors="surrogateescape") cannot be encoded
# for the morphological analyser; it becomes U+FFFD, still one code point.
_SURROGATE = re.compile("[\ud800-\udfff]")

HANGUL = "\uac00-\ud7a3"
HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def fold(text: str) -> str:
    """The folded copy: same length as ``text``, full-width forms and dashes made ASCII."""
    folded = text.translate(_TABLE)
    if _SURROGATE.search(folded):
        folded = _SURROGATE.sub("\ufffd", folded)
    return folded


def sentence_bounds(text: str, pos: int, *, limit: int = 160) -> tuple[int, int]:
    """Start and end of the sentence (or line) around ``pos``, at most ``limit`` each way."""
    lo = max(0, pos - limit)
    hi = min(len(text), pos + limit)
    start = lo
    for m in re.finditer(r"[.!?。\n]\s", text[lo:pos]):
        start = lo + m.end()
    stop = re.search(r"[.!?。](?:\s|$)|\n", text[pos:hi])
    end = pos + stop.start() + 1 if stop else hi
    return start, end
