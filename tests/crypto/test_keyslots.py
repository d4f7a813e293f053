from __future__ import annotations

import dataclasses
import json
import os
import stat
from pathlib import Path

import pytest

from crypto.errors import KdfParamsRejected, KeyFileInvalid, WrongKey
from crypto.kdf import PRODUCTION, Argon2Params, KdfPolicy
from crypto.keyslots import (
    KeyFile,
    KeySlot,
    create_keyfile,
    new_dek,
    read_keyfile,
    unlock_with_passphrase,
    unlock_with_recovery,
    with_new_passphrase,
    write_keyfile,
)
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes

from .helpers import PASSPHRASE

STORE_ID = "3f1c2a9e-7b4d-4e2a-9c11-0d5e6f7a8b9c"
REFUSED = (WrongKey, KeyFileInvalid, KdfParamsRejected)


@pytest.fixture
def keyfile(
    dek: SecretBytes, recovery_key: RecoveryKey, test_params: Argon2Params, test_policy: KdfPolicy
) -> KeyFile:
    return create_keyfile(
        STORE_ID, dek, PASSPHRASE, recovery_key, test_params, policy=test_policy
    )


def test_unlock_with_passphrase_and_recovery(
    keyfile: KeyFile, dek: SecretBytes, recovery_key: RecoveryKey, test_policy: KdfPolicy
) -> None:
    assert unlock_with_passphrase(keyfile, PASSPHRASE, test_policy) == dek
    assert unlock_with_passphrase(keyfile, bytearray(PASSPHRASE), test_policy) == dek
    assert unlock_with_passphrase(keyfile, SecretBytes(PASSPHRASE), test_policy) == dek
    assert unlock_with_recovery(keyfile, recovery_key) == dek
    parsed = RecoveryKey.parse(recovery_key.display())
    assert unlock_with_recovery(keyfile, parsed) == dek


def test_wrong_passphrase_and_wrong_recovery_key(keyfile: KeyFile, test_policy: KdfPolicy) -> None:
    with pytest.raises(WrongKey) as info:
        unlock_with_passphrase(keyfile, PASSPHRASE + b"x", test_policy)
    assert PASSPHRASE.decode() not in str(info.value)
    with pytest.raises(WrongKey):
        unlock_with_passphrase(keyfile, b"", test_policy)
    with pytest.raises(WrongKey):
        unlock_with_recovery(keyfile, RecoveryKey.generate())


def test_passphrase_must_be_bytes(keyfile: KeyFile, test_policy: KdfPolicy) -> None:
    with pytest.raises(TypeError):
        unlock_with_passphrase(keyfile, PASSPHRASE.decode(), test_policy)  # type: ignore[arg-type]


def test_key_file_holds_nothing_secret_in_clear(
    keyfile: KeyFile, dek: SecretBytes, recovery_key: RecoveryKey
) -> None:
    data = keyfile.to_bytes()
    for secret in (dek.bytes(), recovery_key.secret.bytes(), PASSPHRASE):
        assert secret not in data
        assert secret.hex().encode() not in data
    doc = json.loads(data)
    assert doc["format"] == "tik/1" and doc["store_id"] == STORE_ID
    assert [s["kind"] for s in doc["slots"]] == ["passphrase", "recovery"]


def test_serialisation_round_trip_is_canonical(keyfile: KeyFile) -> None:
    data = keyfile.to_bytes()
    assert KeyFile.from_bytes(data) == keyfile
    assert KeyFile.from_bytes(data).to_bytes() == data
    assert data.endswith(b"\n") and data.count(b"\n") == 1


def test_fresh_salt_nonce_and_ciphertext_each_time(
    dek: SecretBytes, recovery_key: RecoveryKey, test_params: Argon2Params, test_policy: KdfPolicy
) -> None:
    a = create_keyfile(STORE_ID, dek, PASSPHRASE, recovery_key, test_params, policy=test_policy)
    b = create_keyfile(STORE_ID, dek, PASSPHRASE, recovery_key, test_params, policy=test_policy)
    for slot_a, slot_b in zip(a.slots, b.slots, strict=True):
        assert slot_a.salt != slot_b.salt
        assert slot_a.nonce != slot_b.nonce
        assert slot_a.sealed_dek != slot_b.sealed_dek
        assert slot_a.slot_id != slot_b.slot_id


