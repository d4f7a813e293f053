"""Errors raised by ``crypto``.

Every message is safe to show a user or write to a log: it names what failed
and why, never a passphrase, a key, a key's bytes or which secret was wrong.
"""

from __future__ import annotations

_WRONG_KEY_MESSAGE = (
    "the passphrase or recovery key does not open this store (or its key file was altered)"
)


class CryptoError(Exception):
    """Base of every failure raised by this package."""


class WrongKey(CryptoError):
    """No key slot opened: a wrong passphrase or recovery key, or a tampered slot.

    The two cases are deliberately indistinguishable (an AEAD cannot tell them
    apart, and saying which would help an attacker who edits key files).
    """

    def __init__(self, message: str = _WRONG_KEY_MESSAGE) -> None:
        super().__init__(message)


class KeyFileInvalid(CryptoError):
    """A key file (or stored identity) that cannot be parsed or is structurally wrong."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"the key file is damaged or invalid: {reason}")


class KdfParamsRejected(CryptoError):
    """Key-derivation parameters below the security floor or absurdly large.

    Refused before any derivation runs, so a crafted key file can neither make
    a passphrase cheap to guess nor make the machine hang or run out of memory.
    """


class SignatureInvalid(CryptoError):
    """A minisign signature that is malformed, from another key, or does not match."""


class CardInvalid(CryptoError):
    """An identity card that is malformed or whose fields do not agree."""


class AgeError(CryptoError):
    """An age file that cannot be decrypted or encrypted (wrapping pyrage's errors)."""


class AgeNoIdentityMatches(AgeError):
    """The age file is well formed but is not encrypted to any identity we hold."""
