"""Corroboration: other testimonies that speak of the same place, facility or perpetrator
at a time that overlaps, with what exactly they share.

Two events corroborate each other only if their periods may have overlapped
(:func:`dates.overlaps` on :func:`facts.event_period`: partial dates stand for
their whole span, approximate ones for one unit more each way) and both have a date:
"the same camp at some time" is a lead, not corroboration. What two events share is
weighed:

* the same facility kind at the same place (jipkyulso at Onsong): 3;
* the same perpetrator institution at the same place: 2, elsewhere or unknown place: 0.5;
* the same perpetrator description (a rank or alias the survivors gave): 2;
* the same place: 1; one place within the other (Onsong in North Hamgyong): 0.5;
* the same event type adds 0.5 to whatever else they share.

Each distinct thing shared counts once per testimony (three events at the same holding
centre are one shared facility; Onsong and Chongjin both within North Hamgyong are one
shared province), and testimonies are ranked by the sum.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake import vocabulary
from intake.dates import PartialDate, overlaps
from intake.errors import NotFound
from intake.search.facts import period
from intake.store import Store, records

_COLUMNS = ("num, seq, type, start, end, approx, lo, hi, place, facility_kind,"
            " facility_text, perpetrator, agency, perpetrator_text")


@dataclass(frozen=True)
class Shared:
    """One thing two events have in common; ``event``/``other_event`` index their events."""

    kind: str
    key: str
    detail: str
    weight: float
    event: int
    other_event: int


@dataclass(frozen=True)
class Corroboration:
    summary: records.Summary
    score: float
    shared: tuple[Shared, ...]

    def describe(self) -> list[str]:
        return [s.detail for s in self.shared]


@dataclass(frozen=True)
class _Ev:
    num: int
    seq: int
    type: str
    start: str | None
    end: str | None
    approx: bool
    lo: str | None
    hi: str | None
    place: str | None
    facility_kind: str | None
    facility_text: str
    perpetrator: str | None
    agency: str | None
    perpetrator_text: str

    def period(self) -> tuple[PartialDate | None, PartialDate | None]:
        return period(PartialDate.parse(self.start) if self.start else None,
                      PartialDate.parse(self.end) if self.end else None, self.approx)

    def when(self) -> str:
        mark = "≈" if self.approx else ""
        if self.start and self.end and self.end != self.start:
            return f"{mark}{self.start}–{self.end}"
        return f"{mark}{self.start or self.end or '?'}"

    def institutions(self) -> set[str]:
        return {p for p in (self.perpetrator, self.agency) if p and p != "unknown"}


def _event(row: tuple) -> _Ev:
    num, seq, type_, start, end, approx, *rest = row
    lo, hi, place, kind, facility, perpetrator, agency, description = rest
    return _Ev(num, seq, type_, start, end, bool(approx), lo, hi, place, kind, facility,
               perpetrator, agency, description)


def _place_label(place_id: str) -> str:
    term = vocabulary.load("places").get(place_id)
    return term.en if term else place_id


def _within(inner: str | None, outer: str | None) -> bool:
    if not inner or not outer or inner == outer:
        return False
    places = vocabulary.load("places")
    return inner in places and any(t.id == outer for t in places.ancestors(inner))


def _shares(a: _Ev, b: _Ev) -> list[Shared]:
    when = f"{a.when()} / {b.when()}"
    out: list[Shared] = []
    same_place = a.place is not None and a.place == b.place
    if same_place and a.facility_kind and a.facility_kind == b.facility_kind:
        out.append(Shared("facility", f"{a.facility_kind}@{a.place}",
                          f"same facility kind {a.facility_kind} at "
                          f"{_place_label(a.place or '')}, {when}", 3.0, a.seq, b.seq))
    for p in sorted(a.institutions() & b.institutions()):
        if same_place:
            out.append(Shared("perpetrator", f"{p}@{a.place}", f"same perpetrator {p} at "
                              f"{_place_label(a.place or '')}, {when}", 2.0, a.seq, b.seq))
        else:
            out.append(Shared("perpetrator", p, f"same perpetrator {p}, {when}", 0.5,
                              a.seq, b.seq))
    if a.perpetrator_text and a.perpetrator_text == b.perpetrator_text:
        out.append(Shared("perpetrator", f"text:{a.perpetrator_text}",
                          f"same perpetrator description, {when}", 2.0, a.seq, b.seq))
    if same_place and not any(s.kind == "facility" for s in out):
        out.append(Shared("place", a.place or "", f"same place {_place_label(a.place or '')}, "
                          f"{when}", 1.0, a.seq, b.seq))
    elif _within(a.place, b.place) or _within(b.place, a.place):
        inner, outer = (a.place, b.place) if _within(a.place, b.place) else (b.place, a.place)
        out.append(Shared("place", f"<{outer}", f"{_place_label(inner or '')} within "
                          f"{_place_label(outer or '')}, {when}", 0.5, a.seq, b.seq))
    if out and a.type == b.type:
        out = [Shared(s.kind, s.key, s.detail + f" (both {a.type})", s.weight + 0.5,
                      s.event, s.other_event) for s in out]
    return out


def _candidates(store: Store, ev: _Ev, include_withdrawn: bool) -> list[_Ev]:
    places = vocabulary.load("places")
    near = []
    if ev.place and ev.place in places:
        near = [ev.place, *(t.id for t in places.ancestors(ev.place)),
                *(t.id for t in places.children(ev.place))]
    ors, params = [], []
    if near:
        ors.append(f"e.place IN ({','.join('?' * len(near))})")
        params += near
    if ev.facility_kind:
        ors.append("e.facility_kind = ?")
        params.append(ev.facility_kind)
    for p in sorted(ev.institutions()):
        ors += ["e.perpetrator = ?", "e.agency = ?"]
        params += [p, p]
    if ev.perpetrator_text:
        ors.append("e.perpetrator_text = ?")
        params.append(ev.perpetrator_text)
    if not ors:
        return []
    withdrawn = "" if include_withdrawn else (
        " AND e.num NOT IN (SELECT num FROM search_docs WHERE withdrawn = 1)")
    rows = store.conn.execute(
        f"SELECT {', '.join('e.' + c.strip() for c in _COLUMNS.split(','))}"
        f" FROM search_events e WHERE e.num != ? AND ({' OR '.join(ors)})"
        " AND (e.lo IS NOT NULL OR e.hi IS NOT NULL)"
        " AND (e.lo IS NULL OR ? IS NULL OR e.lo <= ?) AND (e.hi IS NULL OR ? IS NULL"
        f" OR e.hi >= ?){withdrawn}",
        (ev.num, *params, ev.hi, ev.hi, ev.lo, ev.lo)).fetchall()
    return [_event(r) for r in rows]


def corroborating(store: Store, testimony_id: str, *, limit: int = 50,
                  include_withdrawn: bool = False) -> list[Corroboration]:
    """Other testimonies sharing a facility, perpetrator or place with ``testimony_id`` in
    overlapping dates, most shared first (see the module for the weights)."""
    row = store.conn.execute("SELECT num FROM testimonies WHERE id = ?",
                             (testimony_id,)).fetchone()
    if row is None:
        raise NotFound(f"no testimony with id {testimony_id}")
    mine = [_event(r) for r in store.conn.execute(
        f"SELECT {_COLUMNS} FROM search_events WHERE num = ? ORDER BY seq", (row[0],))]
    found: dict[int, dict[tuple[str, str], Shared]] = {}
    for ev in mine:
        if ev.lo is None and ev.hi is None:
            continue
        for other in _candidates(store, ev, include_withdrawn):
            if not overlaps(*ev.period(), *other.period()):
                continue
            best = found.setdefault(other.num, {})
            for s in _shares(ev, other):
                key = (s.kind, s.key)
                if key not in best or s.weight > best[key].weight:
                    best[key] = s
    ranked = sorted(((sum(s.weight for s in v.values()), num) for num, v in found.items()
                     if v), key=lambda x: (-x[0], x[1]))[:limit]
    nums = [num for _, num in ranked]
    ids = dict(store.conn.execute(
        f"SELECT num, id FROM testimonies WHERE num IN ({','.join('?' * len(nums))})",
        nums)) if nums else {}
    summaries = {s.testimony_id: s for s in records.summaries(store.conn,
                                                               ids=list(ids.values()))}
    out = []
    for score, num in ranked:
        summary = summaries.get(ids.get(num, ""))
        if summary is not None:
            shared = sorted(found[num].values(), key=lambda s: (-s.weight, s.event))
            out.append(Corroboration(summary, score, tuple(shared)))
    return out
