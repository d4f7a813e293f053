"""The canonical ustar form, the strict reader, the manifest parser and the thread pipe."""

from __future__ import annotations

import io
import tarfile
import threading

import pytest

from intake.bundle.format import Manifest, check_safe_path, member_kind
from intake.bundle.pipe import Pipe, PipeClosed, Worker
from intake.bundle.tarformat import END_OF_ARCHIVE, MAX_SIZE, TarReader, padding, ustar_header
from intake.errors import BundleRejected

UUID = "0f8e0f8e-1111-4222-8333-944444444444"


@pytest.mark.parametrize("size", [0, 1, 511, 512, 513, 10**9, MAX_SIZE])
def test_headers_are_what_tarfile_writes(size):
    info = tarfile.TarInfo(f"attachments/{UUID}")
    info.size, info.mtime = size, 1_790_000_000
    assert ustar_header(info.name, size, info.mtime) == info.tobuf(tarfile.PAX_FORMAT, "utf-8")


def test_header_limits():
    with pytest.raises(ValueError):
        ustar_header("x" * 101, 1, 0)
    with pytest.raises(ValueError):
        ustar_header("x", MAX_SIZE + 1, 0)


def tar_of(*members: tuple[str, bytes], mtime: int = 7) -> bytes:
    out = b""
    for path, data in members:
        out += ustar_header(path, len(data), mtime) + data + padding(len(data))
    return out + END_OF_ARCHIVE


def read_all(data: bytes) -> list[tuple[str, bytes]]:
    reader = TarReader(io.BytesIO(data))
    out = []
    while (entry := reader.next()) is not None:
        chunks = []
        while chunk := reader.read(100):
            chunks.append(chunk)
        out.append((entry.path, b"".join(chunks)))
    return out


def test_reader_round_trip_and_stdlib_agreement():
    members = [("custody.jsonl", b"a" * 700), ("metadata.csv", b""), (f"records/{UUID}.json",
                                                                       b"{}")]
    data = tar_of(*members)
    assert read_all(data) == members
    with tarfile.open(fileobj=io.BytesIO(data), mode="r|") as tar:
        assert [(m.name, m.size) for m in tar] == [(p, len(d)) for p, d in members]


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "truncated"),
    (b"\0" * 512, "truncated"),
    (b"\0" * 512 + b"\1" + b"\0" * 511, "end-of-archive marker is damaged"),
    (tar_of(("custody.jsonl", b"x")) + b"\0", "trailing data"),
    (tar_of(("custody.jsonl", b"x"))[:-1024], "truncated"),
    (tar_of(("custody.jsonl", b"x" * 600))[:900], "truncated"),
    (b"x" * 512, "checksum"),
])
def test_reader_rejects(data, reason):
    with pytest.raises(BundleRejected, match=reason):
        read_all(data)


def test_reader_requires_one_time_for_all_members():
    data = tar_of(("custody.jsonl", b"x"), mtime=7)[:-1024] + tar_of(("metadata.csv", b"y"),
                                                                     mtime=8)
    with pytest.raises(BundleRejected, match="metadata.csv.*canonical"):
        read_all(data)


@pytest.mark.parametrize("path", ["", "/x", "a/../b", "..", "C:x", "a\\b", "a\nb", "é"])
def test_unsafe_paths(path):
    with pytest.raises(BundleRejected):
        check_safe_path(path)


def test_member_kinds():
    assert member_kind(f"records/{UUID}.json") == ("record", UUID)
    assert member_kind(f"attachments/{UUID}") == ("attachment", UUID)
    assert member_kind("custody.jsonl") == ("custody", None)
    for bad in (f"records/{UUID.upper()}.json", f"attachments/{UUID}/x", "records/x.json"):
        with pytest.raises(BundleRejected):
            member_kind(bad)


@pytest.mark.parametrize(("text", "reason"), [
    (b"[]", "not a JSON object"),
    (b'{"format": "tib/1", "format": "tib/1"}', "duplicate"),
    (b'{"format": 1}', "unknown bundle format"),
    (b'{"format": "tib/1"}', "lacks"),
    (b"\xff", "UTF-8"),
])
def test_manifest_parse_errors(text, reason):
    with pytest.raises(BundleRejected, match=reason):
        Manifest.from_bytes(text)


def test_pipe_carries_bytes_and_errors_between_threads():
    pipe = Pipe(max_chunks=2)
    payload = [bytes([i]) * 1000 for i in range(50)]

    def write():
        for chunk in payload:
            pipe.write(chunk)
        pipe.finish()

    worker = Worker(write, "test-writer").start()
    got = b""
    while chunk := pipe.read(333):
        got += chunk
    worker.join()
    assert got == b"".join(payload)

    failing = Pipe()
    failing.fail(ValueError("boom"))
    with pytest.raises(ValueError, match="boom"):
        failing.read()


def test_a_reader_that_stops_frees_a_blocked_writer():
    pipe = Pipe(max_chunks=1)
    stopped = threading.Event()

    def write():
        try:
            while True:
                pipe.write(b"x" * 100)
        except PipeClosed:
            stopped.set()

    worker = Worker(write, "test-writer").start()
    assert pipe.read(10) == b"x" * 10
    pipe.close_reader()
    worker.join()
    assert stopped.is_set()
