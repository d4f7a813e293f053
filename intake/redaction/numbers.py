"""Phone numbers, identity documents, card and bank account numbers.

Structured identifiers need full recall, so the rule is: every run of digits that could be
one is reported, and checks only move the score. A Chinese resident id whose checksum fails
is still reported (people misremember a digit; brokers forge cards); a 16-digit number that
passes Luhn scores higher than one that does not. Dates, years and amounts are left alone:
they are evidence, and dates of birth have their own rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn
from stdnum.cn import ric
from stdnum.kr import rrn

from intake.redaction import spoken
from intake.redaction.finding import Span

# Digit groups joined by one separator (space, dash, dot, slash, brackets); a separator
# is consumed only when a digit follows, so sentences do not run into the number.
_RUN = re.compile(
    r"(?<![0-9A-Za-z])(?:\+[ \t]?|\([ \t]?)?\d"
    r"(?:\d|[ \t]?[-./][ \t]?(?=\d)|[ \t]{1,2}(?=\d)|\)[ \t]?(?=\d)|[ \t]?\((?=\d))*"
    r"(?:[xX](?![A-Za-z]))?"
)
_PASSPORT = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}\d{7,8}|M\d{3}[A-Z]\d{4})(?![A-Za-z0-9])")
_DATE_PREFIX = re.compile(r"(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\.?[ \t]+")
_DATE = re.compile(
    r"(?:(?:19|20)\d\d[-./ ]+\d{1,2}(?:[-./ ]+\d{1,2})?|\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d)"
    r"\.?"
)

_PHONE_WORDS = (
    "전화", "번호", "핸드폰", "휴대폰", "손전화", "폰", "연락", "핸펀", "phone", "tel", "mobile",
    "cell", "number", "call", "ring", "手机", "电话", "号码", "联系",
)
_ID_WORDS = (
    "신분증", "주민", "등록", "여권", "passport", " id", "card", "카드", "계좌", "account",
    "身份证", "护照", "卡号", "账号", "통장", "은행", "bank", "no.", "번호", "number",
)
_PASSPORT_WORDS = ("여권", "passport", "护照", "pass no")
_RRN_WORDS = ("주민번호", "주민등록", "주민 번호", "rrn", "registration")


def _context(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start].lower()


def _valid_date(yyyymmdd: str) -> bool:
    year, month, day = int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8])
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _is_date_or_years(run: str, digits: str) -> bool:
    """"2019.04.14", "09/03/2018", "1997-1998", "20190414": dates, not numbers."""
    if _DATE.fullmatch(run.strip()):
        return True
    groups = re.findall(r"\d+", run)
    if len(groups) > 1 and all(re.fullmatch(r"(?:19|20)\d\d", g) for g in groups):
        return True
    return len(digits) == 8 and len(groups) == 1 and _valid_date(digits)


def _phone_score(digits: str, international: bool) -> float:
    """How much ``digits`` looks like a KR, CN or KP phone number (0 when not at all)."""
    if international:
        body = digits[2:] if digits.startswith("00") else digits
        if body.startswith(("82", "86", "850")):
            return 0.95
        return 0.75
    if re.fullmatch(r"01[016789]\d{7,8}", digits) or re.fullmatch(r"1[3-9]\d{9}", digits):
        return 0.9  # South Korean or Chinese mobile
    if re.fullmatch(r"0?19[1-5]\d{7}", digits):
        return 0.8  # North Korean mobile (Koryolink and successors)
    if re.fullmatch(r"0(?:2|[3-6]\d|70)\d{7,8}|0\d{2,3}\d{7,8}", digits):
        return 0.75  # landlines with their area code
    return 0.0


def _ric_score(digits: str) -> float:
    if not _valid_date(digits[6:14]):
        return 0.7
    return 0.95 if ric.is_valid(digits) else 0.8


def _rrn_like(digits: str) -> bool:
    month, day = int(digits[2:4]), int(digits[4:6])
    return 1 <= month <= 12 and 1 <= day <= 31 and digits[6] in "0123456789"


def classify(run: str, digits: str, before: str) -> tuple[str, float] | None:
    """The kind and score of one digit run, or None for dates, years, counts."""
    n = len(digits)
    international = run.lstrip("( \t").startswith("+") or (
        digits.startswith("00") and n >= 10 and digits[2] != "0"
    )
    if international and n >= 9:
        return "PHONE", _phone_score(digits, True)
    if n < 6 or _is_date_or_years(run, digits):
        return None
    if n == 18 or (n == 17 and run[-1] in "xX"):
        return "ID_NUMBER", _ric_score(digits + ("X" if n == 17 else ""))
    phone = _phone_score(digits, False)
    if phone:
        return "PHONE", phone
    if n == 13 and _rrn_like(digits):
        return "ID_NUMBER", 0.95 if rrn.is_valid(digits) else 0.8
    if any(w in before for w in _PASSPORT_WORDS) and 7 <= n <= 9:
        return "ID_NUMBER", 0.9
    if any(w in before for w in _RRN_WORDS) and n in (6, 7):
        return "ID_NUMBER", 0.7
    if any(w in before for w in _PHONE_WORDS) and 7 <= n <= 15:
        return "PHONE", 0.6
    if 13 <= n <= 19:
        return "ID_NUMBER", 0.9 if luhn.is_valid(digits) else 0.6
    if any(w in before for w in _ID_WORDS) and n >= 6:
        return "ID_NUMBER", 0.7
    if n >= 9:
        return "ID_NUMBER", 0.5 if len(re.findall(r"\d+", run)) > 2 else 0.45
    if n >= 7 and re.search(r"\d[ \t\-.]\d", run):
        return "PHONE", 0.4  # a local number without its area code
    return None


def _runs(folded: str) -> Iterator[tuple[int, int]]:
    for m in _RUN.finditer(folded):
        start, end = m.start(), m.end()
        date = _DATE_PREFIX.match(folded, start)
        if date and date.end() < end:  # "2019.04.14 010-…": the date is not part of it
            start = date.end()
        yield start, end


def find_numbers(folded: str) -> Iterator[Span]:
    """Phone, id, card and account numbers in digits or spelled out."""
    for start, end in _runs(folded):
        run = folded[start:end]
        digits = re.sub(r"\D", "", run)
        found = classify(run, digits, _context(folded, start))
        if found:
            yield Span(start, end, found[0], found[1])
    for m in _PASSPORT.finditer(folded):
        boost = any(w in _context(folded, m.start()) for w in _PASSPORT_WORDS)
        yield Span(m.start(), m.end(), "ID_NUMBER", 0.95 if boost else 0.8)
    for reader in (spoken.korean, spoken.english, spoken.chinese):
        for start, end, digits in reader(folded):
            if re.fullmatch(r"[\d\s\-.,()+]*", folded[start:end]):
                continue  # plain digits: judged above
            score = _phone_score(digits, digits.startswith("00"))
            yield Span(start, end, "PHONE", max(score, 0.6))
