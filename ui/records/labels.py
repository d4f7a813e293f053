"""Words the record widgets show for stored codes: vocabulary labels, consent, sizes, times.

Records store ids and codes (``forced_return``, ``legal``, ``2019-04``); people read labels in
the UI language. The helpers live here, Qt-light, so the list, the detail pane, the editor
and the revision diff all say the same thing for the same code.
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from intake import vocabulary
from intake.dates import PartialDate, chronological
from intake.errors import InvalidInput


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordLabels", text)


def ui_language() -> str:
    """``"ko"`` when the UI runs in Korean, else ``"en"``: the two label languages we ship.

    The shell sets the default ``QLocale`` when it installs a translation, so this follows it.
    """
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


def term_label(vocab: str, term_id: str | None, lang: str) -> str:
    """The label of a vocabulary id in ``lang``; an unknown id is shown as it is, never lost."""
    if not term_id:
        return ""
    term = vocabulary.load(vocab).get(term_id)
    return term.label(lang) if term is not None else term_id


def find_place(text: str | None) -> vocabulary.Term | None:
    """The gazetteer place ``text`` names, in any spelling, or None.

    People write a place with what contains it ("함경북도 회령시", "Hoeryong, North
    Hamgyong"): if the whole text is not a known name, the most specific known part is used.
    """
    if not text or not text.strip():
        return None
    places = vocabulary.load("places")
    term = places.lookup(text)
    if term is not None:
        return term
    parts = [p for p in re.split(r"[,\s]+", text) if p]
    if len(parts) < 2:
        return None
    found = [t for t in map(places.lookup, parts) if t is not None]
    # The most specific: the one no other found place has as an ancestor.
    for t in reversed(found):
        if not any(t.id in {a.id for a in places.ancestors(o.id)} for o in found):
            return t
    return None


def place_label(text: str | None, lang: str) -> str | None:
    """The gazetteer label for a place as typed ("Dandong" → "단동(단둥)"), or None if unknown."""
    term = find_place(text)
    return term.label(lang) if term is not None else None


def scope_label(scope: str) -> str:
    return {"legal": _tr("Legal"), "advocacy": _tr("Advocacy"),
            "publication": _tr("Publication")}.get(scope, scope)


def sex_label(value: str | None) -> str:
    return {"female": _tr("Female"), "male": _tr("Male"), "other": _tr("Other"),
            "unknown": _tr("Unknown")}.get(value or "", value or "")


def risk_label(flag: str) -> str:
    return {"family_in_north_korea": _tr("Family in North Korea"),
            "in_china": _tr("Still in China")}.get(flag, flag)


def knowledge_label(value: str | None) -> str:
    return {"experienced": _tr("Experienced it"), "witnessed": _tr("Witnessed it"),
            "heard": _tr("Heard about it")}.get(value or "", value or "")


def mode_label(value: str | None) -> str:
    return {"in_person": _tr("In person"), "remote": _tr("Remote")}.get(value or "", value or "")


def depth_label(value: str | None) -> str:
    return {"screening": _tr("Screening"), "full": _tr("Full statement")}.get(
        value or "", value or "")


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return _tr("Yes") if value else _tr("No")


def language_label(code: str | None) -> str:
    names = {"ko": _tr("Korean"), "en": _tr("English"), "zh": _tr("Chinese"),
             "ja": _tr("Japanese"), "ru": _tr("Russian")}
    return names.get(code or "", code or "")


def withdrawn_text() -> str:
    """The one word used everywhere for withdrawn consent, so it is recognised at a glance."""
    return _tr("WITHDRAWN")


def human_size(size: int) -> str:
    """``1234567`` → ``1.2 MB`` (decimal units, as file managers show them)."""
    if size < 1000:
        return _tr("{0} bytes").format(size) if size != 1 else _tr("1 byte")
    value = float(size)
    for unit in ("kB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    raise AssertionError("unreachable")


def local_time(iso: str | None) -> str:
    """A stored UTC timestamp as local ``YYYY-MM-DD HH:MM``, as every screen shows a moment
    (a locale's short format is ambiguous between teams in different countries); nothing
    for text that is not a timestamp, rather than a wrong date or stray text."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def date_sort_key(text: str | None) -> tuple[int, str, str]:
    """Partial dates in order, as dates ("2019" before "2019-03"), unknown or bad ones last."""
    if not text:
        return chronological_key(None)
    try:
        return chronological_key(PartialDate.parse(text))
    except InvalidInput:
        return (2, text, text)


def chronological_key(value: PartialDate | None) -> tuple[int, str, str]:
    flag, lo, hi = chronological(value)
    return (flag, lo.isoformat(), hi.isoformat())


def date_range(start: str | None, end: str | None, approx: bool) -> str:
    """``2019-04 – 2019-06 (approx.)``, ``2019-04``, or ``date unknown``."""
    if start and end and end != start:
        text = f"{start} – {end}"
    elif start:
        text = start
    elif end:
        text = _tr("until {0}").format(end)
    else:
        text = _tr("date unknown")
    return text + (" " + _tr("(approx.)") if approx else "")
