"""The store's schema, as a list of forward migrations.

A store records the version it is at in ``PRAGMA user_version``. Opening a
store runs, in one transaction each, every migration above that version, so a
store made by an older release is brought forward and never backward: a store
*newer* than this release is refused rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from intake.errors import StoreDamaged
from intake.store import search_index
from intake.store.database import Connection, transaction


@dataclass(frozen=True)
class Migration:
    version: int
    purpose: str
    statements: tuple[str, ...]
    # Python work after the SQL (e.g. filling a new index from existing rows).
    after: Callable[[Connection], None] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "testimonies as append-only revisions, attachments, identity, audit chain",
        (
            """CREATE TABLE meta (
                   key TEXT PRIMARY KEY,
                   value TEXT NOT NULL)""",
            """CREATE TABLE identity (
                   id INTEGER PRIMARY KEY CHECK (id = 1),
                   label TEXT NOT NULL,
                   secret BLOB NOT NULL,
                   created_at TEXT NOT NULL)""",
            # ``num`` is a stable integer key: the search tables use it as their rowid.
            """CREATE TABLE testimonies (
                   num INTEGER PRIMARY KEY,
                   id TEXT NOT NULL UNIQUE,
                   created_at TEXT NOT NULL,
                   origin TEXT NOT NULL DEFAULT 'local')""",
            """CREATE TABLE revisions (
                   testimony_id TEXT NOT NULL REFERENCES testimonies(id),
                   revision INTEGER NOT NULL CHECK (revision >= 1),
                   saved_at TEXT NOT NULL,
                   body TEXT NOT NULL,
                   sha256 TEXT NOT NULL,
                   PRIMARY KEY (testimony_id, revision)) WITHOUT ROWID""",
            # The latest revision's list columns, kept beside it so a list of
            # 50,000 testimonies never parses 50,000 JSON bodies.
            """CREATE TABLE summaries (
                   testimony_id TEXT PRIMARY KEY REFERENCES testimonies(id),
                   revision INTEGER NOT NULL,
                   pseudonym TEXT NOT NULL,
                   interview_date TEXT,
                   place TEXT,
                   event_types TEXT NOT NULL,
                   consent TEXT NOT NULL,
                   withdrawn INTEGER NOT NULL,
                   updated_at TEXT NOT NULL)""",
            "CREATE INDEX summaries_by_pseudonym ON summaries(pseudonym)",
            "CREATE INDEX summaries_by_updated ON summaries(updated_at)",
            """CREATE TABLE attachments (
                   id TEXT PRIMARY KEY,
                   testimony_id TEXT NOT NULL REFERENCES testimonies(id),
                   name TEXT NOT NULL,
                   media_type TEXT NOT NULL,
                   sha256 TEXT NOT NULL,
                   size INTEGER NOT NULL,
                   blob TEXT NOT NULL UNIQUE,
                   added_at TEXT NOT NULL)""",
            "CREATE INDEX attachments_by_testimony ON attachments(testimony_id)",
            """CREATE TABLE audit (
                   seq INTEGER PRIMARY KEY,
                   at TEXT NOT NULL,
                   action TEXT NOT NULL,
                   testimony_id TEXT,
                   detail TEXT NOT NULL,
                   prev_hash TEXT NOT NULL,
                   hash TEXT NOT NULL)""",
            "CREATE INDEX audit_by_testimony ON audit(testimony_id)",
        ),
    ),
    Migration(
        2,
        "full-text search: trigram for substrings, unicode61 word prefixes for 1-2 letters",
        (
            # Contentless (the text is in ``revisions`` already); rowid = testimonies.num.
            """CREATE VIRTUAL TABLE search_trigram USING fts5(
                   body, tokenize = 'trigram', content = '', contentless_delete = 1)""",
            """CREATE VIRTUAL TABLE search_words USING fts5(
                   body, tokenize = 'unicode61', prefix = '1 2', content = '',
                   contentless_delete = 1)""",
        ),
        after=search_index.rebuild,
    ),
    Migration(
        3,
        "autosaved drafts and contacts (recipients and trusted senders)",
        (
            """CREATE TABLE drafts (
                   key TEXT PRIMARY KEY,
                   testimony_id TEXT,
                   base_revision INTEGER,
                   saved_at TEXT NOT NULL,
                   body TEXT NOT NULL)""",
            """CREATE TABLE contacts (
                   fingerprint TEXT PRIMARY KEY,
                   label TEXT NOT NULL UNIQUE,
                   card TEXT NOT NULL,
                   verified INTEGER NOT NULL DEFAULT 0,
                   added_at TEXT NOT NULL)""",
        ),
    ),
)

CURRENT_VERSION = MIGRATIONS[-1].version


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, target: int = CURRENT_VERSION) -> list[int]:
    """Bring the database forward to ``target``; return the versions applied."""
    current = schema_version(conn)
    if current > CURRENT_VERSION:
        raise StoreDamaged(
            f"this store has schema version {current}, newer than this release "
            f"understands ({CURRENT_VERSION}); update Testimony Intake"
        )
    applied = []
    for migration in MIGRATIONS:
        if current < migration.version <= target:
            with transaction(conn):
                for statement in migration.statements:
                    conn.execute(statement)
                if migration.after is not None:
                    migration.after(conn)
                conn.execute(f"PRAGMA user_version = {migration.version:d}")
            applied.append(migration.version)
    return applied
