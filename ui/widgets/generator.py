"""Diceware-style passphrases: random words from a fixed list, drawn with ``secrets``.

Six words from 2,048 carry 66 bits: beyond any offline guessing of an Argon2id
slot tuned to a second per try, yet easy to write down and to type on a
borrowed keyboard. The words are separated by spaces because spaces are part of
the passphrase (``crypto/passphrase.py`` strips nothing).
"""

from __future__ import annotations

import math
import secrets

from ui.widgets.wordlist import WORDS

DEFAULT_WORDS = 6


def generate_passphrase(words: int = DEFAULT_WORDS) -> str:
    if words < 1:
        raise ValueError("a passphrase needs at least one word")
    return " ".join(secrets.choice(WORDS) for _ in range(words))


def entropy_bits(words: int = DEFAULT_WORDS) -> float:
    return words * math.log2(len(WORDS))
