"""Getting a passphrase or recovery key from the user: a TTY prompt or a file.

The text goes straight to :func:`crypto.passphrase.encode_passphrase` (NFC,
UTF-8, a wipeable buffer); the ``str`` forms live only inside these functions.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import BinaryIO

from crypto.passphrase import encode_passphrase
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from intake.errors import InvalidInput

MIN_PASSPHRASE_CHARS = 8
MAX_SECRET_FILE_BYTES = 64 * 1024


def from_text(text: str) -> SecretBytes:
    return encode_passphrase(text)


def read_first_line(source: str, stdin: BinaryIO | None = None) -> str:
    """First line of FILE (or of stdin for ``-``), without its line ending."""
    try:
        if source == "-":
            raw = (stdin or sys.stdin.buffer).read(MAX_SECRET_FILE_BYTES + 1)
        else:
            with Path(source).open("rb") as f:
                raw = f.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError as exc:
        raise InvalidInput("passphrase file", f"cannot read {source}: {exc.strerror}") from None
    if len(raw) > MAX_SECRET_FILE_BYTES:
        raise InvalidInput("passphrase file", f"{source} is too large to hold a passphrase")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("passphrase file", f"{source} is not UTF-8 text") from None
    return text.splitlines()[0] if text else ""


def _prompt(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise InvalidInput("passphrase", "no terminal to ask on; use --passphrase-file FILE "
                           "(or - for standard input)")
    return getpass.getpass(prompt)


def existing(source: str | None, stdin: BinaryIO | None = None,
             prompt: str = "Passphrase: ") -> SecretBytes:
    text = read_first_line(source, stdin) if source else _prompt(prompt)
    if not text:
        raise InvalidInput("passphrase", "the passphrase is empty")
    return from_text(text)


def new(source: str | None, stdin: BinaryIO | None = None,
        prompt: str = "New passphrase: ") -> SecretBytes:
    """A new passphrase: asked twice on a TTY; at least MIN_PASSPHRASE_CHARS characters."""
    if source:
        text = read_first_line(source, stdin)
    else:
        text = _prompt(prompt)
        if _prompt("Repeat it: ") != text:
            raise InvalidInput("passphrase", "the two passphrases differ")
    if len(text.strip()) < MIN_PASSPHRASE_CHARS:
        raise InvalidInput("passphrase", f"use at least {MIN_PASSPHRASE_CHARS} characters "
                           "(several words are best)")
    return from_text(text)


def weakness_warning(secret: SecretBytes) -> str | None:
    """zxcvbn's verdict, as a warning line when the passphrase is guessable."""
    try:
        from zxcvbn import zxcvbn
    except ImportError:
        return None
    result = zxcvbn(secret.bytes().decode("utf-8")[:100])
    if result["score"] >= 3:
        return None
    return ("warning: this passphrase could be guessed; a seized laptop gets offline "
            "guessing — consider four or more random words")


def recovery_key(source: str | None, stdin: BinaryIO | None = None) -> RecoveryKey:
    text = read_first_line(source, stdin) if source else _prompt("Recovery key: ")
    text = text.removeprefix("Recovery key:").strip()
    try:
        return RecoveryKey.parse(text)
    except ValueError as exc:
        raise InvalidInput("recovery key", str(exc)) from None
