"""Property: no altered bundle is ever imported, whatever bytes change, and the store stays
byte-for-byte as it was.

Two kinds of alteration: bytes of the encrypted file (what a USB stick or a mail server
could do), and bytes of the decrypted tar re-encrypted to the recipient (what a recipient
who can decrypt could do). The second is the stronger test: age cannot catch it, only the
signature, the hashes and the canonical form can.
"""

from __future__ import annotations

import itertools
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto.kdf import KdfPolicy
from intake.bundle import import_bundle
from intake.cli.passphrase import from_text
from intake.contacts import Contacts
from intake.errors import BundleRejected
from intake.store import Store
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import Pair, snapshot

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
_names = itertools.count()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    policy = KdfPolicy.insecure_for_tests()
    field, _ = Store.create(tmp / "field", from_text("fuzz passphrase 1"), label="Field",
                            policy=policy)
    legal, _ = Store.create(tmp / "legal", from_text("fuzz passphrase 2"), label="Legal",
                            policy=policy)
    Contacts(field).add(legal.identity_card(), "Legal")
    Contacts(field).verify("Legal")
    Contacts(legal).add(field.identity_card(), "Field")
    pair = Pair(field, legal, tmp)
    t = pair.testimony()
    pair.attach(t, os.urandom(70_000))
    bundle = pair.export().read_bytes()
    tar = craft.decrypt(bundle, legal)
    yield pair, bundle, tar, snapshot(legal)
    field.close()
    legal.close()


def refused(pair: Pair, data: bytes, before: dict) -> None:
    path = pair.tmp / f"fuzz-{next(_names)}.tib.age"
    path.write_bytes(data)
    with pytest.raises(BundleRejected):
        import_bundle(pair.legal, path, trust_new_sender=True)
    path.unlink()
    assert snapshot(pair.legal) == before


def flips(length: int):
    return st.lists(st.tuples(st.integers(0, length - 1), st.integers(1, 255)),
                    min_size=1, max_size=3, unique_by=lambda f: f[0])


@SETTINGS
@given(data=st.data())
def test_flipped_bytes_of_the_encrypted_file(world, data):
    pair, bundle, _tar, before = world
    altered = bytearray(bundle)
    for pos, mask in data.draw(flips(len(bundle))):
        altered[pos] ^= mask
    refused(pair, bytes(altered), before)


@SETTINGS
@given(data=st.data())
def test_flipped_bytes_of_the_tar_re_encrypted_by_a_recipient(world, data):
    pair, _bundle, tar, before = world
    # Bias half the flips towards the headers, manifest and signature: the dense part.
    head = min(len(tar), 6 * 512)
    region = data.draw(st.sampled_from([head, len(tar)]))
    altered = bytearray(tar)
    for pos, mask in data.draw(flips(region)):
        altered[pos] ^= mask
    refused(pair, craft.encrypt(bytes(altered), pair.legal), before)


@SETTINGS
@given(cut=st.integers(1, 200_000), junk=st.binary(min_size=0, max_size=64))
def test_truncated_or_extended_tar(world, cut, junk):
    pair, _bundle, tar, before = world
    cut = min(cut, len(tar))
    refused(pair, craft.encrypt(tar[:-cut] + junk, pair.legal), before)


def test_the_untouched_bundle_still_imports(world):
    pair, bundle, _tar, _before = world
    path = pair.tmp / "genuine.tib.age"
    path.write_bytes(bundle)
    assert import_bundle(pair.legal, path).created
