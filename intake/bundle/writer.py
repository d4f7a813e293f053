"""Export, second pass: the tar, streamed straight into age encryption.

The tar (manifest, signature, then every member, attachments decrypted from the
store's blobs as they go) is written into age encryption as it is made, one of two ways:

* small exports: a thread writes the tar into a :class:`~intake.bundle.pipe.Pipe` and
  the calling thread runs age encryption, pulling from it into the output file; each
  attachment is hashed on the way and compared with the hash the store recorded;
* large exports (``HELPER_THRESHOLD`` of attachments or more): the calling thread writes
  the tar into a pipe to a helper process (:mod:`intake.bundle.sealer`) that encrypts
  it *and* hashes each attachment's bytes in the tar, so blob decryption runs on one
  core and hashing and bundle encryption on the other. The digests come back when the
  helper ends and are compared with the recorded ones before the caller renames the
  file into place: a blob that does not match aborts the export, and the atomic
  writer leaves no file.

Memory stays at a few chunks whatever the attachments weigh, and no plaintext byte
ever reaches a file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO, Protocol

from crypto.agefile import encrypt_stream
from intake.bundle.format import MANIFEST_PATH, SIGNATURE_PATH
from intake.bundle.pipe import Meter, Pipe, Worker
from intake.bundle.plan import ExportPlan
from intake.bundle.sealer import Sealer, helper_available
from intake.bundle.tarformat import BLOCK, END_OF_ARCHIVE, padding, ustar_header
from intake.errors import Cancelled, StoreDamaged
from intake.store.blobs import BlobStore

Progress = Callable[[int, int], None]   # bytes done, bytes in all
CancelCheck = Callable[[], bool]
HELPER_THRESHOLD = 64 * 1024 * 1024


class Sink(Protocol):
    def write(self, data: bytes, /) -> Any: ...


def tar_size(plan: ExportPlan, signature: bytes) -> int:
    sizes = [len(plan.manifest_bytes), len(signature), *(p.member.size for p in plan.members)]
    return sum(BLOCK + s + len(padding(s)) for s in sizes) + len(END_OF_ARCHIVE)


def write_tar(sink: Sink, plan: ExportPlan, signature: bytes, blobs: BlobStore,
              cancelled: CancelCheck | None = None, *, hashed_elsewhere: bool = False) -> None:
    """Write the canonical tar to ``sink``. ``hashed_elsewhere``: the attachments' hashes
    are checked by whoever receives the bytes (see :func:`attachment_ranges`)."""
    mtime = plan.manifest.created_epoch

    def small(path: str, data: bytes) -> None:
        sink.write(ustar_header(path, len(data), mtime))
        sink.write(data)
        sink.write(padding(len(data)))

    small(MANIFEST_PATH, plan.manifest_bytes)
    small(SIGNATURE_PATH, signature)
    for planned in plan.members:
        if cancelled is not None and cancelled():
            raise Cancelled("export cancelled; nothing was written")
        member = planned.member
        if planned.content is not None:
            small(member.path, planned.content)
            continue
        assert planned.blob is not None
        sink.write(ustar_header(member.path, member.size, mtime))
        counted = _Exactly(sink, member.size, member.path)
        if hashed_elsewhere:
            blobs.read_unhashed(planned.blob, counted)  # type: ignore[arg-type]
        else:
            blobs.read(planned.blob, counted, expected_sha256=member.sha256)  # type: ignore[arg-type]
        if counted.size != member.size:
            raise StoreDamaged(f"{member.path}: the stored attachment is shorter than recorded")
        sink.write(padding(member.size))
    sink.write(END_OF_ARCHIVE)


def attachment_ranges(plan: ExportPlan, signature: bytes) -> list[tuple[int, int]]:
    """Where each streamed attachment's bytes sit in the tar: (offset, size), in order."""
    offset, ranges = 0, []
    sizes = [(len(plan.manifest_bytes), False), (len(signature), False),
             *((p.member.size, p.blob is not None) for p in plan.members)]
    for size, streamed in sizes:
        offset += BLOCK
        if streamed:
            ranges.append((offset, size))
        offset += size + len(padding(size))
    return ranges


