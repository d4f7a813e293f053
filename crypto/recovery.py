"""The recovery key: 128 random bits shown once, written by hand, read aloud.

Display form: 28 Crockford base32 characters in 7 groups of 4, e.g.
``7K3Q-…``. The 28 characters carry 140 bits: the 128-bit key and a 12-bit
CRC. A CRC of degree 12 detects *every* error burst up to 12 bits long, so any
single mistyped character (5 bits) and any swap of two neighbouring characters
(10 bits) is always caught and reported as a typo, rather than as a wrong key.
Crockford's alphabet has no I, L, O or U; parsing reads I and L as 1 and O as 0,
and ignores case, spaces and dashes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import NoReturn

from crypto.secret import SecretBytes

KEY_BYTES = 16
_CHECK_BITS = 12
_CRC12_POLY = 0x180F  # x^12 + x^11 + x^3 + x^2 + x + 1 (CRC-12)
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(_ALPHABET)} | {"I": 1, "L": 1, "O": 0}
_SYMBOLS = (KEY_BYTES * 8 + _CHECK_BITS) // 5  # 28
_GROUP = 4
_SEPARATORS = frozenset(" \t\r\n-_.\u2010\u2011\u2012\u2013\u2014\u2212\u00a0")
_PREFIX = "RECOVERY KEY:"
_TYPO = "the recovery key has a typo"


def _crc12(value: int) -> int:
    """Remainder of value·x^12 divided by the CRC-12 polynomial (bit-serial, 128 bits)."""
    v = value << _CHECK_BITS
    for bit in range(KEY_BYTES * 8 + _CHECK_BITS - 1, _CHECK_BITS - 1, -1):
        if (v >> bit) & 1:
            v ^= _CRC12_POLY << (bit - _CHECK_BITS)
    return v


@dataclass(frozen=True, repr=False)
class RecoveryKey:
    """A 128-bit recovery key. Its content never appears in ``repr``."""

    secret: SecretBytes

    def __post_init__(self) -> None:
        if not isinstance(self.secret, SecretBytes) or len(self.secret) != KEY_BYTES:
            raise ValueError("a recovery key is 16 bytes held in a SecretBytes")

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(SecretBytes.random(KEY_BYTES))

    def display(self) -> str:
        """``XXXX-XXXX-…`` (7 groups of 4). A ``str``: show it once, then drop it."""
        value = int.from_bytes(self.secret.view(), "big")
        code = (value << _CHECK_BITS) | _crc12(value)
        chars = [_ALPHABET[(code >> (5 * (_SYMBOLS - 1 - i))) & 0x1F] for i in range(_SYMBOLS)]
        return "-".join("".join(chars[i : i + _GROUP]) for i in range(0, _SYMBOLS, _GROUP))

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        """Read a key as typed: any case, any spacing or dashes, I/L→1, O→0.

        Raises ``ValueError("the recovery key has a typo …")``; the message
        names positions and counts, never the characters of the key.
        """
        normal = unicodedata.normalize("NFKC", text).strip().upper()
        if normal.startswith(_PREFIX):
            normal = normal[len(_PREFIX) :]
        symbols = [c for c in normal if c not in _SEPARATORS]
        if len(symbols) != _SYMBOLS:
            raise ValueError(
                f"{_TYPO}: it should have {_SYMBOLS} letters and digits, not {len(symbols)}"
            )
        code = 0
        for position, char in enumerate(symbols, start=1):
            digit = _DECODE.get(char)
            if digit is None:
                raise ValueError(
                    f"{_TYPO}: character {position} is not a letter or digit used in recovery keys"
                )
            code = (code << 5) | digit
        value, check = code >> _CHECK_BITS, code & ((1 << _CHECK_BITS) - 1)
        if _crc12(value) != check:
            raise ValueError(f"{_TYPO}: its check characters do not match; please compare it again")
        # The typed str and these ints cannot be wiped; the key bytes can.
        buf = bytearray(KEY_BYTES)
        for i in range(KEY_BYTES):
            buf[KEY_BYTES - 1 - i] = (value >> (8 * i)) & 0xFF
        return cls(SecretBytes(buf))

    def wipe(self) -> None:
        self.secret.wipe()

    def __repr__(self) -> str:
        return "<RecoveryKey hidden>"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("RecoveryKey cannot be pickled")
