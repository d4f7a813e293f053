"""Names in Latin letters: romanised Korean (Kim Young-hee, pak chol-su, Choi Sun Hee),
Mandarin (Li Wei, Wang Xiaoming, CUI SHUNJI) and names after a title or a relation word
(Mr. Choe, comrade Ro Myong-chol, her brother Sung-chol, my friend lee eun-hye).

Interpreters' notes are often typed in lower case, so case is evidence, not a gate: a
lower-case pair is taken when the surname is not also an English word, or the given name
has the hyphen that only romanised names have.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from intake.redaction.finding import Span
from intake.redaction.gazetteer import Gazetteer, normalise_latin
from intake.redaction.latin_syllables import (
    ENGLISH,
    PINYIN_SURNAMES,
    known_given_names,
    korean_syllables,
    latin_surnames,
    name_syllables,
)
from intake.redaction.lexicon import PUBLIC_FIGURES_LATIN

# A word that is not part of an e-mail address, a handle or a code ("sunhee0715").
_TOKEN = re.compile(r"(?<![A-Za-z0-9_@.])[A-Za-z]+(?:-[A-Za-z]+)*(?![A-Za-z0-9_@]|\.[A-Za-z0-9])")
_TITLE = re.compile(
    r"\b(?:(?i:mr|mrs|ms|miss|mx|dr|madam|madame|comrade|uncle|aunt|auntie|aunty|grandma|"
    r"grandpa|granny|grandmother|grandfather|teacher|officer|agent|director|chief|captain|"
    r"lieutenant|major|sergeant|pastor|reverend|rev)|Sister|Brother|Father|Mother|Elder|"
    r"Deacon)\.?[ \t]+$"
)
_RELATION = re.compile(
    r"\b(?:my|her|his|their|our|your|whose|a|the|witness's)[ \t]+(?:(?:younger|elder|older|little|"
    r"big|late|eldest|youngest|second|first|best|old)[ \t]+)?(?:brother|sister|uncle|aunt|cousin|"
    r"son|daughter|mother|father|husband|wife|friend|niece|nephew|grandmother|grandfather|"
    r"grandson|granddaughter|mother-in-law|father-in-law|brother-in-law|sister-in-law|neighbou?r|"
    r"colleague|classmate|boyfriend|girlfriend|fianc[eé]e?|partner|mum|mom|dad),?[ \t]+$|"
    r"\b(?:called|named|name (?:is|was)|known as|(?:knew|know) (?:her|him|them) as|"
    r"call(?:s|ed)? (?:herself|himself|themselves))[ \t]+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    gap_before: str

    @property
    def style(self) -> str:
        if self.text.isupper():
            return "upper"
        if self.text[0].isupper():
            return "cap"
        return "lower" if self.text.islower() else "mixed"

    @property
    def low(self) -> str:
        return self.text.lower()


class LatinNames:
    def __init__(self, places: Gazetteer) -> None:
        self._places = places

    def find(self, folded: str) -> Iterator[Span]:
        toks: list[_Tok] = []
        prev_end = 0
        for m in _TOKEN.finditer(folded):
            toks.append(_Tok(m.start(), m.end(), m.group(), folded[prev_end : m.start()]))
            prev_end = m.end()
        public_until = -1
        for i, tok in enumerate(toks):
            if self._public_figure(toks, i):
                public_until = i + 2  # "Kim Il-sung", "Kim Jong Un": evidence, not witnesses
            if i <= public_until:
                continue
            before = folded[max(0, tok.start - 40) : tok.start]
            titled = bool(_TITLE.search(before))
            cued = titled or bool(_RELATION.search(before))
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt and nxt.gap_before == " " and nxt.low in _KOREAN_TITLES and (
                tok.low in latin_surnames() or name_syllables(tok.text, 3)
            ) and tok.low not in _FUNCTION_WORDS:
                yield Span(tok.start, tok.end, "PERSON", 0.65)  # "Kim ajeossi", "Young-hee ssi"
                continue
            span = self._full_name(toks, i) or self._given_alone(toks, i, cued, titled)
            if span is not None:
                yield span

    def _public_figure(self, toks: list[_Tok], i: int) -> bool:
        for n in (2, 3):
            words = toks[i : i + n]
            if len(words) == n and all(w.gap_before in (" ", "-") for w in words[1:]):
                if normalise_latin("".join(w.text for w in words)) in PUBLIC_FIGURES_LATIN:
                    return True
        return False

    def _full_name(self, toks: list[_Tok], i: int) -> Span | None:
        """Surname + given name: "Kim Young-hee", "Choi Sun Hee", "Li Wei", "pak chol-su"."""
        sur = toks[i]
        if sur.low not in latin_surnames() or "-" in sur.text:
            return None
        parts = [t for t in toks[i + 1 : i + 3] if t.gap_before in (" ", "\t")]
        if not parts or parts[0] is not toks[i + 1]:
            return None
        first = parts[0]
        if not _same_case(sur, first):
            return None
        lower = sur.style == "lower"
        chinese = sur.low in PINYIN_SURNAMES
        if "-" in first.text:
            pieces = first.text.split("-")
            if len(pieces) != 2 or not all(name_syllables(p, 1) for p in pieces):
                return None
            end, score = first.end, 0.85
        elif (
            len(parts) == 2
            and parts[1] is toks[i + 2]
            and _same_case(first, parts[1])
            and name_syllables(first.text, 1)
            and name_syllables(parts[1].text, 1)
            and not ({first.low, parts[1].low} & _FUNCTION_WORDS)
            and (not lower or not ({first.low, parts[1].low} & ENGLISH))
        ):
            end, score = parts[1].end, 0.75  # "Choi Sun Hee", "Pak Chol Su"
        elif name_syllables(first.text, 2) == 2 and first.low not in ENGLISH:
            end, score = first.end, 0.75  # "Zhang Lihua", "kim younghee"
        elif chinese and name_syllables(first.text, 1) and first.low not in ENGLISH:
            end, score = first.end, 0.6  # "Li Wei"
        else:
            return None
        if lower and sur.low in ENGLISH and "-" not in first.text:
            return None  # "so young", "do it"
        if sur.style == "cap" and sur.low in ENGLISH and "-" not in first.text:
            if i == 0 or "\n" in sur.gap_before or sur.gap_before.strip()[-1:] in ".!?\"":
                return None  # "So Young", "Do Wei" at a sentence start
        full = normalise_latin(" ".join(t.text for t in toks[i : i + 3] if t.end <= end))
        if full in PUBLIC_FIGURES_LATIN or self._places.has_latin(full):
            return None
        if self._places.has_latin(first.text) and "-" not in first.text:
            return None
        return Span(sur.start, end, "PERSON", score)

    def _given_alone(self, toks: list[_Tok], i: int, cued: bool, titled: bool) -> Span | None:
        """"Young-hee", "chol-su", "Eunhye", or any name-like word after "her brother"."""
        tok = toks[i]
        if self._places.has_latin(tok.text):
            return None
        if "-" in tok.text:
            pieces = tok.text.split("-")
            if len(pieces) == 2 and all(
                p.lower() in korean_syllables() for p in pieces
            ) and not all(p.lower() in ENGLISH for p in pieces):
                return Span(tok.start, tok.end, "PERSON", 0.7)
            if len(pieces) == 2 and cued and all(name_syllables(p, 1) for p in pieces):
                return Span(tok.start, tok.end, "PERSON", 0.7)
            return None
        if tok.low in known_given_names() and tok.style != "mixed":
            return Span(tok.start, tok.end, "PERSON", 0.6)
        if titled and tok.low in latin_surnames():
            return Span(tok.start, tok.end, "PERSON", 0.65)  # "Mr. Choe", "mrs. song"
        if cued and tok.low not in _FUNCTION_WORDS and (
            (tok.style in ("cap", "upper") and tok.low not in _TITLE_WORDS)
            or (tok.low in latin_surnames() and tok.low not in ENGLISH)
        ):
            end = tok.end
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt and nxt.gap_before == " " and nxt.style == tok.style and nxt.low not in ENGLISH:
                if name_syllables(nxt.text, 3):
                    end = nxt.end  # "Mr. Kim Chol", "uncle Pak Song-nam"
            return Span(tok.start, end, "PERSON", 0.65)
        return None


_FUNCTION_WORDS = frozenset(
    "a an and are as at be but by do for from go he her him his i if in is it me my no not "
    "of on or our she so than that the then they to up us was we who with you".split()
)


_TITLE_WORDS = frozenset("mr mrs ms miss mx dr madam comrade sir".split())
# Korean titles and kinship words written in Latin letters after a name.
_KOREAN_TITLES = frozenset(
    "ssi nim dongmu tongmu dongji ajeossi ajossi ajosshi ajumma ajumoni ajumeoni eonni unni "
    "onni oppa hyung hyeong nuna noona samchon samchun imo gomo halmoni halmeoni harmoni "
    "halabeoji harabeoji abai omani sonsaengnim seonsaengnim bowiwon sojang bujang".split()
)


def _same_case(a: _Tok, b: _Tok) -> bool:
    """Both capitalised (or upper case), or both lower case: "Kim Young-hee", "kim young-hee"."""
    if a.style == "lower" or b.style == "lower":
        return a.style == b.style == "lower"
    return True
