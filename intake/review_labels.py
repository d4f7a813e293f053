"""How a mention becomes a label: one identifier, one ``[KIND-n]``, whatever its spelling.

Why apart from the review state: numbering is the part a legal team reads, and its
rules (what counts as the same phone number, which mention of a name is which person)
are easiest to get right, and to question, on their own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

_COMPACT_KINDS = frozenset({"PERSON", "PHONE", "ID_NUMBER", "ACCOUNT"})
# Korean particles and titles that follow a name: "영희는", "영희씨" name the listed 영희.
_SUFFIXES = sorted(("은", "는", "이", "가", "을", "를", "의", "에게", "한테", "와", "과",
                    "랑", "이랑", "도", "만", "께서", "씨", "님", "이는", "이가", "이를",
                    "이도", "이와", "이의", "에게서", "한테서", "하고", "이하고"),
                   key=len, reverse=True)


def normalise(kind: str, text: str) -> str:
    """The form two mentions share when they are the same identifier.

    Compatibility forms folded (full-width digits), case folded; numbers and names lose
    spaces, hyphens and line breaks (``Young-hee`` = ``Younghee``, a name wrapped across a
    line is still that name); other text only has its white space collapsed.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    if kind in _COMPACT_KINDS:
        return "".join(c for c in folded if c.isalnum())
    return " ".join(folded.split())


def _without_suffix(norm: str) -> str:
    for suffix in _SUFFIXES:
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 2:
            return norm[: -len(suffix)]
    return norm


def person_key(text: str, names: Sequence[str], found: Iterable[str] = ()) -> str:
    """The numbering key of a PERSON mention, so one person has one label.

    A mention that is part of exactly one listed name takes that name's key ("영희는" for
    a listed "김영희"); failing that, one that is part of exactly one longer name found in
    the testimony takes that one's ("Young-hee" after "Kim Young-hee"). When two names
    could be meant ("영희" with both 김영희 and 박영희 present) it keeps its own key.
    """
    return person_key_of(normalise("PERSON", text),
                         frozenset(normalise("PERSON", n) for n in names),
                         frozenset(normalise("PERSON", f) for f in found))


def person_key_of(norm: str, listed: frozenset[str], found: frozenset[str]) -> str:
    """:func:`person_key` for a mention and pools already normalised (a review caches them)."""
    core = _without_suffix(norm)
    for pool, loose in ((listed - {""}, True), (found - {""}, False)):
        if norm in pool and loose:
            return norm
        matches = [n for n in pool if n != norm and len(core) >= 2
                   and (core in n or (loose and n in core))]
        if len(matches) == 1:
            return matches[0]
        if matches:
            return norm
    return norm
