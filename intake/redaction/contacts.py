"""E-mail addresses and messenger accounts (WeChat, KakaoTalk, QQ, Telegram …).

A WeChat id leads straight to a person's phone and contacts, so it is redacted like a
phone number. Account ids look like any other word ("kimsh_1979", "hana.s85", a bare QQ
number), which is why they are only taken near a word that names the service. Addresses
are also found when read aloud ("name at gmail dot com", "이름 골뱅이 naver 점 com").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intake.redaction.finding import Span
from intake.redaction.text import sentence_bounds

_TLDS = (  # longest first, so "yahoo.co.kr" is not cut at "co"
    "co\\.kr|or\\.kr|ne\\.kr|com\\.cn|net\\.cn|info|com|net|org|edu|gov|biz|io|me|co|kr|"
    "cn|kp|jp|ru|us|uk|de|fr|mn|la|th|vn|hk|tw|닷컴|컴|넷|오알지|케이알"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+[ \t]?@[ \t]?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,}(?![A-Za-z])"
)
_AT = r"[ \t]*(?:[(\[{<][ \t]*(?:at|골뱅이|앳)[ \t]*[)\]}>]|\bat\b|골뱅이|앳|艾特)[ \t]*"
_DOT = r"[ \t]*(?:[(\[{<][ \t]*(?:dot|점|닷)[ \t]*[)\]}>]|\bdot\b|점|닷|쩜|\.|点)[ \t]*"
_HOST = r"(?:[A-Za-z0-9-]+|네이버|다음|한메일|지메일|구글|야후|핫메일|네이트|큐큐)"
_SPOKEN_EMAIL = re.compile(
    rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*{_AT}{_HOST}(?:{_DOT}{_HOST})*?"
    rf"{_DOT}(?:{_TLDS})(?![A-Za-z])",
    re.IGNORECASE,
)

_SERVICES = re.compile(
    r"we[ \t-]?chat|weixin|微信号?|微信|위챗|웨이신|kakao[ \t-]?talk|kakao|카카오톡|카카오|"
    r"카톡|(?<![A-Za-z])qq(?![A-Za-z])|큐큐|telegram|텔레그램|whats[ \t-]?app|왓츠앱|"
    r"facebook|페이스북|instagram|인스타그램|인스타|skype|스카이프|viber|zalo|"
    r"(?<![A-Za-z])line[ \t]+id|라인[ \t]*아이디",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"@?[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]|wxid_[A-Za-z0-9_]+")
_FILLER = frozenset(
    "id ids is was his her my their our the a an and or number no num account handle name "
    "username user nickname wxid qq wechat kakao kakaotalk talk chat of for on in at as also "
    "old new same".split()
)
_GAP_WORDS = re.compile(
    r"(?i)\b(?:id|ids|is|was|number|no|num|account|handle|name|username|user|nickname)\b|"
    r"아이디|계정|번호|주소|이름|号码|账号|号|[은는이가도의요]|으로|로"
)
_WINDOW = 60  # characters after the service word in which its id is looked for


def find_emails(folded: str) -> Iterator[Span]:
    for m in _EMAIL.finditer(folded):
        yield Span(m.start(), m.end(), "EMAIL", 0.95)
    for m in _SPOKEN_EMAIL.finditer(folded):
        if "@" not in m.group():
            yield Span(m.start(), m.end(), "EMAIL", 0.85)


def _handle_shaped(token: str) -> bool:
    """An id rather than a word: has a digit, an underscore or a dot inside."""
    return bool(re.search(r"\d|_|[A-Za-z]\.[A-Za-z0-9]", token))


def find_accounts(folded: str) -> Iterator[Span]:
    """Ids within the sentence after a service word; the first token may be a bare word."""
    for m in _SERVICES.finditer(folded):
        _start, sentence_end = sentence_bounds(folded, m.end())
        stop = min(len(folded), m.end() + _WINDOW, max(sentence_end, m.end() + 25))
        for h in _HANDLE.finditer(folded, m.end(), stop):
            token = h.group()
            if token.lower() in _FILLER or (token.isdigit() and len(token) < 5):
                continue
            # A plain word is an id only right after the service and a marker ("WeChat ID:
            # xiaoming", "위챗 xiaoming"), not in English prose ("on WeChat every day").
            gap = folded[m.end() : h.start()]
            marked = bool(gap.strip()) or not m.group().isascii()
            direct = marked and not _GAP_WORDS.sub("", gap).strip(" \t:-=()\"'")
            if direct or _handle_shaped(token):
                yield Span(h.start(), h.end(), "ACCOUNT", 0.85 if direct else 0.7)
    for m in re.finditer(r"(?<![A-Za-z0-9])wxid_[A-Za-z0-9_]+", folded):
        yield Span(m.start(), m.end(), "ACCOUNT", 0.9)
