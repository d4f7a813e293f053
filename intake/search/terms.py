"""What a typed query means: terms, phrases, alternatives and exclusions.

Nothing the user types reaches FTS5 as syntax. The text is split here into groups of
alternatives, and each is later written as a quoted FTS5 string, so quotes, ``*``,
``:``, brackets, ``NEAR`` and unbalanced quotes are just characters. The few operators
we honour are ours, not FTS5's:

* ``"a phrase"`` matches those words in that order (an unclosed quote runs to the end);
* ``a OR b`` (capitals) matches either; ``AND`` is what terms do anyway;
* ``-term`` or ``NOT term`` excludes testimonies that contain it.

An unquoted term (or run of up to three words, "North Hamgyong") that names a place, a
facility kind or a state institution stands for that term in every spelling (단둥 also
finds Dandong, 丹东 and 단동; bowibu finds 보위부), through the mentions found when each
testimony was saved (:mod:`intake.search.facts`); with a Korean particle too (단둥에서).
One naming an event type or a private perpetrator (체포, broker) also finds every event
of that kind, whatever language it was told in; its other aliases are not searched,
since they carry other senses (조사 is also "survey").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake import vocabulary
from intake.search.facts import NAMED, fold, mention_key, spellings, strip_particle, unspaced

# A quoted phrase (closed or running to the end) or a run of non-space characters.
_TOKEN = re.compile(r'"([^"]*)(?:"|$)|(\S+)')
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
MAX_TERMS = 16


@dataclass(frozen=True)
class Term:
    """One spelling to look for; ``name``: a spelling taken from a vocabulary."""

    text: str
    name: bool = False

    @property
    def prefix(self) -> bool:
        """Whether this matches from the start of a word (the unicode61 table).

        Hangul and Chinese, written without spaces between a word and its particle or
        inside compounds (도보위부), match anywhere from three characters on (trigram);
        shorter, at the start of a word (단둥* finds 단둥에서). Scripts written with
        spaces (English, digits) match from the start of a word: "question" finds
        "questioned", as in any search engine, and one token is far cheaper to look up
        than a long run of trigrams. A vocabulary's spellings are names: word starts.
        """
        return len(self.text) < 3 or self.name or not unspaced(self.text)

    @property
    def whole_word(self) -> bool:
        """A single Latin letter or digit matches only as a whole word: as a prefix it
        would match a quarter of English."""
        return len(self.text) == 1 and self.text.isascii()


@dataclass(frozen=True)
class Group:
    """Alternatives of which one must occur.

    ``searched`` go to the text index; ``mentions`` are keys of the mentions table;
    ``terms`` are every spelling, for highlighting; ``typed`` is what the user wrote.
    """

    typed: str
    terms: tuple[Term, ...]
    searched: tuple[Term, ...]
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedText:
    required: tuple[Group, ...] = ()
    excluded: tuple[Group, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.required and not self.excluded


@dataclass(frozen=True)
class _Token:
    text: str
    quoted: bool


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(text):
        if m.group(1) is not None:
            phrase = " ".join(m.group(1).split())
            if _EDGE.sub("", phrase):
                out.append(_Token(phrase, True))
        else:
            out.append(_Token(m.group(2), False))
    return out


def _clean(word: str) -> str:
    """An unquoted word without the punctuation around it ("(단둥)," → 단둥)."""
    return _EDGE.sub("", word)


def _lookup(name: str, text: str) -> vocabulary.Term | None:
    vocab = vocabulary.load(name)
    term = vocab.lookup(text)
    if term is None and (bare := strip_particle(text)):
        term = vocab.lookup(bare)
    return term


def _plain(text: str) -> Group:
    term = Term(text)
    return Group(text, (term,), (term,))


def named_group(text: str) -> Group | None:
    """The group for ``text`` if it names a vocabulary term (see the module), else None."""
    for vocab, kind in NAMED:
        term = _lookup(vocab, text)
        if term is None or (kind is not None and term.kind != kind):
            continue
        forms = spellings(vocab, term)
        folded = {fold(f) for f in forms}
        bare = strip_particle(text)
        covered = fold(text) in folded or (bare is not None and fold(bare) in folded)
        typed = Term(text)
        terms = (typed, *(Term(f, name=True) for f in forms if fold(f) != fold(text)),
                 Term(term.id, name=True))  # the id, to highlight the event field naming it
        return Group(text, terms, () if covered else (typed,),
                     (mention_key(vocab, term.id),))
    for vocab in ("event_types", "perpetrators"):
        term = _lookup(vocab, text)
        if term is not None:
            typed = Term(text)
            return Group(text, (typed, Term(term.id, name=True)), (typed,),
                         (mention_key(vocab, term.id),))
    return None


def _expand_run(words: list[_Token], i: int) -> tuple[Group, int]:
    """The group starting at ``words[i]``: the longest run of plain words naming a term."""
    for width in (3, 2):
        run = words[i:i + width]
        if len(run) == width and all(not w.quoted for w in run):
            group = named_group(" ".join(_clean(w.text) for w in run))
            if group is not None:
                return group, width
    word = words[i]
    if word.quoted:
        return _plain(word.text), 1
    cleaned = _clean(word.text)
    return named_group(cleaned) or _plain(cleaned), 1


def _either(a: Group, b: Group) -> Group:
    def unique(items: tuple) -> tuple:
        return tuple(dict.fromkeys(items))
    return Group(f"{a.typed} OR {b.typed}", unique(a.terms + b.terms),
                 unique(a.searched + b.searched), unique(a.mentions + b.mentions))


def parse(text: str) -> ParsedText:
    """Split ``text`` into required and excluded groups; never raises."""
    tokens = _tokens(text or "")
    required: list[Group] = []
    excluded: list[Group] = []
    negate = join = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.quoted and tok.text in ("AND", "OR", "NOT"):
            join = tok.text == "OR" and bool(required) and not negate
            negate = tok.text == "NOT"
            i += 1
            continue
        if not tok.quoted and tok.text.startswith("-") and _clean(tok.text):
            negate = True
            tokens[i] = tok = _Token(tok.text.lstrip("-"), False)
        if not tok.quoted and not _clean(tok.text):
            i += 1
            continue
        group, width = _expand_run(tokens, i)
        i += width
        if negate:
            excluded.append(group)
        elif join:
            required.append(_either(required.pop(), group))
        else:
            required.append(group)
        negate = join = False
    return ParsedText(tuple(required[:MAX_TERMS]), tuple(excluded[:MAX_TERMS]))


def fts_string(term: Term) -> str:
    """``term`` as an FTS5 string: quoted, so operators, colons and brackets are text."""
    quoted = '"' + term.text.replace('"', '""') + '"'
    return quoted if term.whole_word or not term.prefix else quoted + "*"
