"""Opening a bundle: decrypt, read the tar in one pass, check every byte, keep nothing on disk.

A worker thread decrypts the age file into a :class:`~intake.bundle.pipe.Pipe`;
this thread reads the tar from it. In order:

1. ``manifest.json`` must come first, parse strictly and declare sizes within limits;
2. ``manifest.sig`` second, canonical, verifying with the card the manifest names,
   its trusted comment binding the bundle id; this store must be a named recipient
   (a recipient who re-encrypts a bundle to someone else cannot pass it on unnoticed);
3. ``on_manifest`` decides whether to go on (known sender? already imported?);
4. every other member: listed, not seen before, its size as declared, its SHA-256
   as declared. Attachments go to ``attachment_sink`` (new blobs of the store, or
   nowhere); everything else is held in memory, within the manifest's limits;
5. the tar must end canonically, every listed member must have come, and age must
   have authenticated the whole file (the pipe ends only after ``decrypt_io``
   returned). Only then is the :class:`Bundle` handed back.

Any failure is a :class:`~intake.errors.BundleRejected` naming the member.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from crypto.agefile import decrypt_stream
from crypto.errors import AgeError, AgeNoIdentityMatches, SignatureInvalid
from crypto.identity import Identity
from intake.bundle.format import (
    MANIFEST_PATH,
    MAX_MANIFEST_BYTES,
    MAX_SIGNATURE_BYTES,
    SIGNATURE_COMMENT,
    SIGNATURE_PATH,
    Manifest,
    Member,
    member_kind,
    sha256_hex,
    shown,
)
from intake.bundle.pipe import Meter, Pipe, PipeClosed, Worker
from intake.bundle.tarformat import BLOCK, END_OF_ARCHIVE, TarReader, padding
from intake.errors import BundleRejected, Cancelled

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
# Returns the new blob's name, or None when the bytes were only checked. Must read to b"".
AttachmentSink = Callable[[Member, TarReader], tuple[str | None, str, int]]
ManifestHook = Callable[[Manifest], bool]


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class Bundle:
    """A bundle whose every byte checked out; attachments are already in blobs (or nowhere)."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: str
    contents: dict[str, bytes]        # every member but attachments, by path
    blobs: dict[str, str]             # attachment id → blob name written for it

    @property
    def manifest_sha256(self) -> str:
        return sha256_hex(self.manifest_bytes)


