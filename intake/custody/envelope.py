"""The envelope of a notice or receipt: a signed JSON document in a tiny tar, sealed with age.

One small file, ``*.tin.age`` (notice) or ``*.tir.age`` (receipt), made like a bundle so
the same standard tools check it (``docs/bundle-format.md`` §6)::

    age v1 (X25519, one recipient)
    └─ canonical ustar, two members, mtime = the document's ``created``
       ├─ <kind>.json   canonical JSON, "format": "tin/1" or "tir/1"
       └─ <kind>.sig    minisign (prehashed ED) signature of <kind>.json

Opening is strict the way bundles are: a size limit before decrypting, age
authenticates the whole file before anything is parsed, exactly the two members in
that order with canonical headers, and a signature in exactly the lines this
application writes. Everything happens in memory: these files are small by design.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crypto.agefile import decrypt_stream, encrypt_stream
from crypto.card import IdentityCard
from crypto.errors import AgeError, AgeNoIdentityMatches, SignatureInvalid
from crypto.identity import Identity
from intake.bundle.format import SIGNATURE_COMMENT
from intake.bundle.importer import open_age_file
from intake.bundle.tarformat import END_OF_ARCHIVE, TarReader, padding, ustar_header
from intake.errors import BundleRejected

# A receipt lists every record a bundle carried (a bundle holds at most 50,000):
# ~150 bytes each, so 16 MiB is ample and still small enough to hold in memory.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_SIGNATURE_BYTES = 4096
MAX_FILE_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024
PEEK_BYTES = 512

_AGE_MAGIC = b"age-encryption.org/v1\n"
_AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"


@dataclass(frozen=True)
class Kind:
    """What one kind of envelope is called, inside and out."""

    name: str            # "notice" / "receipt"
    format: str          # "tin/1" / "tir/1"
    suffix: str          # ".tin.age" / ".tir.age"

    @property
    def document_path(self) -> str:
        return f"{self.name}.json"

    @property
    def signature_path(self) -> str:
        return f"{self.name}.sig"


NOTICE = Kind("notice", "tin/1", ".tin.age")
RECEIPT = Kind("receipt", "tir/1", ".tir.age")


@dataclass(frozen=True)
class Opened:
    """A decrypted envelope whose tar was canonical; the signature is not checked yet."""

    kind: Kind
    document: bytes
    signature: str
    mtime: int


def seal(kind: Kind, document: bytes, signature: str, created_epoch: int,
         age_recipient: str) -> bytes:
    """The encrypted envelope's bytes (small: built in memory, written atomically by the caller)."""
    sig = signature.encode("ascii")
    tar = b"".join([
        ustar_header(kind.document_path, len(document), created_epoch), document,
        padding(len(document)),
        ustar_header(kind.signature_path, len(sig), created_epoch), sig, padding(len(sig)),
        END_OF_ARCHIVE])
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(tar), out, [age_recipient])
    return out.getvalue()




def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Enough(Exception):
    """Stops decryption once the first tar header has arrived."""


class _Head:
    def __init__(self, limit: int) -> None:
        self.data = bytearray()
        self._limit = limit

    def write(self, chunk: bytes) -> int:
        self.data += chunk
        if len(self.data) >= self._limit:
            raise _Enough
        return len(chunk)


def first_member_name(path: Path, identity: Identity) -> str | None:
    """The name of the first tar member inside an age file, decrypting only its first chunk.

    None when the plaintext is too short to hold a tar header. The bytes read are not
    authenticated yet: this only chooses which strict reader to hand the file to.
    """
    head = _Head(PEEK_BYTES)
    with open_age_file(path, "a bundle, notice or receipt") as f, \
            _age_failures(path.name):
        try:
            decrypt_stream(f, head, [identity])
        except _Enough:
            pass
    if len(head.data) < PEEK_BYTES:
        return None
    return bytes(head.data[:100]).split(b"\0", 1)[0].decode("ascii", "replace")


