"""Korean personal names written in Hangul: 김영희, 영희는, 명철이가, 철수 삼촌, 로명철 보위원.

Each word is split into a stem and a particle suffix; a stem that has the shape of a name
(surname + given syllables, or two given-name syllables, or a Mandarin name in Hangul) is
scored by evidence: the dictionary (a known common word like 은혜 "grace" counts against,
an unknown or proper noun for), the gazetteer (회령, 온성 are places), and the cues around
it — a title or kinship word after it, a relation word before it, the familiar 이
(명철이가), a vocative (순희야), "X라는 사람". A second pass lets a name found once with
good evidence vouch for its other mentions, and for names listed next to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from intake.redaction.gazetteer import Gazetteer
from intake.redaction.korean import Suffix, has_final, parse_suffix
from intake.redaction.lexicon import (
    CN_GIVEN_SYL,
    CN_MARKED_SYL,
    CN_SURNAMES_KO,
    GIVEN_NAMES,
    GIVEN_SYL,
    KIN_AFTER,
    KIN_BEFORE,
    NAME_INTRO,
    NOT_NAMES,
    PERSON_NOUNS,
    POSSESSIVES,
    PUBLIC_FIGURES,
    SURNAMES,
    SURNAMES_2,
    TITLES_AFTER,
)
from intake.redaction.morphology import Lexicon, WordClass
from intake.redaction.romanise import surname_spellings, syllable_spellings
from intake.redaction.text import HANGUL

THRESHOLD = 0.5
_WORD = re.compile(f"[{HANGUL}]+")
_NOMINAL = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "XSN", "XR", "MM", "SL", "SH", "SN"})
_INTRO = frozenset({"이라는", "라는", "이란", "란", "이라고", "라고", "이라던", "라던"})
_SUBJECTISH = frozenset({"는", "은", "가", "이", "랑", "이랑", "하고", "한테", "에게", "의", "네",
                         "한테서", "에게서", "와", "과", "야", "아", ""})
_HONORIFICS = frozenset({"씨", "동무", "동지", "선생", "선생님", "여사", "아저씨", "아주머니",
                         "할머니", "할아버지", "아바이", "오마니"})
_ADDRESSED = _HONORIFICS | TITLES_AFTER  # "왕씨", "도 소장", "김 부장"
_DETERMINERS = frozenset({"이", "그", "저"})
_CONJUNCTIONS = frozenset({"와", "과", "랑", "이랑", "하고", "이며", "며"})
_PLACE_ENDINGS = frozenset("동리구군시도면읍")
_CHILD_OR_SIBLING = frozenset(
    "딸 큰딸 작은딸 막내딸 아들 큰아들 작은아들 막내아들 동생 남동생 여동생 손녀 손자 조카".split())
_NATIVE_NUMBERS = frozenset("하나 다섯 여섯 일곱 여덟 아홉 스물 서넛 두셋".split())  # 조카 하나가


@dataclass(frozen=True)
class Word:
    start: int
    text: str
    gap_before: str  # the characters between the previous word and this one


@dataclass
class Candidate:
    start: int
    end: int
    stem: str
    suffix: Suffix
    score: float
    common: bool  # the stem is also an ordinary word (은혜, 하나, 명철)
    given: str | None  # the given name inside a full name (김영희 → 영희)


class KoreanNames:
    def __init__(self, lexicon: Lexicon, places: Gazetteer) -> None:
        self._lexicon = lexicon
        self._places = places

    def find(
        self,
        folded: str,
        known: frozenset[str] = frozenset(),
        romanised: frozenset[str] = frozenset(),
    ) -> list[Candidate]:
        """Names in ``folded``; ``known`` are names already known for this text (in
        Hangul), ``romanised`` the names found in Latin letters, lower case, run together."""
        words = [
            Word(m.start(), m.group(), folded[prev_end : m.start()])
            for m, prev_end in _with_prev_end(_WORD.finditer(folded))
        ]
        found: list[Candidate] = []
        best: list[Candidate | None] = []
        for i in range(len(words)):
            candidate = self._best_split(words, i)
            best.append(candidate)
            spaced = self._spaced_full_name(words, i)
            if spaced is not None:
                found.append(spaced)
            surname = self._surname_with_honorific(words, i)
            if surname is not None:
                found.append(surname)
        accepted = {c.stem for c in best if c and c.score >= THRESHOLD} | set(known)
        accepted |= {c.given for c in best if c and c.given and c.score >= THRESHOLD}
        for i, c in enumerate(best):
            if c is None or c.score >= THRESHOLD:
                continue
            if c.stem in accepted and (not c.common or _vouched_form(c.suffix)):
                c.score = max(c.score + 0.5, 0.6)
            elif romanised and _spelled_in(c.stem, romanised):
                c.score = max(c.score + 0.5, 0.6)  # "우리 명철이 …" and "Myong-chol is her son"
            elif _listed_with_a_name(words, best, i):
                c.score += 0.25
        found.extend(c for c in best if c is not None and c.score >= THRESHOLD)
        found.extend(_spelled_out(folded))
        return found

    # -- one word ---------------------------------------------------------------------

    def _best_split(self, words: list[Word], i: int) -> Candidate | None:
        word = words[i]
        if word.gap_before[-1:].isalnum():
            return None  # "1203호예요", "QQ번호": the word continues a number or a code
        if word.text[:3] in PUBLIC_FIGURES or word.text[:2] in PUBLIC_FIGURES:
            return None  # "김정은 시대에": not 김정 + 은
        best: Candidate | None = None
        for length in range(2, min(4, len(word.text)) + 1):
            stem = word.text[:length]
            suffix = parse_suffix(word.text[length:], stem=stem, cues=True)
            if suffix is None:
                continue
            candidate = self._score(words, i, stem, suffix)
            if candidate is not None and (best is None or _better(candidate, best)):
                best = candidate
            if suffix.particles and self._is_known_noun(stem):
                break  # "은혜의", "장춘을": a known noun and its particle, not 은+혜의
        return best

    def _score(self, words: list[Word], i: int, stem: str, suffix: Suffix) -> Candidate | None:
        if stem in NOT_NAMES or stem in PUBLIC_FIGURES or stem in KIN_BEFORE or stem in KIN_AFTER:
            return None
        if len(stem) >= 3 and self._starts_with_word(words[i].text, len(stem)):
            return None  # "성함은": 성함 + 은, not the name 성+함은
        shape, given = _shape(stem)
        if shape == 0.0:
            return None
        analysis = self._lexicon.analyse(stem)
        word_class = analysis.word_class
        common = word_class is WordClass.COMMON or (
            word_class is not WordClass.NONE and self._lexicon.is_common(stem)
        )
        score = shape
        if common:
            score -= 0.3 if analysis.ambiguous else 0.5
        elif word_class is WordClass.PROPER:
            score += 0.1 if analysis.ambiguous else 0.3
        elif word_class is WordClass.UNKNOWN:
            score += 0.2
        elif word_class is WordClass.SPLIT:
            morphemes = self._lexicon.analyse(stem).morphemes
            nominal = all(t in _NOMINAL for _f, t, _k in morphemes)
            has_nnp = any(t == "NNP" for _f, t, _k in morphemes)
            if nominal or has_nnp:
                score += 0.1 if given else 0.05
            elif not given:
                score -= 0.35  # "가서", "나요": a verb form; a full name is not judged so
        if self._places.has_ko(stem):
            score -= 0.6
        elif len(stem) >= 3 and stem[-1] in _PLACE_ENDINGS:
            score -= 0.4  # 남문동, 성천리, 양천구: more likely a place than 남+문동
        if suffix.cue and (
            self._lexicon.is_common(stem + suffix.cue) or (suffix.cue == "님" and common)
        ):
            suffix = Suffix(False, None, suffix.particles)  # 사모님, 선생님: a title itself
        if suffix.affectionate and self._lexicon.is_common(stem + "이"):
            suffix = Suffix(False, suffix.cue, "이" + suffix.particles)  # 고양이가: a cat
        score += _cue_score(words, i, i, suffix)
        start = words[i].start
        return Candidate(start, start + len(stem), stem, suffix, min(score, 0.99), common, given)

    def _starts_with_word(self, word: str, length: int) -> bool:
        """True when the dictionary reads ``word`` as a shorter common word and more."""
        morphemes = self._lexicon.analyse(word).morphemes
        if not morphemes:
            return False
        form, tag, known = morphemes[0]
        if not (known and tag != "NNP" and 2 <= len(form) < length and word.startswith(form)):
            return False
        # "성함은", "진술인": a word and more; but "박명희" is not 박명 (short life) + 희 — a
        # surname before a known given name is read as the name.
        return not (length == 3 and word[0] in SURNAMES and word[1:3] in GIVEN_NAMES)

    def _is_known_noun(self, stem: str) -> bool:
        """A known word that can take a particle; "이미" (already) + 란은 is no such word,
        so 이미란은 is still read as the name 이미란 + 은."""
        if stem in NOT_NAMES or self._places.has_ko(stem):
            return True
        if self._lexicon.classify(stem) is not WordClass.COMMON:
            return False  # a proper noun may be a given name inside a longer name: 정미|란
        morphemes = self._lexicon.analyse(stem).morphemes
        return not morphemes or morphemes[0][1] in _NOMINAL

    def _spaced_full_name(self, words: list[Word], i: int) -> Candidate | None:
        """"김 정숙입니다", "최 동철", "김\n영희": a surname apart from the given name."""
        word = words[i]
        if word.text not in SURNAMES or i + 1 >= len(words):
            return None
        if words[i + 1].gap_before not in (" ", "\n", " \n", "\r\n"):
            return None
        nxt = words[i + 1]
        given = nxt.text[:2]
        suffix = parse_suffix(nxt.text[2:], stem=given, cues=True)
        if suffix is None or len(given) < 2 or not all(s in GIVEN_SYL for s in given):
            return None
        if given in NOT_NAMES or given in KIN_AFTER or given in TITLES_AFTER:
            return None
        analysis = self._lexicon.analyse(given)
        word_class = analysis.word_class
        if self._places.has_ko(given) or (word.text in _DETERMINERS and given not in GIVEN_NAMES):
            return None  # "이 사람", "그 동네": a determiner, not a surname
        score = 0.35 + (0.1 if given in GIVEN_NAMES else 0.0)
        if word_class is WordClass.COMMON or self._lexicon.is_common(given):
            score -= 0.3
        elif word_class is WordClass.SPLIT:
            morphemes = analysis.morphemes
            if not all(t in _NOMINAL or t == "NNP" for _f, t, _k in morphemes):
                return None  # "안 나요": a negation and a verb
        else:
            score += 0.2
        score += _cue_score(words, i, i + 1, suffix)
        if score < THRESHOLD:
            return None
        return Candidate(word.start, nxt.start + 2, given, suffix, min(score, 0.95), False, given)

    def _surname_with_honorific(self, words: list[Word], i: int) -> Candidate | None:
        """"왕씨였는데", "최 씨 아저씨", "조 선생님": a surname with an honorific only."""
        word = words[i]
        surname = word.text[0]
        if surname not in SURNAMES and surname not in CN_SURNAMES_KO:
            return None
        suffix = parse_suffix(word.text[1:], stem=surname, cues=True)
        glued = suffix is not None and suffix.cue in _ADDRESSED and len(word.text) > 1
        apart = (
            len(word.text) == 1
            and i + 1 < len(words)
            and words[i + 1].gap_before == " "
            and _stem_in(words[i + 1].text, _ADDRESSED)
        )
        if not (glued or apart):
            return None
        if surname in _DETERMINERS and not (glued and suffix and suffix.cue == "씨"):
            return None
        empty = Suffix(False, None, "")
        return Candidate(word.start, word.start + 1, surname, empty, 0.55, False, None)


_SYLLABLE_JA = f"[ \t]*[,、]?[ \t]*([{HANGUL}])[ \t]?자"
_SPELLED = re.compile(f"(?<![{HANGUL}])([{HANGUL}])[ \t]?자{_SYLLABLE_JA}(?:{_SYLLABLE_JA})?")


def _spelled_out(folded: str) -> Iterator[Candidate]:
    """"박 자, 영 자, 수 자": a name given one syllable at a time, the respectful way to
    say an elder's name (아버지 함자는 …)."""
    for m in _SPELLED.finditer(folded):
        surname, *given = (g for g in m.groups() if g)
        if surname not in SURNAMES or not all(s in GIVEN_SYL for s in given):
            continue
        if surname in _DETERMINERS and not _NAME_WORDS.search(folded[max(0, m.start() - 8):
                                                                      m.start()]):
            continue  # "이 자, 저 자": this fellow, that fellow
        empty = Suffix(False, None, "")
        yield Candidate(m.start(), m.end(), surname + "".join(given), empty, 0.8, False,
                        "".join(given))


