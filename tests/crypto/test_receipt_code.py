from __future__ import annotations

import hashlib
import hmac

import pytest

import crypto.keyslots
import crypto.subkeys
from crypto.receipt_code import receipt_mac
from crypto.secret import SecretBytes
from crypto.subkeys import RECEIPT_CODE_LABEL, derive_subkey


def _independent(dek: bytes, message: bytes) -> bytes:
    """HKDF-SHA256 (no salt, label as info, 32 bytes) then HMAC, with the stdlib only."""
    prk = hmac.new(bytes(32), dek, hashlib.sha256).digest()
    okm = hmac.new(prk, RECEIPT_CODE_LABEL.encode() + b"\x01", hashlib.sha256).digest()
    return hmac.new(okm, message, hashlib.sha256).digest()


def test_known_answer() -> None:
    dek = bytes(range(32))
    message = b"tic-receipt/2\nT-1\n" + b"ab" * 32
    assert receipt_mac(SecretBytes(dek), message) == _independent(dek, message)
    # Pinned, so a change of label or construction cannot pass unnoticed: codes already
    # printed on paper must keep matching.
    assert receipt_mac(SecretBytes(bytes(32)), b"message").hex() == (
        "3c1b4fec31a84e172ba8817dab3df3278da6431a05c3e41e4137ea45d1b7cff1")


def test_depends_on_key_and_message() -> None:
    a, b = SecretBytes(bytes(32)), SecretBytes(b"\x01" + bytes(31))
    assert receipt_mac(a, b"m") != receipt_mac(b, b"m")
    assert receipt_mac(a, b"m") != receipt_mac(a, b"n")
    assert receipt_mac(a, b"m") == receipt_mac(a, b"m")


def test_is_not_the_hmac_under_the_data_key_itself() -> None:
    dek = bytes(range(32))
    assert receipt_mac(SecretBytes(dek), b"m") != hmac.new(dek, b"m", hashlib.sha256).digest()


def test_label_differs_from_every_other_label() -> None:
    labels = [v for k, v in vars(crypto.subkeys).items() if k.endswith("_LABEL")]
    infos = [v.decode() for k, v in vars(crypto.keyslots).items()
             if k.endswith("_INFO") and isinstance(v, bytes)]
    assert labels.count(RECEIPT_CODE_LABEL) == 1
    assert RECEIPT_CODE_LABEL not in infos
    assert len(labels) >= 3 and len(infos) >= 3


def test_subkey_differs_from_the_other_subkeys() -> None:
    dek = SecretBytes.random(32)
    mine = derive_subkey(dek, RECEIPT_CODE_LABEL)
    for label in (crypto.subkeys.SQLCIPHER_KEY_LABEL, crypto.subkeys.BACKUP_KEY_LABEL):
        assert derive_subkey(dek, label) != mine


def test_bad_input() -> None:
    with pytest.raises(TypeError):
        receipt_mac(b"\x00" * 32, b"m")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        receipt_mac(SecretBytes(bytes(32)), "m")  # type: ignore[arg-type]
    wiped = SecretBytes(bytes(32))
    wiped.wipe()
    with pytest.raises(ValueError):
        receipt_mac(wiped, b"m")