class _Exactly:
    """Forwards an attachment's bytes; refuses any beyond the size the manifest declares."""

    def __init__(self, sink: Sink, size: int, path: str) -> None:
        self._sink, self._limit, self._path = sink, size, path
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self._limit:
            raise StoreDamaged(f"{self._path}: the stored attachment is longer than recorded")
        self._sink.write(data)
        return len(data)


class _Pulled:
    """The encryptor's view of the pipe: counts progress, honours cancel."""

    def __init__(self, pipe: Pipe, total: int, progress: Progress | None,
                 cancelled: CancelCheck | None) -> None:
        self._pipe, self._meter, self._cancelled = pipe, Meter(progress, total), cancelled

    def read(self, n: int = -1) -> bytes:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("export cancelled; nothing was written")
        data = self._pipe.read(n)
        self._meter.add(len(data))
        return data


class _Counting:
    """The helper's pipe as the tar writer sees it: counts progress, honours cancel."""

    def __init__(self, sealer: Sealer, total: int, progress: Progress | None,
                 cancelled: CancelCheck | None) -> None:
        self._sealer, self._meter, self._cancelled = sealer, Meter(progress, total), cancelled

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("export cancelled; nothing was written")
        self._sealer.write(data)
        self._meter.add(len(data))
        return len(data)


def _seal_in_helper(out: BinaryIO, plan: ExportPlan, signature: bytes, blobs: BlobStore,
                    recipients: list[str], total: int, progress: Progress | None,
                    cancelled: CancelCheck | None) -> None:
    ranges = attachment_ranges(plan, signature)
    sealer = Sealer(out, recipients, ranges)
    try:
        write_tar(_Counting(sealer, total, progress, cancelled), plan, signature, blobs,
                  cancelled, hashed_elsewhere=True)
        size, digests = sealer.close()
    except BaseException:
        sealer.abort()
        raise
    if size != total:
        raise StoreDamaged("the encryption helper read a tar of the wrong size; nothing was "
                           "written")
    streamed = [p for p in plan.members if p.blob is not None]
    for planned, digest in zip(streamed, digests, strict=True):
        if digest != planned.member.sha256:
            raise StoreDamaged(f"attachment blob {planned.blob} does not match its recorded "
                               "hash; nothing was written")


def encrypt_bundle(out: BinaryIO, plan: ExportPlan, signature: bytes, blobs: BlobStore,
                   recipients: list[str], *, progress: Progress | None = None,
                   cancelled: CancelCheck | None = None, helper: bool | None = None) -> int:
    """Write the encrypted bundle to ``out``; return the size of the tar inside.

    ``helper``: encrypt in a helper process (None: when the attachments are large).
    """
    total = tar_size(plan, signature)
    if helper is None:
        large = sum(p.member.size for p in plan.members if p.blob) >= HELPER_THRESHOLD
        helper = large and helper_available()
    if helper:
        _seal_in_helper(out, plan, signature, blobs, recipients, total, progress, cancelled)
        return total
    pipe = Pipe()

    def produce() -> None:
        try:
            write_tar(pipe, plan, signature, blobs, cancelled)
            pipe.finish()
        except BaseException as error:
            pipe.fail(error)
            raise

    producer = Worker(produce, "bundle-tar-writer").start()
    try:
        encrypt_stream(_Pulled(pipe, total, progress, cancelled), out, recipients)
    except BaseException:
        pipe.close_reader()
        producer.join_quietly()
        raise
    producer.join()
    # Push the last buffered bytes to the system now: on a full disk the failure must come
    # here, before the caller records the export, not in the atomic writer's final flush.
    out.flush()
    return total
