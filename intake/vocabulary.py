"""Controlled vocabularies: event types, facility kinds, perpetrators and places.

The terms ship as JSON in ``resources/vocabularies``. Hangul is each term's master form;
English labels, Chinese names and every romanisation a survivor, an interpreter or a UN
report may use are kept as aliases, so that any spelling of a place or an institution
finds the same stable id. Records store only the id.

Each file is checked when it is loaded (unique ids, both labels, known parents, no
spelling that could mean two terms), so a broken vocabulary fails at start-up, not in
the middle of an interview.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import resources
from intake.errors import InvalidInput

NAMES = ("event_types", "facilities", "perpetrators", "places")
LANGUAGES = ("en", "ko", "zh")

# The ``kind`` a term may have, per vocabulary; None means the vocabulary has no kinds.
_KINDS: dict[str, frozenset[str] | None] = {
    "event_types": None,
    "facilities": None,
    "perpetrators": frozenset({"state", "non_state", "unknown"}),
    "places": frozenset({"country", "province", "prefecture", "city", "county"}),
}
_DEFINITIONS_REQUIRED = frozenset({"event_types"})
_TERM_KEYS = frozenset(
    {"id", "en", "ko", "zh", "aliases", "definition_en", "definition_ko", "kind", "parent"}
)
_FILE_KEYS = frozenset({"vocabulary", "version", "description", "terms"})
_ID = re.compile(r"[a-z][a-z0-9_]{0,63}", re.ASCII)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_BRACKETED = re.compile(r"([^()]+?)\s*\(([^()]+)\)")

# Removed before comparing spellings: spaces, hyphens, apostrophes (MR's ʼ and ’),
# full stops and underscores, so "P'yŏngyang", "Pyong-yang" and "pyongyang" agree.
_IGNORED = re.compile(r"[\s\-\u2010-\u2015\u2212'\u2018\u2019\u02bb\u02bc\u00b4`\u2032._]+")

# Administrative suffixes (시/군/구/도 and their Chinese and romanised forms) and the place
# kinds each one names. "회령시", "Hoeryong-si" and "Hoeryong City" find Hoeryong; the kind
# tells "Jilin-si" (the city) from "Jilin" (the province). Longest suffixes are tried first.
_SUFFIX_KINDS: dict[str, frozenset[str]] = {}
for _kinds, _suffixes in (
    (
        {"city"},
        "시 특별시 직할시 광역시 특급시 市 si shi city specialcity",
    ),
    (
        {"county"},
        "군 현 자치현 조선족자치현 县 自治县 朝鲜族自治县 满族自治县 "
        "gun kun xian county autonomouscounty koreanautonomouscounty",
    ),
    (
        {"province"},
        "도 성 省 自治区 壮族自治区 자치구 do to sheng province autonomousregion",
    ),
    (
        # No districts are listed: a district suffix only strips to a unique name.
        {"district"},
        "구 구역 区 guyok kuyok gu district",
    ),
    (
        {"prefecture"},
        "자치주 조선족자치주 州 自治州 朝鲜族自治州 傣族自治州 주 "
        "zhou prefecture autonomousprefecture koreanautonomousprefecture",
    ),
):
    for _s in _suffixes.split():
        _SUFFIX_KINDS[_s] = frozenset(_kinds)
_SUFFIXES = sorted(_SUFFIX_KINDS, key=len, reverse=True)


def normalise(text: str) -> str:
    """The form spellings are compared in: NFKC, no diacritics, casefolded, no separators.

    Diacritics go so that McCune–Reischauer ("Hoeryŏng") meets plain ASCII ("Hoeryong");
    Hangul survives, because its syllables decompose into jamo, which are letters, and
    compose again.
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = unicodedata.normalize("NFC", text).casefold()
    return _IGNORED.sub("", text)


