"""Counts of events for reports and charts, that never single out a survivor.

A table counts events along one dimension (type, year, place, province, perpetrator,
survivor sex, survivor age band) and, beside each count, the survivors (testimonies)
behind it. Disclosure control is on survivors, not events: one survivor's six beatings
at one camp are six events but one person, and it is the person who can be identified.

* **Small cells.** A row with fewer survivors than the threshold (default 5) is
  suppressed: its counts are withheld (JSON ``null``); its survivors are shown as
  ``<5`` and its events as ``x`` (six beatings of one person are not "<5").
* **Totals.** A printed total minus the visible rows would give a lone suppressed row
  back, so suppression is *complementary*: while the suppressed rows together hold
  fewer than ``threshold`` distinct survivors, or only one row is suppressed, the
  smallest visible row is suppressed too (shown ``x``). The total is then printed: what
  it reveals is the sum of several rows, of at least ``threshold`` survivors. A table
  whose total is itself under the threshold shows nothing.
* Only one-dimensional tables are offered: cross-tabulations multiply small cells and
  let tables be differenced against each other.

Withdrawn testimonies are left out unless the filters say otherwise. Ages are at the
time of the event (the year the event started minus the birth year) unless
``age_at="interview"``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intake import vocabulary
from intake.errors import InvalidInput
from intake.search.filters import Filters, Sql, doc_sql, event_sql
from intake.store import Store

DIMENSIONS = ("type", "year", "place", "province", "perpetrator", "sex", "age")
DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 2
UNKNOWN = "unknown"
AGE_BANDS = ((0, 17), (18, 29), (30, 39), (40, 49), (50, 59), (60, 200))
_SEX = {"female": ("Female", "여성"), "male": ("Male", "남성"), "other": ("Other", "기타"),
        UNKNOWN: ("Not recorded", "기록 없음")}
_UNKNOWN_LABEL = {"type": ("Unknown", "미상"), "year": ("Date not given", "날짜 없음"),
                  "place": ("Not given or not in the gazetteer", "미상 또는 지명 사전에 없음"),
                  "province": ("Not given or not in the gazetteer", "미상 또는 지명 사전에 없음"),
                  "perpetrator": ("Not given", "기록 없음"), "sex": _SEX[UNKNOWN],
                  "age": ("Age not known", "나이 미상")}


@dataclass(frozen=True)
class Cell:
    """One row: ``events``/``survivors`` are None when suppressed (``"small"`` or
    ``"complementary"``)."""

    key: str
    label_en: str
    label_ko: str
    events: int | None
    survivors: int | None
    suppressed: str | None = None


@dataclass(frozen=True)
class StatTable:
    by: str
    threshold: int
    cells: tuple[Cell, ...]
    total_events: int | None
    total_survivors: int | None
    basis: str = field(default="")

    def shown(self, cell: Cell, column: str) -> str:
        """A count as printed: the number; ``<5`` for the survivors of a small row; ``x``
        for any other withheld count (a small row's events, which may well be 5 or more,
        and both counts of a row withheld so that the total cannot give one back)."""
        if cell.suppressed == "small" and column == "survivors":
            return f"<{self.threshold}"
        if cell.suppressed:
            return "x"
        return str(getattr(cell, column))

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "threshold": self.threshold, "basis": self.basis,
                "rows": [{"key": c.key, "label_en": c.label_en, "label_ko": c.label_ko,
                          "events": c.events, "survivors": c.survivors,
                          "suppressed": c.suppressed,
                          "shown": {"events": self.shown(c, "events"),
                                    "survivors": self.shown(c, "survivors")}}
                         for c in self.cells],
                "total": {"events": self.total_events, "survivors": self.total_survivors}}

    def to_csv(self) -> bytes:
        """UTF-8 with a byte order mark, so Excel shows the Korean labels."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow([self.by, "label_en", "label_ko", "events", "survivors"])
        for c in self.cells:
            w.writerow([c.key, c.label_en, c.label_ko, self.shown(c, "events"),
                        self.shown(c, "survivors")])
        w.writerow(["total", "Total", "합계", _or_hidden(self.total_events, self.threshold),
                    _or_hidden(self.total_survivors, self.threshold)])
        return ("\ufeff" + out.getvalue()).encode("utf-8")


def _or_hidden(value: int | None, threshold: int) -> str:
    return f"<{threshold}" if value is None else str(value)


