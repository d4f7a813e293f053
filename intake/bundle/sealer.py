"""Age encryption (and SHA-256) of a large stream in a helper process, beside the decryption.

pyrage holds the GIL for the whole of ``encrypt_io`` and ``decrypt_io`` (measured:
two threads take twice as long as one), so in one process an export — decrypt each
blob, hash it, encrypt the bundle — uses one core. For a large export or import the
encryption runs in a child process instead, and so does the hashing of the ranges the
parent names (the attachments inside the tar, or the whole stream): measured on 256 MiB,
blob decryption costs the parent ~0.33 s and hashing + encryption + writing costs the
child ~0.55 s, so the two cores carry about equal loads (with the hash in the parent,
the parent carried two thirds).

The child is given **only the recipients' public keys**, reads plaintext from a pipe
(kernel memory, never a file) and writes the age file to the file descriptor it
inherits (an atomic temporary file). It disables core dumps and ptrace before it reads
a byte, like the app itself. Its exit status and last line on stderr say whether the
output is whole and, if so, the SHA-256 of each range and the number of bytes read; the
parent compares those digests with what the manifest or the store recorded *before*
the temporary file is renamed into place.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from intake.errors import IntakeError

ROOT = Path(__file__).resolve().parents[2]
_PIPE_SIZE = 1 << 20
_IO_BUFFER = 1 << 20
# The parent's buffer gathers an export's 8 KiB writes (decryption output) into system
# calls of this size; an import's 256 KiB chunks are larger, so they skip the copy into it.
_WRITE_BUFFER = 128 << 10
_F_SETPIPE_SZ = 1031
_PR_SET_DUMPABLE = 4
_PR_SET_PDEATHSIG = 1
_RESULT = "sealed"
# The child loads this file by its path, not as ``intake.bundle.sealer``: importing the
# package would import all of intake.bundle (~100 ms per helper, measured).
_CHILD = ("import sys, importlib.util as u; sys.path.insert(0, sys.argv[1]); "
          "s = u.spec_from_file_location('testimony_intake_sealer', sys.argv[2]); "
          "m = u.module_from_spec(s); s.loader.exec_module(m); "
          "sys.exit(m.child_main(sys.argv[3:]))")

Range = tuple[int, int]  # (offset in the stream, length)


class SealerFailed(IntakeError):
    """The encryption helper process failed; nothing was written."""


def _harden() -> None:
    """No core dumps, no ptrace; and on Linux, die with the parent: a parent killed mid-way
    would otherwise leave the helper sealing a truncated stream into the (never renamed)
    temporary file, a process nobody waits for."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource  # POSIX only
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


class RangeHasher:
    """A reader that hashes given byte ranges of what passes through it, and counts it all.

    Ranges must be sorted and must not overlap (the members of a tar never do)."""

    def __init__(self, source: BinaryIO, ranges: Sequence[Range]) -> None:
        self._source = source
        self._ranges = [(start, start + length) for start, length in ranges]
        self.digests = [hashlib.sha256() for _ in ranges]
        self._next = 0
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        data = self._source.read(n)
        if data and self._next < len(self._ranges):
            self._feed(memoryview(data))
        self.size += len(data)
        return data

    def _feed(self, view: memoryview) -> None:
        start, end = self.size, self.size + len(view)
        while self._next < len(self._ranges):
            first, last = self._ranges[self._next]
            if first >= end:
                return
            low, high = max(first, start), min(last, end)
            if low < high:
                self.digests[self._next].update(view[low - start:high - start])
            if last > end:
                return
            self._next += 1


def _parse_ranges(text: str) -> list[Range]:
    if text == "-":
        return []
    ranges = []
    for part in text.split(","):
        offset, _, length = part.partition(":")
        ranges.append((int(offset), int(length)))
    return ranges


