"""Re-identification check for redacted exports (k-anonymity over quasi-identifiers).

A redacted record names nobody, yet "a woman born in 1985 in Onsong, held at
the Onsong MSS holding centre in March 2019" may describe one person only. Before a
redacted export, each testimony's quasi-identifiers — birth year, sex, origin,
and where and when it was detained — are compared with the rest of the store: a
combination that fewer than ``k`` testimonies share is flagged, with the
generalisations that would hide it in a crowd of ``k``. Accepted
generalisations change only the exported copy, never the stored record.

Matching is conservative in the survivor's favour: a value the testimony does
not state cannot single it out, so it is left out of the comparison; every
value it does state must be equal in another testimony for that one to count.
Family details are free text in the narrative and are not measured here: the
redaction review covers them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from intake import vocabulary
from intake.dates import PartialDate
from intake.model import Event, Survivor, Testimony

DEFAULT_K = 5
BAND_YEARS = 5
# Events that place a survivor somewhere at a time an adversary could know of.
DETENTION_TYPES = frozenset({"arrest", "detention", "interrogation", "imprisonment",
                             "forced_return", "forced_labour", "torture"})

# Generalisation steps, mildest first; each level applies all steps up to it.
BIRTH_YEAR_BAND = "birth_year_band"
ORIGIN_PROVINCE = "origin_province"
DATES_TO_MONTH = "dates_to_month"
DATES_TO_YEAR = "dates_to_year"
DROP_BIRTH_YEAR = "drop_birth_year"
DROP_ORIGIN = "drop_origin"
LEVELS: tuple[tuple[str, ...], ...] = (
    (),
    (BIRTH_YEAR_BAND, ORIGIN_PROVINCE, DATES_TO_MONTH),
    (BIRTH_YEAR_BAND, ORIGIN_PROVINCE, DATES_TO_YEAR),
    (DROP_BIRTH_YEAR, DROP_ORIGIN, DATES_TO_YEAR),
)


@dataclass(frozen=True)
class QuasiIdentifiers:
    birth: str | None                       # "1985" or the band "1985-1989"
    sex: str | None
    origin: str | None                      # a gazetteer id where known, else normalised text
    detentions: frozenset[tuple[str, str, str]]  # (facility, place, date)


@dataclass(frozen=True)
class ReidentificationRisk:
    """One testimony whose combination fewer than ``k`` testimonies share."""

    testimony_id: str
    pseudonym: str
    crowd: int                    # testimonies (itself included) sharing the combination
    k: int
    suggested: tuple[str, ...]    # the generalisations that reach k, mildest first
    crowd_after: int              # the crowd size once they are applied
    reaches_k: bool
    # Which quasi-identifiers the testimony states (QI_* names, never their values): what
    # makes the combination, and so what the warning may name.
    identifying: tuple[str, ...] = ()


# What a warning may name: the kinds of quasi-identifier, never their values.
QI_BIRTH_YEAR, QI_SEX, QI_ORIGIN, QI_DETENTIONS = "birth_year", "sex", "origin", "detentions"
_QI_WORDS = {QI_BIRTH_YEAR: "birth year", QI_SEX: "sex", QI_ORIGIN: "origin",
             QI_DETENTIONS: "detentions (place and date)"}
_STEP_WORDS = {BIRTH_YEAR_BAND: f"birth year to a {BAND_YEARS}-year band",
               ORIGIN_PROVINCE: "origin to its province",
               DATES_TO_MONTH: "day dates to their month",
               DATES_TO_YEAR: "dates to their year",
               DROP_BIRTH_YEAR: "birth year left out",
               DROP_ORIGIN: "origin left out"}


def describe_identifying(names: Sequence[str]) -> str:
    """``birth year, sex and origin``: what a risk's combination is made of, in English."""
    words = [_QI_WORDS.get(n, n) for n in names]
    if len(words) < 2:
        return words[0] if words else "nothing stated"
    return ", ".join(words[:-1]) + " and " + words[-1]


def describe_steps(steps: Sequence[str]) -> str:
    """``birth year to a 5-year band, origin to its province, …`` in English."""
    return ", ".join(_STEP_WORDS.get(s, s) for s in steps)


@functools.lru_cache(maxsize=65536)  # a store repeats the same few hundred places
def _place_key(text: str | None, *, to_province: bool = False) -> str | None:
    if not text or not text.strip():
        return None
    places = vocabulary.load("places")
    term = places.lookup(text)
    if term is None:
        for token in reversed(text.split()):
            term = places.lookup(token)
            if term is not None:
                break
    if term is None:
        return vocabulary.normalise(text)
    if to_province and term.kind in ("city", "county", "prefecture"):
        for ancestor in places.ancestors(term.id):
            if ancestor.kind == "province":
                return ancestor.id
    return term.id


def _date_key(d: PartialDate | None, steps: Sequence[str]) -> str:
    if d is None:
        return ""
    if DATES_TO_YEAR in steps:
        return str(d.year)
    if DATES_TO_MONTH in steps and d.month is not None:
        return f"{d.year}-{d.month:02d}"
    return str(d)


