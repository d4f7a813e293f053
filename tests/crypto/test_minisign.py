from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crypto import minisign
from crypto.errors import SignatureInvalid

MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(MINISIGN is None, reason="minisign binary not installed")

# RFC 8032 §7.1, TEST 1 and TEST 2.
RFC8032 = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e"
        "39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f"
        "3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
]


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_rfc8032_vectors_through_our_signing_call(
    secret: str, public: str, message: str, signature: str
) -> None:
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret))
    assert key.public_key().public_bytes_raw().hex() == public
    assert minisign.ed25519_sign(key, bytes.fromhex(message)).hex() == signature


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_rfc8032_keys_sign_minisign_that_verifies(
    secret: str, public: str, message: str, signature: str
) -> None:
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret))
    pub = bytes.fromhex(public)
    key_id = minisign.derive_key_id(pub)
    text = minisign.sign(key, key_id, bytes.fromhex(message), "trusted")
    assert minisign.verify(pub, key_id, text, bytes.fromhex(message)) == "trusted"
    # The first signature is Ed25519 over BLAKE2b-512(message): deterministic, so pin it.
    sig_blob = base64.b64decode(text.splitlines()[1])
    expected = key.sign(minisign.prehash(bytes.fromhex(message)))
    assert sig_blob == b"ED" + key_id + expected


@pytest.fixture
def keypair() -> tuple[Ed25519PrivateKey, bytes, bytes]:
    key = Ed25519PrivateKey.generate()
    pub = key.public_key().public_bytes_raw()
    return key, pub, minisign.derive_key_id(pub)


def test_format_of_signature_text(keypair: tuple[Ed25519PrivateKey, bytes, bytes]) -> None:
    key, _pub, key_id = keypair
    text = minisign.sign(key, key_id, b"data", "timestamp:1\tfile:manifest.json")
    lines = text.split("\n")
    assert len(lines) == 5 and lines[4] == ""
    assert lines[0] == "untrusted comment: signature from testimony-intake"
    assert lines[1].startswith("RUQ") or base64.b64decode(lines[1])[:2] == b"ED"
    assert lines[2] == "trusted comment: timestamp:1\tfile:manifest.json"
    assert len(base64.b64decode(lines[3])) == 64


def test_verify_rejects_tampering(keypair: tuple[Ed25519PrivateKey, bytes, bytes]) -> None:
    key, pub, key_id = keypair
    text = minisign.sign(key, key_id, b"manifest", "comment")
    assert minisign.verify(pub, key_id, text, b"manifest") == "comment"
    assert minisign.verify(pub, key_id, text.replace("\n", "\r\n"), b"manifest") == "comment"
    with pytest.raises(SignatureInvalid):
        minisign.verify(pub, key_id, text, b"manifesT")
    altered_comment = text.replace("comment: comment", "comment: c0mment")
    with pytest.raises(SignatureInvalid):
        minisign.verify(pub, key_id, altered_comment, b"manifest")
    other = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    with pytest.raises(SignatureInvalid):
        minisign.verify(other, key_id, text, b"manifest")
    with pytest.raises(SignatureInvalid, match="different key"):
        minisign.verify(pub, b"\x00" * 8, text, b"manifest")
    # Every character of the text: changed → refused (or harmless untrusted comment).
    untrusted_end = text.index("\n")
    for i in range(untrusted_end + 1, len(text)):
        for replacement in {"A", "/", "\n", " "} - {text[i]}:
            mutated = text[:i] + replacement + text[i + 1 :]
            with pytest.raises(SignatureInvalid):
                minisign.verify(pub, key_id, mutated, b"manifest")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "untrusted comment: x\nAAAA\ntrusted comment: y\nAAAA\n",
        "not a comment\nRUQ=\ntrusted comment: y\nAAAA\n",
        "untrusted comment: x\n\ntrusted comment: y\n\n\n\n",
        "x" * 20_000,
    ],
)
def test_verify_rejects_malformed(
    keypair: tuple[Ed25519PrivateKey, bytes, bytes], text: str
) -> None:
    _key, pub, key_id = keypair
    with pytest.raises(SignatureInvalid):
        minisign.verify(pub, key_id, text, b"m")


