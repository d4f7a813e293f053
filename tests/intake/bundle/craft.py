"""Building crafted bundles for the rejection tests: unpack, alter, re-sign, re-encrypt.

Everything stays in memory, like the code under test.
"""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import pyrage

from intake.bundle.format import MANIFEST_PATH, SIGNATURE_PATH
from intake.bundle.tarformat import END_OF_ARCHIVE, padding, ustar_header
from intake.store import Store

Entries = list[tuple[str, bytes]]


def decrypt(data: bytes, recipient: Store) -> bytes:
    return pyrage.decrypt(data, [recipient.identity.age_identity])


def encrypt(tar: bytes, recipient: Store) -> bytes:
    out = io.BytesIO()
    pyrage.encrypt_io(io.BytesIO(tar), out,
                      [pyrage.x25519.Recipient.from_str(recipient.identity.age_recipient)])
    return out.getvalue()


def unpack(tar: bytes) -> tuple[Entries, int]:
    """Members in order, and the tar's mtime (canonical tars only)."""
    entries: Entries = []
    pos, mtime = 0, 0
    while tar[pos:pos + 512] != bytes(512):
        header = tar[pos:pos + 512]
        name = header[:100].split(b"\0")[0].decode()
        size = int(header[124:135], 8)
        mtime = int(header[136:147], 8)
        entries.append((name, tar[pos + 512:pos + 512 + size]))
        pos += 512 + size + len(padding(size))
    return entries, mtime


def pack(entries: Entries, mtime: int, *, end: bytes = END_OF_ARCHIVE) -> bytes:
    parts = []
    for path, data in entries:
        parts += [ustar_header(path, len(data), mtime), data, padding(len(data))]
    return b"".join(parts) + end


def manifest_of(entries: Entries) -> dict[str, Any]:
    return json.loads(dict(entries)[MANIFEST_PATH])


def manifest_bytes(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def sign(sender: Store, manifest: bytes, doc: dict[str, Any] | None = None) -> bytes:
    doc = doc or json.loads(manifest)
    comment = f"tib/1 bundle {doc['bundle_id']} created {doc['created']}"
    return sender.identity.sign_minisign(manifest, comment).encode()


def rehash(doc: dict[str, Any], entries: Entries) -> None:
    """Make the manifest's member list agree with ``entries`` (same order, real hashes)."""
    doc["members"] = [{"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                      for p, d in entries if p not in (MANIFEST_PATH, SIGNATURE_PATH)]


def rebuild(entries: Entries, sender: Store, doc: dict[str, Any] | None = None,
            *, rehash_members: bool = True) -> Entries:
    """Replace manifest and signature with a correctly signed manifest for ``entries``."""
    doc = doc if doc is not None else manifest_of(entries)
    body = [(p, d) for p, d in entries if p not in (MANIFEST_PATH, SIGNATURE_PATH)]
    if rehash_members:
        rehash(doc, body)
    data = manifest_bytes(doc)
    return [(MANIFEST_PATH, data), (SIGNATURE_PATH, sign(sender, data, doc)), *body]