def _birth_key(year: int | None, steps: Sequence[str]) -> str | None:
    if year is None or DROP_BIRTH_YEAR in steps:
        return None
    if BIRTH_YEAR_BAND in steps:
        start = year - year % BAND_YEARS
        return f"{start}-{start + BAND_YEARS - 1}"
    return str(year)


def _detention_key(e: Event, steps: Sequence[str]) -> tuple[str, str, str]:
    facility = e.facility_kind or vocabulary.normalise(e.facility or "")
    return (facility, _place_key(e.place) or "", _date_key(e.start, steps))


def quasi_identifiers(t: Testimony, steps: Sequence[str] = ()) -> QuasiIdentifiers:
    origin = None if DROP_ORIGIN in steps else _place_key(
        t.survivor.origin, to_province=ORIGIN_PROVINCE in steps)
    detentions = frozenset(_detention_key(e, steps) for e in t.events
                           if e.type in DETENTION_TYPES and (e.facility or e.facility_kind
                                                             or e.place))
    return QuasiIdentifiers(_birth_key(t.survivor.birth_year, steps), t.survivor.sex,
                            origin, detentions)


def stated(q: QuasiIdentifiers) -> tuple[str, ...]:
    """The kinds of quasi-identifier ``q`` holds a value for (see ``_shares``)."""
    return tuple(name for name, value in ((QI_BIRTH_YEAR, q.birth), (QI_SEX, q.sex),
                                          (QI_ORIGIN, q.origin),
                                          (QI_DETENTIONS, q.detentions)) if value)


def _shares(target: QuasiIdentifiers, other: QuasiIdentifiers) -> bool:
    for mine, theirs in ((target.birth, other.birth), (target.sex, other.sex),
                         (target.origin, other.origin)):
        if mine is not None and mine != theirs:
            return False
    return target.detentions <= other.detentions


def crowd_size(target: Testimony, population: Iterable[Testimony],
               steps: Sequence[str] = ()) -> int:
    """How many testimonies of ``population`` (the target among them) share its combination."""
    mine = quasi_identifiers(target, steps)
    return sum(1 for t in population if _shares(mine, quasi_identifiers(t, steps)))


def assess(targets: Sequence[Testimony], population: Sequence[Testimony], *,
           k: int = DEFAULT_K) -> list[ReidentificationRisk]:
    """The targets whose combination fewer than ``k`` of ``population`` share.

    Each testimony's quasi-identifiers are worked out once per generalisation level (the
    gazetteer lookups are the slow part), not once per pair.
    """
    if k < 2:
        raise ValueError("k must be at least 2")
    pools: dict[tuple[str, ...], list[QuasiIdentifiers]] = {}

    def crowd(t: Testimony, steps: tuple[str, ...]) -> int:
        if steps not in pools:
            pools[steps] = [quasi_identifiers(p, steps) for p in population]
        mine = quasi_identifiers(t, steps)
        return sum(1 for q in pools[steps] if _shares(mine, q))

    risks: list[ReidentificationRisk] = []
    for t in targets:
        now = crowd(t, ())
        if now >= k:
            continue
        suggested, after = LEVELS[-1], now
        for steps in LEVELS[1:]:
            after = crowd(t, steps)
            suggested = steps
            if after >= k:
                break
        risks.append(ReidentificationRisk(t.id, t.survivor.pseudonym, now, k, suggested,
                                          after, after >= k,
                                          stated(quasi_identifiers(t))))
    return risks


def generalise(t: Testimony, steps: Sequence[str]) -> Testimony:
    """An export copy of ``t`` with the generalisations applied; ``t`` itself is unchanged."""
    survivor: Survivor = t.survivor
    if DROP_BIRTH_YEAR in steps:
        survivor = replace(survivor, birth_year=None, birth_year_band=None)
    elif BIRTH_YEAR_BAND in steps and survivor.birth_year is not None:
        survivor = replace(survivor, birth_year=None,
                           birth_year_band=_birth_key(survivor.birth_year, steps))
    if DROP_ORIGIN in steps:
        survivor = replace(survivor, origin=None)
    elif ORIGIN_PROVINCE in steps and survivor.origin:
        key = _place_key(survivor.origin, to_province=True)
        term = vocabulary.load("places").get(key) if key else None
        survivor = replace(survivor, origin=term.ko if term is not None else None)
    events = tuple(replace(e, start=_coarser(e.start, steps), end=_coarser(e.end, steps))
                   for e in t.events)
    return replace(t, survivor=survivor, events=events)


def _coarser(d: PartialDate | None, steps: Sequence[str]) -> PartialDate | None:
    if d is None:
        return None
    if DATES_TO_YEAR in steps:
        return PartialDate(d.year)
    if DATES_TO_MONTH in steps and d.day is not None:
        return PartialDate(d.year, d.month)
    return d
