"""Derived search rows for the latest revision of each testimony.

Three kinds of row, all rewritten on every save in the save's own transaction, so the
index never disagrees with the record it was made from:

* text (DESIGN §4). Korean has no spaces between a noun and its particle (단둥에서), so
  two FTS5 tables are kept: ``trigram`` finds any substring of 3+ characters, and
  ``unicode61`` with 1- and 2-character prefix indexes finds a short word at the start
  of a token (단둥* finds 단둥에서). A LIKE scan would take ~0.6 s at 50,000
  testimonies; both of these answer in milliseconds. Both are contentless (the text is
  in ``revisions`` already) with rowid = ``testimonies.num``.
* one ``search_events`` row per event (schema 5): its type, its period as ISO day
  bounds, the place resolved to a gazetteer id, the facility kind and perpetrator, so
  that "every forced return through Tumen in 2019" is an indexed query, not a scan of
  50,000 JSON bodies.
* one ``search_docs`` row per testimony (schema 5): survivor sex and birth year,
  interview year and consent, for filters and statistics, and the hash of the text
  the row was indexed from.

How a partial or approximate date becomes a period is decided here once
(:func:`event_period`), and search, statistics and corroboration all use it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from intake.model import REDACTABLE_FIELDS, Event, Testimony
from intake.search.facts import (
    EVENT_MENTIONS,
    loose,
    mentions,
    period_bounds,
    resolve_place,
)
from intake.store.database import Connection

FTS_TABLES = ("search_trigram", "search_words")

# -- text -------------------------------------------------------------------------------

# Event fields holding vocabulary ids. The id (stable: records store it) is indexed, never
# a label, so that editing a vocabulary's labels cannot change what a row was indexed from.
VOCABULARY_FIELDS = EVENT_MENTIONS


# Each field template ("events[].place") as steps (name, is a list), parsed once.
_TEMPLATES = tuple(tuple((part.removesuffix("[]"), part.endswith("[]"))
                         for part in template.split("."))
                   for template in ("survivor.pseudonym", *REDACTABLE_FIELDS))


def _walk(body: dict[str, Any], steps: tuple[tuple[str, bool], ...]
          ) -> list[tuple[str, str]]:
    """The texts at one template's paths, without recursion (this runs for every hit)."""
    level: list[tuple[str, object]] = [("", body)]
    for name, many in steps:
        following: list[tuple[str, object]] = []
        for path, node in level:
            child = node.get(name) if isinstance(node, dict) else None
            here = f"{path}.{name}" if path else name
            if many:
                if isinstance(child, list):
                    following.extend((f"{here}[{i}]", item) for i, item in enumerate(child))
            elif child is not None:
                following.append((here, child))
        level = following
    return [(path, node) for path, node in level if isinstance(node, str) and node]


def body_fields(body: dict[str, Any]) -> list[tuple[str, str]]:
    """Every searchable text of a testimony/1 object as ``(field path, text)``.

    The record's free texts (:data:`model.REDACTABLE_FIELDS`, what redaction scans), the
    pseudonym, and the vocabulary ids of its events (``forced_return``), which a query
    naming the term adds as a spelling, so that 강제송환 finds a forced return told in
    English. It reads the JSON object, so snippets for a page of hits need no model
    objects; snippets are cut from these same texts.
    """
    out: list[tuple[str, str]] = []
    for steps in _TEMPLATES:
        out.extend(_walk(body, steps))
    for i, e in enumerate(body.get("events") or []):
        for attr, _ in VOCABULARY_FIELDS:
            value = e.get(attr) if isinstance(e, dict) else None
            if isinstance(value, str) and value:
                out.append((f"events[{i}].{attr}", value))
    return out


def searchable_fields(t: Testimony) -> list[tuple[str, str]]:
    """:func:`body_fields` of a testimony."""
    return body_fields(t.to_dict())


def index_text(t: Testimony) -> str:
    """Everything searchable in one testimony, one field per line.

    A pure function of the record: a row is removed from the text tables with the very
    text it was indexed from, re-derived from the previous revision. Change what this
    returns only together with a migration that calls :func:`rebuild`.
    """
    return "\n".join(text for _, text in searchable_fields(t))


# -- writing rows -----------------------------------------------------------------------


def _num(conn: Connection, testimony_id: str) -> int:
    return int(conn.execute("SELECT num FROM testimonies WHERE id = ?",
                            (testimony_id,)).fetchone()[0])


def _write_text(conn: Connection, num: int, text: str, old: str | None) -> None:
    for table in FTS_TABLES:
        if old is not None:
            conn.execute(f"INSERT INTO {table} ({table}, rowid, body) VALUES ('delete', ?, ?)",
                         (num, old))
        conn.execute(f"INSERT INTO {table} (rowid, body) VALUES (?, ?)", (num, text))


