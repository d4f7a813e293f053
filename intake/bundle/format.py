"""The ``tib/1`` manifest: what a bundle holds, in one signed, canonical JSON document.

``manifest.json`` names the format, the bundle, its sender (an identity card), its
recipients (fingerprints), purpose and disclosure level, and every other member with
its SHA-256 and size. It is signed (``manifest.sig``) and parsed strictly: exact keys,
exact types, no duplicate keys, and the bytes must be the canonical serialisation of
what they parse to, so no two parsers can read one manifest two ways.

Limits are checked here, on the declared sizes, before a single member byte is read.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from crypto import _strict
from crypto.card import IdentityCard
from crypto.errors import CardInvalid
from intake.errors import BundleRejected
from intake.model import MAX_DOCUMENT_BYTES, PURPOSES

FORMAT = "tib/1"
LEVELS = ("full", "redacted")
MANIFEST_PATH = "manifest.json"
SIGNATURE_PATH = "manifest.sig"
CUSTODY_PATH = "custody.jsonl"
METADATA_PATH = "metadata.csv"
# minisign's untrusted comment line as ``Identity.sign_minisign`` writes it (not signed).
SIGNATURE_COMMENT = "signature from testimony-intake"

MAX_MEMBERS = 100_000
MAX_RECIPIENTS = 100
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_SIGNATURE_BYTES = 4096
MAX_ATTACHMENT_BYTES = 8 * 1024**3 - 1  # the largest size a ustar header holds
MAX_TOTAL_BYTES = 64 * 1024**3
# Members other than attachments are kept in memory on import until the one transaction.
MAX_BUFFERED_BYTES = 512 * 1024 * 1024

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_KINDS: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("record", re.compile(rf"records/({_UUID})\.json"), MAX_DOCUMENT_BYTES),
    ("statement", re.compile(rf"statements/({_UUID})\.pdf"), 64 * 1024 * 1024),
    ("attachment", re.compile(rf"attachments/({_UUID})"), MAX_ATTACHMENT_BYTES),
    ("custody", re.compile(re.escape(CUSTODY_PATH)), 64 * 1024 * 1024),
    ("metadata", re.compile(re.escape(METADATA_PATH)), 64 * 1024 * 1024),
)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_BUNDLE_ID = re.compile(_UUID)
_CREATED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_FINGERPRINT = re.compile(r"\d{5}(?: \d{5}){5}")
_KEYS = ("format", "bundle_id", "created", "sender", "recipients", "purpose", "level",
         "members")


def shown(name: str, limit: int = 80) -> str:
    """A member name as it may appear in a message: escaped, quoted, truncated."""
    text = name if len(name) <= limit else name[:limit] + "…"
    return ascii(text)[1:-1].join("''")


def member_kind(path: str) -> tuple[str, str | None]:
    """``(kind, testimony or attachment id)`` of a member path; BundleRejected if not one."""
    check_safe_path(path)
    for kind, pattern, _limit in _KINDS:
        m = pattern.fullmatch(path)
        if m:
            return kind, (m.group(1) if m.groups() else None)
    raise BundleRejected(f"member {shown(path)}: not a member a tib/1 bundle may hold")


def kind_limit(kind: str) -> int:
    return next(limit for k, _p, limit in _KINDS if k == kind)


def check_safe_path(path: str) -> None:
    """Refuse names that could escape a directory when someone extracts with ``tar -x``."""
    if not path:
        raise BundleRejected("a member has an empty name")
    if path.startswith("/") or re.match(r"[A-Za-z]:", path):
        raise BundleRejected(f"member {shown(path)}: absolute path")
    if ".." in path.replace("\\", "/").split("/"):
        raise BundleRejected(f"member {shown(path)}: the path climbs out of the bundle ('..')")
    if "\\" in path or any(ord(c) < 0x20 or ord(c) == 0x7F for c in path):
        raise BundleRejected(f"member {shown(path)}: unsafe characters in the name")
    if not path.isascii():
        raise BundleRejected(f"member {shown(path)}: the name is not ASCII")


@dataclass(frozen=True)
class Member:
    """One member the manifest vouches for."""

    path: str
    sha256: str
    size: int

    @property
    def kind(self) -> str:
        return member_kind(self.path)[0]

    @property
    def ref(self) -> str | None:
        """The testimony id (records, statements) or attachment id the path names."""
        return member_kind(self.path)[1]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    created: str
    sender: IdentityCard
    recipients: tuple[str, ...]
    purpose: str
    level: str
    members: tuple[Member, ...]

    @property
    def short_id(self) -> str:
        return self.bundle_id[:8]

    @property
    def created_epoch(self) -> int:
        return int(datetime.strptime(self.created, "%Y-%m-%dT%H:%M:%SZ")
                   .replace(tzinfo=UTC).timestamp())

    @property
    def total_size(self) -> int:
        return sum(m.size for m in self.members)

    def by_path(self) -> dict[str, Member]:
        return {m.path: m for m in self.members}

    def of_kind(self, kind: str) -> list[Member]:
        return [m for m in self.members if m.kind == kind]

    def trusted_comment(self) -> str:
        """The signed comment: binds the bundle id and time for anyone reading ``minisign -V``."""
        return f"{FORMAT} bundle {self.bundle_id} created {self.created}"

    def to_dict(self) -> dict[str, Any]:
        card = json.loads(self.sender.to_json())
        return {"format": FORMAT, "bundle_id": self.bundle_id, "created": self.created,
                "sender": card, "recipients": list(self.recipients),
                "purpose": self.purpose, "level": self.level,
                "members": [m.to_dict() for m in self.members]}

    def to_bytes(self) -> bytes:
        """The canonical bytes: two-space indent, keys in the order above, UTF-8, final newline."""
        return (json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        try:
            doc = _strict.loads_object(data, MAX_MANIFEST_BYTES)
        except ValueError as error:
            raise BundleRejected(f"manifest.json: {error}") from None
        fmt = doc.get("format")
        if fmt != FORMAT:
            what = ascii(fmt)[:40] if isinstance(fmt, str) else "missing"
            raise BundleRejected(f"manifest.json: unknown bundle format {what} "
                                 f"(this version reads {FORMAT})")
        try:
            manifest = _parse(_strict.exact_keys(doc, set(_KEYS), "manifest"))
        except ValueError as error:
            raise BundleRejected(f"manifest.json: {error}") from None
        if manifest.to_bytes() != bytes(data):
            raise BundleRejected("manifest.json: not in canonical form (it was re-encoded "
                                 "or edited after it was written)")
        return manifest


def _parse(doc: dict[str, Any]) -> Manifest:
    bundle_id = _text(doc, "bundle_id")
    if not _BUNDLE_ID.fullmatch(bundle_id):
        raise ValueError("bundle_id is not a lower-case UUID")
    created = _text(doc, "created")
    if not _CREATED.fullmatch(created):
        raise ValueError("created is not a UTC time like 2026-01-31T12:00:00Z")
    try:
        datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise ValueError("created is not a valid time") from None
    if not isinstance(doc["sender"], dict):
        raise ValueError("sender must be an identity card object")
    try:
        sender = IdentityCard.from_json(json.dumps(doc["sender"], ensure_ascii=False))
    except CardInvalid as error:
        raise ValueError(f"sender: {error}") from None
    recipients = doc["recipients"]
    if not isinstance(recipients, list) or not 1 <= len(recipients) <= MAX_RECIPIENTS:
        raise ValueError(f"recipients must list 1 to {MAX_RECIPIENTS} fingerprints")
    if not all(isinstance(r, str) and _FINGERPRINT.fullmatch(r) for r in recipients):
        raise ValueError("recipients must be fingerprints (6 groups of 5 digits)")
    if len(set(recipients)) != len(recipients):
        raise ValueError("a recipient is listed twice")
    purpose, level = _text(doc, "purpose"), _text(doc, "level")
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {', '.join(PURPOSES)}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    members = _members(doc["members"])
    return Manifest(bundle_id, created, sender, tuple(recipients), purpose, level, members)


def _text(doc: dict[str, Any], key: str) -> str:
    value = doc[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text")
    return value


def _members(items: object) -> tuple[Member, ...]:
    if not isinstance(items, list):
        raise ValueError("members must be a list")
    if len(items) > MAX_MEMBERS:
        raise ValueError(f"lists {len(items):,} members, more than the limit of {MAX_MEMBERS:,}")
    out: list[Member] = []
    seen: set[str] = set()
    total = buffered = 0
    for i, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != {"path", "sha256", "size"}:
            raise ValueError(f"members[{i}] must have exactly path, sha256 and size")
        path, digest, size = item["path"], item["sha256"], item["size"]
        if not isinstance(path, str):
            raise ValueError(f"members[{i}].path must be text")
        try:
            kind, _ref = member_kind(path)
        except BundleRejected as error:
            raise ValueError(str(error)) from None
        if path in seen:
            raise ValueError(f"member {shown(path)} is listed twice")
        seen.add(path)
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise ValueError(f"member {shown(path)}: sha256 must be 64 lower-case hex digits")
        if type(size) is not int or size < 0:
            raise ValueError(f"member {shown(path)}: size must be a whole number of bytes")
        if size > kind_limit(kind):
            raise ValueError(f"member {shown(path)}: declared size {size:,} bytes is over the "
                             f"limit for a {kind} ({kind_limit(kind):,})")
        total += size
        buffered += 0 if kind == "attachment" else size
        out.append(Member(path, digest, size))
    if total > MAX_TOTAL_BYTES:
        raise ValueError(f"the members add up to {total:,} bytes, over the limit of "
                         f"{MAX_TOTAL_BYTES:,}")
    if buffered > MAX_BUFFERED_BYTES:
        raise ValueError(f"records, statements and lists add up to {buffered:,} bytes, over "
                         f"the limit of {MAX_BUFFERED_BYTES:,}")
    _check_completeness(out)
    return tuple(out)


def _check_completeness(members: list[Member]) -> None:
    kinds = [(m.kind, m.ref or "") for m in members]
    for required in (CUSTODY_PATH, METADATA_PATH):
        if required not in {m.path for m in members}:
            raise ValueError(f"lists no {required}")
    records = {ref for kind, ref in kinds if kind == "record"}
    statements = {ref for kind, ref in kinds if kind == "statement"}
    if not records:
        raise ValueError("lists no records")
    if records != statements:
        odd = sorted(records ^ statements)[0]
        raise ValueError(f"testimony {odd} needs both a record and a statement")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
