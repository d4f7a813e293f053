from __future__ import annotations

import copy
import pickle

import pytest

from crypto.passphrase import encode_passphrase
from crypto.secret import SecretBytes


def test_copies_and_zeroes_callers_bytearray() -> None:
    source = bytearray(b"\x01\x02\x03\x04")
    secret = SecretBytes(source)
    assert source == bytearray(4)
    assert secret.bytes() == b"\x01\x02\x03\x04"
    assert len(secret) == 4


def test_bytes_argument_is_copied() -> None:
    secret = SecretBytes(b"abc")
    assert secret.bytes() == b"abc"


def test_rejects_str() -> None:
    with pytest.raises(TypeError):
        SecretBytes("key")  # type: ignore[arg-type]


def test_random_is_random_and_sized() -> None:
    a, b = SecretBytes.random(32), SecretBytes.random(32)
    assert len(a) == 32
    assert a != b
    with pytest.raises(ValueError):
        SecretBytes.random(0)


def test_hex_literal_is_sqlcipher_raw_key_syntax() -> None:
    secret = SecretBytes(bytes(range(32)))
    literal = secret.hex_literal()
    assert isinstance(literal, bytearray)
    assert literal == bytearray(b"x'" + bytes(range(32)).hex().encode() + b"'")
    assert len(literal) == 67


def test_wipe_zeroes_and_blocks_further_use() -> None:
    secret = SecretBytes(b"\xff" * 8)
    view = secret.view()
    secret.wipe()
    assert bytes(view) == bytes(8)
    assert secret.wiped
    for use in (secret.bytes, secret.hex_literal, secret.view, secret.__len__):
        with pytest.raises(ValueError):
            use()
    secret.wipe()  # idempotent


def test_context_manager_wipes_on_exit_even_on_error() -> None:
    with pytest.raises(RuntimeError), SecretBytes(b"\x07" * 4) as secret:
        view = secret.view()
        raise RuntimeError
    assert bytes(view) == bytes(4)
    assert secret.wiped


def test_view_is_read_only() -> None:
    view = SecretBytes(b"abcd").view()
    with pytest.raises(TypeError):
        view[0] = 0  # type: ignore[index]


def test_repr_and_str_never_show_content() -> None:
    secret = SecretBytes(b"TOPSECRET")
    for text in (repr(secret), str(secret), f"{secret}"):
        assert "TOPSECRET" not in text
        assert "544f50" not in text.lower()
    assert "9 bytes" in repr(secret)


def test_equality_by_content_and_unhashable() -> None:
    assert SecretBytes(b"abc") == SecretBytes(b"abc")
    assert SecretBytes(b"abc") != SecretBytes(b"abd")
    assert SecretBytes(b"abc") != b"abc"
    with pytest.raises(TypeError):
        hash(SecretBytes(b"abc"))


def test_cannot_be_pickled_or_copied() -> None:
    secret = SecretBytes(b"abc")
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.copy(secret)
    with pytest.raises(TypeError):
        copy.deepcopy(secret)


def test_encode_passphrase_normalises_korean_to_nfc() -> None:
    composed = "단둥"
    decomposed = "\u1103\u1161\u11ab\u1103\u116e\u11bc"  # the same syllables as jamo (NFD)
    assert composed != decomposed
    assert encode_passphrase(composed) == encode_passphrase(decomposed)
    assert encode_passphrase(" pass ").bytes() == b" pass "  # spaces are kept
    with pytest.raises(ValueError):
        encode_passphrase("")


def test_garbage_collected_secret_is_zeroed() -> None:
    secret = SecretBytes(b"\x42" * 16)
    view = secret.view()  # keeps the buffer alive after the object is gone
    del secret
    assert bytes(view) == bytes(16)
