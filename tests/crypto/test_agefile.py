from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyrage
import pytest

from crypto.agefile import decrypt_stream, encrypt_stream, recipient_from_string
from crypto.errors import AgeError, AgeNoIdentityMatches
from crypto.identity import Identity

AGE = shutil.which("age")
AGE_KEYGEN = shutil.which("age-keygen")
needs_age = pytest.mark.skipif(AGE is None or AGE_KEYGEN is None, reason="age not installed")
REPO = Path(__file__).resolve().parents[2]


def _tool(path: str | None) -> str:
    assert path is not None
    return path


@pytest.fixture(scope="module")
def identity() -> Identity:
    return Identity.generate()


def _encrypt(data: bytes, recipients: list[str]) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, recipients)
    return out.getvalue()


def _decrypt(data: bytes, identities: list[object]) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(data), out, identities)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 200_000])
def test_round_trip_sizes(identity: Identity, size: int) -> None:
    data = os.urandom(size)
    ciphertext = _encrypt(data, [identity.age_recipient])
    assert ciphertext.startswith(b"age-encryption.org/v1\n")
    assert _decrypt(ciphertext, [identity]) == data
    assert _decrypt(ciphertext, [identity.age_identity]) == data


def test_multiple_recipients_each_can_decrypt(identity: Identity) -> None:
    other = Identity.generate()
    ciphertext = _encrypt(b"for both", [identity.age_recipient, other.age_recipient])
    assert _decrypt(ciphertext, [identity]) == b"for both"
    assert _decrypt(ciphertext, [other]) == b"for both"


def test_wrong_identity_fails_with_specific_error(identity: Identity) -> None:
    ciphertext = _encrypt(b"secret", [identity.age_recipient])
    with pytest.raises(AgeNoIdentityMatches):
        _decrypt(ciphertext, [Identity.generate()])


def test_truncation_fails_everywhere(identity: Identity) -> None:
    data = os.urandom(70_000)  # two payload chunks
    ciphertext = _encrypt(data, [identity.age_recipient])
    header_end = ciphertext.index(b"\n---") + 1
    cuts = [0, 1, 10, header_end, header_end + 40, len(ciphertext) - 65_552]
    cuts += list(range(len(ciphertext) - 20, len(ciphertext)))
    for cut in cuts:
        with pytest.raises(AgeError):
            _decrypt(ciphertext[:cut], [identity])
    with pytest.raises(AgeError):
        _decrypt(ciphertext + b"\x00", [identity])


def test_every_flipped_byte_fails(identity: Identity) -> None:
    ciphertext = _encrypt(b"testimony" * 20, [identity.age_recipient])
    for i in range(len(ciphertext)):
        for mask in (0x01, 0x80):
            mutated = ciphertext[:i] + bytes([ciphertext[i] ^ mask]) + ciphertext[i + 1 :]
            with pytest.raises(AgeError):
                _decrypt(mutated, [identity])


def test_flipped_bytes_in_a_large_file_fail(identity: Identity) -> None:
    ciphertext = _encrypt(os.urandom(300_000), [identity.age_recipient])
    for i in range(0, len(ciphertext), 4099):
        mutated = ciphertext[:i] + bytes([ciphertext[i] ^ 0x04]) + ciphertext[i + 1 :]
        with pytest.raises(AgeError):
            _decrypt(mutated, [identity])


def test_recipient_validation(identity: Identity) -> None:
    assert str(recipient_from_string(identity.age_recipient)) == identity.age_recipient
    for bad in ("", "age1", "age1xyz", identity.age_secret_key_string(), "ssh-ed25519 AAAA", "é"):
        with pytest.raises(AgeError) as info:
            recipient_from_string(bad)
        assert "AGE-SECRET" not in str(info.value)
    with pytest.raises(AgeError):
        _encrypt(b"x", [])
    with pytest.raises(AgeError):
        _encrypt(b"x", ["age1notarecipient"])
    with pytest.raises(TypeError):
        _encrypt(b"x", identity.age_recipient)  # type: ignore[arg-type]


def test_garbage_input(identity: Identity) -> None:
    for data in (b"", b"not age", b"age-encryption.org/v1\n", os.urandom(1000)):
        with pytest.raises(AgeError):
            _decrypt(data, [identity])


class _FailingWriter:
    def __init__(self, after: int) -> None:
        self.left = after

    def write(self, data: bytes) -> int:
        if len(data) > self.left:
            raise OSError(28, "No space left on device")
        self.left -= len(data)
        return len(data)


