"""The tar layer of a bundle: one canonical POSIX ustar form, written and read strictly.

Every header a bundle holds is exactly what :func:`ustar_header` makes for the
member's path, size and the bundle's time — the same bytes Python's ``tarfile``
writes for a regular file with mode 0644, owner 0:0 and no user names. Member data is
padded with zeros to 512 bytes, and the archive ends with two zero blocks and
nothing after them. Because the form is canonical, every byte of the tar is
accounted for: headers by this function, data by the manifest's hashes, padding and
the end by being zeros. A reader that only *parsed* headers would let a recipient
change an mtime or a padding byte unnoticed; this one compares them byte for byte.

The reader pulls from a stream and never seeks, so a bundle is checked in one pass
while it is being decrypted. It accepts regular files only: links, devices,
directories, FIFOs, pax and GNU extension headers are refused, each by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from intake.bundle.format import check_safe_path, shown
from intake.errors import BundleRejected

BLOCK = 512
MAX_PATH_BYTES = 100
MAX_SIZE = 8**11 - 1  # eleven octal digits
_MODE = b"0000644\0"
_ZERO_ID = b"0000000\0"
_MAGIC = b"ustar\x0000"
_ZERO_BLOCK = bytes(BLOCK)
_TYPES = {
    b"1": "a hard link", b"2": "a symbolic link", b"3": "a character device",
    b"4": "a block device", b"5": "a directory", b"6": "a FIFO", b"7": "a contiguous file",
    b"x": "a pax extended header", b"g": "a pax global header", b"L": "a GNU long name",
    b"K": "a GNU long link name", b"S": "a GNU sparse file", b"\0": "an old-style file entry",
}


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


def ustar_header(path: str, size: int, mtime: int) -> bytes:
    """The one header a ``tib/1`` member may have."""
    name = path.encode("ascii")
    if not name or len(name) > MAX_PATH_BYTES:
        raise ValueError("a member path must be 1 to 100 ASCII bytes")
    if not 0 <= size <= MAX_SIZE or not 0 <= mtime <= MAX_SIZE:
        raise ValueError("size or time out of range for a ustar header")
    header = b"".join((
        name.ljust(100, b"\0"), _MODE, _ZERO_ID, _ZERO_ID,
        b"%011o\0" % size, b"%011o\0" % mtime, b" " * 8, b"0", bytes(100),
        _MAGIC, bytes(32), bytes(32), bytes(8), bytes(8), bytes(155), bytes(12),
    ))
    checksum = b"%06o\0 " % sum(header)
    return header[:148] + checksum + header[156:]


def padding(size: int) -> bytes:
    return bytes(-size % BLOCK)


END_OF_ARCHIVE = bytes(2 * BLOCK)


@dataclass(frozen=True)
class TarEntry:
    path: str
    size: int
    mtime: int


class TarReader:
    """Pull members one at a time: ``next()`` then ``read()`` until ``b""``, then ``next()``."""

    def __init__(self, source: Readable, *, on_bytes: Callable[[int], None] | None = None) -> None:
        self._src = source
        self._on_bytes = on_bytes
        self._entry: TarEntry | None = None
        self._left = 0
        self._ended = False
        self._last: str | None = None
        self.mtime: int | None = None

    def _read_exact(self, n: int, where: str) -> bytes:
        parts: list[bytes] = []
        got = 0
        while got < n:
            data = self._src.read(n - got)
            if not data:
                raise BundleRejected(f"the bundle is truncated ({where})")
            parts.append(data)
            got += len(data)
        if self._on_bytes is not None:
            self._on_bytes(n)
        return b"".join(parts)

    def next(self) -> TarEntry | None:
        """The next member's header, checked; None at the (checked) end of the archive."""
        if self._ended:
            return None
        if self._entry is not None:
            self._finish_member()
        where = "in the tar header after " + (shown(self._last) if self._last else "the start")
        block = self._read_exact(BLOCK, where)
        if block == _ZERO_BLOCK:
            self._check_end()
            return None
        entry = self._parse(block)
        self._entry, self._left, self._last = entry, entry.size, entry.path
        return entry

    def read(self, n: int = 1 << 20) -> bytes:
        """Up to ``n`` bytes of the current member's data; ``b""`` at its end."""
        if self._entry is None or self._left == 0:
            return b""
        want = min(n, self._left)
        data = self._src.read(want)
        if not data:
            raise BundleRejected("the bundle is truncated (inside member "
                                 f"{shown(self._entry.path)})")
        self._left -= len(data)
        if self._on_bytes is not None:
            self._on_bytes(len(data))
        return data

    def _finish_member(self) -> None:
        assert self._entry is not None
        if self._left:
            raise RuntimeError("the previous member was not read to its end")
        pad = self._read_exact(len(padding(self._entry.size)),
                               f"in the padding of {shown(self._entry.path)}")
        if any(pad):
            raise BundleRejected(f"member {shown(self._entry.path)}: the padding after it is "
                                 "not zero")
        self._entry = None

    def _check_end(self) -> None:
        second = self._read_exact(BLOCK, "in the end-of-archive marker")
        if second != _ZERO_BLOCK:
            raise BundleRejected("the end-of-archive marker is damaged")
        if self._src.read(1):
            raise BundleRejected("trailing data after the end of the archive")
        self._ended = True

    def _parse(self, block: bytes) -> TarEntry:
        raw_name = block[:100].split(b"\0", 1)[0]
        label = shown(raw_name.decode("ascii", "backslashreplace"))
        stored = block[148:156]
        computed = sum(block[:148]) + 8 * 0x20 + sum(block[156:])
        if stored != b"%06o\0 " % computed:
            raise BundleRejected(f"member {label}: the tar header checksum is wrong "
                                 "(damaged or not a tar header)")
        kind = block[156:157]
        if kind != b"0":
            what = _TYPES.get(kind, f"an entry of unknown type {ascii(kind)}")
            raise BundleRejected(f"member {label}: {what}; a bundle holds regular files only")
        if block[345:500].strip(b"\0"):
            raise BundleRejected(f"member {label}: uses the ustar name prefix; tib/1 names "
                                 "fit in 100 bytes")
        try:
            path = raw_name.decode("ascii")
        except UnicodeDecodeError:
            raise BundleRejected(f"member {label}: the name is not ASCII") from None
        check_safe_path(path)
        size = _octal(block[124:136], path, "size")
        mtime = _octal(block[136:148], path, "time")
        if self.mtime is None:
            self.mtime = mtime
        try:
            canonical = ustar_header(path, size, self.mtime)
        except ValueError:
            canonical = b""
        if block != canonical:
            raise BundleRejected(f"member {shown(path)}: the tar header is not in the canonical "
                                 "tib/1 form (a field was changed)")
        return TarEntry(path, size, mtime)


def _octal(field: bytes, path: str, what: str) -> int:
    digits = field[:11]
    if field[11:] != b"\0" or not digits or any(c not in b"01234567" for c in digits):
        raise BundleRejected(f"member {shown(path)}: the tar header's {what} field is malformed")
    return int(digits, 8)
