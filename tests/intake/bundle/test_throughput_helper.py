"""The helper process hashes what it encrypts; the parent trusts nothing it did not compare.

Large exports and imports hand hashing to the encryption helper (the second core), so
the export no longer hashes a blob while decrypting it. These tests make sure that
moving the hash did not move the check: a blob swapped for another valid age file
(anyone holding the store's *public* key can make one) still aborts the export, and
leaves no file.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil

import pytest

from intake.bundle import import_bundle, sealer, verify_bundle
from intake.bundle.sealer import RangeHasher, Sealer, SealerFailed
from intake.errors import StoreDamaged


@pytest.fixture
def helper(monkeypatch):
    from intake.bundle import writer
    monkeypatch.setattr(writer, "HELPER_THRESHOLD", 0)


def leftovers(pair) -> list[str]:
    return sorted(p.name for p in pair.tmp.iterdir() if p.name not in ("field", "legal"))


def swap_blob(pair, attachment_id: str, replacement: bytes) -> None:
    """Replace a stored blob with another *valid* age file to the store's own key."""
    row = pair.field.conn.execute("SELECT blob FROM attachments WHERE id = ?",
                                  (attachment_id,)).fetchone()
    forged = pair.field.blob_store.put(io.BytesIO(replacement))
    shutil.copyfile(pair.field.blob_store.path(forged.name),
                    pair.field.blob_store.path(row[0]))


@pytest.mark.parametrize("change", ["same size", "shorter", "longer"])
def test_a_swapped_blob_aborts_a_helper_export_and_leaves_no_file(pair, helper, change):
    t = pair.testimony()
    data = os.urandom(200_000)
    pair.attach(t, data)
    pair.attach(t, b"second", "b.txt")
    att = pair.field.get(t.id).attachments[0]
    forged = {"same size": os.urandom(len(data)), "shorter": data[:-1],
              "longer": data + b"x"}[change]
    swap_blob(pair, att.id, forged)
    with pytest.raises(StoreDamaged) as failed:
        pair.export()
    assert "attachment" in str(failed.value) and len(str(failed.value).splitlines()) == 1
    assert leftovers(pair) == []
    assert pair.field.conn.execute("SELECT count(*) FROM transfers").fetchone()[0] == 0


def test_a_helper_export_round_trips_many_attachments_and_empty_ones(pair, helper):
    t = pair.testimony()
    payloads = [b"", os.urandom(1), os.urandom(511), os.urandom(512), os.urandom(70_001), b""]
    for i, data in enumerate(payloads):
        pair.attach(t, data, f"a{i}.bin")
    bundle = pair.export()
    assert verify_bundle(pair.legal, bundle).attachments == len(payloads)
    assert import_bundle(pair.legal, bundle).attachments == len(payloads)
    assert pair.legal.check().ok
    for ref in pair.legal.get(t.id).attachments:
        out = io.BytesIO()
        pair.legal.read_attachment(ref.id, out)
        assert hashlib.sha256(out.getvalue()).hexdigest() == ref.sha256


def test_range_hasher_matches_hashlib_across_any_chunking():
    rng = random.Random(5)
    data = os.urandom(50_000)
    ranges = [(0, 0), (0, 10), (10, 1), (512, 20_000), (20_512, 0), (20_512, 29_488)]
    for _ in range(20):
        hasher = RangeHasher(io.BytesIO(data), ranges)
        while hasher.read(rng.choice((1, 7, 512, 8192, 65_536))):
            pass
        assert hasher.size == len(data)
        assert [d.hexdigest() for d in hasher.digests] == [
            hashlib.sha256(data[o:o + n]).hexdigest() for o, n in ranges]


def test_the_sealer_reports_size_and_digests(tmp_path, pair):
    data = os.urandom(300_000)
    with (tmp_path / "x.age").open("wb") as out:
        s = Sealer(out, [pair.legal.identity.age_recipient], [(0, 1000), (1000, 299_000)])
        s.write(data)
        size, digests = s.close()
    assert size == len(data)
    assert digests == [hashlib.sha256(data[:1000]).hexdigest(),
                       hashlib.sha256(data[1000:]).hexdigest()]


@pytest.mark.parametrize("child", [
    "import sys; sys.exit(0)",                                      # says nothing
    "import sys; print('sealed 12', file=sys.stderr); sys.exit(0)",  # too few digests
    "import sys; print('sealed x ab', file=sys.stderr); sys.exit(0)",
])
def test_a_helper_that_does_not_report_its_result_fails_the_export(pair, helper, monkeypatch,
                                                                   child):
    t = pair.testimony()
    pair.attach(t, os.urandom(1000))
    monkeypatch.setattr(sealer, "_CHILD", child)
    with pytest.raises(SealerFailed) as failed:
        pair.export()
    assert len(str(failed.value).splitlines()) == 1
    assert leftovers(pair) == []


def test_the_pipe_keeps_bytes_and_copies_buffers_the_writer_may_reuse():
    """Bytes are queued without a copy; a bytearray or memoryview is copied at once, since a
    writer (pyrage) may refill it as soon as ``write`` returns."""
    from intake.bundle.pipe import CHUNK, Pipe, Worker

    rng = random.Random(3)
    expected = bytearray()
    pieces = []
    for _ in range(300):
        piece = os.urandom(rng.choice((0, 1, 8192, 65_536, CHUNK + 3)))
        pieces.append(piece)
        expected += piece
    pipe = Pipe(max_chunks=2)

    def produce() -> None:
        reused = bytearray(CHUNK + 3)
        for i, piece in enumerate(pieces):
            if i % 3 == 0:
                pipe.write(piece)
            else:
                reused[:len(piece)] = piece
                pipe.write(memoryview(reused)[:len(piece)] if i % 3 == 1
                           else reused[:len(piece)])
                reused[:] = bytes(len(reused))  # the writer scribbles over its buffer
        pipe.finish()

    worker = Worker(produce, "test-producer").start()
    got = bytearray()
    while data := pipe.read(rng.choice((1, 100, 1 << 20))):
        got += data
    worker.join()
    assert got == expected
