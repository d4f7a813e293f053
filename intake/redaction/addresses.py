"""Addresses below the level of a county: neighbourhoods, villages, streets, buildings,
people's units (인민반) and work units (기업소, 농장 작업반, 탄광).

A province or a city is evidence (where the detention happened, which border office
acted); the neighbourhood and the 인민반 point at one household. So units are found one by
one and chained — "회령시 남문동 3인민반" gives "남문동 3인민반" and leaves "회령시".
Neighbourhood and village names end in 동 and 리 like many ordinary words (활동, 관리),
so the dictionary decides: a known common word is not a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from intake.redaction.finding import Span
from intake.redaction.gazetteer import Gazetteer
from intake.redaction.korean import parse_suffix
from intake.redaction.morphology import Lexicon, WordClass
from intake.redaction.text import HANGUL


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    score: float
    alone: bool  # enough on its own; otherwise only inside a chain ("1203호")


# Word endings (before any particle) that make a Korean word an address unit.
_WORK_UNITS = (
    "연합기업소", "기업소", "협동농장", "농장", "탄광", "광산", "공장", "제련소", "발전소",
    "제철소", "작업반", "분조", "직장", "목장", "사업소", "아파트", "거리", "마을",
)
_KO_WORD = re.compile(f"[{HANGUL}]+")
_GLUED_PREFIX = re.compile(r"\d+(?:\.\d+)*$")
_KO_NUMBERED = re.compile(
    r"(?:제[ \t]?)?\d{1,5}(?:-\d{1,4})?[ \t]?(인민반|작업반|분조|번지|호실|반|호|층|동|단지|블록)"
    f"(?P<rest>[{HANGUL}]*)"
)
# "세종대로 12" — not "돈으로 300만 원": a particle (으로) and a count are no street.
_KO_STREET = re.compile(
    f"[{HANGUL}0-9]{{1,8}}(?<!으)(?:로|길)[ \t]?\\d{{1,4}}(?:-\\d{{1,4}})?"
    f"(?![\\d만천백억원명개살년월일시분초번차회km])")
# "하남가 12-3호": a Chinese street (街) read in Korean; 가 is also the subject particle
# ("번호가 191-…"), so only with a house number.
_KO_GA_STREET = re.compile(f"[{HANGUL}]{{1,6}}가[ \t]?\\d{{1,4}}(?:-\\d{{1,4}})?[ \t]?(?:호|번지)")
_EN_UNITS: tuple[tuple[re.Pattern[str], float, bool], ...] = (
    # "14-2 Sinam-dong" (a house number, never a year), "Sinam-dong"
    (re.compile(r"(?:\b(?!(?:19|20)\d\d\b)\d{1,5}(?:-\d{1,4})?,?[ \t]+)?"
                r"\b[A-Z][a-z]+(?:-[a-z]+)*-(?:dong|ri|rodongjagu|nodongjagu)\b", re.I), 0.8, True),
    (
        re.compile(
            r"\b(?:\d{1,3}(?:st|nd|rd|th)?[ \t]+inminban|inminban[ \t]+(?:no\.?[ \t]*)?\d{1,3}|"
            r"people'?s[ \t]+(?:neighbou?rhood[ \t]+)?unit[ \t]+(?:no\.?[ \t]*)?\d{1,3}|"
            r"(?:work|working)[ \t]+(?:team|unit|brigade)[ \t]+(?:no\.?[ \t]*)?\d{1,3}|"
            r"\d{1,3}(?:st|nd|rd|th)?[ \t]+(?:work|working)[ \t]+(?:team|unit|brigade)|"
            r"jagopban[ \t]+\d{1,3}|brigade[ \t]+\d{1,3}|\d{1,3}(?:st|nd|rd|th)?[ \t]*-?ban)\b",
            re.I,
        ),
        0.8,
        True,
    ),
    (
        re.compile(
            r"\b(?:Room|Rm\.?|Apartment|Apt\.?|Flat|Building|Bldg\.?)[ \t]*#?\d{1,5}[A-Za-z]?\b",
            re.I,
        ),
        0.75,
        True,
    ),
    (
        re.compile(r"\b(?:Unit|Block|No\.|House)[ \t]*#?(?:\d{1,5}[A-Za-z]?|[A-Z])\b", re.I),
        0.6,
        False,
    ),
    (
        re.compile(
            r"\b(?:\d{1,5}[ \t]+)?(?:[A-Z][a-z]+[ \t]){1,3}(?:Road|Rd\.?|Street|St\.|Avenue|Ave\.?|"
            r"Lane|Ln\.?|Alley|Boulevard|Blvd\.?|Lu|Jie|Dajie|Hutong)\b"
        ),
        0.75,
        True,
    ),
    (
        re.compile(
            r"\b[A-Z][a-z]+(?:[ \t-][A-Z]?[a-z]+)?[ \t]+[Vv]illage\b|\bvillage of [A-Z][a-z]+"
        ),
        0.75,
        True,
    ),
    (
        re.compile(
            r"\b(?:[A-Z][a-z]+[ \t]){1,3}(?:[Cc]oal[ \t]+)?(?:[Mm]ine|[Cc]olliery|"
            r"[Cc]ooperative[ \t]+[Ff]arm|[Ff]arm|[Ee]nterprise|[Ff]actory|[Ss]teel[ \t]+[Ww]orks|"
            r"[Ii]ron[ \t]*[Ww]orks|[Cc]omplex|(?:[Pp]aper[ \t]+)?[Mm]ill|[Pp]lant|[Ss]melter|"
            r"[Ww]orks|[Ww]orkers'?[ \t]+[Dd]istrict)\b"
        ),
        0.7,
        True,
    ),
)
_COMMON_VILLAGES = frozenset(
    "농촌 어촌 산촌 빈촌 부촌 조선족촌 한인촌 민속촌 지구촌 선수촌".split())
_EN_NOT_NAMES = frozenset(
    "the a an this that these those her his my our their its in at on of from to by with and "
    "state border security detention labour labor prison camp holding political public".split()
)
_ZH_UNIT = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,12}?)(?:村|屯|小区|社区|街道|大街|街|路|巷|胡同|弄|花园|公寓|大厦)"
    r"|\d{1,5}[ \t]?(?:号楼|号院|号|栋|幢|单元|层|室|户|组)"
)
_ZH_ADMIN = re.compile(r".*[市县省州镇乡区]")  # in the name part: "和龙市西城镇|金达莱"
_CHAIN_GAP = re.compile(r"[ \t]{0,2}(?:,[ \t]{0,2})?")


class AddressFinder:
    def __init__(self, lexicon: Lexicon, places: Gazetteer) -> None:
        self._lexicon = lexicon
        self._places = places

    def find(self, folded: str) -> Iterator[Span]:
        units = sorted(
            [*self._korean_words(folded), *self._korean_numbered(folded),
             *self._english(folded), *self._chinese(folded)],
            key=lambda u: (u.start, -u.end),
        )
        yield from _chains(units, folded)

    def _name_like(self, name: str) -> bool:
        """A proper name rather than an ordinary word (남문, 한빛, 회령제지 — not 활, 공)."""
        if self._places.has_ko(name):
            return True
        analysis = self._lexicon.analyse(name)
        if analysis.word_class in (WordClass.PROPER, WordClass.UNKNOWN, WordClass.NONE):
            return True
        if analysis.word_class is WordClass.SPLIT:
            return any(tag == "NNP" or not known for _f, tag, known in analysis.morphemes)
        return False

    def _named_unit(self, stem: str) -> bool:
        """"수북동", "해방동": an ordinary word made a name by 동/리 (not one word like 활동)."""
        morphemes = self._lexicon.analyse(stem).morphemes
        if len(morphemes) < 2 or morphemes[-1][0] != stem[-1]:
            return False
        return all(tag in ("NNG", "NNP", "XR", "NR", "SN") for _f, tag, _k in morphemes[:-1])

    def _korean_words(self, folded: str) -> Iterator[_Unit]:
        for m in _KO_WORD.finditer(folded):
            start, word = m.start(), m.group()
            window = max(0, start - 16)
            prefix = _GLUED_PREFIX.search(folded[window:start])
            if prefix:
                if "기업소" not in word and not any(u in word for u in _WORK_UNITS):
                    continue  # "8살짜리": the word goes with the number before it
                start = window + prefix.start()  # "2.8비날론연합기업소"
            for stem in _stems(word):
                unit = self._korean_unit(stem)
                if unit is not None:
                    yield _Unit(start, m.start() + len(stem), unit, True)
                    break
                if self._korean_town(stem):
                    yield _Unit(start, m.start() + len(stem), 0.6, False)
                    break

    def _korean_unit(self, stem: str) -> float | None:
        if stem.endswith(("로동자구", "노동자구")) and len(stem) > 4:
            return 0.85
        if stem.endswith("기업소") and len(stem) > 3:
            return 0.75  # always a named enterprise: "2.8비날론연합기업소"
        for suffix in _WORK_UNITS:
            if stem.endswith(suffix) and len(stem) > len(suffix):
                name = stem[: -len(suffix)]  # 아오지, 회령제지, 성천협동 — not 신발, 큰
                if len(name) < 2:
                    return None
                if self._places.has_ko(name) or not self._lexicon.is_common(name):
                    return 0.75
                return None
        if stem[-1] == "촌" and len(stem) >= 3 and not self._places.has_ko(stem):
            if stem in _COMMON_VILLAGES or self._lexicon.is_common(stem):
                return None  # 농촌, 조선족촌: a kind of place, not a named one
            return 0.7  # 명암촌: a village, often named by an ordinary word (명암)
        if stem[-1] in "동리" and len(stem) >= 3 and not self._places.has_ko(stem):
            if self._lexicon.is_common(stem):
                return None
            if self._name_like(stem) or self._name_like(stem[:-1]):
                return 0.7
            return 0.6 if self._named_unit(stem) else None
        return None

    def _korean_town(self, stem: str) -> bool:
        """"서성진": a Chinese town (镇), below the county; joins an address, never alone."""
        return (stem[-1] == "진" and len(stem) >= 3 and not self._places.has_ko(stem)
                and not self._lexicon.is_common(stem))

    def _korean_numbered(self, folded: str) -> Iterator[_Unit]:
        for m in _KO_NUMBERED.finditer(folded):
            rest = m.group("rest")
            if rest and parse_suffix(rest) is None:
                continue  # "3반장", "12호실장": the number is part of another word
            unit = m.group(1)
            end = m.end() - len(rest)
            yield _Unit(m.start(), end, 0.75, unit in ("인민반", "작업반", "분조", "번지", "반"))
        for pattern in (_KO_STREET, _KO_GA_STREET):
            for m in pattern.finditer(folded):
                yield _Unit(m.start(), m.end(), 0.7, True)

    def _english(self, folded: str) -> Iterator[_Unit]:
        for pattern, score, alone in _EN_UNITS:
            for m in pattern.finditer(folded):
                first = m.group().split()[0].lower()
                if first in _EN_NOT_NAMES or self._places.has_latin(m.group()):
                    continue
                yield _Unit(m.start(), m.end(), score, alone)

    def _chinese(self, folded: str) -> Iterator[_Unit]:
        for m in _ZH_UNIT.finditer(folded):
            start, text = m.start(), m.group()
            name = m.group("name")
            if name:
                admin = _ZH_ADMIN.match(name)
                if admin:  # "和龙市西城镇金达莱村": keep the city and town, take the village
                    if admin.end() == len(name):
                        continue
                    start += admin.end()
                    text = text[admin.end() :]
            if len(text) < 2 or self._places.has_zh(text):
                continue
            yield _Unit(start, m.end(), 0.75, not text[0].isdigit())


def _stems(word: str) -> Iterator[str]:
    """``word`` without each particle chain it may end in, longest stem first."""
    for cut in range(len(word), 1, -1):
        if cut == len(word) or parse_suffix(word[cut:]) is not None:
            yield word[:cut]


def _chains(units: list[_Unit], folded: str) -> Iterator[Span]:
    """Join units that follow each other (space or comma between) into one address."""
    group: list[_Unit] = []
    for unit in units:
        if group and unit.start <= group[-1].end:
            group.append(unit)  # overlapping units: same address
            continue
        if group and _CHAIN_GAP.fullmatch(folded[max(u.end for u in group) : unit.start]):
            group.append(unit)
            continue
        yield from _emit(group)
        group = [unit]
    yield from _emit(group)


def _emit(group: list[_Unit]) -> Iterator[Span]:
    if group and any(u.alone for u in group):
        start = min(u.start for u in group)
        end = max(u.end for u in group)
        yield Span(start, end, "ADDRESS", max(u.score for u in group))
