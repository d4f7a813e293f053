"""The testimony's own list of names, found in every form they take in the text.

The interviewer adds the names that must never leave unredacted: the survivor's, and
those of relatives still in North Korea. Each must be caught however it is written —
with particles (영희는, 철수에게), in North or South Korean spelling (리영호/이영호), in
any common romanisation, in any case, with or without hyphen or space, and broken by a
line end ("김\\n영희", "Kim\\nYoung-hee"). A Hangul full name also yields its given name,
and a romanised one its given name, since people are mostly called by that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from intake.redaction.finding import Span
from intake.redaction.korean import parse_suffix
from intake.redaction.latin_syllables import latin_surnames
from intake.redaction.lexicon import CN_SURNAMES_KO, SURNAMES, SURNAMES_2
from intake.redaction.morphology import south_spelling
from intake.redaction.romanise import surname_spellings, syllable_spellings
from intake.redaction.text import HANGUL, HANZI

_GAP = r"[\s\-\u2010\u2011'·.]{0,3}"  # what may come between syllables or letters
_NORTH = {"이": "리", "노": "로", "유": "류", "임": "림", "나": "라", "양": "량", "염": "렴",
          "여": "려", "용": "룡", "육": "륙"}


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    hangul: str | None  # set for a Hangul name: what follows must be a particle chain
    score: float


def find_listed(folded: str, names: Iterable[str], *, score: float = 0.95) -> Iterator[Span]:
    """Every mention of every name in ``names`` (as typed by the interviewer)."""
    for pattern in _patterns(tuple(sorted(set(names))), score):
        for m in pattern.regex.finditer(folded):
            if pattern.hangul is not None and len(pattern.hangul) <= 2:
                rest = m.group("rest")
                if rest and parse_suffix(rest, stem=pattern.hangul, cues=True) is None:
                    continue  # "하나원" is not the name 하나
            yield Span(m.start(), m.start("rest") if "rest" in m.groupdict() else m.end(),
                       "PERSON", pattern.score)


@lru_cache(maxsize=64)
def _patterns(names: tuple[str, ...], score: float) -> tuple[_Pattern, ...]:
    out: list[_Pattern] = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        if re.search(f"[{HANGUL}]", name):
            out.extend(_hangul(name, score))
        elif re.search(f"[{HANZI}]", name):
            chars = [c for c in name if not c.isspace()]
            out.append(_Pattern(re.compile(r"\s{0,2}".join(map(re.escape, chars))), None, score))
        else:
            out.extend(_latin(name, score))
    return tuple(out)


def _split_surname(syllables: str) -> tuple[str, str] | None:
    if len(syllables) >= 4 and syllables[:2] in SURNAMES_2:
        return syllables[:2], syllables[2:]
    if len(syllables) >= 3 and (syllables[0] in SURNAMES or syllables[0] in CN_SURNAMES_KO):
        return syllables[:1], syllables[1:]
    return None


def _hangul(name: str, score: float) -> list[_Pattern]:
    syllables = "".join(c for c in name if "\uac00" <= c <= "\ud7a3")
    forms = {syllables, south_spelling(syllables)}
    if syllables[0] in _NORTH:
        forms.add(_NORTH[syllables[0]] + syllables[1:])
    split = _split_surname(syllables)
    if split and len(split[1]) >= 2:
        forms.add(split[1])
    out = [
        _Pattern(
            re.compile(
                f"(?<![{HANGUL}])" + r"\s{0,3}".join(form) + f"(?P<rest>[{HANGUL}]*)"
            ),
            form,
            score,
        )
        for form in sorted(forms, key=len, reverse=True)
    ]
    romanised = _romanised(syllables, split)
    if romanised:
        out.append(_Pattern(re.compile(romanised, re.IGNORECASE), None, score))
    return out


def _romanised(syllables: str, split: tuple[str, str] | None) -> str | None:
    """One regex for the Latin spellings: surname first or last, and the given name alone."""
    def alternation(forms: Iterable[str]) -> str:
        return "(?:" + "|".join(sorted(set(forms), key=len, reverse=True)) + ")"

    def run(part: str) -> str:
        return _GAP.join(alternation(syllable_spellings(s)) for s in part)

    if split is None:
        body = run(syllables)
        return rf"(?<![A-Za-z]){body}(?![A-Za-z])" if len(syllables) >= 2 else None
    surname = alternation(surname_spellings(split[0]))
    given = run(split[1])
    options = [f"{surname}{_GAP}{given}", f"{given}{_GAP}{surname}"]
    if len(split[1]) >= 2:
        options.append(given)
    return r"(?<![A-Za-z])(?:" + "|".join(options) + r")(?![A-Za-z])"


def _latin(name: str, score: float) -> list[_Pattern]:
    """Letters in order, anything of _GAP between them: "Li Wei" finds LIWEI and Li\\nWei."""
    tokens = re.findall(r"[A-Za-z]+", name)
    letters = "".join(tokens)
    if len(letters) < 3:
        return []
    forms = [letters]
    if len(tokens) >= 2 and tokens[0].lower() in latin_surnames():
        given = "".join(tokens[1:])
        forms.append(given + tokens[0])
        if len(given) >= 4:
            forms.append(given)
    body = "|".join(_GAP.join(map(re.escape, f)) for f in forms)
    regex = re.compile(rf"(?<![A-Za-z])(?:{body})(?![A-Za-z])", re.IGNORECASE)
    return [_Pattern(regex, None, score)]