def _facility_kind(e: Event) -> str | None:
    """The event's facility kind, or the one its facility's name spells ("청진 집결소")."""
    if e.facility_kind or not e.facility:
        return e.facility_kind
    named = [k for k, _ in mentions([e.facility]).most_common() if k.startswith("facilities:")]
    return named[0].split(":", 1)[1] if named else None


def event_row(num: int, seq: int, e: Event) -> tuple[object, ...]:
    """The ``search_events`` row of one event. The place is resolved from the event's
    place, or its facility's name ("온성 보위부 구류장"), and so is a missing facility kind:
    a filter or a corroboration then finds the event whichever way it was written down."""
    lo, hi = period_bounds(e)
    place = resolve_place(e.place) or (resolve_place(e.facility) if not e.place else None)
    return (num, seq, e.type, str(e.start) if e.start else None,
            str(e.end) if e.end else None, int(e.approx), lo, hi,
            int(e.end is None and e.start is not None), place, loose(e.place),
            _facility_kind(e), loose(e.facility), e.perpetrator, e.agency,
            loose(e.perpetrator_description))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _write_facts(conn: Connection, num: int, t: Testimony, text_sha256: str) -> None:
    conn.execute("DELETE FROM search_events WHERE num = ?", (num,))
    conn.executemany(
        "INSERT INTO search_events (num, seq, type, start, end, approx, lo, hi, open_end,"
        " place, place_text, facility_kind, facility_text, perpetrator, agency,"
        " perpetrator_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event_row(num, i, e) for i, e in enumerate(t.events)])
    conn.execute("DELETE FROM search_mentions WHERE num = ?", (num,))
    ids = {f"events[{i}].{attr}" for i in range(len(t.events)) for attr, _ in VOCABULARY_FIELDS}
    found = mentions((text for f, text in searchable_fields(t) if f not in ids), t.events)
    conn.executemany("INSERT INTO search_mentions (key, num, hits) VALUES (?, ?, ?)",
                     [(key, num, hits) for key, hits in found.items()])
    s, c = t.survivor, t.consent
    conn.execute(
        "INSERT OR REPLACE INTO search_docs (num, sex, birth_year, interview_year,"
        " consent_recorded, consent_expires, legal, advocacy, publication, withdrawn,"
        " text_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (num, s.sex, s.birth_year, t.interview.date.year if t.interview.date else None,
         _iso(c.recorded), _iso(c.expires), int(c.legal), int(c.advocacy),
         int(c.publication), int(c.withdrawn is not None), text_sha256))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _has_facts(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_events'"
                        ).fetchone() is not None


def reindex(conn: Connection, t: Testimony) -> None:
    """Rewrite every search row of ``t`` (called by each save, inside its transaction).

    The text tables keep no copy of the text (it is in ``revisions``), so the old row is
    removed with the text of the previous revision. Should that text not be what was
    indexed (its hash is kept to check; only a code change without a migration could
    cause it), everything is rebuilt rather than leave a corrupt index.
    """
    num = _num(conn, t.id)
    text = index_text(t)
    row = conn.execute("SELECT text_sha256 FROM search_docs WHERE num = ?", (num,)).fetchone()
    old = None
    if row is not None:
        prev = conn.execute("SELECT body FROM revisions WHERE testimony_id = ? AND revision < ?"
                            " ORDER BY revision DESC LIMIT 1", (t.id, t.revision)).fetchone()
        old = index_text(Testimony.from_dict(json.loads(prev[0]))) if prev else None
        if old is None or _sha256(old) != row[0]:
            rebuild(conn)
            return
    _write_text(conn, num, text, old)
    _write_facts(conn, num, t, _sha256(text))


def rebuild(conn: Connection) -> None:
    """Index every testimony's latest revision afresh.

    Migrations call this: version 2 (before the tables of version 5 exist, so only the
    text is written then) and version 5.
    """
    facts = _has_facts(conn)
    for table in FTS_TABLES:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    if facts:
        conn.execute("DELETE FROM search_events")
        conn.execute("DELETE FROM search_mentions")
        conn.execute("DELETE FROM search_docs")
    rows = conn.execute(
        "SELECT t.num, r.body FROM revisions r JOIN (SELECT testimony_id, max(revision) AS rev"
        " FROM revisions GROUP BY testimony_id) m"
        " ON r.testimony_id = m.testimony_id AND r.revision = m.rev"
        " JOIN testimonies t ON t.id = r.testimony_id").fetchall()
    for num, body in rows:
        t = Testimony.from_dict(json.loads(body))
        text = index_text(t)
        _write_text(conn, num, text, None)
        if facts:
            _write_facts(conn, num, t, _sha256(text))


def matching_ids(conn: Connection, query: str) -> list[str]:
    """Ids of testimonies matching the text ``query`` (withdrawn included), best first."""
    from intake.search.engine import matching_ids as match  # the search package builds on this

    return match(conn, query)