def _strip_suffix(form: str) -> Iterator[tuple[str, frozenset[str]]]:
    """Every (stem, kinds) obtained by removing one administrative suffix from ``form``."""
    for suffix in _SUFFIXES:
        if form.endswith(suffix):
            stem = form[: -len(suffix)]
            # A stem must still be a name: two syllables/characters, or three Latin letters.
            minimum = 3 if stem.isascii() else 2
            if len(stem) >= minimum:
                yield stem, _SUFFIX_KINDS[suffix]


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary; ``id`` is what records store."""

    id: str
    en: str
    ko: str
    aliases: tuple[str, ...]
    definition_en: str
    definition_ko: str
    kind: str | None = None
    parent: str | None = None
    zh: str | None = None

    def label(self, lang: str) -> str:
        """The label in ``lang`` (``en``, ``ko`` or ``zh``; ``zh`` falls back to English)."""
        if lang == "ko":
            return self.ko
        if lang == "en":
            return self.en
        if lang == "zh":
            return self.zh or self.en
        raise ValueError(f"no labels in language {lang!r}; use one of {', '.join(LANGUAGES)}")

    def spellings(self) -> tuple[str, ...]:
        """Every form that should find this term: id, labels, Chinese name and aliases."""
        forms = [self.id, self.en, self.ko, *([self.zh] if self.zh else []), *self.aliases]
        return tuple(dict.fromkeys(forms))


class Vocabulary:
    """The terms of one vocabulary, with lookup by any spelling and completion for the UI."""

    def __init__(self, name: str, terms: tuple[Term, ...]) -> None:
        self.name = name
        self._terms = terms
        self._by_id = {t.id: t for t in terms}
        self._exact: dict[str, Term] = {}
        stems: dict[str, set[str]] = {}
        for t in terms:
            for form in t.spellings():
                key = normalise(form)
                if not key:
                    continue
                other = self._exact.get(key)
                if other is not None and other.id != t.id:
                    raise InvalidInput(
                        f"{name}.json: {t.id}",
                        f"the spelling {form!r} also means {other.id}; a spelling must "
                        "find exactly one term",
                    )
                self._exact[key] = t
                if t.kind is not None:
                    for stem, kinds in _strip_suffix(key):
                        if t.kind in kinds:
                            stems.setdefault(stem, set()).add(t.id)
        # A stem (a name without its suffix) is kept with every term it may mean;
        # lookup uses the suffix the user typed, or uniqueness, to choose.
        self._stems = {k: tuple(sorted(v)) for k, v in stems.items()}
        self._keys = {
            t.id: tuple(dict.fromkeys(normalise(f) for f in t.spellings())) for t in terms
        }

    # -- mapping-like access ------------------------------------------------------------

    def get(self, term_id: str) -> Term | None:
        """The term with this id, or None."""
        return self._by_id.get(term_id)

    def __getitem__(self, term_id: str) -> Term:
        try:
            return self._by_id[term_id]
        except KeyError:
            raise KeyError(f"no term {term_id!r} in {self.name}") from None

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    def terms(self) -> tuple[Term, ...]:
        """All terms in the order the file gives them."""
        return self._terms

    def ids(self) -> frozenset[str]:
        return frozenset(self._by_id)

    def label(self, term_id: str, lang: str) -> str:
        """The label of ``term_id`` in ``lang``; KeyError for an unknown id."""
        return self[term_id].label(lang)

    def children(self, term_id: str) -> tuple[Term, ...]:
        """Terms whose parent is ``term_id`` (the cities of a province, say)."""
        return tuple(t for t in self._terms if t.parent == term_id)

    def ancestors(self, term_id: str) -> tuple[Term, ...]:
        """The chain of parents of ``term_id``, nearest first (city, province, country)."""
        chain: list[Term] = []
        parent = self[term_id].parent
        while parent is not None:
            term = self[parent]
            chain.append(term)
            parent = term.parent
        return tuple(chain)

    # -- finding terms by what people type ---------------------------------------------

    def lookup(self, text: str) -> Term | None:
        """The one term that ``text`` spells, in any script or romanisation, or None.

        "Hoeryŏng", "hoeryong", "회령" and "회령시" all find Hoeryong. An administrative
        suffix is used to choose between terms that share a name ("Jilin" is the province,
        "Jilin-si" the city); a spelling that could mean two terms finds nothing. Two
        spellings of one name, one in brackets ("투먼(도문)"), find it if they agree (or if
        only one of them is a known name: "Tumen (border post)").
        """
        key = normalise(text)
        if not key:
            return None
        exact = self._exact.get(key)
        if exact is not None:
            return exact
        both = _BRACKETED.fullmatch(text.strip())
        if both:
            found = {t.id: t for t in map(self.lookup, both.groups()) if t is not None}
            return next(iter(found.values())) if len(found) == 1 else None
        return self._lookup_by_stem(key)

    def _lookup_by_stem(self, key: str) -> Term | None:
        for stem, kinds in _strip_suffix(key):
            candidates = {t.id: t for t in self._stem_candidates(stem)}
            fitting = [t for t in candidates.values() if t.kind in kinds]
            if len(fitting) == 1:
                return fitting[0]
            if not fitting and len(candidates) == 1:
                return next(iter(candidates.values()))
        ids = self._stems.get(key, ())
        return self._by_id[ids[0]] if len(ids) == 1 else None

    def _stem_candidates(self, stem: str) -> list[Term]:
        found = [self._by_id[i] for i in self._stems.get(stem, ())]
        exact = self._exact.get(stem)
        if exact is not None and exact.kind is not None:
            found.append(exact)
        return found

    def complete(self, prefix: str, lang: str, *, limit: int = 20) -> list[Term]:
        """Terms for a completion list as the user types ``prefix``.

        Terms whose label in ``lang`` starts with the prefix come first, then terms with
        another spelling that starts with it, then terms with a spelling containing it;
        each group sorted by label. An empty prefix lists the first ``limit`` terms.
        """
        if lang not in LANGUAGES:
            raise ValueError(f"no labels in language {lang!r}")
        key = normalise(prefix)
        if not key:
            return list(self._terms[:limit])
        ranked: list[tuple[int, str, int, Term]] = []
        for position, t in enumerate(self._terms):
            label = normalise(t.label(lang))
            keys = self._keys[t.id]
            if label.startswith(key):
                rank = 0
            elif any(k.startswith(key) for k in keys):
                rank = 1
            elif any(key in k for k in keys):
                rank = 2
            else:
                continue
            ranked.append((rank, t.label(lang), position, t))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]


# -- loading and checking the shipped files ----------------------------------------------


def _text(value: object, where: str, what: str, *, required: bool) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidInput(where, f"{what} must be {'non-empty ' if required else ''}text")
    return value


def parse_vocabulary(name: str, data: Mapping[str, Any]) -> Vocabulary:
    """Check one vocabulary file's content and build it; errors name the file and term."""
    file = f"{name}.json"
    if name not in _KINDS:
        raise InvalidInput("vocabulary", f"there is no vocabulary named {name!r}")
    if not isinstance(data, Mapping):
        raise InvalidInput(file, "must hold a JSON object")
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise InvalidInput(file, f"unknown keys {sorted(unknown)}")
    if data.get("vocabulary") != name:
        raise InvalidInput(file, f'"vocabulary" must be {name!r}')
    raw_terms = data.get("terms")
    if not isinstance(raw_terms, list) or not raw_terms:
        raise InvalidInput(file, '"terms" must be a non-empty list')
    kinds = _KINDS[name]
    terms: list[Term] = []
    for i, raw in enumerate(raw_terms):
        where = f"{file}: terms[{i}]"
        if not isinstance(raw, Mapping):
            raise InvalidInput(where, "must be an object")
        unknown = set(raw) - _TERM_KEYS
        if unknown:
            raise InvalidInput(where, f"unknown keys {sorted(unknown)}")
        term_id = raw.get("id")
        if not isinstance(term_id, str) or not _ID.fullmatch(term_id):
            raise InvalidInput(where, "id must be lower-case ASCII letters, digits and _")
        where = f"{file}: {term_id}"
        en = _text(raw.get("en"), where, "en", required=True)
        ko = _text(raw.get("ko"), where, "ko", required=True)
        if not _HANGUL.search(ko):
            raise InvalidInput(where, "ko must be written in Hangul")
        needs_definition = name in _DEFINITIONS_REQUIRED
        definition_en = _text(
            raw.get("definition_en"), where, "definition_en", required=needs_definition
        )
        definition_ko = _text(
            raw.get("definition_ko"), where, "definition_ko", required=needs_definition
        )
        zh = raw.get("zh")
        if zh is not None:
            zh = _text(zh, where, "zh", required=True)
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) and normalise(a) for a in aliases
        ):
            raise InvalidInput(where, "aliases must be a list of non-empty texts")
        kind = raw.get("kind")
        if kinds is None:
            if kind is not None:
                raise InvalidInput(where, f"terms of {name} have no kind")
        elif kind not in kinds:
            raise InvalidInput(where, f"kind must be one of {', '.join(sorted(kinds))}")
        parent = raw.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise InvalidInput(where, "parent must be a term id")
        terms.append(
            Term(term_id, en, ko, tuple(aliases), definition_en, definition_ko, kind, parent, zh)
        )
    _check_ids_and_parents(file, terms)
    return Vocabulary(name, tuple(terms))


