"""``verify-backup FILE`` and ``restore FILE``: check everything, then bring a store back.

A backup is read once, front to back, with a strict tar reader. Its ``keys``
member is opened with the passphrase or the recovery key, which gives the data
key; the manifest's HMAC under the backup subkey is checked *before anything is
written*; then each member is streamed, hashed and compared with the manifest.
``restore`` writes the members into a staging directory beside the target (they
are ciphertext: the SQLCipher file, age blobs, the key file), opens the staged
store, runs the full ``check``, records ``store.restore`` in its audit log, and
only then renames the directory into place. A target that is not empty is
refused, so a restore can never overwrite or merge into a store.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from crypto import keyslots
from crypto.atomicfile import fsync_dir
from crypto.errors import KdfParamsRejected, KeyFileInvalid, WrongKey
from crypto.kdf import PRODUCTION, KdfPolicy
from crypto.keyfile import MAX_KEYFILE_BYTES, KeyFile
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from crypto.subkeys import BACKUP_KEY_LABEL, derive_subkey
from intake.backup.errors import BackupRejected
from intake.backup.manifest import (
    HMAC_BYTES,
    KEYS,
    MANIFEST,
    MANIFEST_HMAC,
    MAX_MANIFEST_BYTES,
    Entry,
    Manifest,
    hmac_matches,
)
from intake.backup.tarstream import BLOCK, TarReader
from intake.errors import Cancelled, InvalidInput, StoreExists, WrongPassphrase
from intake.store import Store

Secret = SecretBytes | RecoveryKey
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupSummary:
    """What a verified backup holds (ids and sizes only)."""

    backup_id: str
    store_id: str
    created: str
    schema_version: int
    blobs: int
    size: int
    problems: tuple[str, ...] = ()  # what ``check`` found in the restored store


def verify_backup(source: Path, secret: Secret, *, policy: KdfPolicy = PRODUCTION,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> BackupSummary:
    """Check a backup completely without writing anything; BackupRejected names what failed."""
    with _open_source(Path(source)) as f:
        return verify_backup_stream(f, secret, policy=policy, progress=progress,
                                    cancelled=cancelled)


def verify_backup_stream(f: BinaryIO, secret: Secret, *, policy: KdfPolicy = PRODUCTION,
                         progress: Progress | None = None,
                         cancelled: Callable[[], bool] | None = None) -> BackupSummary:
    """:func:`verify_backup` on an open stream (what the fuzz targets drive)."""
    opened = _authenticate(f, secret, policy)
    opened.dek.wipe()
    _stream_members(opened.tar, opened.manifest, lambda _entry: None, progress, cancelled)
    return _summary(opened.manifest)


def verify_backup_with_store(source: Path, store: Store, *, progress: Progress | None = None,
                             cancelled: Callable[[], bool] | None = None) -> BackupSummary:
    """Check a backup of the open ``store`` with the store's own backup subkey: everything
    :func:`verify_backup` checks, without asking again for the passphrase (the app verifies
    each backup it has just written this way)."""
    with _open_source(Path(source)) as f:
        tar = TarReader(f)
        manifest_bytes = _expect(tar, MANIFEST, MAX_MANIFEST_BYTES)
        tag = _expect(tar, MANIFEST_HMAC, HMAC_BYTES)
        keys = _expect(tar, KEYS, MAX_KEYFILE_BYTES)
        with store.derive_key(BACKUP_KEY_LABEL) as key:
            authentic = hmac_matches(key, manifest_bytes, tag)
        if not authentic:
            raise BackupRejected("the backup was altered, or is not a backup of this store: "
                                 "its manifest does not match its authentication code")
        manifest = Manifest.from_bytes(manifest_bytes)
        if manifest.store_id != store.store_id:
            raise BackupRejected("the backup belongs to another store")
        _check_entry(manifest.members[0], keys)
        _stream_members(tar, manifest, lambda _entry: None, progress, cancelled)
    return _summary(manifest)


def restore_backup(source: Path, target: Path, secret: Secret, *,
                   policy: KdfPolicy = PRODUCTION, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> BackupSummary:
    """Restore ``source`` into ``target``, which must not exist or be an empty directory."""
    target = Path(target)
    check_restore_target(target)
    with _open_source(Path(source)) as f:
        opened = _authenticate(f, secret, policy)  # nothing is written before this passes
        staging = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = target.parent / f".{target.name}.restoring-{secrets.token_hex(8)}"
            staging.mkdir(mode=0o700)
            (staging / "blobs").mkdir(mode=0o700)
            _write_file(staging / KEYS, opened.keys)
            _stream_members(opened.tar, opened.manifest,
                            lambda entry: _file_sink(staging, entry), progress, cancelled)
        except BaseException:
            opened.dek.wipe()
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            raise
    try:
        fsync_dir(staging / "blobs")
        fsync_dir(staging)
        problems = _finish(staging, opened, policy)
        check_restore_target(target)
        if target.exists():
            target.rmdir()
        os.rename(staging, target)
        fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return replace(_summary(opened.manifest), problems=problems)


def check_restore_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise StoreExists(f"{target} is not a directory; restore needs an empty one")
    if target.is_dir() and any(target.iterdir()):
        raise StoreExists(f"{target} is not empty; restore only into a new or empty directory")


@dataclass
class _Opened:
    """A backup whose manifest is authentic; ``tar`` is positioned after the key file."""

    manifest: Manifest
    keyfile: KeyFile
    keys: bytes
    dek: SecretBytes
    tar: TarReader


def _summary(m: Manifest) -> BackupSummary:
    return BackupSummary(m.backup_id, m.store_id, m.created, m.schema_version,
                         len(m.blobs), m.total_size)


@contextlib.contextmanager
def _open_source(path: Path):  # type: ignore[no-untyped-def]
    """Open a backup for reading: a regular file only (a FIFO or device would hang or never end)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InvalidInput("backup", f"{path} does not exist") from None
    except OSError as exc:
        raise InvalidInput("backup", f"cannot read {path}: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput("backup", f"{path} is not a regular file")
        if info.st_size < 4 * BLOCK:
            raise BackupRejected(f"{path.name} is too short to be a backup")
        f = os.fdopen(fd, "rb", buffering=1 << 20)
    except BaseException:
        os.close(fd)
        raise
    with f:
        yield f


def _expect(tar: TarReader, name: str, limit: int) -> bytes:
    member = tar.next()
    if member is None or member.name != name:
        raise BackupRejected(f"not a Testimony Intake backup (expected {name} next)")
    return tar.read_all(limit)


def _authenticate(f: BinaryIO, secret: Secret, policy: KdfPolicy) -> _Opened:
    """Read the manifest, its HMAC and the key file; unlock; check the HMAC; parse."""
    tar = TarReader(f)
    manifest_bytes = _expect(tar, MANIFEST, MAX_MANIFEST_BYTES)
    tag = _expect(tar, MANIFEST_HMAC, HMAC_BYTES)
    keys = _expect(tar, KEYS, MAX_KEYFILE_BYTES)
    try:
        keyfile = KeyFile.from_bytes(keys)
    except KeyFileInvalid as exc:
        raise BackupRejected(f"the backup's key file is damaged: {exc.reason}") from None
    dek = _unlock(keyfile, secret, policy)
    try:
        with derive_subkey(dek, BACKUP_KEY_LABEL) as key:
            authentic = hmac_matches(key, manifest_bytes, tag)
        if not authentic:
            raise BackupRejected("the backup was altered: its manifest does not match its "
                                 "authentication code")
        manifest = Manifest.from_bytes(manifest_bytes)
        if manifest.store_id != keyfile.store_id:
            raise BackupRejected("the backup's manifest and key file belong to different stores")
        _check_entry(manifest.members[0], keys)
    except BaseException:
        dek.wipe()
        raise
    return _Opened(manifest, keyfile, keys, dek, tar)


def _unlock(keyfile: KeyFile, secret: Secret, policy: KdfPolicy) -> SecretBytes:
    try:
        if isinstance(secret, RecoveryKey):
            return keyslots.unlock_with_recovery(keyfile, secret)
        return keyslots.unlock_with_passphrase(keyfile, secret, policy)
    except WrongKey:
        what = "recovery key" if isinstance(secret, RecoveryKey) else "passphrase"
        raise WrongPassphrase(f"the {what} does not open this backup (a backup opens with "
                              "the passphrase the store had when it was made)") from None
    except KdfParamsRejected as exc:
        raise BackupRejected(f"the backup's key file parameters are refused: {exc}") from None


def _check_entry(entry: Entry, data: bytes) -> None:
    if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
        raise BackupRejected(f"{entry.path} in the backup does not match its manifest")


Sink = Callable[[bytes], object]


class _Counter:
    """Counts, reports progress and honours cancel across all members of one read."""

    def __init__(self, done: int, total: int, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.done, self.total = done, total
        self._progress, self._cancelled = progress, cancelled

    def step(self, n: int) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("cancelled; nothing was restored")
        self.done += n
        if self._progress is not None:
            self._progress(self.done, self.total)


def _stream_members(tar: TarReader, manifest: Manifest,
                    open_sink: Callable[[Entry], contextlib.AbstractContextManager[Sink] | None],
                    progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
    """Read every member after the key file, in manifest order, each hashed and compared."""
    counter = _Counter(manifest.members[0].size, manifest.total_size, progress, cancelled)
    for entry in manifest.members[1:]:
        member = tar.next()
        if member is None:
            raise BackupRejected(f"the backup is incomplete: {entry.path} is missing")
        if member.name != entry.path or member.size != entry.size:
            raise BackupRejected(f"the backup's members differ from its manifest at {member.name}")
        digest = hashlib.sha256()
        sink_cm: contextlib.AbstractContextManager[Sink | None] = \
            open_sink(entry) or contextlib.nullcontext(None)
        with sink_cm as sink:
            tar.copy_to(_Tee(digest, sink, counter))
        if digest.hexdigest() != entry.sha256:
            raise BackupRejected(f"{entry.path} in the backup is damaged (its hash differs)")
    if tar.next() is not None:
        raise BackupRejected("the backup holds members its manifest does not list")


class _Tee:
    def __init__(self, digest: hashlib._Hash, sink: Sink | None, counter: _Counter) -> None:
        self._digest, self._sink, self._counter = digest, sink, counter

    def __call__(self, chunk: bytes) -> None:
        self._counter.step(len(chunk))
        self._digest.update(chunk)
        if self._sink is not None:
            self._sink(chunk)


@contextlib.contextmanager
def _file_sink(staging: Path, entry: Entry):  # type: ignore[no-untyped-def]
    path = staging / entry.path
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o600)
    with os.fdopen(fd, "wb") as out:
        yield out.write
        out.flush()
        os.fsync(out.fileno())


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _finish(staging: Path, opened: _Opened, policy: KdfPolicy) -> tuple[str, ...]:
    """Open the staged store (this wipes the data key when it closes), check it, audit.

    The backup itself is authentic and complete by now. If the store it holds was
    already damaged when it was copied (an attachment lost before the backup), it is
    restored all the same — the rest must not be lost with it — and what ``check``
    found is returned, recorded in the audit entry and shown.
    """
    manifest = opened.manifest
    with Store.open_with_data_key(staging, opened.keyfile, opened.dek,
                                  policy=policy) as store:
        report = store.check()
        with store.transaction():
            store.audit.append("store.restore", None, {
                "backup_id": manifest.backup_id, "backup_created": manifest.created,
                "members": len(manifest.members), "bytes": manifest.total_size,
                "problems": len(report.problems)})
    return report.problems
