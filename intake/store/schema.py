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
    Migration(
        4,
        "bundles: the transfer ledger of exports, and the bundles imported from senders",
        (
            # One row per export written; ``recipients`` and ``testimony_ids`` are JSON lists.
            """CREATE TABLE transfers (
                   bundle_id TEXT PRIMARY KEY,
                   created_at TEXT NOT NULL,
                   recipients TEXT NOT NULL,
                   purpose TEXT NOT NULL,
                   level TEXT NOT NULL,
                   manifest_sha256 TEXT NOT NULL,
                   testimony_ids TEXT NOT NULL,
                   receipt TEXT,
                   receipt_at TEXT)""",
            """CREATE TABLE transfer_testimonies (
                   bundle_id TEXT NOT NULL REFERENCES transfers(bundle_id),
                   testimony_id TEXT NOT NULL REFERENCES testimonies(id),
                   revision INTEGER NOT NULL,
                   record_sha256 TEXT NOT NULL,
                   PRIMARY KEY (bundle_id, testimony_id)) WITHOUT ROWID""",
            "CREATE INDEX transfer_testimonies_by_testimony"
            " ON transfer_testimonies(testimony_id)",
            # The signed manifest is kept, so provenance can be shown and re-checked later.
            """CREATE TABLE imported_bundles (
                   bundle_id TEXT PRIMARY KEY,
                   sender_fingerprint TEXT NOT NULL,
                   manifest_sha256 TEXT NOT NULL,
                   manifest BLOB NOT NULL,
                   signature TEXT NOT NULL,
                   created TEXT NOT NULL,
                   purpose TEXT NOT NULL,
                   level TEXT NOT NULL,
                   imported_at TEXT NOT NULL)""",
            """CREATE TABLE imported_records (
                   bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
                   testimony_id TEXT NOT NULL REFERENCES testimonies(id),
                   sender_revision INTEGER NOT NULL,
                   local_revision INTEGER NOT NULL,
                   outcome TEXT NOT NULL,
                   PRIMARY KEY (bundle_id, testimony_id)) WITHOUT ROWID""",
            "CREATE INDEX imported_records_by_testimony ON imported_records(testimony_id)",
            # Statements, custody.jsonl and metadata.csv as received (small; encrypted here).
            """CREATE TABLE imported_documents (
                   bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
                   path TEXT NOT NULL,
                   sha256 TEXT NOT NULL,
                   size INTEGER NOT NULL,
                   content BLOB NOT NULL,
                   PRIMARY KEY (bundle_id, path)) WITHOUT ROWID""",
        ),
    ),
    Migration(
        5,
        "search: per-event and per-testimony facts for filters, statistics and "
        "corroboration; saved searches; text tables rebuilt for ranking at scale",
        (
            # columnsize=0: bm25 without its per-row length lookup, ~5x cheaper at 50,000
            # testimonies (measured: 65 ms -> 19 ms for a term in 20,000 of them). FTS5 does
            # not allow it with contentless_delete, so a row is removed with the FTS5
            # 'delete' command and the text it was indexed from (search_index.reindex).
            "DROP TABLE search_trigram",
            "DROP TABLE search_words",
            """CREATE VIRTUAL TABLE search_trigram USING fts5(
                   body, tokenize = 'trigram remove_diacritics 1', content = '',
                   columnsize = 0)""",
            """CREATE VIRTUAL TABLE search_words USING fts5(
                   body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2',
                   content = '', columnsize = 0)""",
            # One row per event of each testimony's latest revision. ``lo``/``hi`` are the
            # ISO day bounds of search_index.event_period (NULL: open that way).
            """CREATE TABLE search_events (
                   num INTEGER NOT NULL REFERENCES testimonies(num),
                   seq INTEGER NOT NULL,
                   type TEXT NOT NULL,
                   start TEXT,
                   end TEXT,
                   approx INTEGER NOT NULL,
                   lo TEXT,
                   hi TEXT,
                   open_end INTEGER NOT NULL,
                   place TEXT,
                   place_text TEXT NOT NULL,
                   facility_kind TEXT,
                   facility_text TEXT NOT NULL,
                   perpetrator TEXT,
                   agency TEXT,
                   perpetrator_text TEXT NOT NULL,
                   PRIMARY KEY (num, seq)) WITHOUT ROWID""",
            # One index led by each filterable column, holding the period and the other
            # filter columns too: "a detention in North Hamgyong in 2019" is then read from
            # one index alone, its other conditions checked in the index entries, without
            # a lookup into the table for each event (~10x slower at 50,000 testimonies).
            """CREATE INDEX search_events_by_place ON search_events(
                   place, type, hi, lo, facility_kind, perpetrator, agency)""",
            """CREATE INDEX search_events_by_type ON search_events(
                   type, hi, lo, place, facility_kind, perpetrator, agency)""",
            """CREATE INDEX search_events_by_facility ON search_events(
                   facility_kind, hi, lo, place, type, perpetrator, agency)""",
            """CREATE INDEX search_events_by_perpetrator ON search_events(
                   perpetrator, hi, lo, place, type, facility_kind, agency)""",
            """CREATE INDEX search_events_by_agency ON search_events(
                   agency, hi, lo, place, type, facility_kind, perpetrator)""",
            """CREATE INDEX search_events_by_date ON search_events(
                   hi, lo, place, type, facility_kind, perpetrator, agency)""",
            # Which named places, facility kinds and institutions each testimony mentions,
            # in any spelling (intake.search.facts.mentions), and how often.
            """CREATE TABLE search_mentions (
                   key TEXT NOT NULL,
                   num INTEGER NOT NULL REFERENCES testimonies(num),
                   hits INTEGER NOT NULL,
                   PRIMARY KEY (key, num)) WITHOUT ROWID""",
            "CREATE INDEX search_mentions_by_hits ON search_mentions(key, hits DESC, num)",
            "CREATE INDEX search_mentions_by_testimony ON search_mentions(num)",
            """CREATE TABLE search_docs (
                   num INTEGER PRIMARY KEY REFERENCES testimonies(num),
                   sex TEXT,
                   birth_year INTEGER,
                   interview_year INTEGER,
                   consent_recorded TEXT,
                   consent_expires TEXT,
                   legal INTEGER NOT NULL,
                   advocacy INTEGER NOT NULL,
                   publication INTEGER NOT NULL,
                   withdrawn INTEGER NOT NULL,
                   text_sha256 TEXT NOT NULL)""",
            "CREATE INDEX search_docs_withdrawn ON search_docs(num) WHERE withdrawn = 1",
            "CREATE INDEX testimonies_by_origin ON testimonies(origin)",
            # A saved query can hold a name, so it lives here, encrypted; never in QSettings.
            """CREATE TABLE saved_searches (
                   name TEXT PRIMARY KEY,
                   query TEXT NOT NULL,
                   saved_at TEXT NOT NULL)""",
        ),
        after=search_index.rebuild,
    ),
    Migration(
        6,
        "custody beyond the bundle: delivery receipts and withdrawal notices, sent and "
        "received (the signed documents are kept, so each can be shown and re-checked)",
        (
            # Interviewer side: one receipt per (bundle, recipient) marks that transfer
            # delivered and verified. (transfers.receipt/receipt_at of migration 4 held one
            # receipt per bundle, too few for a bundle sent to several teams; unused.)
            """CREATE TABLE transfer_receipts (
                   bundle_id TEXT NOT NULL REFERENCES transfers(bundle_id),
                   recipient TEXT NOT NULL,
                   receipt_id TEXT NOT NULL UNIQUE,
                   receipt_sha256 TEXT NOT NULL,
                   document BLOB NOT NULL,
                   signature TEXT NOT NULL,
                   signed_at TEXT NOT NULL,
                   received_at TEXT NOT NULL,
                   PRIMARY KEY (bundle_id, recipient)) WITHOUT ROWID""",
            # Interviewer side: the withdrawal notices written, one per recipient.
            """CREATE TABLE notices_sent (
                   notice_id TEXT PRIMARY KEY,
                   testimony_id TEXT NOT NULL REFERENCES testimonies(id),
                   recipient TEXT NOT NULL,
                   bundle_ids TEXT NOT NULL,
                   notice_sha256 TEXT NOT NULL,
                   created TEXT NOT NULL)""",
            "CREATE INDEX notices_sent_by_testimony ON notices_sent(testimony_id)",
            # Legal side: the notices applied (replays are recognised by notice_id).
            """CREATE TABLE notices_received (
                   notice_id TEXT PRIMARY KEY,
                   sender TEXT NOT NULL,
                   testimony_id TEXT NOT NULL REFERENCES testimonies(id),
                   notice_sha256 TEXT NOT NULL,
                   document BLOB NOT NULL,
                   signature TEXT NOT NULL,
                   created TEXT NOT NULL,
                   revision INTEGER NOT NULL,
                   imported_at TEXT NOT NULL)""",
            "CREATE INDEX notices_received_by_testimony ON notices_received(testimony_id)",
            # Legal side: receipts written for imported bundles.
            """CREATE TABLE receipts_written (
                   receipt_id TEXT PRIMARY KEY,
                   bundle_id TEXT NOT NULL REFERENCES imported_bundles(bundle_id),
                   receipt_sha256 TEXT NOT NULL,
                   created TEXT NOT NULL)""",
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
