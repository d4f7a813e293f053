"""The public identity card (``tic/1``) and its read-aloud fingerprint.

A card is what an interviewer and a legal team exchange: a label, the Ed25519
signing key (raw and in minisign's form) and the age X25519 recipient. The
fingerprint is a pure function of both keys, shown as 30 digits in groups of
5, so two people can compare it over the phone the way Signal users compare
safety numbers. Parsing is strict: every derived field must agree with the keys.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import pyrage

from crypto import _strict, minisign
from crypto.errors import CardInvalid

CARD_FORMAT = "tic/1"
MAX_LABEL_CHARS = 200
MAX_CARD_BYTES = 16 * 1024
FINGERPRINT_GROUPS = 6
FINGERPRINT_GROUP_DIGITS = 5
# Like Signal's numeric fingerprints: iterating raises the cost of grinding
# for a key pair whose fingerprint matches someone else's by ~2^12.
_FINGERPRINT_ITERATIONS = 5200
_FINGERPRINT_DOMAIN = b"testimony-intake/v1/identity-fingerprint\x00"
_CARD_FIELDS = {"format", "label", "ed25519", "minisign", "age", "fingerprint"}
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def check_label(label: object) -> str:
    """A label: 1–200 characters, no control, format (e.g. bidi) or unassigned characters.

    Format characters are refused because right-to-left overrides and
    zero-width characters let one label pose as another on screen.
    """
    if not isinstance(label, str):
        raise CardInvalid("identity card: label must be text")
    if not 1 <= len(label) <= MAX_LABEL_CHARS:
        raise CardInvalid(f"identity card: label must have 1 to {MAX_LABEL_CHARS} characters")
    if label != label.strip():
        raise CardInvalid("identity card: label must not start or end with spaces")
    if any(unicodedata.category(c) in _FORBIDDEN_CATEGORIES for c in label):
        raise CardInvalid("identity card: label contains control or invisible characters")
    return label


def canonical_age_recipient(text: object) -> str:
    """The canonical ``age1…`` form of an X25519 recipient, or :class:`CardInvalid`."""
    if not isinstance(text, str) or not text.isascii() or len(text) > 200:
        raise CardInvalid("identity card: age recipient must be an age1… string")
    try:
        recipient = pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        raise CardInvalid("identity card: not a valid age X25519 recipient") from None
    return str(recipient)


def fingerprint(ed25519: bytes, age: str) -> str:
    """30 digits in 6 groups of 5, over a domain-separated encoding of both keys."""
    age_bytes = age.encode("ascii")
    data = (
        _FINGERPRINT_DOMAIN
        + len(ed25519).to_bytes(2, "big")
        + ed25519
        + len(age_bytes).to_bytes(2, "big")
        + age_bytes
    )
    digest = hashlib.sha512(data).digest()
    for _ in range(_FINGERPRINT_ITERATIONS):
        digest = hashlib.sha512(digest + data).digest()
    groups = []
    for i in range(FINGERPRINT_GROUPS):
        chunk = int.from_bytes(digest[5 * i : 5 * i + 5], "big")  # 40 bits → 5 digits
        groups.append(f"{chunk % 10**FINGERPRINT_GROUP_DIGITS:05d}")
    return " ".join(groups)


@dataclass(frozen=True)
class IdentityCard:
    """Someone's public keys and the label they go by."""

    label: str
    ed25519: bytes
    age: str

    def __post_init__(self) -> None:
        check_label(self.label)
        if not isinstance(self.ed25519, bytes) or len(self.ed25519) != 32:
            raise CardInvalid("identity card: the Ed25519 key must be 32 bytes")
        if canonical_age_recipient(self.age) != self.age:
            raise CardInvalid("identity card: age recipient is not in canonical form")

    @cached_property
    def fingerprint(self) -> str:
        """Read-aloud fingerprint of both keys (the label plays no part)."""
        return fingerprint(self.ed25519, self.age)

    @property
    def key_id(self) -> bytes:
        return minisign.derive_key_id(self.ed25519)

    @property
    def minisign_public_key(self) -> str:
        """The ``RW…`` string that ``minisign -V -P`` takes."""
        return minisign.public_key_string(self.ed25519, self.key_id)

    def same_keys(self, other: IdentityCard) -> bool:
        """Whether both cards name the same keys (labels may differ)."""
        return self.ed25519 == other.ed25519 and self.age == other.age

    def verify_minisign(self, message: bytes, signature_text: str) -> str:
        """Check a signature made by this card's key; return its trusted comment."""
        return minisign.verify(self.ed25519, self.key_id, signature_text, message)

    def to_json(self) -> str:
        doc = {
            "format": CARD_FORMAT,
            "label": self.label,
            "ed25519": _strict.b64encode(self.ed25519),
            "minisign": self.minisign_public_key,
            "age": self.age,
            "fingerprint": self.fingerprint,
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> IdentityCard:
        """Parse strictly: every field present, typed, and consistent with the keys."""
        try:
            doc = _strict.exact_keys(
                _strict.loads_object(text, MAX_CARD_BYTES), _CARD_FIELDS, "identity card"
            )
            if doc["format"] != CARD_FORMAT:
                raise ValueError("unknown format (not a tic/1 identity card)")
            ed25519 = _strict.b64decode(doc["ed25519"], 32, "ed25519 key")
            minisign_key = _strict.string(doc, "minisign", "identity card")
            printed = _strict.string(doc, "fingerprint", "identity card")
        except ValueError as error:
            raise CardInvalid(f"identity card: {error}") from None
        card = cls(label=doc["label"], ed25519=ed25519, age=doc["age"])
        if minisign_key != card.minisign_public_key:
            raise CardInvalid("identity card: minisign key does not match the Ed25519 key")
        if printed != card.fingerprint:
            raise CardInvalid("identity card: fingerprint does not match its keys")
        return card
