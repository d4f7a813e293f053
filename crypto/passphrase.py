"""Turning a typed passphrase into bytes, the same way on every machine."""

from __future__ import annotations

import unicodedata

from crypto.secret import SecretBytes


def encode_passphrase(text: str) -> SecretBytes:
    """NFC-normalise and UTF-8-encode a passphrase into a wipeable buffer.

    Normalisation matters for Korean: the same syllables can arrive composed
    (NFC) or as separate jamo (NFD) depending on the keyboard and OS, and must
    unlock the same store. Nothing is stripped: spaces are part of the
    passphrase. The ``str`` given here, and the normalised ``str`` made from
    it, cannot be wiped; drop them as soon as this returns.
    """
    if not isinstance(text, str):
        raise TypeError("a passphrase is text")
    if not text:
        raise ValueError("the passphrase is empty")
    return SecretBytes(bytearray(unicodedata.normalize("NFC", text), "utf-8"))
