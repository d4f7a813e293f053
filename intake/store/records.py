"""Testimonies as append-only revisions, with a summary row and search rows for the latest.

Nothing here updates a revision in place: saving appends revision n+1, and the
current view of a testimony is simply its highest revision. The summary and
search rows are derived data, rewritten on every save in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from intake.clock import utc_now_iso
from intake.errors import InvalidInput, NotFound, StoreDamaged
from intake.model import Testimony
from intake.store import search_index
from intake.store.database import Connection


class StaleRevision(InvalidInput):
    """The testimony was saved by someone else since this copy was read."""


@dataclass(frozen=True)
class RevisionInfo:
    testimony_id: str
    revision: int
    saved_at: str
    sha256: str


@dataclass(frozen=True)
class Summary:
    """One row of the testimony list, read without parsing the testimony itself."""

    testimony_id: str
    revision: int
    pseudonym: str
    interview_date: str | None
    place: str | None
    event_types: tuple[str, ...]
    consent: tuple[str, ...]
    withdrawn: bool
    updated_at: str


def body_of(testimony: Testimony) -> str:
    return json.dumps(testimony.to_dict(), ensure_ascii=False, separators=(",", ":"))


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def exists(conn: Connection, testimony_id: str) -> bool:
    return conn.execute("SELECT 1 FROM testimonies WHERE id = ?",
                        (testimony_id,)).fetchone() is not None


def latest_revision(conn: Connection, testimony_id: str) -> int:
    row = conn.execute("SELECT max(revision) FROM revisions WHERE testimony_id = ?",
                       (testimony_id,)).fetchone()
    if row is None or row[0] is None:
        raise NotFound(f"no testimony with id {testimony_id}")
    return int(row[0])


def insert_new(conn: Connection, testimony: Testimony, *, origin: str = "local") -> Testimony:
    """Store a testimony that does not exist yet, as its revision 1."""
    if exists(conn, testimony.id):
        raise InvalidInput("id", f"a testimony with id {testimony.id} already exists")
    stored = replace(testimony, revision=1)
    now = utc_now_iso()
    conn.execute("INSERT INTO testimonies (id, created_at, origin) VALUES (?, ?, ?)",
                 (stored.id, now, origin))
    return _write_revision(conn, stored, now)


def append_revision(conn: Connection, testimony: Testimony) -> Testimony:
    """Store ``testimony`` (edited from its ``revision``) as the next revision."""
    latest = latest_revision(conn, testimony.id)
    if testimony.revision != latest:
        raise StaleRevision(
            "revision", f"this copy was edited from revision {testimony.revision}, "
            f"but revision {latest} has been saved since")
    return _write_revision(conn, replace(testimony, revision=latest + 1), utc_now_iso())


def append_as_revision(conn: Connection, testimony: Testimony) -> Testimony:
    """Store ``testimony`` as the next revision whatever its number (used by import)."""
    latest = latest_revision(conn, testimony.id)
    return _write_revision(conn, replace(testimony, revision=latest + 1), utc_now_iso())


def _write_revision(conn: Connection, testimony: Testimony, now: str) -> Testimony:
    body = body_of(testimony)
    conn.execute(
        "INSERT INTO revisions (testimony_id, revision, saved_at, body, sha256)"
        " VALUES (?, ?, ?, ?, ?)",
        (testimony.id, testimony.revision, now, body, body_sha256(body)))
    _write_summary(conn, testimony, now)
    search_index.reindex(conn, testimony)
    return testimony


def _write_summary(conn: Connection, t: Testimony, now: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO summaries (testimony_id, revision, pseudonym, interview_date,"
        " place, event_types, consent, withdrawn, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (t.id, t.revision, t.survivor.pseudonym,
         str(t.interview.date) if t.interview.date else None,
         t.interview.place or None,
         " ".join(e.type for e in t.events),
         " ".join(t.consent.scopes),
         1 if t.consent.withdrawn else 0, now))


def load(conn: Connection, testimony_id: str, revision: int | None = None) -> Testimony:
    if revision is None:
        revision = latest_revision(conn, testimony_id)
    row = conn.execute("SELECT body, sha256 FROM revisions WHERE testimony_id = ? AND revision = ?",
                       (testimony_id, revision)).fetchone()
    if row is None:
        raise NotFound(f"testimony {testimony_id} has no revision {revision}")
    body, digest = row
    if body_sha256(body) != digest:
        raise StoreDamaged(f"testimony {testimony_id} revision {revision} does not match its hash")
    return Testimony.from_dict(json.loads(body))


def revisions(conn: Connection, testimony_id: str) -> list[RevisionInfo]:
    rows = conn.execute("SELECT testimony_id, revision, saved_at, sha256 FROM revisions"
                        " WHERE testimony_id = ? ORDER BY revision", (testimony_id,)).fetchall()
    if not rows:
        raise NotFound(f"no testimony with id {testimony_id}")
    return [RevisionInfo(*r) for r in rows]


_SUMMARY_COLUMNS = ("testimony_id, revision, pseudonym, interview_date, place, event_types,"
                    " consent, withdrawn, updated_at")


def summaries(conn: Connection, *, offset: int = 0, limit: int = -1,
              ids: list[str] | None = None) -> list[Summary]:
    if ids is not None:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = conn.execute(f"SELECT {_SUMMARY_COLUMNS} FROM summaries"
                            f" WHERE testimony_id IN ({marks})", ids).fetchall()
        by_id = {r[0]: r for r in rows}
        rows = [by_id[i] for i in ids if i in by_id]
    else:
        rows = conn.execute(f"SELECT {_SUMMARY_COLUMNS} FROM summaries"
                            " ORDER BY pseudonym, testimony_id LIMIT ? OFFSET ?",
                            (limit, offset)).fetchall()
    return [_summary(r) for r in rows]


def _summary(r: tuple) -> Summary:
    return Summary(r[0], r[1], r[2], r[3], r[4], tuple(r[5].split()), tuple(r[6].split()),
                   bool(r[7]), r[8])


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM summaries").fetchone()[0])


def all_ids(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM testimonies ORDER BY created_at, id")]
