"""The detector: every rule over one text, merged into one sorted list of findings.

Rules work on a folded copy of the text (same length, full-width forms made ASCII), so
offsets are code points into the caller's string. The dictionary model loads lazily
and once per process; :func:`default_detector` is the instance the CLI, the export and
the UI share, so it is loaded once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from intake.redaction.addresses import AddressFinder
from intake.redaction.birthdates import find_birthdates
from intake.redaction.contacts import find_accounts, find_emails
from intake.redaction.finding import Finding, Span, merge
from intake.redaction.gazetteer import gazetteer
from intake.redaction.morphology import Lexicon
from intake.redaction.names_hanzi import find_hanzi_names
from intake.redaction.names_korean import KoreanNames
from intake.redaction.names_latin import LatinNames
from intake.redaction.names_listed import find_listed
from intake.redaction.numbers import find_numbers
from intake.redaction.text import HANGUL, HANZI, fold

LANGUAGES = ("auto", "ko", "en")
_HAS_HANGUL = re.compile(f"[{HANGUL}]")
_HAS_HANZI = re.compile(f"[{HANZI}]")
_HAS_LATIN = re.compile("[A-Za-z]")
_HYPHENATED = re.compile(r"[A-Za-z]+(?:[-\s][A-Za-z]+)+")


@dataclass(frozen=True)
class _Rules:
    korean: KoreanNames
    latin: LatinNames
    addresses: AddressFinder


class Detector:
    """Finds what could identify a survivor or a relative in Korean, English or mixed text.

    Recall comes first: an id-shaped number is reported whatever its checksum, a name the
    interviewer listed is reported in every spelling. Places, institutions and ordinary
    dates are left alone, because they are the evidence.
    """

    def __init__(self, *, use_morphology: bool = True) -> None:
        self._lexicon = Lexicon(enabled=use_morphology)
        self._lock = threading.Lock()
        self._rules: _Rules | None = None

    def warm_up(self) -> None:
        """Load the dictionary model now (about two seconds), e.g. on a worker thread."""
        self._get_rules()
        self._lexicon.load()

    def detect(
        self, text: str, *, lang: str = "auto", names: Sequence[str] = ()
    ) -> list[Finding]:
        """Findings sorted by start, overlaps merged.

        ``lang`` (auto, ko or en) names the main language; every script present is scanned
        whatever it says, since testimonies mix Korean, English and Chinese. ``names`` are
        the testimony's own names, caught in every form.
        """
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        if isinstance(names, str):
            names = (names,)
        if not text or text.isspace():
            return []
        folded = fold(text)
        rules = self._get_rules()
        spans: list[Span] = []
        spans += find_numbers(folded)
        spans += find_emails(folded)
        spans += find_accounts(folded)
        spans += find_birthdates(folded)
        spans += rules.addresses.find(folded)
        latin: list[Span] = []
        if _HAS_LATIN.search(folded):
            latin = list(rules.latin.find(folded))
            spans += latin
            spans += find_listed(folded, _given_names(folded, latin), score=0.7)
        if _HAS_HANGUL.search(folded):
            romanised = _romanised(folded, latin)
            spans += (
                Span(c.start, c.end, "PERSON", c.score)
                for c in rules.korean.find(folded, _hangul_names(names), romanised)
            )
        if _HAS_HANZI.search(folded):
            spans += find_hanzi_names(folded, gazetteer())
        if names:
            spans += find_listed(folded, [n for n in names if n and n.strip()])
        return merge(spans, text)

    def _get_rules(self) -> _Rules:
        if self._rules is None:
            with self._lock:
                if self._rules is None:
                    places = gazetteer()
                    self._rules = _Rules(
                        KoreanNames(self._lexicon, places),
                        LatinNames(places),
                        AddressFinder(self._lexicon, places),
                    )
        return self._rules


def _hangul_names(names: Sequence[str]) -> frozenset[str]:
    return frozenset(
        "".join(c for c in n if "\uac00" <= c <= "\ud7a3") for n in names
    ) - {""}


def _given_names(folded: str, found: list[Span]) -> list[str]:
    """Given names of the romanised names found ("young-nam" → also "young nam")."""
    given: set[str] = set()
    for span in found:
        words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", folded[span.start : span.end])
        for word in words:
            if "-" in word and len(word) >= 5:
                given.add(word)
        if len(words) == 1 and len(words[0]) >= 3 and words[0][0].isupper():
            given.add(words[0])  # "a foreman named Kang. Kang's first name …"
    return sorted(given)


def _romanised(folded: str, found: list[Span]) -> frozenset[str]:
    """The Latin names found, lower case and run together, whole and per hyphenated word."""
    forms: set[str] = set()
    for span in found:
        words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", folded[span.start : span.end])
        forms.add("".join(words).replace("-", "").lower())
        forms.update(w.replace("-", "").lower() for w in words if "-" in w)
        if len(words) > 1:
            forms.add("".join(words[1:]).replace("-", "").lower())
    return frozenset(forms)


_default: Detector | None = None
_default_lock = threading.Lock()


def default_detector() -> Detector:
    """The process-wide detector, so the model is loaded once."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Detector()
    return _default
