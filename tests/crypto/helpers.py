"""Constants shared by the crypto tests."""

from __future__ import annotations

# Korean and English, composed (NFC), as crypto.passphrase.encode_passphrase gives it.
PASSPHRASE = "단둥에서 correct horse 배터리".encode()
