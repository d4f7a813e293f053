"""Saved searches: a name for a query and its filters, kept inside the encrypted store.

Never in QSettings or any other file: a saved query can hold a survivor's or an
official's name ("박순옥", "Officer Pak"), and everything outside the store is readable
by whoever holds the laptop.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from intake.clock import utc_now_iso
from intake.errors import InvalidInput, NotFound
from intake.search.query import Query
from intake.store import Store

MAX_NAME = 100


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: Query
    saved_at: str


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput("name", "a saved search needs a name")
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise InvalidInput("name", f"is longer than {MAX_NAME} characters")
    return name


def save_search(store: Store, name: str, query: Query) -> SavedSearch:
    """Keep ``query`` under ``name``, replacing a saved search of that name."""
    name = _check_name(name)
    saved = SavedSearch(name, Query.from_dict(query.to_dict()), utc_now_iso())
    body = json.dumps(query.to_dict(), ensure_ascii=False, separators=(",", ":"))
    with store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO saved_searches (name, query, saved_at)"
                     " VALUES (?, ?, ?)", (name, body, saved.saved_at))
    return saved


def saved_searches(store: Store) -> list[SavedSearch]:
    """Every saved search, by name."""
    rows = store.conn.execute("SELECT name, query, saved_at FROM saved_searches"
                              " ORDER BY name").fetchall()
    return [SavedSearch(name, Query.from_dict(json.loads(body)), at) for name, body, at in rows]


def load_search(store: Store, name: str) -> Query:
    row = store.conn.execute("SELECT query FROM saved_searches WHERE name = ?",
                             (_check_name(name),)).fetchone()
    if row is None:
        raise NotFound("no saved search with that name (see: testimony-intake searches)")
    return Query.from_dict(json.loads(row[0]))


def delete_search(store: Store, name: str) -> None:
    with store.transaction() as conn:
        cur = conn.execute("DELETE FROM saved_searches WHERE name = ?", (_check_name(name),))
    if cur.rowcount == 0:
        raise NotFound("no saved search with that name (see: testimony-intake searches)")
