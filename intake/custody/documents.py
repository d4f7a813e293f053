"""The signed documents inside notices (``tin/1``) and receipts (``tir/1``).

Both are parsed the way a bundle manifest is: exact keys, exact types, no duplicate
keys, and the bytes must be the canonical serialisation of what they parse to
(``json.dumps(doc, ensure_ascii=False, indent=2) + "\\n"``, keys in the documented
order), so no two parsers can read one document two ways. They carry ids, hashes,
fingerprints and dates — and a notice's optional note, written by the interviewer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from crypto import _strict
from crypto.card import IdentityCard
from crypto.errors import CardInvalid
from crypto.identity import Identity
from intake.custody.envelope import (
    MAX_DOCUMENT_BYTES,
    NOTICE,
    RECEIPT,
    Kind,
    Opened,
    check_signature,
    open_envelope,
)
from intake.errors import BundleRejected

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SHA256 = re.compile(r"[0-9a-f]{64}")
FINGERPRINT = re.compile(r"\d{5}(?: \d{5}){5}")
CREATED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
MAX_NOTE_CHARS = 2000
MAX_BUNDLES = 10_000
MAX_RECORDS = 100_000
OUTCOMES = ("created", "revised", "unchanged", "older")
# A note is shown on the legal team's screen: no control characters (tab and line breaks
# aside), no bidirectional overrides that could make it read as something else.
_NOTE_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069"
                             r"\ud800-\udfff]")


def note_problem(note: object) -> str | None:
    """Why ``note`` cannot be a notice's note, or None (the writer strips it first)."""
    if note is None:
        return None
    if not isinstance(note, str) or not note.strip() or note != note.strip():
        return "must be null or text without surrounding spaces"
    if len(note) > MAX_NOTE_CHARS:
        return f"must be at most {MAX_NOTE_CHARS} characters"
    if _NOTE_FORBIDDEN.search(note):
        return "contains control characters"
    return None


def created_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch(created: str) -> int:
    return int(datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
               .timestamp())


