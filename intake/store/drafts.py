"""Autosaved editor state: what was typed but not yet saved as a revision.

A draft is not a record: it may be incomplete or invalid, it is replaced on
every autosave, and it is removed once the testimony is saved. It lives in the
encrypted database like everything else, so autosave never writes plaintext.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from intake.clock import utc_now_iso
from intake.errors import InvalidInput
from intake.store.database import Connection

MAX_DRAFT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Draft:
    key: str
    testimony_id: str | None
    base_revision: int | None
    saved_at: str
    body: dict[str, Any]


def save(conn: Connection, key: str, body: dict[str, Any], *, testimony_id: str | None,
         base_revision: int | None) -> None:
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
        raise InvalidInput("draft", "the draft is too large to autosave")
    conn.execute("INSERT OR REPLACE INTO drafts (key, testimony_id, base_revision, saved_at, body)"
                 " VALUES (?, ?, ?, ?, ?)", (key, testimony_id, base_revision, utc_now_iso(), text))


def all_drafts(conn: Connection) -> list[Draft]:
    rows = conn.execute("SELECT key, testimony_id, base_revision, saved_at, body FROM drafts"
                        " ORDER BY saved_at").fetchall()
    return [Draft(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]


def discard(conn: Connection, key: str) -> None:
    conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
