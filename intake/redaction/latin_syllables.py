"""Which Latin words can be romanised Korean or Mandarin names.

A token is a name candidate only if it splits into syllables that Korean romanisations or
Hanyu Pinyin produce ("Younghee" = young·hee, "Xiaoming" = xiao·ming). English words that
happen to split that way ("began" = be·gan) are held in a short list of frequent words and
judged by the cues around them.
"""

from __future__ import annotations

from functools import cache
from itertools import product

from intake.redaction.lexicon import GIVEN_NAMES, GIVEN_SYL, SURNAMES
from intake.redaction.romanise import known_surnames, surname_spellings, syllable_spellings

_PINYIN_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split() + [""]
_PINYIN_FINALS = (
    "a o e i u v ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong ua uo "
    "uai ui uan un uang ue van".split()
)
PINYIN_SURNAMES = frozenset(
    "li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du "
    "ye cheng su wei lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu fang bai "
    "zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao gong shao wan qian "
    "dai mo kong xiang piao quan xuan nan pu".split()
)
# Frequent English words that split into romanised syllables; never a name on their own.
ENGLISH = frozenset(
    """a an and are as at be bee began begin being but by can come day did do done dong go
    going gone got ha had han hang has he her hey hi him his ho hong how i if in is it its
    jam king may me men mine my no nor not now o of oh ok on one or our out pin ran run
    sang saw say see seen she sing so son song soon sun sung ten than then they tin to
    too two up us was way we went who why won yes yet you young your bye mean keep team
    seem sin pan man ban fan tan yen yin yo moon gang bang mom dad chin china sue sum
    summer human union korea japan canada kimchi bonus hum hung gun gum gin kin pun bun
    dune tune june hence jean sean dean gene none home hope hole pole sole role mole ram
    am um ink inn ion bin din gain main rain pain sane lane cane mane jane wane
    seoul pyongyang per name names again ago also all any away back been before being
    best both came come could each even ever every far few for from gave give good had
    have here into just know last left let like long made make many more most much must
    never new next only other over said same saw should some still such take than that
    their them there these thing think this those though three through time told took
    under until very want well were what when where which while will with would year
    phone yuan dollar won mother father sister brother uncle aunt mr mrs ms miss dr mx
    madam comrade sir""".split()
)


@cache
def korean_syllables() -> frozenset[str]:
    forms: set[str] = set()
    for syllable in GIVEN_SYL | SURNAMES:
        forms |= syllable_spellings(syllable)
    return frozenset(forms)


@cache
def pinyin_syllables() -> frozenset[str]:
    return frozenset(a + b for a, b in product(_PINYIN_INITIALS, _PINYIN_FINALS))


@cache
def latin_surnames() -> frozenset[str]:
    """Latin spellings of Korean and Chinese surnames (lower case)."""
    korean = set(known_surnames())
    for surname in SURNAMES:
        korean |= surname_spellings(surname)
    return frozenset(korean | PINYIN_SURNAMES)


@cache
def known_given_names() -> frozenset[str]:
    """Frequent Korean given names in every spelling, run together ("younghee", "cholsu")."""
    forms: set[str] = set()
    for name in GIVEN_NAMES:
        for parts in product(*(sorted(syllable_spellings(s)) for s in name)):
            forms.add("".join(parts))
    return frozenset(forms - ENGLISH)


def count_syllables(token: str, inventory: frozenset[str], most: int = 3) -> int:
    """The fewest syllables from ``inventory`` that spell ``token``, or 0 if none do."""
    word = token.lower()
    best = [0] + [most + 1] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] < most + 1 and word[start:end] in inventory:
                best[end] = min(best[end], best[start] + 1)
    return best[-1] if best[-1] <= most else 0


def name_syllables(token: str, most: int = 3) -> int:
    """Syllables of ``token`` as a Korean or a Mandarin name part (0: neither)."""
    korean = count_syllables(token, korean_syllables(), most)
    pinyin = count_syllables(token, pinyin_syllables(), most)
    counts = [c for c in (korean, pinyin) if c]
    return min(counts) if counts else 0