def open_envelope(path: Path, kind: Kind, identity: Identity) -> Opened:
    """Decrypt and read an envelope of ``kind``; BundleRejected with the reason if it is not one."""
    what = f"a {kind.format} {kind.name}"
    size = file_size(path)
    if size > MAX_FILE_BYTES:
        raise BundleRejected(f"{path.name}: {size:,} bytes, larger than any {kind.name} "
                             f"({MAX_FILE_BYTES:,})")
    plain = io.BytesIO()
    with open_age_file(path, what) as f, _age_failures(f"the {kind.name}"):
        decrypt_stream(_Limited(f, MAX_FILE_BYTES), plain, [identity])
    plain.seek(0)
    tar = TarReader(plain)
    try:
        document = _member(tar, kind.document_path, MAX_DOCUMENT_BYTES, kind)
        signature = _member(tar, kind.signature_path, MAX_SIGNATURE_BYTES, kind)
        extra = tar.next()
    except BundleRejected as error:
        raise BundleRejected(f"the {kind.name}'s archive is malformed: {error}") from None
    if extra is not None:
        raise BundleRejected(f"the {kind.name} holds more than {kind.document_path} and "
                             f"{kind.signature_path}")
    try:
        text = signature.decode("ascii")
    except UnicodeDecodeError:
        raise BundleRejected(f"{kind.signature_path}: not a minisign signature") from None
    assert tar.mtime is not None
    return Opened(kind, document, text, tar.mtime)


@contextlib.contextmanager
def _age_failures(subject: str) -> Iterator[None]:
    """age's errors as one line about ``subject`` (a file name, or "the notice")."""
    try:
        yield
    except AgeNoIdentityMatches:
        raise BundleRejected(f"{subject} is not encrypted to this store's identity "
                             "(wrong recipient)") from None
    except AgeError:
        raise BundleRejected(f"{subject} is damaged, truncated or was altered (age "
                             "decryption failed)") from None


class _Limited:
    """A reader that refuses to go past ``limit`` bytes (the file may grow while read)."""

    def __init__(self, f: BinaryIO, limit: int) -> None:
        self._f, self._left = f, limit

    def read(self, n: int = -1) -> bytes:
        want = self._left + 1 if n < 0 else min(n, self._left + 1)
        data = self._f.read(want)
        self._left -= len(data)
        if self._left < 0:
            raise BundleRejected("the file is larger than any notice or receipt")
        return data


def _member(tar: TarReader, path: str, limit: int, kind: Kind) -> bytes:
    entry = tar.next()
    if entry is None or entry.path != path:
        found = "nothing" if entry is None else ascii(entry.path)
        raise BundleRejected(f"not a {kind.format} {kind.name}: expected {path}, found {found}")
    if entry.size > limit:
        raise BundleRejected(f"{path}: {entry.size:,} bytes, over the limit of {limit:,}")
    parts = []
    while chunk := tar.read():
        parts.append(chunk)
    return b"".join(parts)


def check_signature(kind: Kind, document: bytes, signature: str, signer: IdentityCard,
                    trusted_comment: str) -> None:
    """The signature in exactly the lines this application writes, by ``signer``, over
    ``document``, its trusted comment ``trusted_comment``; BundleRejected otherwise."""
    lines = signature.split("\n")
    if (len(lines) != 5 or lines[4] != "" or lines[0] != f"untrusted comment: {SIGNATURE_COMMENT}"
            or lines[2] != f"trusted comment: {trusted_comment}"
            or not all(_canonical_b64(lines[i]) for i in (1, 3))):
        raise BundleRejected(f"{kind.signature_path}: not in the canonical form "
                             "testimony-intake writes, or its comment names another document")
    try:
        signer.verify_minisign(document, signature)
    except SignatureInvalid as error:
        raise BundleRejected(f"{kind.signature_path}: {error} (altered, or not signed by the "
                             "key it claims)") from None


def _canonical_b64(line: str) -> bool:
    try:
        return base64.b64encode(base64.b64decode(line, validate=True)).decode() == line
    except (binascii.Error, ValueError):
        return False
