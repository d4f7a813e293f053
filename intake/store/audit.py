"""The audit log: an append-only hash chain of everything done to the store.

Each entry's hash covers its own fields and the previous entry's hash, so an
entry edited, removed or inserted after the fact breaks the chain at that
point and ``check`` names it. Entries hold ids, revision numbers, hashes and
sizes only — never testimony text, file names or key material — because the
entries of exported records travel inside bundles as ``custody.jsonl``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from intake.clock import utc_now_iso
from intake.store.database import Connection

GENESIS = "0" * 64

ACTIONS = frozenset({
    "store.create", "testimony.create", "testimony.save", "testimony.attach",
    "passphrase.change", "passphrase.recover", "store.erase",
    "redaction.decide", "export", "import", "contact.add", "contact.verify",
    "consent.withdraw", "notice.import", "receipt.import", "receipt.write",
    "draft.discard", "store.backup", "store.restore",
    "export.override_risk", "identity.export_age_key",
    "export.accept_risk", "export.include_media",
    "consent.receipt", "loadfile.write",
})


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    action: str
    testimony_id: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "action": self.action,
                "testimony_id": self.testimony_id, "detail": dict(self.detail),
                "prev_hash": self.prev_hash, "hash": self.hash}


def canonical_json(value: Any) -> str:
    """The one JSON spelling hashes are computed over."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(prev_hash: str, seq: int, at: str, action: str,
               testimony_id: str | None, detail: Mapping[str, Any]) -> str:
    payload = canonical_json({"seq": seq, "at": at, "action": action,
                              "testimony_id": testimony_id, "detail": detail})
    return hashlib.sha256(f"{prev_hash}\n{payload}".encode()).hexdigest()


class AuditLog:
    """Appends to and verifies the chain. Call ``append`` inside the caller's transaction,
    so the entry commits or rolls back together with what it records."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def append(self, action: str, testimony_id: str | None = None,
               detail: Mapping[str, Any] | None = None) -> AuditEntry:
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        detail = dict(detail or {})
        row = self._conn.execute(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
        at = utc_now_iso()
        digest = entry_hash(prev, seq, at, action, testimony_id, detail)
        self._conn.execute(
            "INSERT INTO audit (seq, at, action, testimony_id, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, at, action, testimony_id, canonical_json(detail), prev, digest))
        return AuditEntry(seq, at, action, testimony_id, detail, prev, digest)

    def entries(self, testimony_ids: Iterable[str] | None = None) -> list[AuditEntry]:
        """All entries in order, or those about the given testimonies."""
        if testimony_ids is None:
            rows = self._conn.execute(
                "SELECT seq, at, action, testimony_id, detail, prev_hash, hash"
                " FROM audit ORDER BY seq").fetchall()
        else:
            ids = sorted(set(testimony_ids))
            marks = ",".join("?" * len(ids))
            rows = self._conn.execute(
                "SELECT seq, at, action, testimony_id, detail, prev_hash, hash FROM audit"
                f" WHERE testimony_id IN ({marks}) ORDER BY seq", ids).fetchall() if ids else []
        return [AuditEntry(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]

    def problems(self) -> list[str]:
        """Where the chain is broken: a gap, an edited entry, a re-linked entry."""
        found: list[str] = []
        prev, expected_seq = GENESIS, 1
        for seq, at, action, tid, detail, prev_hash, digest in self._conn.execute(
                "SELECT seq, at, action, testimony_id, detail, prev_hash, hash"
                " FROM audit ORDER BY seq"):
            if seq != expected_seq:
                found.append(f"audit log: entry {expected_seq} is missing")
            if prev_hash != prev:
                found.append(f"audit log: entry {seq} does not follow the one before it")
            try:
                parsed = json.loads(detail)
            except ValueError:
                found.append(f"audit log: entry {seq} is unreadable")
                parsed = None
            if parsed is not None and entry_hash(
                    prev_hash, seq, at, action, tid, parsed) != digest:
                found.append(f"audit log: entry {seq} was altered")
            prev, expected_seq = digest, seq + 1
        return found