def _check_ids_and_parents(file: str, terms: list[Term]) -> None:
    by_id: dict[str, Term] = {}
    for t in terms:
        if t.id in by_id:
            raise InvalidInput(f"{file}: {t.id}", "the id is used twice")
        by_id[t.id] = t
    for t in terms:
        seen = {t.id}
        parent = t.parent
        while parent is not None:
            if parent not in by_id:
                raise InvalidInput(f"{file}: {t.id}", f"parent {parent!r} is not a term")
            if parent in seen:
                raise InvalidInput(f"{file}: {t.id}", "its parents form a loop")
            seen.add(parent)
            parent = by_id[parent].parent
    for t in terms:
        if t.kind == "country" and t.parent is not None:
            raise InvalidInput(f"{file}: {t.id}", "a country has no parent")
        if t.kind in {"province", "prefecture", "city", "county"} and t.parent is None:
            raise InvalidInput(f"{file}: {t.id}", f"a {t.kind} needs a parent")


@cache
def load(name: str) -> Vocabulary:
    """The shipped vocabulary ``name`` (one of :data:`NAMES`), read and checked once."""
    if name not in NAMES:
        raise InvalidInput("vocabulary", f"there is no vocabulary named {name!r}")
    path = resources.path("vocabularies", f"{name}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InvalidInput(f"{name}.json", f"cannot be read: {e}") from None
    return parse_vocabulary(name, data)
