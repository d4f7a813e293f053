"""Attachments as age files in ``blobs/``, encrypted to the store's own X25519 identity.

Streamed both ways (pyrage's ``*_io`` functions stay near 10 MiB for 200 MB),
named by a random id rather than a content hash, so the directory listing says
nothing about which known file a store holds.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crypto.agefile import decrypt_stream, encrypt_stream
from crypto.atomicfile import atomic_writer
from crypto.errors import AgeError
from crypto.identity import Identity
from intake.errors import StoreDamaged
from intake.store.streams import CancelCheck, HashingReader, HashingWriter, Progress

BLOB_NAME_BYTES = 16
# pyrage pulls 8 KiB at a time; a larger buffer saves a system call per pull.
_READ_BUFFER = 1 << 20


@dataclass(frozen=True)
class StoredBlob:
    name: str
    sha256: str
    size: int


class BlobStore:
    def __init__(self, directory: Path, identity: Identity, recipient: str) -> None:
        self._dir = directory
        self._identity = identity
        self._recipient = recipient

    @property
    def directory(self) -> Path:
        return self._dir

    def path(self, name: str) -> Path:
        if len(name) != 2 * BLOB_NAME_BYTES or not all(c in "0123456789abcdef" for c in name):
            raise StoreDamaged("an attachment refers to an invalid blob name")
        return self._dir / name

    def put(self, source: BinaryIO, *, limit: int | None = None,
            progress: Progress | None = None, cancelled: CancelCheck | None = None) -> StoredBlob:
        """Encrypt ``source`` into a new blob; the file appears whole or not at all."""
        self._dir.mkdir(mode=0o700, exist_ok=True)
        name = secrets.token_hex(BLOB_NAME_BYTES)
        reader = HashingReader(source, limit=limit, progress=progress, cancelled=cancelled)
        with atomic_writer(self._dir / name) as out:
            encrypt_stream(reader, out, [self._recipient])
        return StoredBlob(name, reader.sha256.hexdigest(), reader.size)

    def read(self, name: str, sink: BinaryIO | None, *, expected_sha256: str) -> int:
        """Decrypt a blob into ``sink`` (None: only verify); StoreDamaged if it fails or differs."""
        writer = HashingWriter(sink)
        self._decrypt(name, writer)
        if writer.sha256.hexdigest() != expected_sha256:
            raise StoreDamaged(f"attachment blob {name} does not match its recorded hash")
        return writer.size

    def read_unhashed(self, name: str, sink: BinaryIO) -> None:
        """Decrypt a blob into ``sink`` without hashing it here: for a caller that hashes the
        very same bytes elsewhere (the export's helper process does, on the second core)
        and compares them with the recorded hash before anything is kept."""
        self._decrypt(name, sink)

    def _decrypt(self, name: str, sink: BinaryIO | HashingWriter) -> None:
        try:
            with self.path(name).open("rb", buffering=_READ_BUFFER) as f:
                decrypt_stream(f, sink, [self._identity])
        except FileNotFoundError as exc:
            raise StoreDamaged(f"attachment blob {name} is missing") from exc
        except AgeError as exc:
            raise StoreDamaged(f"attachment blob {name} is damaged") from exc

    def names(self) -> set[str]:
        if not self._dir.is_dir():
            return set()
        return {p.name for p in self._dir.iterdir() if not p.name.startswith(".")}
