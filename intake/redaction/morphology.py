"""kiwipiepy used as a dictionary: is a word a known common word, a proper noun, or unknown?

Running the analyser over whole texts costs ~17 µs a character (about 57,000 characters a
second on the reference laptop), too slow for the scan goal. The rules only need to know,
for a handful of candidate words, whether Korean already has them as ordinary words
(은혜 "grace", 명철 "clear-sighted", 활동 "activity") or not (남문동, 로명철). So each
candidate is analysed alone, once, and the answer is cached.

The model (~90 MB) loads on first use, under a lock, so the UI can warm it up on a worker
thread and any thread can call :meth:`Lexicon.classify`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import Enum
from typing import Any

_CACHE_LIMIT = 200_000
_OOV_ID = 2  # kiwipiepy gives every out-of-vocabulary morpheme this id
_MARGIN = 3.0  # log-probability gap within which a second reading counts


class WordClass(Enum):
    COMMON = "common"  # one known morpheme that is not a proper noun
    PROPER = "proper"  # one known proper noun (a person or a place)
    UNKNOWN = "unknown"  # one morpheme the dictionary does not know
    SPLIT = "split"  # analysed as several morphemes
    NONE = "none"  # morphology is switched off


@dataclass(frozen=True)
class Analysis:
    word_class: WordClass
    morphemes: tuple[tuple[str, str, bool], ...] = ()  # (form, tag, known)
    # A close second reading of the other sort: 신원 is a name and "identity", 철수 a
    # name and "withdrawal", 은혜 "grace" and a name.
    ambiguous: bool = False


_NONE = Analysis(WordClass.NONE)


class Lexicon:
    """Thread-safe, lazily loaded, cached word classification."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self._kiwi: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._cache: dict[str, Analysis] = {}

    @property
    def loaded(self) -> bool:
        return self._kiwi is not None

    def load(self) -> None:
        """Load the model now (about two seconds); later calls return at once."""
        if not self.enabled or self._kiwi is not None:
            return
        with self._load_lock:
            if self._kiwi is None:
                from kiwipiepy import Kiwi

                kiwi = Kiwi()
                kiwi.tokenize("가")  # the first analysis finishes loading the model
                self._kiwi = kiwi

    def analyse(self, word: str) -> Analysis:
        """How the dictionary sees ``word`` taken alone (a Hangul string)."""
        if not self.enabled or not word:
            return _NONE
        found = self._cache.get(word)
        if found is not None:
            return found
        self.load()
        with self._run_lock:
            readings = self._kiwi.analyze(word, top_n=3)
        tokens, best_score = readings[0]
        morphemes = tuple(
            (t.form, t.tag, not (t.oov or t.id == _OOV_ID)) for t in tokens
        )
        ambiguous = False
        if len(tokens) == 1 and tokens[0].form == word:
            _form, tag, known = morphemes[0]
            if not known:
                word_class = WordClass.UNKNOWN
            else:
                word_class = WordClass.PROPER if tag == "NNP" else WordClass.COMMON
                for other, score in readings[1:]:
                    if (
                        len(other) == 1
                        and other[0].form == word
                        and (other[0].tag == "NNP") != (tag == "NNP")
                        and best_score - score <= _MARGIN
                    ):
                        ambiguous = True
        else:
            word_class = WordClass.SPLIT
        result = Analysis(word_class, morphemes, ambiguous)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = result
        return result

    def classify(self, word: str) -> WordClass:
        return self.analyse(word).word_class

    def is_common(self, word: str) -> bool:
        """True when Korean has ``word`` as an ordinary word (or, NK spelling, its SK form)."""
        if self.classify(word) is WordClass.COMMON:
            return True
        south = south_spelling(word)
        return south != word and self.classify(south) is WordClass.COMMON


# -- North Korean spelling -------------------------------------------------------------

_BASE = 0xAC00
_L_RIEUL, _L_NIEUN, _L_IEUNG = 5, 2, 11
_I_LIKE = {2, 6, 7, 12, 17, 20}  # ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ: the vowels before which ㄹ/ㄴ become ㅇ


def south_spelling(word: str) -> str:
    """``word`` with its first syllable in South Korean spelling (로동 → 노동, 리 → 이).

    North Korean spelling keeps an initial ㄹ or ㄴ that the South drops (두음법칙), so the
    dictionary knows 노동 but not 로동; checking both stops NK common words passing for names.
    """
    if not word:
        return word
    code = ord(word[0]) - _BASE
    if not 0 <= code < 11172:
        return word
    lead, vowel, tail = code // 588, (code % 588) // 28, code % 28
    if lead == _L_RIEUL:
        lead = _L_IEUNG if vowel in _I_LIKE else _L_NIEUN
    elif lead == _L_NIEUN and vowel in _I_LIKE:
        lead = _L_IEUNG
    else:
        return word
    return chr(_BASE + lead * 588 + vowel * 28 + tail) + word[1:]
