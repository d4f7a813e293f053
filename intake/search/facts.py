"""Facts derived from a testimony for searching it: periods, places, vocabulary mentions.

Pure functions of the record and the vocabularies, shared by the index
(:mod:`intake.store.search_index`, which stores them), the filters, statistics and
corroboration, so that all of them agree on what "in 2019" or "at Onsong" means.

Mentions: a testimony *mentions* a place, facility kind or state institution when any
of its texts holds one of the term's spellings (단둥, 단동, Dandong, 丹东; 보위부, bowibu)
or one of its events names it. They are found once, when the testimony is saved, so a
query naming a place is one indexed lookup rather than a dozen spellings through FTS5.
How a spelling may occur: Chinese anywhere (no spaces to go by), Hangul of three or more
syllables anywhere (도보위부 holds 보위부) and of two at the start of a word (단둥에서, not
신단둥), Latin script as a whole word. Korean readings of Chinese names that are also
common words (집안 for Ji'an, 통화 for Tonghua) are found wherever those words are: the
gazetteer has no way to tell them apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from functools import cache

from intake import vocabulary
from intake.dates import MAX_YEAR, MIN_YEAR, PartialDate
from intake.model import Event

# Korean particles and postpositions that may follow a place name ("단둥에서", "온성 인근").
_PARTICLES = ("에서는", "에서도", "에서", "에게", "으로", "까지", "부터", "인근", "근처",
              "로", "에", "의", "은", "는", "이", "가", "을", "를", "과", "와", "도")
_SPLIT = re.compile(r"[\s,;/()·\[\]{}]+")
_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_UNSPACED = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff"
                       r"\uac00-\ud7a3\uf900-\ufaff\U00020000-\U0003134f]")
# The vocabularies whose terms are names, and which kinds of term count.
NAMED = (("places", None), ("facilities", None), ("perpetrators", "state"))
EVENT_MENTIONS = (("type", "event_types"), ("facility_kind", "facilities"),
                  ("perpetrator", "perpetrators"), ("agency", "perpetrators"))


# -- periods ----------------------------------------------------------------------------


def _widen(d: PartialDate, step: int) -> PartialDate:
    """``d`` moved one unit of its own precision earlier (-1) or later (+1)."""
    if d.month is None:
        return PartialDate(min(max(d.year + step, MIN_YEAR), MAX_YEAR))
    if d.day is None:
        year, month0 = divmod(d.year * 12 + d.month - 1 + step, 12)
        return PartialDate(year, month0 + 1) if MIN_YEAR <= year <= MAX_YEAR else d
    moved = d.earliest() + timedelta(days=7 * step)
    return PartialDate.from_date(moved) if MIN_YEAR <= moved.year <= MAX_YEAR else d


def event_period(e: Event, *, open_ended: bool = False
                 ) -> tuple[PartialDate | None, PartialDate | None]:
    """The period an event may have covered, as (start, end) for :func:`dates.overlaps`.

    An event without an end is taken to lie within its start (an arrest in 2019-03),
    unless ``open_ended``, when it may run on (a disappearance). An approximate event
    (``approx``) is widened by one unit of its precision each way (≈2019-04 may be
    March to May; ≈2019 may be 2018 to 2020), because survivors' estimates are usually
    that close and a legal team would rather read one testimony too many than miss one.
    """
    return period(e.start, e.end, e.approx, open_ended=open_ended)


def period(start: PartialDate | None, end: PartialDate | None, approx: bool, *,
           open_ended: bool = False) -> tuple[PartialDate | None, PartialDate | None]:
    """:func:`event_period` of an event's dates."""
    if end is None and not open_ended:
        end = start
    if approx:
        start = _widen(start, -1) if start else None
        end = _widen(end, +1) if end else None
    return start, end


def period_bounds(e: Event) -> tuple[str | None, str | None]:
    """ISO day bounds of :func:`event_period` (None: unknown that way)."""
    start, end = event_period(e)
    return (start.earliest().isoformat() if start else None,
            end.latest().isoformat() if end else None)


# -- places -----------------------------------------------------------------------------


def strip_particle(word: str) -> str | None:
    """``word`` without a trailing Korean particle, if it had one and a name remains."""
    for p in _PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    return None


def resolve_place(text: str | None) -> str | None:
    """The gazetteer id a free-text place names, or None.

    The whole text first ("투먼(도문)"), then runs of up to three words, longest and
    leftmost first ("온성군 남양" → Onsong, "회령 인근 두만강" → Hoeryong,
    "Jilin City" before "Jilin"), each also without a trailing particle.
    """
    if not text or not text.strip():
        return None
    places = vocabulary.load("places")
    term = places.lookup(text)
    if term is not None:
        return term.id
    words = [w for w in _SPLIT.split(text) if w]
    for width in (3, 2, 1):
        for i in range(len(words) - width + 1):
            phrase = " ".join(words[i:i + width])
            term = places.lookup(phrase)
            if term is None and (bare := strip_particle(phrase)):
                term = places.lookup(bare)
            if term is not None:
                return term.id
    return None