def test_legacy_signatures_are_refused(keypair: tuple[Ed25519PrivateKey, bytes, bytes]) -> None:
    key, pub, key_id = keypair
    signature = key.sign(b"m")
    global_sig = key.sign(signature + b"c")
    text = (
        "untrusted comment: legacy\n"
        + base64.b64encode(b"Ed" + key_id + signature).decode()
        + "\ntrusted comment: c\n"
        + base64.b64encode(global_sig).decode()
        + "\n"
    )
    with pytest.raises(SignatureInvalid, match="legacy"):
        minisign.verify(pub, key_id, text, b"m")


def test_comment_validation(keypair: tuple[Ed25519PrivateKey, bytes, bytes]) -> None:
    key, _pub, key_id = keypair
    for bad in ("two\nlines", "cr\r", "nul\0"):
        with pytest.raises(ValueError):
            minisign.sign(key, key_id, b"m", bad)
        with pytest.raises(ValueError):
            minisign.sign(key, key_id, b"m", "ok", bad)
    with pytest.raises(ValueError):
        minisign.sign(key, key_id, b"m", "x" * 9000)
    with pytest.raises(ValueError):
        minisign.sign(key, b"short", b"m", "ok")


def test_public_key_string_round_trip(keypair: tuple[Ed25519PrivateKey, bytes, bytes]) -> None:
    _key, pub, key_id = keypair
    text = minisign.public_key_string(pub, key_id)
    assert text.startswith("RW") and len(text) == 56
    assert minisign.parse_public_key_string(text) == (key_id, pub)
    assert minisign.derive_key_id(pub) == key_id  # deterministic
    for bad in ("", "RWQ", text[:-1], text + "A", "AAAA" + text[4:], text.replace("R", "!", 1)):
        with pytest.raises(ValueError):
            minisign.parse_public_key_string(bad)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    assert MINISIGN is not None
    return subprocess.run([MINISIGN, *args], capture_output=True, text=True, timeout=30)


@needs_minisign
def test_minisign_binary_verifies_our_signatures(
    tmp_path: Path, keypair: tuple[Ed25519PrivateKey, bytes, bytes]
) -> None:
    key, pub, key_id = keypair
    message = tmp_path / "manifest.json"
    message.write_bytes('{"format": "tib/1", "note": "단둥"}'.encode())
    sig = tmp_path / "manifest.sig"
    sig.write_text(minisign.sign(key, key_id, message.read_bytes(), "bundle 42 단둥"))
    pk = minisign.public_key_string(pub, key_id)
    for extra in ([], ["-H"]):
        result = _run("-V", *extra, "-P", pk, "-m", str(message), "-x", str(sig))
        assert result.returncode == 0, result.stderr
        assert "bundle 42 단둥" in result.stdout
    pub_file = tmp_path / "sender.pub"
    pub_file.write_text(minisign.public_key_file(pub, key_id))
    assert _run("-V", "-p", str(pub_file), "-m", str(message), "-x", str(sig)).returncode == 0
    # …and refuses a changed message, like we do.
    message.write_bytes(message.read_bytes() + b" ")
    assert _run("-V", "-P", pk, "-m", str(message), "-x", str(sig)).returncode != 0


@needs_minisign
def test_we_verify_minisign_binary_signatures(tmp_path: Path) -> None:
    pk_file, sk_file = tmp_path / "m.pub", tmp_path / "m.key"
    assert _run("-G", "-W", "-p", str(pk_file), "-s", str(sk_file)).returncode == 0
    key_id, pub = minisign.parse_public_key_string(pk_file.read_text().splitlines()[1])
    message = tmp_path / "file.bin"
    message.write_bytes(bytes(range(256)) * 100)
    result = _run("-S", "-s", str(sk_file), "-m", str(message), "-t", "from minisign")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "file.bin.minisig").read_text()
    assert minisign.verify(pub, key_id, text, message.read_bytes()) == "from minisign"
    with pytest.raises(SignatureInvalid):
        minisign.verify(pub, key_id, text, message.read_bytes()[:-1])
    # Legacy signatures from the real tool are refused too.
    legacy = _run("-S", "-l", "-s", str(sk_file), "-m", str(message), "-x", str(tmp_path / "l"))
    assert legacy.returncode == 0, legacy.stderr
    with pytest.raises(SignatureInvalid, match="legacy"):
        minisign.verify(pub, key_id, (tmp_path / "l").read_text(), message.read_bytes())
