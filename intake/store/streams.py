"""Small stream adapters: hash and count bytes as they pass, report progress, honour cancel.

Attachments and bundles are streamed (never read whole into memory), so the
hash, size and progress are taken on the way through.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from typing import BinaryIO

from intake.errors import Cancelled, InvalidInput

Progress = Callable[[int], None]          # bytes done so far
CancelCheck = Callable[[], bool]          # True when the user asked to stop


class HashingReader(io.RawIOBase):
    """Reads from ``source``, hashing and counting; raises if over ``limit`` or cancelled."""

    def __init__(self, source: BinaryIO, *, limit: int | None = None,
                 progress: Progress | None = None, cancelled: CancelCheck | None = None) -> None:
        self._source = source
        self._limit = limit
        self._progress = progress
        self._cancelled = cancelled
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int | None = -1) -> bytes:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("cancelled")
        data = self._source.read(size if size is not None and size >= 0 else 1 << 20)
        if data:
            self.sha256.update(data)
            self.size += len(data)
            if self._limit is not None and self.size > self._limit:
                raise InvalidInput("file", f"larger than the limit of {self._limit} bytes")
            if self._progress is not None:
                self._progress(self.size)
        return data


class HashingWriter(io.RawIOBase):
    """Passes writes to ``sink`` (or nowhere), hashing and counting them."""

    def __init__(self, sink: BinaryIO | None = None, *, limit: int | None = None) -> None:
        self._sink = sink
        self._limit = limit
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(data)
        self.size += len(view)
        if self._limit is not None and self.size > self._limit:
            raise InvalidInput("stream", f"larger than the limit of {self._limit} bytes")
        self.sha256.update(view)
        if self._sink is not None:
            self._sink.write(view)
        return len(view)