def loose(text: str | None) -> str:
    """Case and diacritics folded, spaces collapsed: free text compared loosely."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(unicodedata.normalize("NFC", bare).casefold().split())


# -- same-length folding and mentions ---------------------------------------------------


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table folding each character to one character, built lazily."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        base = "".join(x for x in unicodedata.normalize("NFD", c)
                       if unicodedata.category(x) != "Mn")
        low = (base or c).lower()
        folded = low if len(low) == 1 else (c.lower() if len(c.lower()) == 1 else c)
        self[code] = folded
        return folded


_FOLD = _FoldTable()


# Characters that ``str.lower`` folds one for one and that carry no diacritics: ASCII,
# Hangul and CJK. Text made only of these takes the fast path.
_SIMPLE = re.compile(r"[^\x00-\x7f\u1100-\u11ff\u3000-\u9fff\uac00-\ud7a3]")


def fold(text: str) -> str:
    """``text`` without case or diacritics, character by character: offsets stay true."""
    if _SIMPLE.search(text) is None:
        return text.lower()
    return text.translate(_FOLD)


def unspaced(text: str) -> bool:
    """Whether ``text`` has Hangul or Chinese: scripts that write words together."""
    return _UNSPACED.search(text) is not None


def mention_key(vocab: str, term_id: str) -> str:
    return f"{vocab}:{term_id}"


def spellings(vocab: str, term: vocabulary.Term) -> list[str]:
    """The forms of a named term to look for in text: every spelling but the id, both
    halves of "단동(단둥)", and a Hangul city or county without its suffix (온성군 → 온성)."""
    voc = vocabulary.load(vocab)
    forms: list[str] = []
    for form in term.spellings():
        if form == term.id:
            continue
        m = _BRACKETED.match(form)
        parts = m.groups() if m else ()
        if parts and all(voc.lookup(p) == term for p in parts):
            forms.extend(parts)
        else:
            forms.append(form)
    if vocab == "places" and term.kind in ("city", "county"):
        forms += [f[:-1] for f in forms if f[-1:] in ("시", "군") and len(f) >= 3
                  and unspaced(f)]
    return list(dict.fromkeys(" ".join(f.split()) for f in forms if f.strip()))


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, as a trie: a position whose
    character starts no word is rejected at once (an alternation of a thousand words
    would try each in turn)."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


_WORD = re.compile(r"\w+")


@cache
def _scanner() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, list[tuple[str, str]]],
                        list[int]]:
    """(pattern for Hangul and Chinese spellings, pattern for the others, tried at word
    starts only, folded spelling → [(mention key, rule)], spelling lengths, longest
    first). Two patterns, because a pattern whose spellings start with any Latin letter
    would be tried at every letter of an English narrative."""
    info: dict[str, list[tuple[str, str]]] = {}
    for vocab, kind in NAMED:
        for term in vocabulary.load(vocab):
            if kind is not None and term.kind != kind:
                continue
            for form in spellings(vocab, term):
                folded = fold(form)
                rule = ("word" if not unspaced(form) else "anywhere"
                        if len(folded) >= 3 or not _HANGUL.search(form) else "start")
                info.setdefault(folded, []).append((mention_key(vocab, term.id), rule))
    joined = _trie(w for w in info if unspaced(w))
    spaced = _trie(w for w in info if not unspaced(w))
    return (re.compile(joined), re.compile(spaced), info,
            sorted({len(w) for w in info}, reverse=True))


def _fits(folded: str, i: int, end: int, rule: str) -> bool:
    if rule == "anywhere":
        return True
    if i > 0 and folded[i - 1].isalnum():
        return False
    return rule == "start" or end == len(folded) or not folded[end].isalnum()


def mentions(texts: Iterable[str], events: Iterable[Event] = ()) -> Counter[str]:
    """How often each named term is mentioned in ``texts`` or named by ``events``."""
    joined, spaced, info, lengths = _scanner()
    found: Counter[str] = Counter()

    def count_at(folded: str, i: int, longest: str) -> None:
        seen: set[str] = set()
        for n in lengths:
            if n <= len(longest):
                for key, rule in info.get(longest[:n], ()):
                    if key not in seen and _fits(folded, i, i + n, rule):
                        seen.add(key)
                        found[key] += 1

    for text in texts:
        folded = fold(text)
        pos = 0
        while (m := joined.search(folded, pos)) is not None:
            count_at(folded, m.start(), m.group())
            pos = m.start() + 1  # again from the next character: spellings may overlap
        for word in _WORD.finditer(folded):
            if (m := spaced.match(folded, word.start())) is not None:
                count_at(folded, m.start(), m.group())
    for e in events:
        place = resolve_place(e.place)
        if place:
            found[mention_key("places", place)] += 1
        for attr, vocab in EVENT_MENTIONS:
            value = getattr(e, attr)
            if value:
                found[mention_key(vocab, value)] += 1
    return found
