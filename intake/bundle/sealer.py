"""Age encryption of a large export in a helper process, beside the blob decryption.

pyrage holds the GIL for the whole of ``encrypt_io`` and ``decrypt_io`` (measured:
two threads take twice as long as one), so in one process an export — decrypt each
blob, encrypt the bundle — uses one core. For a large export the encryption runs in a
child process instead: it is given **only the recipients' public keys**, reads the tar
from a pipe (kernel memory, never a file) and writes the age file to the file
descriptor it inherits (the export's atomic temporary file). It disables core dumps and
ptrace before it reads a byte, like the app itself.

The child imports nothing but :mod:`crypto.agefile`; its exit status and one line on
stderr say whether the bundle is whole.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

from intake.errors import IntakeError

ROOT = Path(__file__).resolve().parents[2]
_PIPE_SIZE = 1 << 20
_F_SETPIPE_SZ = 1031
_PR_SET_DUMPABLE = 4
_CHILD = ("import sys; sys.path.insert(0, sys.argv[1]); "
          "from intake.bundle.sealer import child_main; sys.exit(child_main(sys.argv[2:]))")


class SealerFailed(IntakeError):
    """The encryption helper process failed; the export was not written."""


def _harden() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource  # POSIX only
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def child_main(recipients: list[str]) -> int:
    """In the helper: encrypt stdin to ``recipients`` onto stdout."""
    _harden()
    from crypto.agefile import encrypt_stream

    try:
        encrypt_stream(sys.stdin.buffer, sys.stdout.buffer, recipients)
        sys.stdout.buffer.flush()
    except Exception as error:  # the parent shows this one line
        print(f"age encryption failed ({type(error).__name__})", file=sys.stderr)
        return 1
    return 0


class Sealer:
    """The parent's end: ``write`` plaintext, then ``close`` (raises if the child failed)."""

    def __init__(self, out: BinaryIO, recipients: list[str]) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-E", "-s", "-c", _CHILD, str(ROOT), *recipients],
            stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE, bufsize=_PIPE_SIZE,
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

    def close(self) -> None:
        """Finish: wait for the child, raise :class:`SealerFailed` unless it succeeded."""
        try:
            self._stdin.close()
        except BrokenPipeError:
            pass
        if self._proc.wait() != 0:
            raise SealerFailed(self._reason())
        self._drain()

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
