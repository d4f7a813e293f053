"""Numbers read aloud and transcribed: 공일공 칠삼이팔…, "zero one three nine…", 一三九….

Interviews are transcribed from speech, and survivors recite phone numbers the way they
memorised them. Each reader yields (start, end, digits) for a run of spoken digits; the
number rules then judge the digits as if they had been typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_KO = {"공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5",
       "육": "6", "륙": "6", "칠": "7", "팔": "8", "구": "9"}
_KO_DIGIT = "[공영일이삼사오육륙칠팔구0-9]"
# Groups may be joined by spaces, dashes, commas, or the spoken "에" (공일공에 삼삼사오에 …).
_KO_RUN = re.compile(
    rf"(?<![가-힣]){_KO_DIGIT}+(?:(?:[ \t]*[-,.][ \t]*|[ \t]+|에[ \t]*){_KO_DIGIT}+)*"
)
_EN_WORDS = {"zero": "0", "oh": "0", "o": "0", "nil": "0", "one": "1", "two": "2",
             "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
             "nine": "9"}
_EN_TOKEN = (
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|double|triple|nil|oh|o|\d+)\b"
)
_EN_RUN = re.compile(
    rf"(?<![A-Za-z]){_EN_TOKEN}(?:(?:[ \t]*[-,.][ \t]*|[ \t]+){_EN_TOKEN})+(?![A-Za-z])",
    re.IGNORECASE,
)
_ZH = {"零": "0", "〇": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3", "四": "4",
       "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_ZH_RUN = re.compile(r"[零〇一幺二两三四五六七八九](?:[ \t-]?[零〇一幺二两三四五六七八九]){6,}")

MIN_DIGITS = 7


def _has_final(syllable: str) -> bool:
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def korean(text: str) -> Iterator[tuple[int, int, str]]:
    """Runs of Sino-Korean digit syllables (at least three of them), as digits."""
    for m in _KO_RUN.finditer(text):
        start, end = m.start(), m.end()
        run = text[start:end]
        # "…칠이에요": after a syllable with a final consonant, 이 is the copula, not 2.
        if (
            run.endswith("이")
            and len(run) >= 2
            and _has_final(run[-2])
            and end < len(text)
            and "\uac00" <= text[end] <= "\ud7a3"
        ):
            end -= 1
            run = run[:-1]
        glued = end < len(text) and "\uac00" <= text[end] <= "\ud7a3"
        last = re.search(r"[^공영일이삼사오육륙칠팔구0-9]([공영일이삼사오육륙칠팔구]{1,2})$", run)
        if glued and last:  # "… 오일구사 이게": the last group starts the next word
            end -= len(last.group(1))
            run = run[: -len(last.group(1))]
        while run and run[-1] not in _KO and not run[-1].isdigit():
            end -= 1
            run = run[:-1]
        spoken = sum(1 for c in run if c in _KO)
        digits = "".join(_KO.get(c, c) for c in run if c in _KO or c.isdigit())
        if spoken >= 3 and len(digits) >= MIN_DIGITS:
            yield start, end, digits


def english(text: str) -> Iterator[tuple[int, int, str]]:
    """Runs of English digit words (at least three words), as digits."""
    for m in _EN_RUN.finditer(text):
        tokens = re.findall(_EN_TOKEN, m.group(), re.IGNORECASE)
        words = sum(1 for t in tokens if not t.isdigit())
        digits: list[str] = []
        repeat = 1
        for token in tokens:
            low = token.lower()
            if low in ("double", "triple"):
                repeat = 2 if low == "double" else 3
                continue
            value = token if token.isdigit() else _EN_WORDS[low]
            digits.append(value * repeat)
            repeat = 1
        joined = "".join(digits)
        if words >= 3 and len(joined) >= MIN_DIGITS:
            yield m.start(), m.end(), joined


def chinese(text: str) -> Iterator[tuple[int, int, str]]:
    """Runs of Chinese numerals read digit by digit (一三九…), as digits."""
    for m in _ZH_RUN.finditer(text):
        yield m.start(), m.end(), "".join(_ZH[c] for c in m.group() if c in _ZH)
