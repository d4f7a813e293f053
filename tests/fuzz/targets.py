"""Fuzz targets: every parser that takes bytes from outside, with the errors it may raise.

A target takes ``bytes``. It may return, or raise one of its *expected* errors
(the ones the CLI and the UI turn into a one-line message); anything else —
``KeyError``, ``TypeError``, ``RecursionError``, ``UnicodeError``, ``MemoryError``,
a hang — is a bug. The same targets run three ways: briefly under Hypothesis in
the test suite (:mod:`tests.fuzz.test_fuzz`), briefly under atheris in a child
process (:mod:`tests.fuzz.test_atheris`), and for as long as you like under
atheris with ``bench/fuzz_long.py``.

Targets whose code is not there yet (bundle import) are found by name and
skipped while missing: they start running the day the module lands.
"""

from __future__ import annotations

import functools
import importlib
import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crypto.errors import CryptoError
from crypto.kdf import KdfPolicy
from intake.errors import IntakeError


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[[bytes], object]
    expected: tuple[type[BaseException], ...]
    seeds: Callable[[], list[bytes]]
    available: Callable[[], bool] = lambda: True


def _testimony_seeds() -> list[bytes]:
    import json

    from tests.samples import sample_dict

    one = json.dumps(sample_dict(), ensure_ascii=False).encode()
    return [one, one + b"\n" + one.replace(b"S-0142", b"S-0143"), b"{}", b"[]"]


def _testimony_json(data: bytes) -> object:
    from intake.model import parse_testimony_json

    return parse_testimony_json(data, new=True)


def _testimony_jsonl(data: bytes) -> object:
    from intake.model import parse_testimony_jsonl

    return parse_testimony_jsonl(data, new=True)


@functools.cache
def _keyfile_bytes() -> bytes:
    from crypto.keyslots import create_keyfile
    from crypto.recovery import RecoveryKey
    from crypto.secret import SecretBytes

    policy = KdfPolicy.insecure_for_tests()
    from crypto.kdf import Argon2Params

    kf = create_keyfile("store-1", SecretBytes.random(32), b"pw", RecoveryKey.generate(),
                        Argon2Params(64, 1, 1), policy=policy)
    return kf.to_bytes()


def _keyfile(data: bytes) -> object:
    from crypto.keyfile import KeyFile

    return KeyFile.from_bytes(data)


@functools.cache
def _card_bytes() -> bytes:
    from crypto.identity import Identity

    return Identity.generate().public("Legal team 법률팀").to_json().encode()


def _identity_card(data: bytes) -> object:
    from crypto.card import IdentityCard

    return IdentityCard.from_json(data)


PASSPHRASE = "fuzz passphrase"


@functools.cache
def _backup_bytes() -> bytes:
    """A small real backup (two testimonies, one attachment) to mutate from."""
    from intake.backup import create_backup
    from intake.cli.passphrase import from_text
    from intake.store import Store
    from tests.samples import make_testimony

    with tempfile.TemporaryDirectory() as tmp:
        store, _ = Store.create(Path(tmp) / "s", from_text(PASSPHRASE), label="fuzz",
                                policy=KdfPolicy.insecure_for_tests())
        with store:
            t = store.add(make_testimony())
            store.add(make_testimony())
            store.attach(t.id, io.BytesIO(b"attachment " * 100), name="a.txt")
            out = Path(tmp) / "b.tibak"
            create_backup(store, out)
            return out.read_bytes()


def _backup(data: bytes) -> object:
    """The whole verify path — tar reader, key file, unlock, HMAC, manifest, members."""
    from intake.backup.restore import verify_backup_stream
    from intake.cli.passphrase import from_text

    return verify_backup_stream(io.BytesIO(data), from_text(PASSPHRASE),
                                policy=KdfPolicy.insecure_for_tests())


def _backup_manifest(data: bytes) -> object:
    from intake.backup.manifest import Manifest

    return Manifest.from_bytes(data)


def _backup_manifest_seeds() -> list[bytes]:
    from intake.backup.tarstream import TarReader

    reader = TarReader(io.BytesIO(_backup_bytes()))
    reader.next()
    return [reader.read_all(1 << 20)]


def _guard_state(data: bytes) -> object:
    from intake.unlock_guard import GuardState

    return GuardState.from_bytes(data)


def _has(module: str, attr: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return hasattr(importlib.import_module(module), attr)
        except ImportError:
            return False
    return check


def _bundle_manifest(data: bytes) -> object:
    """Hook: the bundle manifest parser (``intake/bundle``), once it exists."""
    return importlib.import_module("intake.bundle.format").Manifest.from_bytes(data)


@functools.cache
def _bundle_store():  # type: ignore[no-untyped-def]
    from intake.cli.passphrase import from_text
    from intake.store import Store

    tmp = tempfile.mkdtemp(prefix="fuzz-bundle-")
    store, _ = Store.create(Path(tmp) / "s", from_text(PASSPHRASE), label="fuzz",
                            policy=KdfPolicy.insecure_for_tests())
    return store, Path(tmp)


def _bundle_verify(data: bytes) -> object:
    """Hook: decrypt-and-check of a whole bundle file (``verify_bundle``), once it exists."""
    store, tmp = _bundle_store()
    path = tmp / "input.tib.age"
    path.write_bytes(data)
    return importlib.import_module("intake.bundle.importer").verify_bundle(store, path)


EXPECTED = (IntakeError, CryptoError)

TARGETS: dict[str, Target] = {t.name: t for t in [
    Target("testimony_json", _testimony_json, EXPECTED, _testimony_seeds),
    Target("testimony_jsonl", _testimony_jsonl, EXPECTED, _testimony_seeds),
    Target("keyfile", _keyfile, EXPECTED, lambda: [_keyfile_bytes()]),
    Target("identity_card", _identity_card, EXPECTED, lambda: [_card_bytes()]),
    Target("backup", _backup, EXPECTED, lambda: [_backup_bytes()]),
    Target("backup_manifest", _backup_manifest, EXPECTED, _backup_manifest_seeds),
    Target("unlock_guard", _guard_state, (), lambda: [b'{"format":"tig/1","failures":3,'
                                                      b'"last_failure":1.5,"wipe_after":5}']),
    Target("bundle_manifest", _bundle_manifest, EXPECTED, lambda: [b"{}"],
           _has("intake.bundle.format", "Manifest")),
    Target("bundle_verify", _bundle_verify, EXPECTED, lambda: [b"age-encryption.org/v1\n"],
           _has("intake.bundle.importer", "verify_bundle")),
]}


def check_one(target: Target, data: bytes) -> None:
    """Run ``target`` on ``data``; re-raise anything that is not an expected error."""
    try:
        target.run(data)
    except target.expected:
        pass
