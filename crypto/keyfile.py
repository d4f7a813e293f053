"""The ``keys`` file format (``tik/1``): parsing and canonical serialisation.

Layout (canonical JSON: sorted keys, no spaces, ASCII, one line)::

    {"format": "tik/1", "store_id": "…", "slots": [
      {"slot_id": "…", "kind": "passphrase" | "recovery",
       "kdf": {"memory_kib", "iterations", "lanes"} | null,
       "salt": b64(16), "nonce": b64(12), "sealed_dek": b64(80)}, …]}

Nothing in it is secret. Parsing is strict and accepts only the canonical
bytes, so no byte of the file can change without being refused here or by
the AEAD in :mod:`crypto.keyslots`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from crypto import _strict
from crypto.errors import KeyFileInvalid
from crypto.kdf import SALT_LENGTH, Argon2Params

FORMAT = "tik/1"
DEK_LENGTH = 32
NONCE_LENGTH = 12
COMMITMENT_LENGTH = 32
TAG_LENGTH = 16
SEALED_LENGTH = COMMITMENT_LENGTH + DEK_LENGTH + TAG_LENGTH
MAX_KEYFILE_BYTES = 64 * 1024
MAX_SLOTS = 16
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
_SLOT_FIELDS = {"slot_id", "kind", "kdf", "salt", "nonce", "sealed_dek"}
_FILE_FIELDS = {"format", "store_id", "slots"}

SlotKind = Literal["passphrase", "recovery"]


def check_id(value: object, what: str) -> None:
    """Store and slot ids: 1–64 ASCII letters, digits, '-' or '_'."""
    if not isinstance(value, str) or not 1 <= len(value) <= 64 or not set(value) <= _ID_CHARS:
        raise KeyFileInvalid(f"{what} must be 1–64 letters, digits, '-' or '_'")


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


@dataclass(frozen=True)
class KeySlot:
    """One way in: the DEK sealed under a KEK derived from one secret."""

    slot_id: str
    kind: SlotKind
    kdf: Argon2Params | None
    salt: bytes
    nonce: bytes
    sealed_dek: bytes

    def __post_init__(self) -> None:
        check_id(self.slot_id, "slot id")
        if self.kind == "passphrase":
            if not isinstance(self.kdf, Argon2Params):
                raise KeyFileInvalid("a passphrase slot needs Argon2id parameters")
        elif self.kind == "recovery":
            if self.kdf is not None:
                raise KeyFileInvalid("a recovery slot takes no KDF parameters")
        else:
            raise KeyFileInvalid("unknown slot kind")
        for name, value, length in (
            ("salt", self.salt, SALT_LENGTH),
            ("nonce", self.nonce, NONCE_LENGTH),
            ("sealed_dek", self.sealed_dek, SEALED_LENGTH),
        ):
            if not isinstance(value, bytes) or len(value) != length:
                raise KeyFileInvalid(f"slot {name} must be {length} bytes")

    def header(self, store_id: str) -> bytes:
        """The associated data that binds this slot to its store and its parameters."""
        return _canonical(
            {
                "format": FORMAT,
                "store_id": store_id,
                "slot_id": self.slot_id,
                "kind": self.kind,
                "kdf": None if self.kdf is None else self.kdf.to_dict(),
                "salt": _strict.b64encode(self.salt),
            }
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "kdf": None if self.kdf is None else self.kdf.to_dict(),
            "salt": _strict.b64encode(self.salt),
            "nonce": _strict.b64encode(self.nonce),
            "sealed_dek": _strict.b64encode(self.sealed_dek),
        }

    @classmethod
    def from_dict(cls, obj: object) -> KeySlot:
        slot = _strict.exact_keys(obj, _SLOT_FIELDS, "slot")
        kind = slot["kind"]
        if kind not in ("passphrase", "recovery"):
            raise ValueError("slot kind is unknown")
        kdf = None if slot["kdf"] is None else Argon2Params.from_dict(slot["kdf"])
        return cls(
            slot_id=_strict.string(slot, "slot_id", "slot"),
            kind=kind,
            kdf=kdf,
            salt=_strict.b64decode(slot["salt"], SALT_LENGTH, "slot salt"),
            nonce=_strict.b64decode(slot["nonce"], NONCE_LENGTH, "slot nonce"),
            sealed_dek=_strict.b64decode(slot["sealed_dek"], SEALED_LENGTH, "sealed key"),
        )


@dataclass(frozen=True)
class KeyFile:
    """The parsed ``keys`` file of one store."""

    store_id: str
    slots: tuple[KeySlot, ...]

    def __post_init__(self) -> None:
        check_id(self.store_id, "store id")
        if not isinstance(self.slots, tuple) or not all(
            isinstance(s, KeySlot) for s in self.slots
        ):
            raise KeyFileInvalid("slots must be a tuple of key slots")
        if not 1 <= len(self.slots) <= MAX_SLOTS:
            raise KeyFileInvalid(f"a key file holds 1 to {MAX_SLOTS} slots")
        if len({s.slot_id for s in self.slots}) != len(self.slots):
            raise KeyFileInvalid("two slots share an id")

    def slots_of(self, kind: SlotKind) -> tuple[KeySlot, ...]:
        return tuple(s for s in self.slots if s.kind == kind)

    def to_bytes(self) -> bytes:
        """Canonical JSON (sorted keys, no spaces, ASCII) and a final newline."""
        doc = {
            "format": FORMAT,
            "store_id": self.store_id,
            "slots": [s.to_dict() for s in self.slots],
        }
        return _canonical(doc) + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        """Parse strictly; anything but a canonical ``tik/1`` file is :class:`KeyFileInvalid`."""
        if not isinstance(data, bytes):
            raise TypeError("key file content must be bytes")
        try:
            doc = _strict.exact_keys(
                _strict.loads_object(data, MAX_KEYFILE_BYTES), _FILE_FIELDS, "key file"
            )
            if doc["format"] != FORMAT:
                raise ValueError("unknown format (made by a newer version?)")
            slots = doc["slots"]
            if not isinstance(slots, list):
                raise ValueError("slots must be a list")
            if len(slots) > MAX_SLOTS:
                raise ValueError(f"more than {MAX_SLOTS} slots")
            keyfile = cls(
                store_id=_strict.string(doc, "store_id", "key file"),
                slots=tuple(KeySlot.from_dict(s) for s in slots),
            )
        except ValueError as error:
            raise KeyFileInvalid(str(error)) from None
        if keyfile.to_bytes() != data:
            raise KeyFileInvalid("not in canonical form (edited by hand or by another tool?)")
        return keyfile


