"""Full-text rows for the latest revision of each testimony, and queries over them.

Korean has no spaces between a noun and its particle (단둥에서), so two FTS5
tables are kept (DESIGN §4): ``trigram`` finds any substring of 3+ characters,
and ``unicode61`` with 1- and 2-character prefix indexes finds a short word at
the start of a token (단둥* finds 단둥에서). A LIKE scan would take ~0.6 s at
50,000 testimonies; both of these answer in milliseconds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from intake.model import Testimony
from intake.store.database import Connection

_TERM = re.compile(r'"([^"]*)"|(\S+)')


def index_text(t: Testimony) -> str:
    """Everything searchable in one testimony, one field per line."""
    parts: list[str] = [t.survivor.pseudonym, t.survivor.origin or "",
                        t.interview.place or "", t.narrative]
    for e in t.events:
        parts.extend([e.type, e.place or "", e.facility or "", e.perpetrator or "",
                      e.perpetrator_description or "", e.description or ""])
    return "\n".join(p for p in parts if p)


def reindex(conn: Connection, t: Testimony) -> None:
    row = conn.execute("SELECT num FROM testimonies WHERE id = ?", (t.id,)).fetchone()
    text = index_text(t)
    for table in ("search_trigram", "search_words"):
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (row[0],))
        conn.execute(f"INSERT INTO {table} (rowid, body) VALUES (?, ?)", (row[0], text))


def rebuild(conn: Connection) -> None:
    """Index every testimony's latest revision (a migration that adds the tables calls this)."""
    rows = conn.execute(
        "SELECT r.body FROM revisions r JOIN (SELECT testimony_id, max(revision) AS rev"
        " FROM revisions GROUP BY testimony_id) m"
        " ON r.testimony_id = m.testimony_id AND r.revision = m.rev").fetchall()
    for (body,) in rows:
        reindex(conn, Testimony.from_dict(json.loads(body)))


def terms(query: str) -> list[str]:
    """Split a query into terms; "quoted phrases" stay whole."""
    return [(m.group(1) if m.group(1) is not None else m.group(2)).strip()
            for m in _TERM.finditer(query) if (m.group(1) or m.group(2) or "").strip()]


def _fts_phrase(term: str) -> str:
    # A quoted FTS5 string: operators, colons and brackets inside lose their meaning.
    return '"' + term.replace('"', '""') + '"'


def matching_ids(conn: Connection, query: str) -> list[str]:
    """Ids of testimonies containing every term of ``query``, best match first."""
    found: dict[str, float] | None = None
    for term in terms(query):
        hits = dict(_term_hits(conn, term))
        if found is None:
            found = hits
        else:
            found = {k: found[k] + v for k, v in hits.items() if k in found}
        if not found:
            return []
    if not found:
        return []
    return [k for k, _ in sorted(found.items(), key=lambda kv: (kv[1], kv[0]))]


def _term_hits(conn: Connection, term: str) -> Iterable[tuple[str, float]]:
    table, match = (("search_trigram", _fts_phrase(term)) if len(term) >= 3
                    else ("search_words", _fts_phrase(term) + "*"))
    return conn.execute(
        f"SELECT t.id, bm25({table}) FROM {table} JOIN testimonies t ON t.num = {table}.rowid"
        f" WHERE {table} MATCH ?", (match,)).fetchall()
