"""The ways a Korean name is spelled in Latin letters.

Survivors' names reach legal teams through Chinese police records, South Korean papers,
UN reports and interpreters' notes, each with its own habit: Revised Romanisation (Gim
Yeonghui), McCune–Reischauer (Kim Yŏng-hŭi, usually without the breves), and the popular
spellings people choose for themselves (Kim Young-hee). A name the interviewer types in
Hangul must be found in all of them, so each syllable maps to the set of its spellings.
"""

from __future__ import annotations

from functools import cache
from itertools import product

_INITIALS = (
    ("g", "k"), ("kk", "gg", "k"), ("n",), ("d", "t"), ("tt", "dd"), ("r", "l", "n", ""),
    ("m",), ("b", "p"), ("pp", "bb"), ("s", "sh"), ("ss", "s"), ("",), ("j", "ch"),
    ("jj", "tch"), ("ch",), ("k", "kh"), ("t", "th"), ("p", "ph"), ("h",),
)
_VOWELS = (
    ("a",), ("ae", "ai"), ("ya",), ("yae",), ("eo", "o", "u"), ("e",), ("yeo", "yo", "you", "yu"),
    ("ye", "e", "ae"), ("o", "oh"), ("wa",), ("wae",), ("oe", "oi", "wi"), ("yo",),
    ("u", "oo"), ("wo", "weo"), ("we",), ("wi", "ui"), ("yu", "yoo"), ("eu", "u", "ue"),
    ("ui", "eui", "ee", "i"), ("i", "ee", "y"),
)
_FINALS = (
    ("",), ("k", "g"), ("k",), ("k",), ("n",), ("n",), ("n",), ("t", "d"), ("l",),
    ("k", "l"), ("m", "l"), ("l", "p"), ("l",), ("l",), ("p", "l"), ("l",), ("m",), ("p", "b"),
    ("p",), ("t", "s"), ("t", "s"), ("ng",), ("t", "j"), ("t",), ("k",), ("t",), ("p",), ("",),
)

# Surnames have settled spellings of their own that no rule produces (이 → Lee, Rhee).
_SURNAME_SPELLINGS: dict[str, tuple[str, ...]] = {
    "김": ("kim", "gim"), "이": ("lee", "yi", "yee", "i", "rhee", "ri", "li", "rhie"),
    "리": ("ri", "li", "lee", "yi", "rhee"), "박": ("park", "pak", "bak", "bahk", "pag"),
    "최": ("choi", "choe", "chey", "cui"), "정": ("jung", "jeong", "chung", "chong", "jong"),
    "노": ("noh", "no", "roh", "ro"), "로": ("ro", "roh", "no", "noh", "lu"),
    "오": ("oh", "o"), "유": ("yoo", "yu", "you", "ryu"), "류": ("ryu", "yu", "yoo", "lyu", "liu"),
    "임": ("lim", "im", "yim", "rim"), "림": ("rim", "lim", "im", "lin"),
    "나": ("na", "ra", "la"), "라": ("ra", "na", "la"), "조": ("cho", "jo", "joe", "zhao"),
    "신": ("shin", "sin"), "서": ("seo", "suh", "so", "sur"), "우": ("woo", "u", "wu"),
    "윤": ("yoon", "yun"), "장": ("jang", "chang", "zhang"), "강": ("kang", "gang"),
    "전": ("jeon", "jun", "chun", "chon", "jon"), "안": ("ahn", "an"), "송": ("song",),
    "홍": ("hong",), "문": ("moon", "mun"), "양": ("yang", "ryang"), "손": ("son", "sohn"),
    "백": ("baek", "paek", "baik", "paik", "bai"), "허": ("heo", "huh", "ho", "hur", "xu"),
    "심": ("shim", "sim"), "곽": ("kwak", "gwak"), "성": ("sung", "seong", "song"),
    "주": ("joo", "ju", "chu", "choo", "zhu"), "구": ("koo", "ku", "gu"),
    "현": ("hyun", "hyeon", "hyon"), "방": ("bang", "pang"), "변": ("byun", "byeon", "pyon"),
    "염": ("yeom", "yom", "yum"), "렴": ("ryom", "yom", "yeom"), "여": ("yeo", "yo"),
    "려": ("ryo", "yeo", "yo"), "원": ("won", "weon"), "천": ("cheon", "chun", "chon"),
    "엄": ("eom", "um", "uhm"), "표": ("pyo",), "황": ("hwang", "huang"),
    "권": ("kwon", "gwon"), "고": ("ko", "go", "koh", "gao"), "왕": ("wang",),
    "량": ("ryang", "yang", "liang"), "한": ("han",), "하": ("ha",), "남": ("nam",),
}


def _decompose(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


@cache
def syllable_spellings(syllable: str) -> frozenset[str]:
    """Every common Latin spelling of one Hangul syllable, lower case."""
    parts = _decompose(syllable)
    if parts is None:
        return frozenset()
    lead, vowel, tail = parts
    spellings = {
        a + b + c for a, b, c in product(_INITIALS[lead], _VOWELS[vowel], _FINALS[tail])
    }
    spellings.discard("")
    return frozenset(spellings)


@cache
def surname_spellings(syllables: str) -> frozenset[str]:
    """The spellings of a surname (one or two syllables)."""
    if syllables in _SURNAME_SPELLINGS:
        return frozenset(_SURNAME_SPELLINGS[syllables]) | syllable_spellings(syllables)
    if len(syllables) == 1:
        return syllable_spellings(syllables)
    return frozenset(
        "".join(p) for p in product(*(sorted(syllable_spellings(s)) for s in syllables))
    )


def known_surnames() -> frozenset[str]:
    """Latin spellings that are settled Korean surname forms (Kim, Lee, Pak, Choe …)."""
    return frozenset(s for forms in _SURNAME_SPELLINGS.values() for s in forms)