def _key_sql(by: str, age_at: str) -> str:
    if by == "type":
        return "e.type"
    if by == "year":
        return "substr(e.start, 1, 4)"
    if by in ("place", "province"):
        return "e.place"
    if by == "perpetrator":
        return "e.perpetrator"
    if by == "sex":
        return "d.sex"
    year = "CAST(substr(e.start, 1, 4) AS INTEGER)" if age_at == "event" else "d.interview_year"
    bands = " ".join(f"WHEN {year} - d.birth_year BETWEEN {lo} AND {hi} THEN '{lo}-{hi}'"
                     for lo, hi in AGE_BANDS)
    return (f"CASE WHEN d.birth_year IS NULL OR {year} IS NULL THEN NULL {bands}"
            " ELSE NULL END")


def _province(place_id: str | None) -> str | None:
    """The province (or province-level city, or country) a place lies in."""
    if place_id is None:
        return None
    places = vocabulary.load("places")
    term = places.get(place_id)
    while term is not None and term.kind not in ("province", "country"):
        parent = places.get(term.parent) if term.parent else None
        if parent is None or parent.kind == "country":
            return term.id
        term = parent
    return term.id if term else None


def _label(by: str, key: str) -> tuple[str, str]:
    if key == UNKNOWN:
        return _UNKNOWN_LABEL[by]
    name = {"type": "event_types", "place": "places", "province": "places",
            "perpetrator": "perpetrators"}.get(by)
    if name is not None:
        term = vocabulary.load(name).get(key)
        return (term.en, term.ko) if term else (key, key)
    if by == "year":
        return key, f"{key}년"
    if by == "sex":
        return _SEX.get(key, (key, key))
    lo, hi = key.split("-")
    return (f"{lo}+", f"{lo}세 이상") if int(hi) >= 200 else (f"{lo}–{hi}", f"{lo}–{hi}세")


def statistics(store: Store, by: str = "type", *, threshold: int = DEFAULT_THRESHOLD,
               filters: Filters | None = None, age_at: str = "event",
               today: date | None = None) -> StatTable:
    """Counts of events along ``by``, with small cells suppressed (see the module)."""
    if by not in DIMENSIONS:
        raise InvalidInput("by", f"must be one of {', '.join(DIMENSIONS)}")
    if type(threshold) is not int or threshold < MIN_THRESHOLD:
        raise InvalidInput("threshold", f"must be a whole number, {MIN_THRESHOLD} or more: "
                           "a lower one would show single survivors")
    if age_at not in ("event", "interview"):
        raise InvalidInput("age_at", "must be event or interview")
    filters = filters or Filters()
    conn = store.conn
    where = [w for w in (doc_sql(conn, filters, today or date.today()), event_sql(filters))
             if w.where]
    cond = Sql(" AND ".join(f"({w.where})" for w in where) or "1",
               tuple(p for w in where for p in w.params))
    rows = conn.execute(
        f"SELECT {_key_sql(by, age_at)} AS key, e.num FROM search_events e"
        f" JOIN search_docs d ON d.num = e.num WHERE {cond.where}", cond.params).fetchall()
    people: dict[str, set[int]] = {}
    events: dict[str, int] = {}
    for key, num in rows:
        key = (_province(key) if by == "province" else key) or UNKNOWN
        people.setdefault(key, set()).add(num)
        events[key] = events.get(key, 0) + 1
    everyone = {n for _, n in rows}
    return _suppress(by, threshold, events, people, len(rows), everyone, age_at)


def _suppress(by: str, threshold: int, events: dict[str, int], people: dict[str, set[int]],
              total_events: int, everyone: set[int], age_at: str) -> StatTable:
    basis = ("events, and the survivors (testimonies) behind them"
             + (f"; age at the time of the {age_at}" if by == "age" else ""))
    if len(everyone) < threshold:
        cells = tuple(Cell(k, *_label(by, k), None, None, "small") for k in _order(by, events))
        return StatTable(by, threshold, cells, None, None, basis)
    hidden = {k: "small" for k, p in people.items() if len(p) < threshold}
    if hidden:
        visible = sorted((k for k in people if k not in hidden),
                         key=lambda k: (len(people[k]), events[k], k))
        while visible and (len(hidden) < 2 or len(set().union(
                *(people[k] for k in hidden))) < threshold):
            hidden[visible.pop(0)] = "complementary"
    cells = tuple(Cell(k, *_label(by, k), None if k in hidden else events[k],
                       None if k in hidden else len(people[k]), hidden.get(k))
                  for k in _order(by, events))
    return StatTable(by, threshold, cells, total_events, len(everyone), basis)


def _order(by: str, events: dict[str, int]) -> list[str]:
    """Years and age bands in order, other dimensions by count; unknown last."""
    if by in ("year", "age"):
        key = (lambda k: int(k.split("-")[0])) if by == "age" else int
        ordered = sorted((k for k in events if k != UNKNOWN), key=key)
    else:
        ordered = sorted((k for k in events if k != UNKNOWN), key=lambda k: (-events[k], k))
    return ordered + ([UNKNOWN] if UNKNOWN in events else [])
