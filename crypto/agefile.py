"""Streaming age v1 encryption to X25519 recipients, via pyrage.

Used for attachments in ``blobs/`` (encrypted to the store's own identity) and
for bundles (encrypted to legal teams). Streaming is the point: pyrage's
``encrypt_io(reader, writer, recipients)`` and ``decrypt_io(reader, writer,
identities)`` work in 64 KiB chunks, so memory stays flat for any size.

**Decryption releases plaintext before it is verified.** age authenticates
each 64 KiB chunk, but truncation or a flipped byte late in the file is only
detected when that chunk is reached, after earlier chunks were written to
``dst``. Treat everything written to ``dst`` as untrusted until
:func:`decrypt_stream` returns, and discard it if it raises.

Errors: failures of the age format or cryptography become :class:`AgeError`
(or :class:`AgeNoIdentityMatches`) with a safe message. An exception raised by
``src`` or ``dst`` themselves (disk full, a cancelled read) is re-raised as it
is, so an I/O problem is never mistaken for tampering.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

import pyrage

from crypto.errors import AgeError, AgeNoIdentityMatches

if TYPE_CHECKING:
    from crypto.identity import Identity

_MAX_RECIPIENT_CHARS = 200


class _Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class _Writable(Protocol):
    def write(self, data: bytes, /) -> Any: ...


class _Guard:
    """Wraps a stream and remembers the first exception it raised."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.error: BaseException | None = None

    def read(self, n: int = -1) -> bytes:
        try:
            return self._stream.read(n)  # type: ignore[no-any-return]
        except BaseException as error:
            self.error = self.error or error
            raise

    def write(self, data: bytes) -> int:
        try:
            written = self._stream.write(data)
        except BaseException as error:
            self.error = self.error or error
            raise
        return len(data) if written is None else int(written)

    def flush(self) -> None:
        flush = getattr(self._stream, "flush", None)
        if flush is not None:
            try:
                flush()
            except BaseException as error:
                self.error = self.error or error
                raise


def recipient_from_string(text: str) -> pyrage.x25519.Recipient:
    """Parse an ``age1…`` X25519 recipient; :class:`AgeError` if it is not one."""
    if not isinstance(text, str) or not text.isascii() or len(text) > _MAX_RECIPIENT_CHARS:
        raise AgeError("not an age recipient (expected an age1… string)")
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except pyrage.RecipientError:
        raise AgeError("not a valid age X25519 recipient") from None


def _recipients(recipients: Sequence[str | pyrage.x25519.Recipient]) -> list[Any]:
    if isinstance(recipients, str):
        raise TypeError("recipients must be a sequence of recipients, not one string")
    parsed: dict[str, Any] = {}
    for item in recipients:
        if isinstance(item, pyrage.x25519.Recipient):
            recipient = item
        else:
            recipient = recipient_from_string(item)
        parsed.setdefault(str(recipient), recipient)
    if not parsed:
        raise AgeError("no recipients: the file could never be opened")
    return list(parsed.values())


def _identities(identities: Sequence[Identity | pyrage.x25519.Identity]) -> list[Any]:
    # Imported here: the encryption helper process (intake.bundle.sealer) loads this module
    # and only encrypts; crypto.identity and its imports cost it ~50 ms per start.
    from crypto.identity import Identity

    result: list[Any] = []
    for item in identities:
        if isinstance(item, Identity):
            result.append(item.age_identity)
        elif isinstance(item, pyrage.x25519.Identity):
            result.append(item)
        else:
            raise TypeError("identities must be Identity or pyrage.x25519.Identity objects")
    if not result:
        raise AgeError("no identity to decrypt with")
    return result


def _reraise_stream_error(*guards: _Guard) -> None:
    for guard in guards:
        if guard.error is not None:
            raise guard.error


def encrypt_stream(
    src: BinaryIO | _Readable,
    dst: BinaryIO | _Writable,
    recipients: Sequence[str | pyrage.x25519.Recipient],
) -> None:
    """Encrypt everything ``src`` reads to ``dst``, for each recipient (binary age v1)."""
    parsed = _recipients(recipients)
    reader, writer = _Guard(src), _Guard(dst)
    try:
        pyrage.encrypt_io(reader, writer, parsed)
    except (pyrage.EncryptError, OSError) as error:
        _reraise_stream_error(reader, writer)
        raise AgeError("age encryption failed") from error
    except BaseException:
        _reraise_stream_error(reader, writer)
        raise


def decrypt_stream(
    src: BinaryIO | _Readable,
    dst: BinaryIO | _Writable,
    identities: Sequence[Identity | pyrage.x25519.Identity],
) -> None:
    """Decrypt an age file from ``src`` into ``dst``. See the module note on partial output."""
    keys = _identities(identities)
    reader, writer = _Guard(src), _Guard(dst)
    try:
        pyrage.decrypt_io(reader, writer, keys)
    except pyrage.DecryptError as error:
        _reraise_stream_error(reader, writer)
        if "no matching keys" in str(error).lower():
            raise AgeNoIdentityMatches(
                "this file is not encrypted to this store's identity"
            ) from None
        raise AgeError("the encrypted file is damaged, truncated or not an age file") from None
    except OSError:
        _reraise_stream_error(reader, writer)
        # pyrage reports a failed chunk authentication (tampering, truncation) as OSError.
        raise AgeError("the encrypted file is damaged, truncated or was altered") from None
    except BaseException:
        _reraise_stream_error(reader, writer)
        raise