_NAME_WORDS = re.compile("함자|성함|이름|존함")


def _better(candidate: Candidate, best: Candidate) -> bool:
    """Recall first: of two readings that both pass, the longer one wins, so 정미란 is
    not cut to 정미 + 란 (leaving a syllable of the name behind the replacement)."""
    if candidate.score >= THRESHOLD and best.score >= THRESHOLD:
        return candidate.end > best.end
    return candidate.score > best.score


def _spelled_in(stem: str, romanised: frozenset[str]) -> bool:
    """True when some romanisation of ``stem`` is among the Latin names of the text."""
    parts = [sorted(syllable_spellings(s)) for s in stem]
    if len(stem) == 3 and stem[0] in SURNAMES:
        parts[0] = sorted(surname_spellings(stem[0]))
    return any("".join(combo) in romanised for combo in product(*parts))


def _shape(stem: str) -> tuple[float, str | None]:
    """How much ``stem`` is shaped like a name, and the given name inside a full name."""
    for surname in (stem[:2], stem[:1]):
        if surname in CN_SURNAMES_KO:
            rest = stem[len(surname) :]
            if 1 <= len(rest) <= 3 and all(s in CN_GIVEN_SYL for s in rest):
                # 왕샤오밍: a syllable only Mandarin gives; 쑨강: a surname only Mandarin reads so
                if any(s in CN_MARKED_SYL for s in rest) or surname not in SURNAMES:
                    return 0.5, rest
    if stem[:2] in SURNAMES_2 and len(stem) in (3, 4):
        rest = stem[2:]
        if all(s in GIVEN_SYL for s in rest):
            return 0.45, rest if len(rest) == 2 else None
    if stem[0] in SURNAMES and len(stem) == 3 and all(s in GIVEN_SYL for s in stem[1:]):
        if stem[2] == "이" and has_final(stem[1]):
            return 0.0, None  # "옥순이": the familiar form of 옥순, scored as 옥순 + 이
        return 0.45, stem[1:]
    if len(stem) == 2 and all(s in GIVEN_SYL for s in stem):
        return (0.35 if stem in GIVEN_NAMES else 0.25), None
    if len(stem) == 2 and stem[0] in SURNAMES and stem[1] in GIVEN_SYL:
        return 0.15, None
    return 0.0, None