class _FailingReader:
    def read(self, n: int = -1) -> bytes:
        raise PermissionError("cannot read")


def test_io_errors_are_not_reported_as_tampering(identity: Identity) -> None:
    data = os.urandom(200_000)
    with pytest.raises(OSError, match="No space") as info:
        encrypt_stream(io.BytesIO(data), _FailingWriter(1000), [identity.age_recipient])
    assert not isinstance(info.value, AgeError)
    ciphertext = _encrypt(data, [identity.age_recipient])
    with pytest.raises(OSError, match="No space") as info:
        decrypt_stream(io.BytesIO(ciphertext), _FailingWriter(70_000), [identity])
    assert not isinstance(info.value, AgeError)
    with pytest.raises(PermissionError):
        decrypt_stream(_FailingReader(), io.BytesIO(), [identity])
    with pytest.raises(PermissionError):
        encrypt_stream(_FailingReader(), io.BytesIO(), [identity.age_recipient])


@needs_age
def test_age_binary_decrypts_ours(tmp_path: Path, identity: Identity) -> None:
    data = os.urandom(150_000)
    (tmp_path / "blob.age").write_bytes(_encrypt(data, [identity.age_recipient]))
    key_file = tmp_path / "id.txt"
    key_file.write_text(identity.age_secret_key_string() + "\n")
    result = subprocess.run(
        [_tool(AGE), "-d", "-i", str(key_file), str(tmp_path / "blob.age")],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == data


@needs_age
def test_we_decrypt_age_binary_output(tmp_path: Path, identity: Identity) -> None:
    data = os.urandom(150_000)
    plain = tmp_path / "plain"
    plain.write_bytes(data)
    keygen = subprocess.run([_tool(AGE_KEYGEN)], capture_output=True, text=True, timeout=30)
    age_key = next(line for line in keygen.stdout.splitlines() if line.startswith("AGE-SECRET"))
    external = pyrage.x25519.Identity.from_str(age_key)
    out = tmp_path / "blob.age"
    recipients = ["-r", identity.age_recipient, "-r", str(external.to_public())]
    result = subprocess.run(
        [_tool(AGE), *recipients, "-o", str(out), str(plain)],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert _decrypt(out.read_bytes(), [identity]) == data
    assert _decrypt(out.read_bytes(), [external]) == data
    with pytest.raises(AgeNoIdentityMatches):
        _decrypt(out.read_bytes(), [Identity.generate()])


_MEMORY_PROBE = textwrap.dedent(
    """
    import hashlib, json, resource, sys
    from crypto.agefile import decrypt_stream, encrypt_stream
    from crypto.identity import Identity

    SIZE = int(sys.argv[1]); PATH = sys.argv[2]
    BLOCK = bytes(range(256)) * 4096  # 1 MiB

    class Pipe:
        # A pipe-like source: read() only, short reads, no seek/tell/len.
        def __init__(self):
            self.left, self.hash = SIZE, hashlib.sha256()
        def read(self, n=-1):
            if self.left <= 0:
                return b""
            n = min(self.left, 50_000 if n is None or n < 0 else min(n, 50_000))
            self.left -= n
            chunk = BLOCK[:n]
            self.hash.update(chunk)
            return chunk

    class Sink:
        def __init__(self):
            self.hash, self.size = hashlib.sha256(), 0
        def write(self, data):
            self.hash.update(data); self.size += len(data)
            return len(data)

    def peak():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux

    identity = Identity.generate()
    base = peak()
    source = Pipe()
    with open(PATH, "wb") as out:
        encrypt_stream(source, out, [identity.age_recipient])
    after_encrypt = peak()
    sink = Sink()
    with open(PATH, "rb") as src:
        decrypt_stream(src, sink, [identity])
    after_decrypt = peak()
    print(json.dumps({
        "same": sink.hash.digest() == source.hash.digest() and sink.size == SIZE,
        "encrypt_growth": after_encrypt - base,
        "decrypt_growth": after_decrypt - base,
    }))
    """
)


def test_streaming_memory_stays_bounded(tmp_path: Path) -> None:
    """128 MiB through a pipe-like reader: peak RSS must grow far less than the data."""
    size = 128 * 1024 * 1024
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(size), str(tmp_path / "big.age")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["same"]
    limit = 64 * 1024 * 1024
    assert report["encrypt_growth"] < limit, report
    assert report["decrypt_growth"] < limit, report
