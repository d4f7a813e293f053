"""The key file: the data key (DEK) wrapped once per way in, and nothing secret in clear.

The file format is in :mod:`crypto.keyfile` (re-exported here).

Each slot's KEK comes from its secret (Argon2id of the passphrase; HKDF of the
recovery key). From the KEK, HKDF derives an AEAD key and a 32-byte key
commitment; ``sealed_dek`` is ``commitment ‖ ChaCha20-Poly1305(DEK)`` with the
slot's header (format, store id, slot id, kind, kdf, salt) as associated data.
So a changed header byte, store id, nonce or ciphertext is refused, and the
commitment makes the slot open under exactly one key (ChaCha20-Poly1305 alone
is not key-committing, which partitioning-oracle attacks exploit).

Every KEK is fresh (fresh salt per slot), so the random nonce never repeats
under a key. Deleting every slot (or the file) is the crypto-erase.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from crypto.atomicfile import StrPath, atomic_write_bytes
from crypto.errors import KeyFileInvalid, WrongKey
from crypto.kdf import PRODUCTION, SALT_LENGTH, Argon2Params, KdfPolicy, check_params, derive_kek
from crypto.keyfile import (
    COMMITMENT_LENGTH,
    DEK_LENGTH,
    MAX_KEYFILE_BYTES,
    NONCE_LENGTH,
    SEALED_LENGTH,
    KeyFile,
    KeySlot,
    SlotKind,
    check_id,
)
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from crypto.subkeys import hkdf_sha256

__all__ = [
    "KeyFile",
    "KeySlot",
    "SlotKind",
    "create_keyfile",
    "new_dek",
    "read_keyfile",
    "unlock_with_passphrase",
    "unlock_with_recovery",
    "with_new_passphrase",
    "write_keyfile",
]

_RECOVERY_KEK_INFO = b"testimony-intake/v1/keyslot/recovery-kek"
_AEAD_KEY_INFO = b"testimony-intake/v1/keyslot/aead-key"
_COMMITMENT_INFO = b"testimony-intake/v1/keyslot/key-commitment"

Passphrase = bytes | bytearray | SecretBytes


def _slot_keys(kek: SecretBytes) -> tuple[SecretBytes, SecretBytes]:
    aead_key = hkdf_sha256(kek, None, _AEAD_KEY_INFO)
    commitment = hkdf_sha256(kek, None, _COMMITMENT_INFO, COMMITMENT_LENGTH)
    return aead_key, commitment


def _recovery_kek(recovery_key: RecoveryKey, salt: bytes) -> SecretBytes:
    # The recovery key is 128 uniformly random bits: guessing it is hopeless
    # however fast each guess is, so it needs extraction, not stretching.
    return hkdf_sha256(recovery_key.secret, salt, _RECOVERY_KEK_INFO)


def _seal(kek: SecretBytes, dek: SecretBytes, slot: KeySlot, store_id: str) -> KeySlot:
    """A copy of ``slot`` (its header fields set) with a fresh nonce and ``sealed_dek``."""
    aead_key, commitment = _slot_keys(kek)
    try:
        nonce = os.urandom(NONCE_LENGTH)
        ciphertext = ChaCha20Poly1305(aead_key.view()).encrypt(
            nonce, dek.view(), slot.header(store_id)
        )
        sealed = commitment.bytes() + ciphertext  # the commitment is public by design
    finally:
        aead_key.wipe()
        commitment.wipe()
    return KeySlot(slot.slot_id, slot.kind, slot.kdf, slot.salt, nonce, sealed)


def _open(kek: SecretBytes, slot: KeySlot, store_id: str) -> SecretBytes:
    """The DEK, or :class:`WrongKey` (commitment or tag mismatch: indistinguishable)."""
    aead_key, commitment = _slot_keys(kek)
    out = bytearray(DEK_LENGTH)
    try:
        if not hmac.compare_digest(commitment.view(), slot.sealed_dek[:COMMITMENT_LENGTH]):
            raise WrongKey()
        ChaCha20Poly1305(aead_key.view()).decrypt_into(
            slot.nonce, slot.sealed_dek[COMMITMENT_LENGTH:], slot.header(store_id), out
        )
    except InvalidTag:
        # decrypt_into writes the unauthenticated plaintext before checking the tag.
        out[:] = bytes(DEK_LENGTH)
        raise WrongKey() from None
    finally:
        aead_key.wipe()
        commitment.wipe()
    return SecretBytes._adopt(out)


def _check_dek(dek: SecretBytes) -> None:
    if not isinstance(dek, SecretBytes) or len(dek) != DEK_LENGTH:
        raise ValueError("the data key must be 32 bytes in a SecretBytes")


def _check_passphrase(passphrase: Passphrase) -> None:
    if not isinstance(passphrase, bytes | bytearray | SecretBytes):
        raise TypeError("pass the passphrase as bytes (see crypto.passphrase.encode_passphrase)")


def _passphrase_slot(
    store_id: str, dek: SecretBytes, passphrase: Passphrase, params: Argon2Params
) -> KeySlot:
    _check_passphrase(passphrase)
    if len(passphrase) == 0:
        raise ValueError("the passphrase is empty")
    salt = os.urandom(SALT_LENGTH)
    template = KeySlot(
        secrets.token_hex(8), "passphrase", params, salt, bytes(NONCE_LENGTH), bytes(SEALED_LENGTH)
    )
    with derive_kek(passphrase, salt, params) as kek:
        return _seal(kek, dek, template, store_id)


def _recovery_slot(store_id: str, dek: SecretBytes, recovery_key: RecoveryKey) -> KeySlot:
    salt = os.urandom(SALT_LENGTH)
    template = KeySlot(
        secrets.token_hex(8), "recovery", None, salt, bytes(NONCE_LENGTH), bytes(SEALED_LENGTH)
    )
    with _recovery_kek(recovery_key, salt) as kek:
        return _seal(kek, dek, template, store_id)


def new_dek() -> SecretBytes:
    """A fresh 32-byte data key, made once per store."""
    return SecretBytes.random(DEK_LENGTH)


def create_keyfile(
    store_id: str,
    dek: SecretBytes,
    passphrase: Passphrase,
    recovery_key: RecoveryKey,
    params: Argon2Params,
    *,
    policy: KdfPolicy = PRODUCTION,
) -> KeyFile:
    """A key file with one passphrase slot and one recovery slot for ``dek``.

    ``params`` must satisfy ``policy`` (get them from ``kdf.calibrate``): a
    slot that :func:`unlock_with_passphrase` would refuse is never written.
    """
    _check_dek(dek)
    check_id(store_id, "store id")
    check_params(params, policy)
    return KeyFile(
        store_id,
        (
            _passphrase_slot(store_id, dek, passphrase, params),
            _recovery_slot(store_id, dek, recovery_key),
        ),
    )


def unlock_with_passphrase(
    keyfile: KeyFile, passphrase: Passphrase, policy: KdfPolicy = PRODUCTION
) -> SecretBytes:
    """The DEK, or :class:`WrongKey`. Every slot's parameters are checked before any Argon2 run."""
    _check_passphrase(passphrase)
    # KeySlot guarantees a passphrase slot has parameters; check them all first.
    slots = [(slot, slot.kdf) for slot in keyfile.slots_of("passphrase") if slot.kdf is not None]
    for _slot, params in slots:
        check_params(params, policy)
    for slot, params in slots:
        with derive_kek(passphrase, slot.salt, params) as kek:
            try:
                return _open(kek, slot, keyfile.store_id)
            except WrongKey:
                continue
    raise WrongKey()


