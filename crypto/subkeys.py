"""Subkeys of the data key (DEK), with HKDF-SHA256 (RFC 5869) and distinct labels.

Every key the store uses is derived from the one DEK under its own ``info``
label, so no two purposes ever share a key, and changing the passphrase (which
only rewraps the DEK) leaves every subkey as it was.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.secret import SecretBytes

SQLCIPHER_KEY_LABEL = "testimony-intake/v1/sqlcipher"
BACKUP_KEY_LABEL = "testimony-intake/v1/backup"
RECEIPT_CODE_LABEL = "testimony-intake/v1/consent-receipt-code"

_LABEL_PREFIX = "testimony-intake/"
_MAX_LENGTH = 255 * 32  # RFC 5869: L ≤ 255·HashLen


def hkdf_sha256(
    ikm: bytes | bytearray | SecretBytes, salt: bytes | None, info: bytes, length: int = 32
) -> SecretBytes:
    """HKDF-SHA256 (extract then expand) into a wipeable buffer.

    The one HKDF call of this package: subkeys and the recovery slot's KEK
    both go through it, and it is checked against RFC 5869's test vectors.
    """
    if not 1 <= length <= _MAX_LENGTH:
        raise ValueError("HKDF output length out of range")
    out = bytearray(length)
    material = ikm.view() if isinstance(ikm, SecretBytes) else ikm
    HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive_into(
        material, out
    )
    return SecretBytes._adopt(out)


def derive_subkey(dek: SecretBytes, label: str, length: int = 32) -> SecretBytes:
    """The subkey of ``dek`` for ``label`` (HKDF-SHA256, no salt: the DEK is uniform)."""
    if not isinstance(dek, SecretBytes):
        raise TypeError("the data key must be a SecretBytes")
    if not label.startswith(_LABEL_PREFIX) or len(label) <= len(_LABEL_PREFIX):
        raise ValueError(f"subkey labels must start with {_LABEL_PREFIX!r}")
    return hkdf_sha256(dek, None, label.encode("utf-8"), length)
