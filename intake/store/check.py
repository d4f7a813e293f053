"""``check``: verify every page, every revision, the audit chain and every blob."""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.errors import StoreDamaged
from intake.store.audit import AuditLog
from intake.store.blobs import BlobStore
from intake.store.database import Connection, DatabaseError, integrity_problems
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
    try:
        for tid, rev, body, digest in conn.execute(
                "SELECT testimony_id, revision, body, sha256 FROM revisions"):
            counts["revisions"] += 1
            if body_sha256(body) != digest:
                problems.append(f"testimony {tid} revision {rev}: does not match its hash")
        problems.extend(AuditLog(conn).problems())
        counts["audit_entries"] = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        referenced: set[str] = set()
        for att_id, blob, sha in conn.execute(
                "SELECT id, blob, sha256 FROM attachments").fetchall():
            counts["attachments"] += 1
            referenced.add(blob)
            try:
                blobs.read(blob, None, expected_sha256=sha)
            except StoreDamaged as exc:
                problems.append(f"attachment {att_id}: {exc}")
    except DatabaseError as exc:
        problems.append(f"store.db: damaged ({exc})")
    for orphan in sorted(blobs.names() - referenced):
        notes.append(f"blobs/{orphan} belongs to no attachment (left by an interrupted attach)")
    return CheckReport(tuple(problems), tuple(notes), counts)