def _cue_score(words: list[Word], first: int, i: int, suffix: Suffix) -> float:
    """Evidence around a name that starts in word ``first`` and ends in word ``i``."""
    score = 0.1 if suffix.particles else 0.0
    if suffix.cue in TITLES_AFTER or suffix.cue in KIN_AFTER:
        score += 0.5
    elif suffix.cue:
        score += 0.3  # 철수네: "Chol-su's family"
    if suffix.affectionate:
        score += 0.5
    if suffix.vocative:
        score += 0.3
    nxt = words[i + 1] if i + 1 < len(words) and _adjacent(words[i + 1]) else None
    prev = words[first - 1] if first > 0 and _adjacent(words[first]) else None
    if suffix.particles in _INTRO:
        score += 0.45 if nxt and _stem_in(nxt.text, PERSON_NOUNS) else 0.1
    if nxt and not suffix.cue and _stem_in(nxt.text, TITLES_AFTER | KIN_AFTER):
        score += 0.45 if not suffix.particles else 0.3
    if prev and prev.text in NAME_INTRO:
        score += 0.6  # "이름은 하나예요"
    elif (prev and prev.text in _CHILD_OR_SIBLING and suffix.particles in ("는", "은", "가", "이")
          and words[first].text[:2] not in _NATIVE_NUMBERS):
        score += 0.55  # "큰딸 설화는", "동생 은정이가": a relative named as the topic
    elif prev and prev.text in KIN_BEFORE:
        score += 0.35
    if nxt and suffix.particles in ("는", "은", "가", "이") and nxt.text in POSSESSIVES:
        after = words[i + 2 : i + 4]
        if any(_stem_in(w.text, KIN_BEFORE | KIN_AFTER) for w in after):
            score += 0.55  # "은혜는 제 막내 동생이에요"
    return score


