"""minisign signatures (prehashed ``ED`` format) made and checked with ``cryptography``.

A bundle's ``manifest.sig`` must verify with the standard ``minisign -V``
(and ``-H``) against the sender's card, without trusting this application.

Signature file (``.minisig``), four lines::

    untrusted comment: <text>
    base64("ED" ‖ key_id(8) ‖ Ed25519(BLAKE2b-512(message)))
    trusted comment: <text>
    base64(Ed25519(signature ‖ trusted comment))

Public key: ``base64("Ed" ‖ key_id(8) ‖ public_key(32))``.

Legacy ``Ed`` signatures (Ed25519 over the raw message) are refused with
:class:`SignatureInvalid`: this application never makes them, ``minisign -H``
refuses them too, and accepting two forms only widens what must be reviewed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from crypto.errors import SignatureInvalid

KEY_ID_LENGTH = 8
PUBLIC_KEY_LENGTH = 32
SIGNATURE_LENGTH = 64
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
MAX_UNTRUSTED_COMMENT_BYTES = 1024 - len(UNTRUSTED_PREFIX) - 2  # minisign's COMMENTMAXBYTES
MAX_TRUSTED_COMMENT_BYTES = 8192 - len(TRUSTED_PREFIX) - 2  # TRUSTEDCOMMENTMAXBYTES
MAX_SIGNATURE_TEXT = 16 * 1024
_KEY_ALG = b"Ed"
_SIG_ALG_HASHED = b"ED"
_SIG_ALG_LEGACY = b"Ed"
_KEY_ID_DOMAIN = b"testimony-intake/v1/minisign-key-id"


def derive_key_id(public_key: bytes) -> bytes:
    """The 8-byte minisign key id, a pure function of the public key.

    First 8 bytes of BLAKE2b-256 over a domain label and the key. minisign
    itself picks key ids at random; deriving it makes an identity card a
    function of its keys alone, so two cards for one key never differ.
    """
    _check_public_key(public_key)
    return hashlib.blake2b(_KEY_ID_DOMAIN + public_key, digest_size=32).digest()[:KEY_ID_LENGTH]


def _check_public_key(public_key: bytes) -> None:
    if not isinstance(public_key, bytes) or len(public_key) != PUBLIC_KEY_LENGTH:
        raise ValueError("an Ed25519 public key is 32 bytes")


def _check_key_id(key_id: bytes) -> None:
    if not isinstance(key_id, bytes) or len(key_id) != KEY_ID_LENGTH:
        raise ValueError("a minisign key id is 8 bytes")


def _check_comment(comment: str, max_bytes: int, what: str) -> None:
    if not isinstance(comment, str):
        raise TypeError(f"the {what} comment must be text")
    if any(c in comment for c in "\r\n\0"):
        raise ValueError(f"the {what} comment must be one line")
    if len(comment.encode("utf-8")) > max_bytes:
        raise ValueError(f"the {what} comment is longer than {max_bytes} bytes")


def ed25519_sign(private_key: Ed25519PrivateKey, data: bytes) -> bytes:
    """Plain Ed25519 (RFC 8032): the one signing call minisign signatures go through."""
    return private_key.sign(data)


def prehash(message: bytes) -> bytes:
    """BLAKE2b-512 of the message, as minisign's ``ED`` mode signs it."""
    return hashlib.blake2b(message, digest_size=64).digest()


def sign(
    private_key: Ed25519PrivateKey,
    key_id: bytes,
    message: bytes,
    trusted_comment: str,
    untrusted_comment: str = "signature from testimony-intake",
) -> str:
    """The exact text of a ``.minisig`` file for ``message`` (prehashed ``ED`` format)."""
    _check_key_id(key_id)
    _check_comment(trusted_comment, MAX_TRUSTED_COMMENT_BYTES, "trusted")
    _check_comment(untrusted_comment, MAX_UNTRUSTED_COMMENT_BYTES, "untrusted")
    signature = ed25519_sign(private_key, prehash(message))
    global_signature = ed25519_sign(private_key, signature + trusted_comment.encode("utf-8"))
    line1 = base64.b64encode(_SIG_ALG_HASHED + key_id + signature).decode("ascii")
    line2 = base64.b64encode(global_signature).decode("ascii")
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n{line1}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n{line2}\n"
    )


