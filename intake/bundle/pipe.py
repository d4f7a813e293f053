"""A bounded in-memory pipe between two threads, and a thread that reports how it ended.

pyrage streams both ways, but each direction has one side that pushes and one
that pulls: ``encrypt_io`` pulls plaintext while the blob decryptor pushes it,
``decrypt_io`` pushes plaintext while the blob encryptor pulls it. A pipe joins a
pusher on one thread to a puller on another without ever holding more than a
few chunks (``max_chunks`` × 256 KiB) and without touching the disk: decrypted
bytes live only in this queue.

Either end can stop the other: the writer ends with :meth:`Pipe.finish` (clean
end) or :meth:`Pipe.fail` (the reader then raises that error); the reader
abandons with :meth:`Pipe.close_reader` (the writer's next write raises
:class:`PipeClosed`).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

_END = object()
_PUT_WAIT = 0.2
# pyrage moves data in 8 KiB pieces (Rust's io::copy); passing each through the queue costs
# two lock hand-offs, so writes are gathered into chunks of this size first.
CHUNK = 256 * 1024


class PipeClosed(Exception):
    """The reading side went away; the writer should stop."""


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class Pipe:
    def __init__(self, max_chunks: int = 16) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=max_chunks)
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._abandoned = threading.Event()
        self._buffer = b""
        self._pos = 0
        self._done = False
        self._failure: BaseException | None = None

    # -- the writing side -----------------------------------------------------------

    def _put(self, item: object) -> None:
        while True:
            if self._abandoned.is_set():
                raise PipeClosed("the reader stopped")
            try:
                self._queue.put(item, timeout=_PUT_WAIT)
                return
            except queue.Full:
                continue

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._abandoned.is_set():
            raise PipeClosed("the reader stopped")
        # bytes are immutable, so they are kept as they are and joined once per chunk (one
        # copy); anything else may be reused by the caller after this returns: copied now.
        piece = data if type(data) is bytes else bytes(data)
        self._pending.append(piece)
        self._pending_size += len(piece)
        if self._pending_size >= CHUNK:
            self._put_pending()
        return len(piece)

    def _put_pending(self) -> None:
        chunk = b"".join(self._pending)
        self._pending.clear()
        self._pending_size = 0
        self._put(chunk)

    def flush(self) -> None:
        pass

    def finish(self) -> None:
        if self._pending:
            self._put_pending()
        self._put(_END)

    def fail(self, error: BaseException) -> None:
        self._pending.clear()
        self._pending_size = 0
        try:
            self._put(_Failure(error))
        except PipeClosed:
            pass

    # -- the reading side -----------------------------------------------------------

    def read(self, n: int = -1) -> bytes:
        if self._failure is not None:
            raise self._failure
        if self._pos >= len(self._buffer):
            if self._done:
                return b""
            item = self._queue.get()
            if item is _END:
                self._done = True
                return b""
            if isinstance(item, _Failure):
                self._failure = item.error
                raise item.error
            self._buffer, self._pos = item, 0
        end = len(self._buffer) if n is None or n < 0 else min(len(self._buffer), self._pos + n)
        data = self._buffer[self._pos:end]
        self._pos = end
        return data

    def close_reader(self) -> None:
        """Abandon the pipe: free the writer if it waits, and make its next write fail."""
        self._abandoned.set()
        self._buffer, self._pos = b"", 0
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return


class Worker:
    """Runs ``fn`` on a thread; :meth:`join` returns its result or raises its error."""

    def __init__(self, fn: Callable[[], object], name: str) -> None:
        self._fn = fn
        self._result: object = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        try:
            self._result = self._fn()
        except BaseException as error:  # handed to join(), on the caller's thread
            self._error = error

    def start(self) -> Worker:
        self._thread.start()
        return self

    def join(self) -> object:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result

    def join_quietly(self) -> BaseException | None:
        self._thread.join()
        return self._error


class Meter:
    """Counts bytes and reports them to a progress callback at most once per ``step`` bytes
    (and at the end), so a dialog gets hundreds of updates for a large bundle, not millions."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int = 0,
                 step: int = 1 << 20) -> None:
        self._progress, self.total, self._step = progress, total, step
        self.done = self._shown = 0

    def add(self, n: int) -> None:
        self.done += n
        if self._progress is None or not self.total:
            return
        if self.done - self._shown >= self._step or self.done >= self.total:
            self._shown = self.done
            self._progress(self.done, self.total)
