"""Korean word structure: what may follow a name or a place inside one written word.

Korean writes particles and copulas onto the noun (영희는, 철수에게서, 성천리에서,
명철이가), so the rules split each word into a stem and a suffix and accept the split
only when the suffix is made of particles — "하나도" is 하나 + 도, but "하나원" is a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from intake.redaction.lexicon import KIN_AFTER, PARTICLES, TITLES_AFTER

_PARTICLES = re.compile("(?:" + "|".join(PARTICLES) + ")*")
# After a consonant the standard particles are 이/은/을/과; "명철이가", "옥순이는" therefore
# carry the familiar 이 that is used only with given names.
_FAMILIAR_NEXT = (
    "가", "는", "를", "도", "의", "한테", "에게", "하고", "네", "와", "야", "만", "랑"
)
_AFTER_CONSONANT = frozenset(
    "이 은 을 과 으로 이랑 이나 이며 이고 이다 이라고 이라는 이란 이라면 이든 이에요 이었어요 "
    "이었다 이었고 이었는데 인데 입니다 이었습니다 이지 인지 이야 이여 이요 이네 이라 이래요 "
    "이었 이에 이었나 이었을 이었지 이었던 아".split()
)
_AFTER_VOWEL = frozenset(
    "가 는 를 와 로 로서 랑 라고 라는 란 라면 예요 였어요 였다 였고 였는데 였습니다 야 여 였 "
    "였나 였을 였지 였던 래요".split()
)
_CUES = tuple(sorted(TITLES_AFTER | KIN_AFTER | {"네", "이네"}, key=len, reverse=True))


@dataclass(frozen=True)
class Suffix:
    affectionate: bool  # 명철이가: the familiar 이 after a name ending in a consonant
    cue: str | None  # a title or kinship word written onto the name (영희씨, 철수네)
    particles: str

    @property
    def vocative(self) -> bool:
        return self.particles in ("야", "아") and self.cue is None and not self.affectionate


def has_final(syllable: str) -> bool:
    """True when a Hangul syllable ends in a consonant (batchim)."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def parse_suffix(rest: str, *, stem: str = "", cues: bool = False) -> Suffix | None:
    """Read ``rest`` as the suffix of a noun; None when it is not one.

    With ``cues``, a title or kinship word may come first (영희씨가, 철수네), and after a
    stem ending in a consonant the familiar 이 may too (명철이가, 옥순이는).
    """
    return _parse(rest, stem[-1:], cues)


@lru_cache(maxsize=65536)
def _parse(rest: str, stem: str, cues: bool) -> Suffix | None:
    """:func:`parse_suffix` on the last syllable of the stem, which is all it depends on."""
    familiar = (
        cues and stem and has_final(stem[-1]) and rest.startswith("이")
        and rest[1:].startswith(_FAMILIAR_NEXT)
    )
    if familiar and _PARTICLES.fullmatch(rest[1:]):
        return Suffix(True, None, rest[1:])
    if _PARTICLES.fullmatch(rest) and _agrees(stem, rest):
        return Suffix(False, None, rest)
    if not cues:
        return None
    body = rest[1:] if familiar else rest
    affectionate = bool(familiar)
    for cue in _CUES:
        if body.startswith(cue) and _PARTICLES.fullmatch(body[len(cue) :]):
            return Suffix(affectionate, cue, body[len(cue) :])
    return None


def _agrees(stem: str, rest: str) -> bool:
    """The first particle fits the stem's last sound: 영희가 but 명철이, 순희야 but 명철아.

    Many particles come in pairs (이/가, 은/는, 을/를, 과/와, 으로/로, 이에요/예요), so a
    split that breaks the pairing ("리웨" + "이") is not how the word was built.
    """
    if not stem or not rest:
        return True
    final = has_final(stem[-1])
    rieul = final and (ord(stem[-1]) - 0xAC00) % 28 == 8
    for particle in PARTICLES:
        if rest.startswith(particle) and _PARTICLES.fullmatch(rest[len(particle) :]):
            if particle in _AFTER_CONSONANT and final:
                return True
            if particle in _AFTER_VOWEL and (not final or (rieul and particle.startswith("로"))):
                return True
            if particle not in _AFTER_CONSONANT and particle not in _AFTER_VOWEL:
                return True
    return False
