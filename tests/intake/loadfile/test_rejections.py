"""A bundle that is truncated, altered, for someone else, or crafted (unsafe paths, a lying
or unsafe metadata.csv) writes nothing: no output directory, no staging left, store as it was."""

from __future__ import annotations

import os

import pytest

from intake.bundle.format import METADATA_PATH
from intake.errors import BundleRejected
from intake.loadfile import write_loadfile
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import snapshot


@pytest.fixture
def genuine(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(3000), "a.m4a")
    bundle = pair.export()
    entries, mtime = craft.unpack(pair.plain_tar(bundle))
    return pair, bundle, entries, mtime


def refused(pair, data: bytes, match: str, store=None) -> None:
    store = store or pair.legal
    path = pair.tmp / "crafted.tib.age"
    path.write_bytes(data)
    out = pair.tmp / "out"
    before = snapshot(store)
    with pytest.raises(BundleRejected, match=match) as caught:
        write_loadfile(store, path, out)
    assert "\n" not in str(caught.value)
    assert not out.exists()
    assert [p for p in pair.tmp.iterdir() if p.name.endswith(".partial")] == []
    assert snapshot(store) == before


def resigned(pair, entries, mtime) -> bytes:
    return craft.encrypt(craft.pack(craft.rebuild(entries, pair.field), mtime), pair.legal)


def with_metadata(entries, text: str):
    return [(p, text.encode() if p == METADATA_PATH else d) for p, d in entries]


def metadata_of(entries) -> str:
    return dict(entries)[METADATA_PATH].decode()


def test_truncated(genuine):
    pair, bundle, _e, _m = genuine
    data = bundle.read_bytes()
    refused(pair, data[: len(data) - 100], "damaged, truncated or was altered")


def test_one_byte_altered(genuine):
    pair, bundle, _e, _m = genuine
    data = bytearray(bundle.read_bytes())
    data[-500] ^= 1
    refused(pair, bytes(data), "damaged, truncated or was altered")


def test_empty_and_not_an_age_file(genuine):
    pair, *_ = genuine
    refused(pair, b"", "not an age file")
    refused(pair, b"PK\x03\x04 a zip", "not an age file")


def test_wrong_recipient(genuine):
    pair, bundle, _e, _m = genuine
    path = pair.tmp / "crafted.tib.age"
    path.write_bytes(bundle.read_bytes())
    refused(pair, bundle.read_bytes(), "wrong recipient", store=pair.field)


def test_member_altered_after_signing(genuine):
    pair, _b, entries, mtime = genuine
    altered = [(p, d + b" " if p.startswith("records/") else d) for p, d in entries]
    refused(pair, craft.encrypt(craft.pack(altered, mtime), pair.legal), "records/")


def test_unsafe_member_path(genuine):
    pair, _b, entries, mtime = genuine
    entries = [*entries, ("../../escape.txt", b"x")]
    refused(pair, resigned(pair, entries, mtime), "climbs out")


@pytest.mark.parametrize("edit, match", [
    (lambda t: t.replace("document_id", "doc"), "header"),
    (lambda t: t.replace(t.split("\r\n")[1].split(",")[0], "../../etc/passwd", 1),
     "document id is unsafe"),
    (lambda t: "\r\n".join(t.split("\r\n")[:2] + t.split("\r\n")[1:]), "listed twice"),
    (lambda t: "\r\n".join(t.split("\r\n")[:1] + t.split("\r\n")[2:]), "has no row"),
    (lambda t: t.replace("records/", "records/../", 1), "not a document of this bundle"),
    (lambda t: t + "a,b\r\n", "has 2 fields"),
    (lambda t: t.replace(t.split("\r\n")[2].split(",")[0], t.split("\r\n")[1].split(",")[0]),
     "unsafe or repeated"),
])
def test_a_crafted_metadata_csv(genuine, edit, match):
    pair, _b, entries, mtime = genuine
    refused(pair, resigned(pair, with_metadata(entries, edit(metadata_of(entries))), mtime),
            match)


def test_metadata_whose_hash_disagrees_with_the_manifest(genuine):
    pair, _b, entries, mtime = genuine
    text = metadata_of(entries)
    first = text.split("\r\n")[1]
    sha = first.split(",")[7]
    refused(pair, resigned(pair, with_metadata(entries, text.replace(sha, "0" * 64, 1)),
                           mtime), "differs from the manifest")


def test_a_directory_or_a_large_non_age_file_is_not_a_bundle(genuine):
    pair, *_ = genuine
    refused(pair, os.urandom(3 * 1024 * 1024), "not an age file")
    out = pair.tmp / "out"
    with pytest.raises(BundleRejected, match="not a regular file|is a directory"):
        write_loadfile(pair.legal, pair.tmp, out)
    assert not out.exists()
