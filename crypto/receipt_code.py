"""The MAC behind a consent receipt code: HMAC-SHA256 under a subkey of the data key.

A survivor's paper receipt carries a short code. Were it an unkeyed hash of the
record id and the consent, anyone holding a bundle (which has both) could tie the
paper to the record; keyed with a subkey only the store that made it can derive,
nobody else can compute or check a code. The subkey lives for one call and is wiped.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.hmac import HMAC

from crypto.secret import SecretBytes
from crypto.subkeys import RECEIPT_CODE_LABEL, derive_subkey


def receipt_mac(data_key: SecretBytes, message: bytes) -> bytes:
    """HMAC-SHA256 of ``message`` under the data key's receipt-code subkey (32 bytes)."""
    if not isinstance(message, bytes):
        raise TypeError("the receipt message must be bytes")
    with derive_subkey(data_key, RECEIPT_CODE_LABEL) as key:
        mac = HMAC(key.view(), hashes.SHA256())
        mac.update(message)
        return mac.finalize()