def unlock_with_recovery(keyfile: KeyFile, recovery_key: RecoveryKey) -> SecretBytes:
    """The DEK, or :class:`WrongKey`."""
    for slot in keyfile.slots_of("recovery"):
        with _recovery_kek(recovery_key, slot.salt) as kek:
            try:
                return _open(kek, slot, keyfile.store_id)
            except WrongKey:
                continue
    raise WrongKey()


def with_new_passphrase(
    keyfile: KeyFile,
    dek: SecretBytes,
    new_passphrase: Passphrase,
    params: Argon2Params,
    *,
    policy: KdfPolicy = PRODUCTION,
) -> KeyFile:
    """A key file whose passphrase slot(s) are replaced by one for ``new_passphrase``.

    Recovery slots are kept as they are. Only the DEK is rewrapped; the data
    is not touched. ``dek`` must be the DEK just unlocked from ``keyfile``:
    this cannot be checked here, so unlock, then call this, then write.
    """
    _check_dek(dek)
    check_params(params, policy)
    kept: Iterable[KeySlot] = (s for s in keyfile.slots if s.kind != "passphrase")
    new_slot = _passphrase_slot(keyfile.store_id, dek, new_passphrase, params)
    return KeyFile(keyfile.store_id, (new_slot, *kept))


def read_keyfile(path: StrPath) -> KeyFile:
    """Read and parse ``path``. A missing file raises ``FileNotFoundError`` (an OSError)."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_KEYFILE_BYTES + 1)
    if len(data) > MAX_KEYFILE_BYTES:
        raise KeyFileInvalid(f"larger than {MAX_KEYFILE_BYTES} bytes")
    if not data:
        raise KeyFileInvalid("the file is empty")
    return KeyFile.from_bytes(data)


def write_keyfile(path: StrPath, keyfile: KeyFile) -> None:
    """Replace ``path`` atomically and durably (mode 0600)."""
    atomic_write_bytes(path, keyfile.to_bytes())
