"""Domain words as a user reads them: purposes, levels, risk flags, re-identification terms.

Why here and not in ``intake/``: the library's words are English and stable (they
travel in bundles and audit entries); these are their translated faces, shown in
the bundle screens only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake.reidentify import (
    BIRTH_YEAR_BAND,
    DATES_TO_MONTH,
    DATES_TO_YEAR,
    DROP_BIRTH_YEAR,
    DROP_ORIGIN,
    ORIGIN_PROVINCE,
    QI_BIRTH_YEAR,
    QI_DETENTIONS,
    QI_ORIGIN,
    QI_SEX,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BundleWords", text)


def purpose_name(purpose: str) -> str:
    names = {"legal": _tr("legal proceedings"), "advocacy": _tr("advocacy"),
             "publication": _tr("publication")}
    return names.get(purpose, purpose)


def level_name(level: str) -> str:
    names = {"full": _tr("full"), "redacted": _tr("redacted")}
    return names.get(level, level)


def scopes_text(scopes: tuple[str, ...], withdrawn: bool) -> str:
    """``legal, advocacy`` or a plain statement that nothing (or a withdrawal) stands."""
    if withdrawn:
        return _tr("withdrawn")
    if not scopes:
        return _tr("none recorded")
    return ", ".join(purpose_name(s) for s in scopes)


def risk_flags_text(flags: tuple[str, ...]) -> str:
    names = {"family_in_north_korea": _tr("family in North Korea"),
             "in_china": _tr("in China")}
    return ", ".join(names.get(f, f) for f in flags)


def identifying_text(kinds: tuple[str, ...]) -> str:
    """Which kinds of value single a survivor out (never the values themselves)."""
    names = {QI_BIRTH_YEAR: _tr("birth year"), QI_SEX: _tr("sex"), QI_ORIGIN: _tr("origin"),
             QI_DETENTIONS: _tr("detentions (place and date)")}
    return ", ".join(names.get(k, k) for k in kinds) or _tr("nothing stated")


def steps_text(steps: tuple[str, ...]) -> str:
    names = {BIRTH_YEAR_BAND: _tr("birth year to a 5-year band"),
             ORIGIN_PROVINCE: _tr("origin to its province"),
             DATES_TO_MONTH: _tr("day dates to their month"),
             DATES_TO_YEAR: _tr("dates to their year"),
             DROP_BIRTH_YEAR: _tr("birth year left out"),
             DROP_ORIGIN: _tr("origin left out")}
    return ", ".join(names.get(s, s) for s in steps) or _tr("none")
