"""Filters on the structured facts of testimonies, and the SQL that applies them.

All event filters must hold for the *same* event: "detention at Onsong in 2019" means
one event that was a detention, at Onsong, in 2019, not a testimony that mentions a
detention somewhere and Onsong at some time. Values are what a user types: an event
type, place, facility kind or perpetrator is looked up in the vocabularies by any
spelling; a place also covers everything under it (a province, its cities and
counties); a place, facility or perpetrator the vocabularies do not know is matched as
text in the event's own field (a named official in ``perpetrator_description``).

Dates are honest about what is not known (see :func:`facts.event_period`): a
partial date stands for its whole span ("2019" overlaps "2019-03"), an approximate one
for one unit more each way, an event without an end lies within its start unless
``open_ended``. An event with no date at all never matches a date filter: nothing says
it happened in the period asked about.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from intake import vocabulary
from intake.dates import PartialDate, shown
from intake.errors import InvalidInput
from intake.model import PURPOSES
from intake.search.facts import loose, resolve_place, strip_particle
from intake.store.database import Connection

_LISTS = ("types", "places", "facilities", "perpetrators", "senders")


@dataclass(frozen=True)
class Filters:
    """What a testimony or one of its events must be. Empty fields filter nothing."""

    types: tuple[str, ...] = ()
    date_from: PartialDate | None = None
    date_to: PartialDate | None = None
    open_ended: bool = False
    places: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()
    consent: str | None = None
    senders: tuple[str, ...] = ()
    include_withdrawn: bool = False

    def __post_init__(self) -> None:
        for name in _LISTS:
            value = getattr(self, name)
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise InvalidInput(name, "must be a tuple of texts")
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, PartialDate):
                raise InvalidInput(name, "must be a PartialDate")
        if self.date_from and self.date_to and self.date_to.latest() < self.date_from.earliest():
            raise InvalidInput("to", f"{self.date_to} is before the start, {self.date_from}")
        if self.consent is not None and self.consent not in PURPOSES:
            raise InvalidInput("consent", f"{shown(self.consent)} is not one of "
                               f"{', '.join(PURPOSES)}")

    @property
    def on_events(self) -> bool:
        """Whether any filter is about events (so only some of a testimony's events match)."""
        return bool(self.types or self.date_from or self.date_to or self.places
                    or self.facilities or self.perpetrators)

    @property
    def empty(self) -> bool:
        """Nothing asked for (withdrawn testimonies aside)."""
        return not (self.on_events or self.consent or self.senders)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = (list(value) if isinstance(value, tuple)
                           else str(value) if isinstance(value, PartialDate) else value)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Filters:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in d.items():
            if key not in known:
                raise InvalidInput(f"filters.{key}", "is not a filter")
            if key in _LISTS:
                if not isinstance(value, list):
                    raise InvalidInput(f"filters.{key}", "must be a list")
                value = tuple(value)
            elif key in ("date_from", "date_to") and value is not None:
                value = PartialDate.parse(value, f"filters.{key}")
            values[key] = value
        return cls(**values)


@dataclass(frozen=True)
class Sql:
    """A WHERE fragment and its parameters."""

    where: str
    params: tuple[object, ...] = ()


def _all(parts: list[Sql]) -> Sql:
    parts = [p for p in parts if p.where]
    return Sql(" AND ".join(f"({p.where})" for p in parts),
               tuple(x for p in parts for x in p.params))


def _any(parts: list[Sql]) -> Sql:
    return Sql(" OR ".join(f"({p.where})" for p in parts),
               tuple(x for p in parts for x in p.params))


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _lookup(name: str, text: str) -> vocabulary.Term | None:
    vocab = vocabulary.load(name)
    term = vocab.lookup(text)
    if term is None and (bare := strip_particle(text.strip())):
        term = vocab.lookup(bare)
    return term


def event_type_ids(values: tuple[str, ...]) -> list[str]:
    """Event type ids for what the user typed (id, English, Korean or an alias)."""
    ids = []
    for v in values:
        term = _lookup("event_types", v)
        if term is None:
            raise InvalidInput("type", f"{shown(v)} is not an event type (see the event "
                               "types vocabulary)")
        ids.append(term.id)
    return ids


def place_ids(text: str) -> list[str] | None:
    """The place ``text`` names and every place under it, or None if it names none."""
    found = resolve_place(text)
    if found is None:
        return None
    places = vocabulary.load("places")
    out, todo = [], [found]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(t.id for t in places.children(pid))
    return out


def _text_or_term(column_text: str, term_columns: tuple[str, ...], term_id: str | None,
                  text: str) -> Sql:
    """The term's id in its (indexed) columns if ``text`` names one, else the text inside
    the event's own words (a scan, for what no vocabulary knows)."""
    if term_id is not None:
        return _any([Sql(f"{c} = ?", (term_id,)) for c in term_columns])
    needle = loose(text)
    return Sql(f"instr({column_text}, ?) > 0", (needle,)) if needle else Sql("0")


def _event_parts(f: Filters, a: str) -> tuple[list[Sql], list[Sql]]:
    """(the date conditions, one condition per other filter) on ``search_events`` ``a``."""
    dates: list[Sql] = []
    # ``hi`` is NULL only for an event with no date at all, which no date filter matches;
    # a range on ``hi`` alone lets SQLite use the (column, hi, lo) indexes.
    if f.date_from:
        lo = f.date_from.earliest().isoformat()
        dates.append(Sql(f"{a}.hi >= ? OR {a}.open_end = 1", (lo,)) if f.open_ended
                     else Sql(f"{a}.hi >= ?", (lo,)))
    elif f.date_to:
        dates.append(Sql(f"{a}.hi IS NOT NULL"))
    if f.date_to:
        dates.append(Sql(f"{a}.lo IS NULL OR {a}.lo <= ?", (f.date_to.latest().isoformat(),)))
    others: list[Sql] = []
    if f.types:
        ids = event_type_ids(f.types)
        others.append(Sql(f"{a}.type IN ({_marks(len(ids))})", tuple(ids)))
    if f.places:
        either = []
        for text in f.places:
            under = place_ids(text)
            either.append(Sql(f"{a}.place IN ({_marks(len(under))})", tuple(under)) if under
                          else _text_or_term(f"{a}.place_text", (), None, text))
        others.append(_any(either))
    if f.facilities:
        others.append(_any([_text_or_term(
            f"{a}.facility_text", (f"{a}.facility_kind",),
            (t.id if (t := _lookup("facilities", text)) else None), text)
            for text in f.facilities]))
    if f.perpetrators:
        others.append(_any([_text_or_term(
            f"{a}.perpetrator_text", (f"{a}.perpetrator", f"{a}.agency"),
            (t.id if (t := _lookup("perpetrators", text)) else None), text)
            for text in f.perpetrators]))
    return dates, others


def event_sql(f: Filters, alias: str = "e") -> Sql:
    """The conditions one ``search_events`` row must meet (empty if none)."""
    dates, others = _event_parts(f, alias)
    return _all(others + dates)


def event_select(f: Filters) -> Sql | None:
    """``SELECT num, seq, lo, hi`` of the events meeting every event filter, or None.

    Every filter column leads one index that also holds the others (schema 5), so this
    is answered from one index whichever filters are given.
    """
    where = event_sql(f)
    if not where.where:
        return None
    return Sql(f"SELECT e.num, e.seq, e.lo, e.hi FROM search_events e WHERE {where.where}",
               where.params)


def sender_origins(conn: Connection, senders: tuple[str, ...]) -> list[str]:
    """The ``testimonies.origin`` values the senders name.

    ``local`` is this store's own records; anything else is a contact's label (any case)
    or its fingerprint (spaces optional), as imports record the sender's fingerprint.
    """
    origins = [r[0] for r in conn.execute("SELECT DISTINCT origin FROM testimonies")]
    contacts = conn.execute("SELECT fingerprint, label FROM contacts").fetchall()
    out = []
    for text in senders:
        want = text.strip().casefold()
        digits = "".join(text.split())
        found = [o for o in origins if o.casefold() == want or "".join(o.split()) == digits]
        found += [fp for fp, label in contacts if label.casefold() == want and fp in origins]
        if not found and not any(label.casefold() == want for _, label in contacts):
            raise InvalidInput("sender", f"{shown(text)} is neither 'local' nor a contact or "
                               "fingerprint that records came from")
        out += found
    return out


def doc_sql(conn: Connection, f: Filters, today: date, alias: str = "d") -> Sql:
    """The conditions a ``search_docs`` row must meet (the origin via a subquery)."""
    a = alias
    parts: list[Sql] = []
    if not f.include_withdrawn:
        parts.append(Sql(f"{a}.withdrawn = 0"))
    if f.consent:
        now = today.isoformat()
        parts.append(Sql(f"{a}.{f.consent} = 1 AND {a}.withdrawn = 0 AND "
                         f"{a}.consent_recorded <= ? AND "
                         f"({a}.consent_expires IS NULL OR {a}.consent_expires > ?)",
                         (now, now)))
    if f.senders:
        origins = sender_origins(conn, f.senders)
        parts.append(Sql(f"{a}.num IN (SELECT num FROM testimonies WHERE origin IN "
                         f"({_marks(len(origins))}))", tuple(origins)) if origins else Sql("0"))
    return _all(parts)