def _refused_or_different(
    mutated: bytes, original: KeyFile, recovery_key: RecoveryKey, policy: KdfPolicy
) -> None:
    """A mutated file must be refused; never may any slot it changed still open."""
    try:
        parsed = KeyFile.from_bytes(mutated)
    except KeyFileInvalid:
        return
    if parsed.store_id != original.store_id:
        changed = list(parsed.slots)
    else:
        changed = [slot for slot in parsed.slots if slot not in original.slots]
    assert changed, "a changed file parsed to the same key file"
    for slot in changed:
        single = KeyFile(parsed.store_id, (slot,))
        with pytest.raises(REFUSED):
            if slot.kind == "passphrase":
                unlock_with_passphrase(single, PASSPHRASE, policy)
            else:
                unlock_with_recovery(single, recovery_key)


def test_every_single_byte_change_is_refused(
    keyfile: KeyFile, recovery_key: RecoveryKey, test_policy: KdfPolicy
) -> None:
    data = keyfile.to_bytes()
    replacements = b'0179AZaz+/="{}:, \\\x00\xff'
    for i, original in enumerate(data):
        candidates = {original ^ 0x01, original ^ 0x20, original ^ 0x80, *replacements}
        candidates.discard(original)
        for value in candidates:
            mutated = data[:i] + bytes([value]) + data[i + 1 :]
            _refused_or_different(mutated, keyfile, recovery_key, test_policy)


def test_truncations_and_extensions_are_refused(keyfile: KeyFile) -> None:
    data = keyfile.to_bytes()
    for end in range(len(data)):
        with pytest.raises(KeyFileInvalid):
            KeyFile.from_bytes(data[:end])
    for extra in (b" ", b"\n", b"{}", b"\x00"):
        with pytest.raises(KeyFileInvalid):
            KeyFile.from_bytes(data + extra)


def _replace_slot(keyfile: KeyFile, index: int, **changes: object) -> KeyFile:
    slots = list(keyfile.slots)
    slots[index] = dataclasses.replace(slots[index], **changes)  # type: ignore[arg-type]
    return KeyFile(keyfile.store_id, tuple(slots))


def _flip(data: bytes, i: int) -> bytes:
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def _assert_both_refused(kf: KeyFile, recovery_key: RecoveryKey, policy: KdfPolicy) -> None:
    with pytest.raises(REFUSED):
        unlock_with_passphrase(kf, PASSPHRASE, policy)
    with pytest.raises(REFUSED):
        unlock_with_recovery(kf, recovery_key)


def test_every_header_field_is_authenticated(
    keyfile: KeyFile, recovery_key: RecoveryKey, test_policy: KdfPolicy
) -> None:
    # The store id is in every slot's associated data.
    _assert_both_refused(
        KeyFile("another-store", keyfile.slots), recovery_key, test_policy
    )
    for index in (0, 1):
        slot = keyfile.slots[index]
        variants: list[dict[str, object]] = [{"slot_id": slot.slot_id + "0"}]
        for i in range(len(slot.salt)):
            variants.append({"salt": _flip(slot.salt, i)})
        for i in range(len(slot.nonce)):
            variants.append({"nonce": _flip(slot.nonce, i)})
        for i in range(len(slot.sealed_dek)):
            variants.append({"sealed_dek": _flip(slot.sealed_dek, i)})
        if slot.kdf is not None:
            kdf = slot.kdf
            variants += [
                {"kdf": Argon2Params(kdf.memory_kib + 8, kdf.iterations, kdf.lanes)},
                {"kdf": Argon2Params(kdf.memory_kib, kdf.iterations + 1, kdf.lanes)},
                {"kdf": Argon2Params(kdf.memory_kib, kdf.iterations, kdf.lanes - 1)},
            ]
        for changes in variants:
            tampered = _replace_slot(keyfile, index, **changes)
            opener = (
                (lambda kf: unlock_with_passphrase(kf, PASSPHRASE, test_policy))
                if slot.kind == "passphrase"
                else (lambda kf: unlock_with_recovery(kf, recovery_key))
            )
            with pytest.raises(REFUSED):
                opener(tampered)


def test_kind_cannot_be_swapped(keyfile: KeyFile) -> None:
    with pytest.raises(KeyFileInvalid):
        _replace_slot(keyfile, 0, kind="recovery")
    with pytest.raises(KeyFileInvalid):
        _replace_slot(keyfile, 1, kind="passphrase")
    with pytest.raises(KeyFileInvalid):
        _replace_slot(keyfile, 1, kind="other")


