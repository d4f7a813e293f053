"""A wipeable holder for key material.

Python's ``bytes`` and ``str`` are immutable: once a key is in one, it stays in
memory until the allocator reuses the block. :class:`SecretBytes` keeps key
material in a ``bytearray`` that is zeroed on :meth:`SecretBytes.wipe`, on
leaving a ``with`` block, and (best effort) when it is garbage collected. It
refuses to be pickled or copied, never shows its content in ``repr``, and is
unusable once wiped, so a wiped key can never silently become an all-zero key.

What it cannot do: stop ``cryptography`` or the interpreter from making internal
copies, or keep pages out of swap. Use encrypted swap (or none) on field laptops.
"""

from __future__ import annotations

import hmac
import os
from types import TracebackType
from typing import NoReturn

_HEX_DIGITS = b"0123456789abcdef"


def _fill_random(buf: bytearray) -> None:
    """Fill ``buf`` from the OS CSPRNG without an intermediate ``bytes`` object."""
    try:
        with open("/dev/urandom", "rb", buffering=0) as urandom:
            view = memoryview(buf)
            filled = 0
            while filled < len(buf):
                n = urandom.readinto(view[filled:])
                if not n:
                    raise OSError("short read from /dev/urandom")
                filled += n
            return
    except OSError:
        pass
    # Platforms without /dev/urandom: os.urandom leaves one unwipeable copy.
    buf[:] = os.urandom(len(buf))


class SecretBytes:
    """Key material in a mutable buffer that can be zeroed.

    ``SecretBytes(data)`` copies ``data``. If ``data`` is a ``bytearray``, the
    caller's buffer is zeroed after the copy: ownership moves here, and no second
    live copy is left behind. A ``bytes`` argument cannot be zeroed, so prefer
    passing a ``bytearray``.
    """

    __slots__ = ("_buf", "_wiped", "__weakref__")

    def __init__(self, data: bytes | bytearray) -> None:
        if not isinstance(data, bytes | bytearray):
            raise TypeError("SecretBytes takes bytes or bytearray")
        self._buf = bytearray(data)
        self._wiped = False
        if isinstance(data, bytearray):
            data[:] = bytes(len(data))

    @classmethod
    def random(cls, n: int) -> SecretBytes:
        """``n`` bytes from the OS CSPRNG, written straight into the wipeable buffer."""
        if n <= 0:
            raise ValueError("length must be positive")
        secret = cls(bytearray())
        secret._buf = bytearray(n)
        _fill_random(secret._buf)
        return secret

    @classmethod
    def _adopt(cls, buf: bytearray) -> SecretBytes:
        """Take ownership of ``buf`` without copying (for buffers we filled ourselves)."""
        secret = cls(bytearray())
        secret._buf = buf
        return secret

    def _check(self) -> None:
        if self._wiped:
            raise ValueError("this secret was wiped and can no longer be used")

    def __len__(self) -> int:
        self._check()
        return len(self._buf)

    def view(self) -> memoryview:
        """A read-only view of the bytes, to hand to ``cryptography`` without a copy.

        Valid until :meth:`wipe`; do not keep it beyond the call it is made for.
        """
        self._check()
        return memoryview(self._buf).toreadonly()

    def bytes(self) -> bytes:
        """An immutable copy, for APIs that insist on ``bytes``.

        This copy cannot be wiped: it lives until the interpreter frees and
        reuses its memory. Use it only where no ``bytearray`` path exists, and
        drop the reference at once.
        """
        self._check()
        return bytes(self._buf)

    def hex_literal(self) -> bytearray:
        """A new ``bytearray`` holding ``x'<hex>'``: SQLCipher's raw-key syntax.

        Built byte by byte so no ``str`` or ``bytes`` copy of the key is made.
        The caller owns the result and must zero it after use
        (``buf[:] = bytes(len(buf))``).
        """
        self._check()
        out = bytearray(2 * len(self._buf) + 3)
        out[0:2] = b"x'"
        for i, byte in enumerate(self._buf):
            out[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
            out[3 + 2 * i] = _HEX_DIGITS[byte & 0x0F]
        out[-1] = ord("'")
        return out

    def wipe(self) -> None:
        """Zero the buffer and mark the secret unusable. Idempotent."""
        buf = getattr(self, "_buf", None)
        if buf is not None:
            buf[:] = bytes(len(buf))
        self._wiped = True

    @property
    def wiped(self) -> bool:
        """Whether :meth:`wipe` has run."""
        return self._wiped

    def __enter__(self) -> SecretBytes:
        self._check()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.wipe()

    def __del__(self) -> None:
        # Best effort: a secret nobody wiped is zeroed when it is collected.
        try:
            self.wipe()
        except Exception:  # never raise from a finaliser
            pass

    def __repr__(self) -> str:
        state = "wiped" if self._wiped else f"{len(self._buf)} bytes"
        return f"<SecretBytes {state}>"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SecretBytes):
            return NotImplemented
        self._check()
        other._check()
        return hmac.compare_digest(self._buf, other._buf)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> NoReturn:
        raise TypeError("SecretBytes cannot be pickled or copied")

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("SecretBytes cannot be pickled or copied")

    def __copy__(self) -> NoReturn:
        raise TypeError("SecretBytes cannot be pickled or copied")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError("SecretBytes cannot be pickled or copied")
