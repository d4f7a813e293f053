"""Dates of birth — and only those.

An arrest date, a crossing date or a year of detention is the evidence a legal team needs;
a date of birth, with a village, singles out a person. So a date is reported only when
the text marks it as a birth: a suffix (1985년 3월 2일생, …에 태어났다), a label before
it (생년월일, DOB, date of birth, born on, 🎂), within a short reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intake.redaction.finding import Span

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Lunar dates are often said in the old day names (초닷새 = the fifth).
_KO_NUM = (
    r"(?:\d{1,2}|초하루|초이틀|초사흘|초나흘|초닷새|초엿새|초이레|초여드레|초아흐레|초열흘|"
    r"열하루|열이틀|열사흘|열나흘|보름|스무날|그믐)"
)
_DATE = (
    r"(?:"
    # 1985년 3월 2일 / 85년 3월 / 1985년 / 3월 2일 (음력 allowed before)
    rf"(?:음력[ \t]*|양력[ \t]*)?(?:(?:19|20)?\d\d[ \t]*년"
    rf"(?:[ \t]*(?:음력|양력)?[ \t]*\d{{1,2}}[ \t]*월(?:[ \t]*{_KO_NUM}[ \t]*일?)?)?"
    rf"|\d{{1,2}}[ \t]*월[ \t]*{_KO_NUM}[ \t]*일?)"
    # 02/03/1985, 2.3.1985
    r"|\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d"
    # 1985.03.02 / 1985-3-2 / 1990. 7. 15. / 85.03.02
    r"|(?:19|20)?\d\d[ \t]*[-./][ \t]*\d{1,2}[ \t]*[-./][ \t]*\d{1,2}\.?"
    # 2 March 1985, 2nd of March, 1985, March 2, 1985, March 1985
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTHS}(?:,?[ \t]+(?:19|20)\d\d)?"
    rf"|{_MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+(?:19|20)\d\d)?"
    rf"|{_MONTHS}[ \t]+(?:19|20)\d\d"
    # 1985, 1985年3月2日
    r"|(?:19|20)\d\d(?:[ \t]*年(?:[ \t]*\d{1,2}[ \t]*月(?:[ \t]*\d{1,2}[ \t]*日)?)?)?"
    r")"
)
_LABELS = (
    r"생년월일|출생[ \t]*일자|출생일|생일|태어난[ \t]*(?:날|해|때|건|것은|게)|출생[ \t]*연도|출생|"
    r"d\.?[ \t]?o\.?[ \t]?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|"
    r"born(?:[ \t]+(?:on|in))?|"
    r"(?<![A-Za-z])b\.|出生日期|出生|生日|🎂"
)
# Label, then up to ~15 characters of glue (은, :, is, was, 이요?), then the date.
_COMPACT = r"(?:19|20)?\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"  # 850302, 19850302
_LABELLED = re.compile(
    rf"(?:{_LABELS})"
    rf"(?:[ \t]*[:：=][ \t]*|[ \t]*(?:은|는|이|이요\??|요\??|이에요|is|was|as|on|in)?[ \t,]*)"
    r"(?:the[ \t]+)?"  # "gave her date of birth as the 5th of May, 1987"
    rf"(?P<date>{_DATE}|{_COMPACT})",
    re.IGNORECASE,
)
# Date, then a birth suffix: 1985년생, 1972년 11월 5일에 태어났고, 1962년 출생.
_NOT_BIRTH = "활|산|각|존|명|긴|겼|기|필|전|계|물|선|일|포|사|업"  # 생활, 생산 … are not "born"
_SUFFIXED = re.compile(
    rf"(?P<date>{_DATE})"
    rf"(?P<tail>[ \t]?생(?!{_NOT_BIRTH})|(?=[ \t]*(?:에[ \t]*)?(?:태어|출생|出生)))",
    re.IGNORECASE,
)


# After a birth date, another year in the same breath is a birth date too: "born in 1962
# in Onsong, and his brother in 1965", "born in 1990... no, 1991". A verb in between
# ("… and was arrested in 2019") ends the reach.
_FOLLOW = re.compile(
    r"(?:\b(?:in|or|no|not|maybe|perhaps)\b[ \t,.]*|아니[,요]?[ \t]*|혹은[ \t]*|또는[ \t]*)"
    r"(?P<date>(?:19|20)\d\d(?:[ \t]*년)?)(?![\d-])",
    re.IGNORECASE,
)
# "born 1990 (exact date: 12/04/1990)", "1985년생, 정확히는 1985년 3월 2일": the same birth
# given more precisely.
_EXACT = re.compile(
    rf"(?:\(|\bexact(?:ly)?\b|\bprecisely\b|정확히는?|정확한[ \t]*날짜는)[^\d\n]{{0,14}}?"
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:\w+ed|\w+ing|was|were|is|are|went|left|came|got|fled|crossed|died|lost|took|"
    r"sent|caught|held|gave|had|made)\b|[다요][.,]",
    re.IGNORECASE,
)
_REACH = 60
_SENTENCE_END = re.compile(r"(?<!\.)[.!?](?!\.)(?:\s|$)|\n|[다요]\.")


def find_birthdates(folded: str) -> Iterator[Span]:
    for m in _LABELLED.finditer(folded):
        start, end = m.span("date")
        if _plausible(folded[start:end]):
            yield Span(start, end, "DATE_OF_BIRTH", 0.9)
            yield from _following(folded, end)
    for m in _SUFFIXED.finditer(folded):
        start = m.start("date")
        end = m.end("tail") if m.group("tail") else m.end("date")
        if _plausible(folded[start : m.end("date")]):
            yield Span(start, end, "DATE_OF_BIRTH", 0.9)
            yield from _following(folded, end, exact_only=True)


def _following(folded: str, after: int, *, exact_only: bool = False) -> Iterator[Span]:
    window = folded[after : after + _REACH]
    end = _SENTENCE_END.search(window)  # "1990... no, 1991" goes on; ". She gave" does not
    window = window[: end.start()] if end else window
    for m in _EXACT.finditer(window):
        if not _VERB.search(window, 0, m.start("date")) and _plausible(m.group("date")):
            yield Span(after + m.start("date"), after + m.end("date"), "DATE_OF_BIRTH", 0.8)
    if exact_only:
        return
    for m in _FOLLOW.finditer(window):
        if _VERB.search(window, 0, m.start()):
            return
        yield Span(after + m.start("date"), after + m.end("date"), "DATE_OF_BIRTH", 0.6)


def _plausible(date: str) -> bool:
    """Not a bare count: a date needs a year of four digits, or a month."""
    return bool(re.search(r"(?:19|20)\d\d|월|年|月|[A-Za-z]|\d[-./]\d|^\d{6}$", date))