def canonical(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def card_dict(card: IdentityCard) -> dict[str, Any]:
    return json.loads(card.to_json())  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Notice:
    """A withdrawal notice: testimony ``testimony_id`` may no longer be used by ``recipient``."""

    notice_id: str
    created: str
    sender: IdentityCard
    recipient: str                   # fingerprint of the legal team it is addressed to
    testimony_id: str
    bundle_ids: tuple[str, ...]      # the bundles that carried it to that recipient
    withdrawn: date                  # the day consent was withdrawn
    note: str | None

    KEYS = ("format", "notice_id", "created", "sender", "recipient", "testimony_id",
            "bundle_ids", "withdrawn", "note")
    KIND: ClassVar[Kind] = NOTICE

    @property
    def signer(self) -> IdentityCard:
        return self.sender

    @property
    def addressee(self) -> str:
        return self.recipient

    def trusted_comment(self) -> str:
        return f"{NOTICE.format} notice {self.notice_id} withdraws {self.testimony_id}"

    def to_bytes(self) -> bytes:
        return canonical({"format": NOTICE.format, "notice_id": self.notice_id,
                          "created": self.created, "sender": card_dict(self.sender),
                          "recipient": self.recipient, "testimony_id": self.testimony_id,
                          "bundle_ids": list(self.bundle_ids),
                          "withdrawn": self.withdrawn.isoformat(), "note": self.note})

    @classmethod
    def from_bytes(cls, data: bytes) -> Notice:
        doc = _load(data, NOTICE, cls.KEYS)
        try:
            note = doc["note"]
            problem = note_problem(note)
            if problem:
                raise ValueError(f"note {problem}")
            withdrawn = _text(doc, "withdrawn")
            try:
                day = date.fromisoformat(withdrawn)
            except ValueError:
                raise ValueError("withdrawn is not a date like 2026-01-31") from None
            if day.isoformat() != withdrawn:
                raise ValueError("withdrawn is not a date like 2026-01-31")
            notice = cls(_id(doc, "notice_id"), _created(doc), _card(doc, "sender"),
                         _fingerprint(doc, "recipient"), _id(doc, "testimony_id"),
                         _ids(doc, "bundle_ids", MAX_BUNDLES), day, note)
        except ValueError as error:
            raise BundleRejected(f"{NOTICE.document_path}: {error}") from None
        _check_canonical(notice.to_bytes(), data, NOTICE)
        return notice


@dataclass(frozen=True)
class ImportedRecord:
    """One record of a bundle, as the legal team's store took it in."""

    testimony_id: str
    revision: int                    # the sender's revision number, as exported
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        return {"testimony_id": self.testimony_id, "revision": self.revision,
                "outcome": self.outcome}


@dataclass(frozen=True)
class Receipt:
    """A delivery receipt: ``importer`` checked and imported bundle ``bundle_id``."""

    receipt_id: str
    created: str
    importer: IdentityCard
    sender: str                      # fingerprint of the bundle's sender it is addressed to
    bundle_id: str
    manifest_sha256: str
    imported_at: str
    records: tuple[ImportedRecord, ...]

    KEYS = ("format", "receipt_id", "created", "importer", "sender", "bundle_id",
            "manifest_sha256", "imported_at", "records")
    KIND: ClassVar[Kind] = RECEIPT

    @property
    def signer(self) -> IdentityCard:
        return self.importer

    @property
    def addressee(self) -> str:
        return self.sender

    def trusted_comment(self) -> str:
        return f"{RECEIPT.format} receipt {self.receipt_id} for bundle {self.bundle_id}"

    def to_bytes(self) -> bytes:
        return canonical({"format": RECEIPT.format, "receipt_id": self.receipt_id,
                          "created": self.created, "importer": card_dict(self.importer),
                          "sender": self.sender, "bundle_id": self.bundle_id,
                          "manifest_sha256": self.manifest_sha256,
                          "imported_at": self.imported_at,
                          "records": [r.to_dict() for r in self.records]})

    @classmethod
    def from_bytes(cls, data: bytes) -> Receipt:
        doc = _load(data, RECEIPT, cls.KEYS)
        try:
            digest = _text(doc, "manifest_sha256")
            if not SHA256.fullmatch(digest):
                raise ValueError("manifest_sha256 must be 64 lower-case hex digits")
            imported_at = _text(doc, "imported_at")
            if len(imported_at) > 40 or not (imported_at.isascii() and imported_at.isprintable()):
                raise ValueError("imported_at is not a time")
            receipt = cls(_id(doc, "receipt_id"), _created(doc), _card(doc, "importer"),
                          _fingerprint(doc, "sender"), _id(doc, "bundle_id"), digest,
                          imported_at, _records(doc["records"]))
        except ValueError as error:
            raise BundleRejected(f"{RECEIPT.document_path}: {error}") from None
        _check_canonical(receipt.to_bytes(), data, RECEIPT)
        return receipt


Signed = TypeVar("Signed", Notice, Receipt)


def open_signed(path: Path, cls: type[Signed], identity: Identity,
                own_fingerprint: str) -> tuple[Opened, Signed]:
    """Decrypt, parse and check a notice or receipt as far as it holds on its own: the
    canonical document, its tar time, a signature by the card it names over exactly the
    bytes parsed, and this store as the addressee. The caller checks the rest."""
    kind = cls.KIND
    opened = open_envelope(path, kind, identity)
    doc = cls.from_bytes(opened.document)
    if opened.mtime != epoch(doc.created):
        raise BundleRejected(f"the {kind.name}'s tar headers carry another time than the "
                             f"{kind.name}")
    check_signature(kind, opened.document, opened.signature, doc.signer,
                    doc.trusted_comment())
    if doc.addressee != own_fingerprint:
        raise BundleRejected(f"this {kind.name} is addressed to another store (it was "
                             "forwarded)")
    return opened, doc


def _load(data: bytes, kind: Kind, keys: tuple[str, ...]) -> dict[str, Any]:
    try:
        doc = _strict.loads_object(data, MAX_DOCUMENT_BYTES)
    except ValueError as error:
        raise BundleRejected(f"{kind.document_path}: {error}") from None
    fmt = doc.get("format")
    if fmt != kind.format:
        what = ascii(fmt)[:40] if isinstance(fmt, str) else "missing"
        raise BundleRejected(f"{kind.document_path}: unknown format {what} (this version "
                             f"reads {kind.format})")
    try:
        return _strict.exact_keys(doc, set(keys), kind.name)
    except ValueError as error:
        raise BundleRejected(f"{kind.document_path}: {error}") from None


def _check_canonical(expected: bytes, data: bytes, kind: Kind) -> None:
    if expected != bytes(data):
        raise BundleRejected(f"{kind.document_path}: not in canonical form (it was re-encoded "
                             "or edited after it was written)")


def _text(doc: dict[str, Any], key: str) -> str:
    value = doc[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text")
    return value


def _id(doc: dict[str, Any], key: str) -> str:
    value = _text(doc, key)
    if not UUID.fullmatch(value):
        raise ValueError(f"{key} is not a lower-case UUID")
    return value


def _ids(doc: dict[str, Any], key: str, limit: int) -> tuple[str, ...]:
    items = doc[key]
    if not isinstance(items, list) or not 1 <= len(items) <= limit:
        raise ValueError(f"{key} must list 1 to {limit:,} ids")
    if not all(isinstance(i, str) and UUID.fullmatch(i) for i in items):
        raise ValueError(f"{key} must hold lower-case UUIDs")
    if len(set(items)) != len(items):
        raise ValueError(f"{key} lists an id twice")
    return tuple(items)


def _created(doc: dict[str, Any]) -> str:
    created = _text(doc, "created")
    if not CREATED.fullmatch(created):
        raise ValueError("created is not a UTC time like 2026-01-31T12:00:00Z")
    try:
        epoch(created)
    except ValueError:
        raise ValueError("created is not a valid time") from None
    return created


def _fingerprint(doc: dict[str, Any], key: str) -> str:
    value = _text(doc, key)
    if not FINGERPRINT.fullmatch(value):
        raise ValueError(f"{key} must be a fingerprint (6 groups of 5 digits)")
    return value


def _card(doc: dict[str, Any], key: str) -> IdentityCard:
    if not isinstance(doc[key], dict):
        raise ValueError(f"{key} must be an identity card object")
    try:
        return IdentityCard.from_json(json.dumps(doc[key], ensure_ascii=False))
    except CardInvalid as error:
        raise ValueError(f"{key}: {error}") from None


def _records(items: object) -> tuple[ImportedRecord, ...]:
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_RECORDS:
        raise ValueError(f"records must list 1 to {MAX_RECORDS:,} records")
    out: list[ImportedRecord] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict) or list(item) != ["testimony_id", "revision", "outcome"]:
            raise ValueError(f"records[{i}] must have exactly testimony_id, revision, outcome")
        tid, rev, outcome = item["testimony_id"], item["revision"], item["outcome"]
        if not isinstance(tid, str) or not UUID.fullmatch(tid) or tid in seen:
            raise ValueError(f"records[{i}].testimony_id is not a new lower-case UUID")
        if type(rev) is not int or rev < 1:
            raise ValueError(f"records[{i}].revision must be a whole number from 1")
        if outcome not in OUTCOMES:
            raise ValueError(f"records[{i}].outcome must be one of {', '.join(OUTCOMES)}")
        seen.add(tid)
        out.append(ImportedRecord(tid, rev, outcome))
    return tuple(out)
