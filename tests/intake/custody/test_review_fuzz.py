"""Property: no altered notice or receipt is ever applied, whatever bytes change, and the
store stays as it was. Like tests/intake/bundle/test_fuzz.py: bytes of the encrypted file
(what a mail server could do), and bytes of the decrypted tar re-encrypted to the
recipient (what someone holding the recipient's key could do: only the signature, the
canonical form and the strict tar reader can catch that)."""

from __future__ import annotations

import itertools
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto.kdf import KdfPolicy
from intake.custody import ledger
from intake.custody.dispatch import import_file
from intake.custody.receipts import write_receipt
from intake.custody.withdraw import withdraw
from intake.errors import BundleRejected
from intake.store import Store
from tests.conftest import PASSPHRASE
from tests.intake.custody import forge
from tests.intake.custody.conftest import Trio, snapshot

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
_names = itertools.count()


@pytest.fixture(scope="module")
def world(trio_template, tmp_path_factory):
    from intake.cli.passphrase import from_text

    tmp = tmp_path_factory.mktemp("custody-fuzz")
    stores = []
    for name in ("field", "legal", "legal2"):
        shutil.copytree(trio_template / name, tmp / name)
        stores.append(Store.open(tmp / name, from_text(PASSPHRASE),
                                 policy=KdfPolicy.insecure_for_tests()))
    trio = Trio(*stores, tmp)
    t = trio.testimony()
    trio.deliver(trio.export("b.tib.age"))
    row = ledger.transfers(trio.field, t.id)[0]
    receipt = write_receipt(trio.legal, row.bundle_id, tmp / "r.tir.age").path.read_bytes()
    notice = withdraw(trio.field, t.id, trio.outbox(), note="본인 요청").notices[0]
    files = {"notice": (notice.path.read_bytes(), trio.legal),
             "receipt": (receipt, trio.field)}
    yield trio, files, {"legal": snapshot(trio.legal), "field": snapshot(trio.field)}
    for s in stores:
        s.close()


def refused(world, kind: str, data: bytes) -> None:
    trio, files, before = world
    store = files[kind][1]
    path = trio.tmp / f"fuzz-{next(_names)}.{kind}"
    path.write_bytes(data)
    with pytest.raises(BundleRejected) as info:
        import_file(store, path)
    assert "\n" not in str(info.value)
    path.unlink()
    assert snapshot(store) == before["legal" if store is trio.legal else "field"]


def _flip(data: bytes, positions: list[int], mask: int) -> bytes:
    out = bytearray(data)
    for p in {p % len(out) for p in positions}:   # the same byte twice would undo itself
        out[p] ^= mask
    return bytes(out)


KINDS = st.sampled_from(["notice", "receipt"])


@SETTINGS
@given(kind=KINDS, positions=st.lists(st.integers(min_value=0), min_size=1, max_size=3),
       mask=st.integers(min_value=1, max_value=255))
def test_flipped_bytes_of_the_encrypted_file_are_refused(world, kind, positions, mask):
    data = world[1][kind][0]
    refused(world, kind, _flip(data, positions, mask))


@SETTINGS
@given(kind=KINDS, cut=st.integers(min_value=0))
def test_truncated_files_are_refused(world, kind, cut):
    data = world[1][kind][0]
    refused(world, kind, data[: cut % len(data)])


@SETTINGS
@given(kind=KINDS, positions=st.lists(st.integers(min_value=0), min_size=1, max_size=3),
       mask=st.integers(min_value=1, max_value=255))
def test_flipped_bytes_of_the_tar_resealed_are_refused(world, kind, positions, mask):
    trio, files, _before = world
    data, store = files[kind]
    tar = forge.tar_of(_write(trio, data), store)
    sealed = forge.reseal(_flip(tar, positions, mask), store, trio.tmp / "resealed")
    refused(world, kind, sealed.read_bytes())


def _write(trio, data: bytes):
    path = trio.tmp / f"orig-{next(_names)}"
    path.write_bytes(data)
    return path


def test_the_untouched_files_are_accepted_afterwards(world):
    """The property holds for a reason: the same files, unaltered, do go through."""
    trio, files, _ = world
    for kind, (data, store) in files.items():
        path = trio.tmp / f"genuine.{kind}"
        path.write_bytes(data)
        assert import_file(store, path).kind == kind
        assert store.audit.problems() == []