def _adjacent(word: Word) -> bool:
    """Separated from the previous word by spaces only (no punctuation, no line break)."""
    return 0 < len(word.gap_before) <= 2 and not word.gap_before.strip(" \t")


def _stem_in(text: str, vocabulary: frozenset[str]) -> bool:
    for length in range(len(text), 0, -1):
        if text[:length] in vocabulary and parse_suffix(text[length:]) is not None:
            return True
    return False


def _vouched_form(suffix: Suffix) -> bool:
    """A common word (하나, 은혜) is taken as the known name only in a name's usual forms."""
    return bool(suffix.cue or suffix.affectionate or suffix.vocative) or (
        suffix.particles in _SUBJECTISH
    )


def _listed_with_a_name(words: list[Word], best: list[Candidate | None], i: int) -> bool:
    """"명순 언니, 금희, 향란이가": a name-shaped word in a list next to a name."""
    for j in (i - 2, i - 1, i + 1):
        other = best[j] if 0 <= j < len(best) else None
        if other is None or other.score < THRESHOLD:
            continue
        lo, hi = sorted((i, j))
        between = "".join(w.gap_before for w in words[lo + 1 : hi + 1])
        if "," in between or "、" in between:
            return True
        left = best[lo]
        if hi == lo + 1 and left is not None and left.suffix.particles in _CONJUNCTIONS:
            return True  # "순금이와 영란이는"
    return False


def _with_prev_end(
    matches: Iterator[re.Match[str]],
) -> Iterator[tuple[re.Match[str], int]]:
    prev_end = 0
    for m in matches:
        yield m, prev_end
        prev_end = m.end()
