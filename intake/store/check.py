"""``check``: verify every page, every revision, the audit chain and every blob;
``quick_check``: the part of it cheap enough for every unlock."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from crypto.errors import KeyFileInvalid
from crypto.keyslots import KeyFile, read_keyfile
from intake.errors import StoreDamaged
from intake.store import wal
from intake.store.audit import AuditLog, entry_hash
from intake.store.blobs import BlobStore
from intake.store.database import Connection, DatabaseError, integrity_problems
from intake.store.paths import StorePaths
from intake.store.records import body_sha256


@dataclass(frozen=True)
class CheckReport:
    """What was checked and what is damaged; ``notes`` are harmless oddities."""

    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_check(conn: Connection, blobs: BlobStore) -> CheckReport:
    problems: list[str] = []
    notes: list[str] = []
    counts = {"revisions": 0, "attachments": 0, "audit_entries": 0}
    try:
        problems.extend(f"store.db: {p}" for p in integrity_problems(conn))
    except DatabaseError as exc:
        problems.append(f"store.db: damaged ({exc})")
        return CheckReport(tuple(problems), (), counts)
    referenced: set[str] | None = None  # unknown if the database stops reading midway
    try:
        for tid, rev, body, digest in conn.execute(
                "SELECT testimony_id, revision, body, sha256 FROM revisions"):
            counts["revisions"] += 1
            if body_sha256(body) != digest:
                problems.append(f"testimony {tid} revision {rev}: does not match its hash")
        problems.extend(AuditLog(conn).problems())
        counts["audit_entries"] = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        rows = conn.execute("SELECT id, blob, sha256 FROM attachments").fetchall()
        referenced = {blob for _id, blob, _sha in rows}
        for att_id, blob, sha in rows:
            counts["attachments"] += 1
            try:
                blobs.read(blob, None, expected_sha256=sha)
            except StoreDamaged as exc:
                problems.append(f"attachment {att_id}: {exc}")
    except DatabaseError as exc:
        problems.append(f"store.db: damaged ({exc})")
    for orphan in sorted(blobs.names() - referenced) if referenced is not None else ():
        notes.append(f"blobs/{orphan} belongs to no attachment (left by an interrupted attach)")
    _leftovers(blobs, problems, notes)
    return CheckReport(tuple(problems), tuple(notes), counts)


def _leftovers(blobs: BlobStore, problems: list[str], notes: list[str]) -> None:
    """Damaged logs kept at open (problems) and files left by interrupted writes (notes)."""
    root = blobs.directory.parent
    for kept in wal.damaged_copies(root / "store.db"):
        damage = wal.inspect(kept)
        what = damage.describe() if damage else "store.db-wal was damaged"
        problems.append(f"{what}; the damaged log is kept as {kept.name}")
    for temp in sorted(root.glob(".keys.*.tmp")):
        notes.append(f"{temp.name} was left by an interrupted passphrase change "
                     "(it holds a key slot; erase removes it)")
    if blobs.directory.is_dir():
        for temp in sorted(blobs.directory.glob(".*.tmp")):
            notes.append(f"blobs/{temp.name} was left by an interrupted attach or import "
                         "(age-encrypted, part of no attachment; it may be deleted)")


QUICK_AUDIT_TAIL = 200
QUICK_RECENT = 20


def quick_check(conn: Connection, blobs: BlobStore, paths: StorePaths,
                keyfile: KeyFile) -> CheckReport:
    """What can be checked at every unlock in milliseconds, even at 50,000 records.

    The key file on disk (a damaged one would lock the user out at the next unlock,
    so say so while the store is still open and a backup can be made), the database
    file's shape, kept damaged logs, the last 200 entries of the audit chain, the
    revisions and summary of the 20 most recent testimonies, and that every
    referenced blob is present and not empty. It decrypts no page and no blob: the full
    :func:`run_check` does that.
    """
    problems: list[str] = []
    notes: list[str] = []
    try:
        on_disk = read_keyfile(paths.keys)
        if on_disk.store_id != keyfile.store_id:
            problems.append("keys: the key file on disk belongs to another store")
    except (OSError, KeyFileInvalid) as exc:
        problems.append(f"keys: the key file on disk is damaged or missing ({exc}); make a "
                        "backup now, while the store is open")
    try:
        size = paths.db.stat().st_size
        page = int(conn.execute("PRAGMA page_size").fetchone()[0])
        if size % page:
            problems.append(f"store.db: its size is not a whole number of {page}-byte pages")
        problems.extend(_audit_tail_problems(conn))
        # The most recent testimonies — those an interrupted write could have touched — by
        # key lookups only: counting whole tables costs a second cold at 50,000 records.
        for tid, summary, latest, first in conn.execute(
                "SELECT t.id, (SELECT revision FROM summaries s WHERE s.testimony_id = t.id),"
                " (SELECT max(revision) FROM revisions r WHERE r.testimony_id = t.id),"
                " EXISTS (SELECT 1 FROM revisions r WHERE r.testimony_id = t.id"
                " AND r.revision = 1) FROM testimonies t ORDER BY t.num DESC LIMIT ?",
                (QUICK_RECENT,)):
            if not first or latest is None or summary != latest:
                problems.append(f"testimony {tid}: its revisions or summary are incomplete; "
                                "run the full check")
        referenced = {row[0] for row in conn.execute("SELECT blob FROM attachments")}
    except DatabaseError as exc:
        problems.append(f"store.db: damaged ({exc}); run the full check")
        return CheckReport(tuple(problems), tuple(notes), {})
    present = {p.name: p for p in _blob_files(paths)}
    for name in sorted(referenced):
        if name not in present:
            problems.append(f"blobs/{name} is missing")
        elif present[name].stat().st_size == 0:
            problems.append(f"blobs/{name} is empty")
    orphans = len(set(present) - referenced)
    if orphans:
        notes.append(f"{orphans} blob(s) belong to no attachment (left by an interrupted attach)")
    _leftovers(blobs, problems, notes)
    return CheckReport(tuple(problems), tuple(notes), {"attachments": len(referenced)})


def _blob_files(paths: StorePaths) -> list[Path]:
    if not paths.blobs.is_dir():
        return []
    return [p for p in paths.blobs.iterdir() if not p.name.startswith(".")]


def _audit_tail_problems(conn: Connection) -> list[str]:
    """The last entries: numbered without a gap, each linked to the one before, unaltered."""
    found: list[str] = []
    rows = conn.execute(
        "SELECT seq, at, action, testimony_id, detail, prev_hash, hash FROM audit"
        " ORDER BY seq DESC LIMIT ?", (QUICK_AUDIT_TAIL,)).fetchall()
    rows.reverse()
    for (seq, at, action, tid, detail, prev_hash, digest), before in zip(
            rows, [None, *rows[:-1]], strict=True):
        if before is not None and seq != before[0] + 1:
            found.append(f"audit log: entries {before[0] + 1} to {seq - 1} are missing")
        if before is not None and prev_hash != before[6]:
            found.append(f"audit log: entry {seq} does not follow the one before it")
        try:
            parsed = json.loads(detail)
        except ValueError:
            found.append(f"audit log: entry {seq} is unreadable")
            continue
        if entry_hash(prev_hash, seq, at, action, tid, parsed) != digest:
            found.append(f"audit log: entry {seq} was altered")
    return found