def hash_only(member: Member, data: TarReader) -> tuple[str | None, str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := data.read():
        digest.update(chunk)
        size += len(chunk)
    return None, digest.hexdigest(), size


def read_bundle(source: BinaryIO, identity: Identity, own_fingerprint: str, *,
                on_manifest: ManifestHook, attachment_sink: AttachmentSink = hash_only,
                progress: Progress | None = None, cancelled: CancelCheck | None = None,
                written: list[str] | None = None) -> Bundle | None:
    """Check a whole bundle (see the module docstring); None if ``on_manifest`` said stop.

    ``written`` collects the blob names the sink made, so the caller can remove them
    if anything fails, here or later.
    """
    pipe = Pipe()

    def decrypt() -> None:
        try:
            decrypt_stream(source, pipe, [identity])
        except PipeClosed:
            return
        except AgeNoIdentityMatches:
            pipe.fail(BundleRejected("this bundle is not encrypted to this store's identity "
                                     "(wrong recipient)"))
            return
        except AgeError:
            pipe.fail(BundleRejected("the bundle is damaged, truncated or was altered (age "
                                     "decryption failed)"))
            return
        except BaseException as error:
            pipe.fail(error)
            return
        with contextlib.suppress(PipeClosed):  # the reader may have stopped early
            pipe.finish()

    worker = Worker(decrypt, "bundle-decrypt").start()
    try:
        bundle = _read(pipe, own_fingerprint, on_manifest, attachment_sink, progress,
                       cancelled, written if written is not None else [])
    except BaseException:
        pipe.close_reader()
        worker.join_quietly()
        raise
    if bundle is None:
        pipe.close_reader()
    worker.join()
    return bundle


class _Cancellable:
    def __init__(self, pipe: Pipe, cancelled: CancelCheck | None) -> None:
        self._pipe, self._cancelled = pipe, cancelled

    def read(self, n: int = -1) -> bytes:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("cancelled; nothing was imported")
        return self._pipe.read(n)


def _read(pipe: Pipe, own_fingerprint: str, on_manifest: ManifestHook,
          attachment_sink: AttachmentSink, progress: Progress | None,
          cancelled: CancelCheck | None, written: list[str]) -> Bundle | None:
    meter = Meter(progress)
    tar = TarReader(_Cancellable(pipe, cancelled), on_bytes=meter.add)
    manifest_bytes = _first(tar, MANIFEST_PATH, MAX_MANIFEST_BYTES, "first")
    manifest = Manifest.from_bytes(manifest_bytes)
    if tar.mtime != manifest.created_epoch:
        raise BundleRejected("the tar headers' time differs from the manifest's creation time")
    signature = _first(tar, SIGNATURE_PATH, MAX_SIGNATURE_BYTES, "second")
    signature_text = check_signature(manifest, manifest_bytes, signature)
    if own_fingerprint not in manifest.recipients:
        raise BundleRejected("this store is not among the bundle's signed recipients (it was "
                             "re-encrypted by someone else)")
    if not on_manifest(manifest):
        return None
    meter.total = _tar_size(manifest, len(manifest_bytes), len(signature))
    listed = manifest.by_path()
    seen: set[str] = set()
    contents: dict[str, bytes] = {}
    blobs: dict[str, str] = {}
    while (entry := tar.next()) is not None:
        if entry.path in seen or entry.path in (MANIFEST_PATH, SIGNATURE_PATH):
            raise BundleRejected(f"member {shown(entry.path)} appears twice")
        kind, ref = member_kind(entry.path)
        member = listed.get(entry.path)
        if member is None:
            raise BundleRejected(f"member {shown(entry.path)} is not listed in the manifest")
        seen.add(entry.path)
        if entry.size != member.size:
            raise BundleRejected(f"member {shown(entry.path)}: {entry.size:,} bytes, but the "
                                 f"manifest says {member.size:,}")
        if kind == "attachment":
            blob, digest, size = attachment_sink(member, tar)
            if blob is not None:
                written.append(blob)
                assert ref is not None
                blobs[ref] = blob
        else:
            data = _read_all(tar)
            digest, size = sha256_hex(data), len(data)
            contents[entry.path] = data
        if size != member.size or digest != member.sha256:
            raise BundleRejected(f"member {shown(entry.path)}: SHA-256 does not match the "
                                 "manifest (altered)")
    missing = [m.path for m in manifest.members if m.path not in seen]
    if missing:
        raise BundleRejected(f"member {shown(missing[0])} is listed in the manifest but "
                             f"missing ({len(missing)} missing in all)")
    return Bundle(manifest, manifest_bytes, signature_text, contents, blobs)


def _first(tar: TarReader, path: str, limit: int, nth: str) -> bytes:
    entry = tar.next()
    if entry is None:
        raise BundleRejected(f"the bundle holds no {path}")
    if entry.path != path:
        raise BundleRejected(f"the {nth} member must be {path}, not {shown(entry.path)}")
    if entry.size > limit:
        raise BundleRejected(f"{path}: {entry.size:,} bytes, over the limit of {limit:,}")
    return _read_all(tar)


def _read_all(tar: TarReader) -> bytes:
    parts = []
    while chunk := tar.read():
        parts.append(chunk)
    return b"".join(parts)


def _tar_size(manifest: Manifest, manifest_size: int, signature_size: int) -> int:
    sizes = [manifest_size, signature_size, *(m.size for m in manifest.members)]
    return sum(BLOCK + s + len(padding(s)) for s in sizes) + len(END_OF_ARCHIVE)


def check_signature(manifest: Manifest, manifest_bytes: bytes, signature: bytes) -> str:
    """Verify ``manifest.sig`` with the manifest's sender card; it must be canonical too."""
    try:
        text = signature.decode("ascii")
    except UnicodeDecodeError:
        raise BundleRejected("manifest.sig: not a minisign signature (not ASCII)") from None
    lines = text.split("\n")
    expected_comment = manifest.trusted_comment()
    if (len(lines) != 5 or lines[4] != "" or lines[0] != f"untrusted comment: {SIGNATURE_COMMENT}"
            or lines[2] != f"trusted comment: {expected_comment}"
            or not all(_canonical_b64(lines[i]) for i in (1, 3))):
        raise BundleRejected("manifest.sig: not in the canonical form testimony-intake writes")
    try:
        comment = manifest.sender.verify_minisign(manifest_bytes, text)
    except SignatureInvalid as error:
        raise BundleRejected(f"manifest.sig: {error} (the manifest or signature was altered, "
                             "or not signed by the sender it names)") from None
    if comment != expected_comment:
        raise BundleRejected("manifest.sig: the signed comment does not name this bundle")
    return text


def _canonical_b64(line: str) -> bool:
    try:
        return base64.b64encode(base64.b64decode(line, validate=True)).decode() == line
    except (binascii.Error, ValueError):
        return False
