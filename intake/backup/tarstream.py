"""A strict tar writer and reader for exactly the archives a backup is made of.

The writer emits plain regular-file members with GNU headers (``tar``, ``bsdtar``
and Python's ``tarfile`` all list and extract them; sizes of 8 GiB and more use
GNU's base-256 size field). The reader is deliberately *not* ``tarfile``: a
backup arrives from a USB stick and may be corrupt or crafted, and ``tarfile``
follows long-name, PAX and sparse extensions, reads a PAX header of any size
into memory and accepts links. This reader accepts only what the writer makes —
512-byte headers with a valid checksum, regular files, short ASCII names, zero
padding, two zero blocks and then the end of the file — and streams member data
with an exact byte count, so it never reads more than the header announced.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from intake.backup.errors import BackupRejected

BLOCK = 512
_CHUNK = 1 << 20
MAX_NAME = 99
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}(/[A-Za-z0-9][A-Za-z0-9._-]{0,63})?")
_MAGICS = (b"ustar\x0000", b"ustar  \x00")
MAX_MEMBER_SIZE = 1 << 44  # 16 TiB: far above any store, far below overflow


class ArchiveInvalid(BackupRejected):
    """The archive is not one this module wrote: corrupt, truncated or crafted."""


def check_name(name: str) -> str:
    """Member names: one or two ASCII path parts, no dot-dot, no absolute path, no oddities."""
    if not isinstance(name, str) or len(name) > MAX_NAME or not _NAME.fullmatch(name) \
            or ".." in name.split("/"):
        raise ArchiveInvalid("a member has an unsafe or invalid name")
    return name


def header(name: str, size: int, mtime: int) -> bytes:
    info = tarfile.TarInfo(check_name(name))
    info.size = size
    info.mode = 0o600
    info.mtime = max(0, int(mtime))
    info.uname = info.gname = ""
    info.uid = info.gid = 0
    return info.tobuf(tarfile.GNU_FORMAT, "ascii", "strict")


def padding(size: int) -> bytes:
    return bytes(-size % BLOCK)


END = bytes(2 * BLOCK)


class TarWriter:
    """Writes members one after another into ``out`` (any binary stream, never seeks)."""

    def __init__(self, out: BinaryIO, mtime: int) -> None:
        self._out = out
        self._mtime = mtime
        self.written = 0

    def _write(self, data: bytes | memoryview) -> None:
        self._out.write(data)
        self.written += len(data)

    def add_bytes(self, name: str, data: bytes) -> None:
        self._write(header(name, len(data), self._mtime))
        self._write(data)
        self._write(padding(len(data)))

    def add_stream(self, name: str, size: int, source: BinaryIO,
                   progress: Callable[[int], None] | None = None) -> None:
        """Copy exactly ``size`` bytes from ``source``; fewer or more is an error (it changed)."""
        self._write(header(name, size, self._mtime))
        remaining = size
        while remaining:
            chunk = source.read(min(_CHUNK, remaining))
            if not chunk:
                raise ArchiveInvalid(f"{name} became shorter while it was being copied")
            self._write(chunk)
            remaining -= len(chunk)
            if progress is not None:
                progress(len(chunk))
        if source.read(1):
            raise ArchiveInvalid(f"{name} grew while it was being copied")
        self._write(padding(size))

    def close(self) -> None:
        self._write(END)


@dataclass(frozen=True)
class Member:
    name: str
    size: int


def _octal(field: bytes, what: str) -> int:
    text = field.rstrip(b"\x00 ").lstrip(b" ")
    if not text or not all(48 <= c <= 55 for c in text):
        raise ArchiveInvalid(f"a member header has an invalid {what}")
    return int(text, 8)


def _size(field: bytes) -> int:
    if field[0] == 0x80:  # GNU base-256
        value = int.from_bytes(field[1:], "big")
    else:
        value = _octal(field, "size")
    if value > MAX_MEMBER_SIZE:
        raise ArchiveInvalid("a member is impossibly large")
    return value


def parse_header(block: bytes) -> Member | None:
    """A member header, or None for a zero block (the end). ArchiveInvalid for anything else."""
    if len(block) != BLOCK:
        raise ArchiveInvalid("the archive is truncated")
    if block == bytes(BLOCK):
        return None
    stored = _octal(block[148:156], "checksum")
    if sum(block[:148]) + 8 * 32 + sum(block[156:]) != stored:
        raise ArchiveInvalid("a member header is damaged (checksum mismatch)")
    if block[257:265] not in _MAGICS:
        raise ArchiveInvalid("not a tar archive of the expected kind")
    if block[156:157] not in (b"0", b"\x00"):
        raise ArchiveInvalid("a member is not a regular file (link, directory or extension)")
    if block[157:257].strip(b"\x00"):
        raise ArchiveInvalid("a member carries a link name")
    raw_name, _, rest = block[:100].partition(b"\x00")
    if rest.strip(b"\x00"):
        raise ArchiveInvalid("a member has an invalid name")
    try:
        name = raw_name.decode("ascii")
    except UnicodeDecodeError:
        raise ArchiveInvalid("a member has a non-ASCII name") from None
    return Member(check_name(name), _size(block[124:136]))


class TarReader:
    """Reads members in order from ``source``; the caller must consume each one fully."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._pending = 0  # data + padding bytes of the current member not yet read
        self.position = 0

    def _read_exact(self, n: int) -> bytes:
        data = self._source.read(n)
        while len(data) < n:
            more = self._source.read(n - len(data))
            if not more:
                raise ArchiveInvalid("the archive is truncated")
            data += more
        self.position += n
        return data

    def next(self) -> Member | None:
        """The next member's header, or None at the end of the archive (checked to be clean)."""
        if self._pending:
            raise RuntimeError("the previous member was not read to its end")
        member = parse_header(self._read_exact(BLOCK))
        if member is None:
            if self._read_exact(BLOCK) != bytes(BLOCK):
                raise ArchiveInvalid("the archive has data after its end marker")
            if self._source.read(1):
                raise ArchiveInvalid("the archive has data after its end marker")
            return None
        self._pending = member.size
        self._member = member
        return member

    def read_all(self, limit: int) -> bytes:
        """The current member's data, which must be at most ``limit`` bytes."""
        if self._pending > limit:
            raise ArchiveInvalid(f"{self._member.name} is larger than allowed")
        chunks: list[bytes] = []
        self.copy_to(chunks.append)
        return b"".join(chunks)

    def copy_to(self, sink: Callable[[bytes], object]) -> None:
        """Stream the current member's data into ``sink``, then check its zero padding."""
        size = self._pending
        remaining = size
        while remaining:
            chunk = self._read_exact(min(_CHUNK, remaining))
            sink(chunk)
            remaining -= len(chunk)
        self._pending = 0
        pad = -size % BLOCK
        if pad and self._read_exact(pad) != bytes(pad):
            raise ArchiveInvalid(f"{self._member.name} is followed by non-zero padding")