def child_main(argv: list[str]) -> int:
    """In the helper: ``--parent=PID RANGES RECIPIENT…``; encrypt stdin onto stdout, hashing
    RANGES (``OFFSET:LENGTH,…`` or ``-``); the last line on stderr reports the result."""
    _harden()
    if len(argv) > 0 and argv[0].startswith("--parent="):  # the parent died before prctl
        if os.getppid() != int(argv[0].removeprefix("--parent=")):
            return 1
        argv = argv[1:]
    from crypto.agefile import encrypt_stream

    try:
        ranges = _parse_ranges(argv[0])
        source = open(0, "rb", buffering=_IO_BUFFER, closefd=False)  # noqa: SIM115
        sink = open(1, "wb", buffering=_IO_BUFFER, closefd=False)  # noqa: SIM115
        hasher = RangeHasher(source, ranges)
        encrypt_stream(hasher, sink, argv[1:])
        sink.flush()
    except Exception as error:  # the parent shows this one line
        print(f"age encryption failed ({type(error).__name__})", file=sys.stderr)
        return 1
    digests = " ".join(d.hexdigest() for d in hasher.digests)
    print(f"{_RESULT} {hasher.size} {digests}".rstrip(), file=sys.stderr)
    return 0


class Sealer:
    """The parent's end: ``write`` plaintext, then ``close`` (raises if the child failed).

    ``ranges``: byte ranges of the stream whose SHA-256 the child takes;
    :meth:`close` returns them, in order, with the number of bytes the child read."""

    def __init__(self, out: BinaryIO, recipients: list[str],
                 ranges: Sequence[Range] = ()) -> None:
        spec = ",".join(f"{offset}:{length}" for offset, length in ranges) or "-"
        self._ranges = len(ranges)
        self._proc = subprocess.Popen(
            [sys.executable, "-E", "-s", "-c", _CHILD, str(ROOT), __file__,
             f"--parent={os.getpid()}", spec, *recipients],
            stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE, bufsize=_WRITE_BUFFER,
            close_fds=True)
        assert self._proc.stdin is not None
        self._stdin = self._proc.stdin
        if sys.platform.startswith("linux"):
            with contextlib.suppress(OSError):
                import fcntl
                fcntl.fcntl(self._stdin.fileno(), _F_SETPIPE_SZ, _PIPE_SIZE)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        try:
            return self._stdin.write(data)
        except BrokenPipeError:
            raise SealerFailed(self._reason()) from None

    def close(self) -> tuple[int, list[str]]:
        """Finish: wait for the child; raise :class:`SealerFailed` unless it succeeded.
        Returns the bytes it read and the SHA-256 (hex) of each range."""
        try:
            self._stdin.close()
        except BrokenPipeError:
            pass
        if self._proc.wait() != 0:
            raise SealerFailed(self._reason())
        lines = self._drain().strip().splitlines()
        words = lines[-1].split() if lines else []
        if (len(words) != 2 + self._ranges or words[0] != _RESULT
                or not words[1].isdigit()):
            raise SealerFailed("the encryption helper did not report its result; "
                               "nothing was written")
        return int(words[1]), words[2:]

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self._proc.kill()
        with contextlib.suppress(OSError, ValueError):
            self._stdin.close()
        self._proc.wait()
        self._drain()

    def _reason(self) -> str:
        self._proc.wait()
        text = self._drain()
        line = text.strip().splitlines()[-1] if text.strip() else f"exit {self._proc.returncode}"
        return f"the encryption helper failed: {line[:200]}; nothing was written"

    def _drain(self) -> str:
        if self._proc.stderr is None or self._proc.stderr.closed:
            return ""
        try:
            return self._proc.stderr.read().decode("utf-8", "replace")
        finally:
            self._proc.stderr.close()


def helper_available() -> bool:
    """POSIX only (where the helper can be hardened like the app), with a Python to run."""
    return os.name == "posix" and bool(sys.executable) and os.access(sys.executable, os.X_OK)
