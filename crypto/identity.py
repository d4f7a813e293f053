"""A store's own identity: an Ed25519 signing key and an age X25519 identity.

Both secrets live only inside the encrypted store, serialised by
:meth:`Identity.to_secret_json`. What leaves the store is the public
:class:`~crypto.card.IdentityCard`.

Unavoidable copies: ``cryptography`` returns the Ed25519 seed as ``bytes`` and
pyrage takes and gives the age key as a ``str``; neither can be wiped. They are
made only when serialising or exporting, and dropped at once.
"""

from __future__ import annotations

import base64
from typing import NoReturn

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crypto import _strict, minisign
from crypto.card import IdentityCard
from crypto.errors import KeyFileInvalid
from crypto.secret import SecretBytes

__all__ = ["Identity", "IdentityCard"]

SECRET_FORMAT = "tid/1"
_SECRET_FIELDS = {"format", "ed25519", "age"}
_MAX_SECRET_BYTES = 4096
_AGE_SECRET_PREFIX = "AGE-SECRET-KEY-1"


class Identity:
    """Signing and decryption keys of one store. Never printed, never pickled."""

    __slots__ = ("_signing_key", "_age_identity")

    def __init__(
        self, signing_key: Ed25519PrivateKey, age_identity: pyrage.x25519.Identity
    ) -> None:
        if not isinstance(signing_key, Ed25519PrivateKey):
            raise TypeError("signing_key must be an Ed25519PrivateKey")
        if not isinstance(age_identity, pyrage.x25519.Identity):
            raise TypeError("age_identity must be a pyrage.x25519.Identity")
        self._signing_key = signing_key
        self._age_identity = age_identity

    @classmethod
    def generate(cls) -> Identity:
        return cls(Ed25519PrivateKey.generate(), pyrage.x25519.Identity.generate())

    # -- the secret form kept inside the store ---------------------------------

    def to_secret_json(self) -> SecretBytes:
        """``{"age": "AGE-SECRET-KEY-1…", "ed25519": b64(seed), "format": "tid/1"}``."""
        seed = base64.b64encode(self._signing_key.private_bytes_raw())
        buf = bytearray(b'{"age":"')
        buf += str(self._age_identity).encode("ascii")
        buf += b'","ed25519":"'
        buf += seed
        buf += b'","format":"' + SECRET_FORMAT.encode("ascii") + b'"}'
        return SecretBytes(buf)  # zeroes ``buf``

    @classmethod
    def from_secret_json(cls, secret: SecretBytes) -> Identity:
        """Inverse of :meth:`to_secret_json`; :class:`KeyFileInvalid` if malformed.

        ``secret`` is left intact: the caller wipes it.
        """
        try:
            doc = _strict.exact_keys(
                _strict.loads_object(secret.bytes(), _MAX_SECRET_BYTES),
                _SECRET_FIELDS,
                "stored identity",
            )
            if doc["format"] != SECRET_FORMAT:
                raise ValueError("unknown format")
            seed = _strict.b64decode(doc["ed25519"], 32, "Ed25519 seed")
            age_text = _strict.string(doc, "age", "stored identity")
            if not age_text.startswith(_AGE_SECRET_PREFIX):
                raise ValueError("the age key is not an X25519 secret key")
            age_identity = pyrage.x25519.Identity.from_str(age_text)
        except (ValueError, pyrage.IdentityError) as error:
            reason = str(error) if isinstance(error, ValueError) else "age key is invalid"
            raise KeyFileInvalid(f"stored identity: {reason}") from None
        return cls(Ed25519PrivateKey.from_private_bytes(seed), age_identity)

    # -- public parts -----------------------------------------------------------

    @property
    def ed25519_public(self) -> bytes:
        return self._signing_key.public_key().public_bytes_raw()

    @property
    def key_id(self) -> bytes:
        """The minisign key id (derived from the public key)."""
        return minisign.derive_key_id(self.ed25519_public)

    @property
    def age_recipient(self) -> str:
        """This identity's ``age1…`` recipient, to encrypt blobs to ourselves."""
        return str(self._age_identity.to_public())

    @property
    def age_identity(self) -> pyrage.x25519.Identity:
        """The pyrage identity, for :func:`crypto.agefile.decrypt_stream`."""
        return self._age_identity

    def public(self, label: str) -> IdentityCard:
        return IdentityCard(label=label, ed25519=self.ed25519_public, age=self.age_recipient)

    # -- using the secrets ------------------------------------------------------

    def sign_minisign(self, message: bytes, trusted_comment: str) -> str:
        """A ``.minisig`` text (prehashed) that ``minisign -V -P <card key>`` accepts."""
        return minisign.sign(self._signing_key, self.key_id, message, trusted_comment)

    def age_secret_key_string(self) -> str:
        """``AGE-SECRET-KEY-1…``, for ``identity export-age-key`` only.

        A ``str`` that cannot be wiped: write it out and drop it.
        """
        return str(self._age_identity)

    def __repr__(self) -> str:
        return "<Identity (secret keys hidden)>"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("Identity cannot be pickled")

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("Identity cannot be pickled")
