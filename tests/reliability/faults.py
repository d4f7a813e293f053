"""Injected write failures: a file that fails after N bytes (KeePassXC's ``FailDevice``).

:func:`fail_writes_after` wraps every file :mod:`crypto.atomicfile` opens — the
one door through which key files, blobs and backups reach the disk — so a test
can make the N-th byte fail with ``ENOSPC`` (or ``EIO``, or the ``fsync``
fail) and then check that the old state is intact and no partial file is left.
"""

from __future__ import annotations

import errno
import os
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crypto import atomicfile


class FailAfter:
    """A binary writer that accepts ``limit`` bytes, then raises ``OSError(code)``."""

    def __init__(self, inner: Any, limit: int, code: int = errno.ENOSPC,
                 fail_fsync: bool = False) -> None:
        self._inner = inner
        self._left = limit
        self._code = code
        self.fail_fsync = fail_fsync

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        if len(view) > self._left:
            if self._left:
                self._inner.write(view[: self._left])  # a short write really happens first
            self._left = 0
            raise OSError(self._code, os.strerror(self._code))
        self._left -= len(view)
        return self._inner.write(view)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> FailAfter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.__exit__(*exc)


@contextmanager
def fail_writes_after(limit: int, code: int = errno.ENOSPC,
                      fail_fsync: bool = False) -> Iterator[list[FailAfter]]:
    """Every file atomicfile opens while active fails after ``limit`` bytes (or at fsync)."""
    opened: list[FailAfter] = []

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        wrapped = FailAfter(os.fdopen(fd, *args, **kwargs), limit, code, fail_fsync)
        opened.append(wrapped)
        return wrapped

    def fsync(fd: int) -> None:
        if fail_fsync:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        os.fsync(fd)

    proxy = types.SimpleNamespace(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
    proxy.fdopen = fdopen
    proxy.fsync = fsync
    original = atomicfile.os
    atomicfile.os = proxy  # type: ignore[assignment]
    try:
        yield opened
    finally:
        atomicfile.os = original


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """No file may grow past ``limit`` bytes while active (``RLIMIT_FSIZE``: ``EFBIG``), in
    this process and in every process it starts meanwhile (the bundle encryption helper
    inherits the limit, and ``SIGXFSZ`` ignored, so it fails the same way)."""
    import resource
    import signal

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