def _b64(text: str, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise SignatureInvalid(f"malformed signature: {what} is not base64") from None
    if len(raw) != length or base64.b64encode(raw).decode("ascii") != text:
        raise SignatureInvalid(f"malformed signature: {what} has the wrong length")
    return raw


def verify(public_key: bytes, key_id: bytes, signature_text: str, message: bytes) -> str:
    """Check a ``.minisig`` text against ``message``; return the trusted comment.

    Raises :class:`SignatureInvalid` for malformed text, a legacy ``Ed``
    signature, a key id other than ``key_id``, or a signature that does not
    verify (over the message, or over the trusted comment).
    """
    _check_public_key(public_key)
    _check_key_id(key_id)
    if not isinstance(signature_text, str) or len(signature_text) > MAX_SIGNATURE_TEXT:
        raise SignatureInvalid("malformed signature: not a minisign signature text")
    lines = signature_text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    if len(lines) != 4:
        raise SignatureInvalid("malformed signature: a minisign signature has four lines")
    untrusted, sig_line, trusted_line, global_line = lines
    if not untrusted.startswith(UNTRUSTED_PREFIX) or not trusted_line.startswith(TRUSTED_PREFIX):
        raise SignatureInvalid("malformed signature: missing comment line")
    blob = _b64(sig_line, 2 + KEY_ID_LENGTH + SIGNATURE_LENGTH, "the signature line")
    algorithm, sig_key_id, signature = blob[:2], blob[2:10], blob[10:]
    if algorithm == _SIG_ALG_LEGACY:
        raise SignatureInvalid("legacy (non-prehashed) minisign signatures are not accepted")
    if algorithm != _SIG_ALG_HASHED:
        raise SignatureInvalid("unknown minisign signature algorithm")
    if sig_key_id != key_id:
        raise SignatureInvalid("the signature was made with a different key")
    global_signature = _b64(global_line, SIGNATURE_LENGTH, "the trusted comment signature")
    trusted_comment = trusted_line[len(TRUSTED_PREFIX) :]
    try:
        comment_bytes = trusted_comment.encode("utf-8")
    except UnicodeEncodeError:
        raise SignatureInvalid("malformed signature: the trusted comment is not text") from None
    if not isinstance(message, bytes | bytearray | memoryview):
        raise TypeError("the signed message must be bytes")
    verifier = Ed25519PublicKey.from_public_bytes(public_key)
    try:
        verifier.verify(signature, prehash(message))
    except InvalidSignature:
        raise SignatureInvalid("the signature does not match the data") from None
    try:
        verifier.verify(global_signature, signature + comment_bytes)
    except InvalidSignature:
        raise SignatureInvalid("the trusted comment was altered") from None
    return trusted_comment


def public_key_string(public_key: bytes, key_id: bytes) -> str:
    """minisign's public key form: ``RW…`` (base64 of "Ed" ‖ key id ‖ key)."""
    _check_public_key(public_key)
    _check_key_id(key_id)
    return base64.b64encode(_KEY_ALG + key_id + public_key).decode("ascii")


def public_key_file(public_key: bytes, key_id: bytes) -> str:
    """The two-line ``minisign.pub`` file, for ``minisign -V -p FILE``."""
    hex_id = key_id[::-1].hex().upper()  # minisign shows the id as a little-endian integer
    key_line = public_key_string(public_key, key_id)
    return f"{UNTRUSTED_PREFIX}minisign public key {hex_id}\n{key_line}\n"


def parse_public_key_string(text: str) -> tuple[bytes, bytes]:
    """``(key_id, public_key)`` from an ``RW…`` string; ``ValueError`` if malformed."""
    if not isinstance(text, str):
        raise ValueError("a minisign public key is text")
    try:
        raw = base64.b64decode(text.strip().encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise ValueError("not a minisign public key (bad base64)") from None
    if len(raw) != 2 + KEY_ID_LENGTH + PUBLIC_KEY_LENGTH or raw[:2] != _KEY_ALG:
        raise ValueError("not a minisign Ed25519 public key")
    if base64.b64encode(raw).decode("ascii") != text.strip():
        raise ValueError("not a minisign public key (non-canonical base64)")
    return raw[2:10], raw[10:]
