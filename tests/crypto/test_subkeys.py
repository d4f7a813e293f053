from __future__ import annotations

import itertools

import pytest

from crypto.secret import SecretBytes
from crypto.subkeys import BACKUP_KEY_LABEL, SQLCIPHER_KEY_LABEL, derive_subkey, hkdf_sha256


def test_rfc5869_test_case_1_through_our_hkdf() -> None:
    okm = hkdf_sha256(
        SecretBytes(b"\x0b" * 22),
        bytes(range(0x00, 0x0D)),
        bytes(range(0xF0, 0xFA)),
        42,
    )
    assert okm.bytes() == bytes.fromhex(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_rfc5869_test_case_3_no_salt_no_info() -> None:
    # The path derive_subkey uses: salt None (= HashLen zeros).
    okm = hkdf_sha256(SecretBytes(b"\x0b" * 22), None, b"", 42)
    assert okm.bytes() == bytes.fromhex(
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    )


def test_derive_subkey_is_hkdf_with_label_as_info() -> None:
    dek = SecretBytes.random(32)
    expected = hkdf_sha256(dek, None, SQLCIPHER_KEY_LABEL.encode())
    assert derive_subkey(dek, SQLCIPHER_KEY_LABEL) == expected
    assert len(derive_subkey(dek, BACKUP_KEY_LABEL, 64)) == 64


def test_distinct_labels_give_distinct_keys() -> None:
    dek = SecretBytes.random(32)
    labels = [SQLCIPHER_KEY_LABEL, BACKUP_KEY_LABEL, "testimony-intake/v1/other"]
    assert len(set(labels)) == len(labels)
    keys = [derive_subkey(dek, label) for label in labels]
    for a, b in itertools.combinations(keys, 2):
        assert a != b


def test_subkeys_are_deterministic_per_dek() -> None:
    dek = SecretBytes(bytes(32))
    other = SecretBytes(b"\x01" + bytes(31))
    assert derive_subkey(dek, SQLCIPHER_KEY_LABEL) == derive_subkey(dek, SQLCIPHER_KEY_LABEL)
    assert derive_subkey(dek, SQLCIPHER_KEY_LABEL) != derive_subkey(other, SQLCIPHER_KEY_LABEL)


def test_subkey_hex_literal_for_sqlcipher() -> None:
    key = derive_subkey(SecretBytes.random(32), SQLCIPHER_KEY_LABEL)
    literal = key.hex_literal()
    assert literal.startswith(b"x'") and literal.endswith(b"'") and len(literal) == 67


def test_rejects_unlabelled_or_foreign_labels() -> None:
    dek = SecretBytes.random(32)
    for label in ("", "sqlcipher", "testimony-intake/"):
        with pytest.raises(ValueError):
            derive_subkey(dek, label)
    with pytest.raises(TypeError):
        derive_subkey(b"\x00" * 32, SQLCIPHER_KEY_LABEL)  # type: ignore[arg-type]
