"""The backup manifest (``tibak/1``): what the archive holds, authenticated under the data key.

``manifest.json`` lists every other member with its SHA-256 and size, in the
order they follow in the archive: ``keys``, ``store.db``, then each blob. It is
canonical JSON (sorted keys, no spaces, ASCII, one line), and only the exact
bytes :meth:`Manifest.to_bytes` writes are accepted, so no byte of it can change
unnoticed. ``manifest.hmac`` is HMAC-SHA256 of those bytes under the backup
subkey of the store's data key: only someone who could open the store can make
a manifest that ``restore`` accepts, and a restore checks it before it writes
anything. The manifest holds ids, hashes and sizes, never testimony or names.
"""

from __future__ import annotations

import hmac
import json
import re
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.hmac import HMAC

from crypto.secret import SecretBytes
from intake.backup.tarstream import ArchiveInvalid, check_name

FORMAT = "tibak/1"
MANIFEST = "manifest.json"
MANIFEST_HMAC = "manifest.hmac"
KEYS = "keys"
DATABASE = "store.db"
BLOB_PREFIX = "blobs/"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 400_000
HMAC_BYTES = 65  # 64 hex digits and a newline
MAX_SIZE = (1 << 53) - 1
_HEX64 = re.compile(r"[0-9a-f]{64}")
_BLOB = re.compile(r"blobs/[0-9a-f]{32}")
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")
_FIELDS = {"format", "backup_id", "store_id", "created", "schema_version", "members"}
_MEMBER_FIELDS = {"path", "sha256", "size"}


@dataclass(frozen=True)
class Entry:
    path: str
    sha256: str
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size}


@dataclass(frozen=True)
class Manifest:
    backup_id: str
    store_id: str
    created: str
    schema_version: int
    members: tuple[Entry, ...]

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "backup_id": self.backup_id, "store_id": self.store_id,
               "created": self.created, "schema_version": self.schema_version,
               "members": [m.to_dict() for m in self.members]}
        return json.dumps(doc, sort_keys=True, separators=(",", ":"),
                          ensure_ascii=True).encode("ascii") + b"\n"

    @property
    def total_size(self) -> int:
        return sum(m.size for m in self.members)

    @property
    def blobs(self) -> tuple[Entry, ...]:
        return self.members[2:]

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Parse strictly: anything but the canonical bytes of a valid manifest is refused."""
        if len(data) > MAX_MANIFEST_BYTES:
            raise ArchiveInvalid("the manifest is too large")
        try:
            doc = json.loads(data.decode("ascii"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ArchiveInvalid("the manifest is not valid JSON") from None
        if not isinstance(doc, dict) or set(doc) != _FIELDS:
            raise ArchiveInvalid("the manifest does not have the fields of a backup manifest")
        if doc["format"] != FORMAT:
            raise ArchiveInvalid(f"unknown backup format {str(doc['format'])[:20]!r} "
                                 f"(this release reads {FORMAT})")
        members = doc["members"]
        if not isinstance(members, list) or not 2 <= len(members) <= MAX_MEMBERS:
            raise ArchiveInvalid("the manifest's member list is invalid")
        manifest = cls(
            backup_id=_match(doc["backup_id"], _ID, "backup id"),
            store_id=_match(doc["store_id"], _ID, "store id"),
            created=_match(doc["created"], _TIME, "creation time"),
            schema_version=_int(doc["schema_version"], "schema version", 1, 10_000),
            members=tuple(_entry(m) for m in members))
        _check_layout(manifest.members)
        if manifest.to_bytes() != data:
            raise ArchiveInvalid("the manifest is not in canonical form")
        return manifest


def _match(value: object, pattern: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ArchiveInvalid(f"the manifest's {what} is invalid")
    return value


def _int(value: object, what: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ArchiveInvalid(f"the manifest's {what} is invalid")
    return value


def _entry(obj: object) -> Entry:
    if not isinstance(obj, dict) or set(obj) != _MEMBER_FIELDS:
        raise ArchiveInvalid("a manifest member is invalid")
    path = obj["path"]
    if not isinstance(path, str):
        raise ArchiveInvalid("a manifest member is invalid")
    return Entry(check_name(path), _match(obj["sha256"], _HEX64, "member hash"),
                 _int(obj["size"], "member size", 0, MAX_SIZE))


def _check_layout(members: tuple[Entry, ...]) -> None:
    if members[0].path != KEYS or members[1].path != DATABASE:
        raise ArchiveInvalid("the manifest must list keys and store.db first")
    names = [m.path for m in members[2:]]
    if any(not _BLOB.fullmatch(n) for n in names):
        raise ArchiveInvalid("the manifest lists a member that is not a blob")
    if names != sorted(set(names)):
        raise ArchiveInvalid("the manifest lists blobs twice or out of order")


def manifest_hmac(key: SecretBytes, manifest_bytes: bytes) -> bytes:
    """``manifest.hmac``'s content: hex HMAC-SHA256 and a newline.

    ``cryptography``'s HMAC takes the key as a read-only view, so no unwipeable
    ``bytes`` copy of the backup key is made (the standard ``hmac`` module would).
    """
    mac = HMAC(key.view(), hashes.SHA256())
    mac.update(manifest_bytes)
    return mac.finalize().hex().encode("ascii") + b"\n"


def hmac_matches(key: SecretBytes, manifest_bytes: bytes, stored: bytes) -> bool:
    return hmac.compare_digest(manifest_hmac(key, manifest_bytes), stored)
