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
    """The targets whose combination fewer than ``k`` of ``population`` share."""
    if k < 2:
        raise ValueError("k must be at least 2")
    risks: list[ReidentificationRisk] = []
    for t in targets:
        crowd = crowd_size(t, population)
        if crowd >= k:
            continue
        suggested, after = LEVELS[-1], crowd
        for steps in LEVELS[1:]:
            after = crowd_size(t, population, steps)
            suggested = steps
            if after >= k:
                break
        risks.append(ReidentificationRisk(t.id, t.survivor.pseudonym, crowd, k, suggested,
                                          after, after >= k))
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