def test_slot_moved_to_another_store_does_not_open(
    dek: SecretBytes, recovery_key: RecoveryKey, test_params: Argon2Params, test_policy: KdfPolicy
) -> None:
    a = create_keyfile("store-a", dek, PASSPHRASE, recovery_key, test_params, policy=test_policy)
    transplanted = KeyFile("store-b", a.slots)
    with pytest.raises(WrongKey):
        unlock_with_passphrase(transplanted, PASSPHRASE, test_policy)


def test_production_policy_refuses_test_slots(keyfile: KeyFile) -> None:
    with pytest.raises(KdfParamsRejected):
        unlock_with_passphrase(keyfile, PASSPHRASE)  # default policy is PRODUCTION


def test_create_refuses_params_below_policy(
    dek: SecretBytes, recovery_key: RecoveryKey, test_params: Argon2Params
) -> None:
    with pytest.raises(KdfParamsRejected):
        create_keyfile(STORE_ID, dek, PASSPHRASE, recovery_key, test_params)


@pytest.mark.parametrize(
    "params",
    [
        Argon2Params(8 * 1024 * 1024, 3, 4),  # 8 GiB: would exhaust memory if ever run
        Argon2Params(256 * 1024, 10_000, 4),  # would take hours if ever run
        Argon2Params(65536, 3, 64),
    ],
)
def test_absurd_slots_refused_before_any_derivation(
    keyfile: KeyFile, params: Argon2Params, test_policy: KdfPolicy
) -> None:
    slot = keyfile.slots[0]
    absurd = dataclasses.replace(slot, kdf=params)
    hostile = KeyFile(keyfile.store_id, (absurd, keyfile.slots[1]))
    for policy in (PRODUCTION, test_policy):
        with pytest.raises(KdfParamsRejected):
            unlock_with_passphrase(hostile, PASSPHRASE, policy)


def test_all_slots_checked_before_the_first_derivation(
    dek: SecretBytes, recovery_key: RecoveryKey, test_params: Argon2Params, test_policy: KdfPolicy
) -> None:
    """A valid, openable production slot first, a weak slot second: nothing opens.

    Had the first slot been derived before the second was checked, this would
    return the DEK instead of refusing the file.
    """
    floor = Argon2Params(PRODUCTION.min_memory_kib, PRODUCTION.min_iterations, 4)
    good = create_keyfile(STORE_ID, dek, PASSPHRASE, recovery_key, floor)
    weak = create_keyfile(
        STORE_ID, dek, PASSPHRASE, recovery_key, test_params, policy=test_policy
    )
    mixed = KeyFile(STORE_ID, (good.slots[0], weak.slots[0], good.slots[1]))
    with pytest.raises(KdfParamsRejected):
        unlock_with_passphrase(mixed, PASSPHRASE)
    assert unlock_with_passphrase(good, PASSPHRASE) == dek


def test_change_passphrase_rewraps_and_keeps_recovery(
    keyfile: KeyFile,
    dek: SecretBytes,
    recovery_key: RecoveryKey,
    test_params: Argon2Params,
    test_policy: KdfPolicy,
) -> None:
    unlocked = unlock_with_passphrase(keyfile, PASSPHRASE, test_policy)
    changed = with_new_passphrase(
        keyfile, unlocked, b"new passphrase", test_params, policy=test_policy
    )
    assert unlock_with_passphrase(changed, b"new passphrase", test_policy) == dek
    with pytest.raises(WrongKey):
        unlock_with_passphrase(changed, PASSPHRASE, test_policy)
    assert unlock_with_recovery(changed, recovery_key) == dek
    assert changed.slots_of("recovery") == keyfile.slots_of("recovery")
    assert len(changed.slots_of("passphrase")) == 1
    assert changed.store_id == keyfile.store_id
    with pytest.raises(ValueError):
        with_new_passphrase(keyfile, unlocked, b"", test_params, policy=test_policy)
    with pytest.raises(KdfParamsRejected):
        with_new_passphrase(keyfile, unlocked, b"x", test_params)  # production default


def test_parser_refuses_structural_problems(keyfile: KeyFile) -> None:
    doc = json.loads(keyfile.to_bytes())

    def encode(d: object) -> bytes:
        return json.dumps(d, sort_keys=True, separators=(",", ":")).encode() + b"\n"

    def variant(**changes: object) -> bytes:
        return encode({**doc, **changes})

    slot = doc["slots"][0]
    bad = [
        b"",
        b"[]",
        b"\xff\xfe",
        b"null",
        variant(format="tik/2"),
        variant(format=None),
        variant(store_id=""),
        variant(store_id="../../etc"),
        variant(store_id=7),
        variant(slots=[]),
        variant(slots={}),
        variant(slots=[doc["slots"][0]] * 2),  # duplicate slot ids
        variant(slots=[{**slot, "slot_id": f"s{i}"} for i in range(17)]),
        variant(extra=1),
        encode({k: v for k, v in doc.items() if k != "slots"}),
        variant(slots=[{**slot, "salt": slot["salt"][:-4]}]),
        variant(slots=[{**slot, "salt": "!!!!" + slot["salt"][4:]}]),
        variant(slots=[{**slot, "nonce": None}]),
        variant(slots=[{**slot, "sealed_dek": slot["sealed_dek"] + "AAAA"}]),
        variant(slots=[{**slot, "kdf": None}]),
        variant(slots=[{**slot, "kdf": {**slot["kdf"], "lanes": True}}]),
        variant(slots=[{**slot, "kdf": {**slot["kdf"], "lanes": 4.0}}]),
        variant(slots=[{**slot, "kind": "fingerprint"}]),
        variant(slots=[{**slot, "unexpected": 1}]),
        variant(slots=[{k: v for k, v in slot.items() if k != "nonce"}]),
        variant(slots=[{**doc["slots"][1], "kdf": slot["kdf"]}]),
        json.dumps(doc, indent=1).encode(),  # valid JSON, not canonical
        keyfile.to_bytes().replace(b'{"format"', b'{"format":"tik/1","format"'),
        b'{"format": NaN}',
        b"[" * 50_000,
        b" " * (64 * 1024 + 1),
    ]
    for data in bad:
        with pytest.raises(KeyFileInvalid):
            KeyFile.from_bytes(data)


def test_error_messages_carry_no_key_material(keyfile: KeyFile) -> None:
    data = keyfile.to_bytes()
    sealed = json.loads(data)["slots"][0]["sealed_dek"]
    broken = data.replace(sealed.encode(), sealed[:-4].encode())
    with pytest.raises(KeyFileInvalid) as info:
        KeyFile.from_bytes(broken)
    assert sealed[:10] not in str(info.value)


def test_write_and_read_keyfile(tmp_path: Path, keyfile: KeyFile) -> None:
    path = tmp_path / "keys"
    write_keyfile(path, keyfile)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert read_keyfile(path) == keyfile
    assert os.listdir(tmp_path) == ["keys"]


def test_read_keyfile_refuses_oversize_empty_and_missing(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b" " * (64 * 1024 + 10))
    with pytest.raises(KeyFileInvalid):
        read_keyfile(big)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with pytest.raises(KeyFileInvalid):
        read_keyfile(empty)
    with pytest.raises(FileNotFoundError):
        read_keyfile(tmp_path / "missing")


def test_new_dek_and_validation(recovery_key: RecoveryKey, test_params: Argon2Params,
                                test_policy: KdfPolicy) -> None:
    assert len(new_dek()) == 32 and new_dek() != new_dek()
    with pytest.raises(ValueError):
        create_keyfile(STORE_ID, SecretBytes(bytes(16)), PASSPHRASE, recovery_key, test_params,
                       policy=test_policy)
    with pytest.raises(ValueError):
        create_keyfile(STORE_ID, new_dek(), b"", recovery_key, test_params, policy=test_policy)
    with pytest.raises(KeyFileInvalid):
        create_keyfile("bad id!", new_dek(), PASSPHRASE, recovery_key, test_params,
                       policy=test_policy)


def test_slot_dataclass_validation() -> None:
    with pytest.raises(KeyFileInvalid):
        KeySlot("s", "passphrase", None, bytes(16), bytes(12), bytes(80))
    with pytest.raises(KeyFileInvalid):
        KeySlot("s", "recovery", None, bytes(15), bytes(12), bytes(80))
    with pytest.raises(KeyFileInvalid):
        KeyFile("store", ())
