"""``backup -o FILE``: one file holding a consistent, still-encrypted copy of the whole store.

Nothing is decrypted on the way: the database is copied page by page with
SQLite's online backup API from the open (keyed) connection into a new
SQLCipher file keyed with the same raw key, so the copy is as encrypted as the
original and is a consistent snapshot even while the store is in use; blobs are
already age files and are copied as they are; the ``keys`` file holds nothing
secret in clear. The archive is written through :func:`atomic_writer`, so the
previous backup at the same path stays whole until the new one is complete.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crypto.atomicfile import atomic_writer
from crypto.errors import KeyFileInvalid
from crypto.keyfile import MAX_KEYFILE_BYTES, KeyFile
from crypto.subkeys import BACKUP_KEY_LABEL, SQLCIPHER_KEY_LABEL
from intake.backup.errors import BackupFailed
from intake.backup.manifest import (
    DATABASE,
    KEYS,
    MANIFEST,
    MANIFEST_HMAC,
    Entry,
    Manifest,
    manifest_hmac,
)
from intake.backup.tarstream import BLOCK, TarWriter
from intake.clock import utc_now_iso
from intake.errors import Cancelled, InvalidInput
from intake.store import Store
from intake.store.database import (
    PLAINTEXT_SQLITE_HEADER,
    DatabaseError,
    open_database,
)
from intake.store.schema import schema_version

STAGING_PREFIX = ".backup-"
_CHUNK = 1 << 20
Progress = Callable[[int, int], None]  # bytes done, bytes in all


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    backup_id: str
    created: str
    members: int
    size: int
    manifest_sha256: str
    warnings: tuple[str, ...] = ()


def create_backup(store: Store, out: Path, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> BackupInfo:
    """Write a backup of ``store`` to ``out``; audited as ``store.backup`` once it is whole."""
    out = _check_output(store, Path(out))
    remove_stale_staging(store.paths.root)
    staging = store.paths.root / f"{STAGING_PREFIX}{secrets.token_hex(8)}"
    staging.mkdir(mode=0o700)
    try:
        copy = staging / DATABASE
        blob_names = _copy_database(store, copy)
        keys = _read_keys(store)
        database = _entry_of(DATABASE, copy, cancelled)
        if database is None:
            raise BackupFailed("the copy of store.db vanished while the backup was made")
        members = [Entry(KEYS, hashlib.sha256(keys).hexdigest(), len(keys)), database]
        warnings = []
        for name in sorted(blob_names):
            entry = _entry_of(f"blobs/{name}", store.blob_store.path(name), cancelled)
            if entry is None:  # back up the rest: a missing attachment must not cost them all
                warnings.append(f"blobs/{name} is missing from the store and is not in the "
                                "backup; run check")
            else:
                members.append(entry)
        created = utc_now_iso()
        manifest = Manifest(str(uuid.uuid4()), store.store_id, created,
                            _schema_of(store), tuple(members))
        manifest_bytes = manifest.to_bytes()
        with store.derive_key(BACKUP_KEY_LABEL) as key:
            tag = manifest_hmac(key, manifest_bytes)
        total = manifest.total_size + len(manifest_bytes) + len(tag)
        _check_space(out, total + BLOCK * (2 * len(members) + 8))
        _write_archive(out, manifest, manifest_bytes, tag, keys, copy, store, total,
                       progress, cancelled)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    manifest_sha = hashlib.sha256(manifest_bytes).hexdigest()
    size = out.stat().st_size
    with store.transaction():
        store.audit.append("store.backup", None, {
            "backup_id": manifest.backup_id, "manifest_sha256": manifest_sha,
            "members": len(members), "bytes": size, "missing_blobs": len(warnings)})
    return BackupInfo(out, manifest.backup_id, created, len(members), size, manifest_sha,
                      tuple(warnings))


def remove_stale_staging(root: Path) -> None:
    """Remove what an interrupted backup left in the store directory (ciphertext only)."""
    for leftover in root.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _check_output(store: Store, out: Path) -> Path:
    if out.name in ("", ".", ".."):
        raise InvalidInput("output", "give a file name for the backup")
    parent = out.parent.resolve()
    if not parent.is_dir():
        raise InvalidInput("output", f"{out.parent} is not a directory")
    root = store.paths.root.resolve()
    if parent == root or root in parent.parents:
        raise InvalidInput("output", "a backup cannot be written inside the store it copies")
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise InvalidInput("output", f"{out} exists and is not a regular file")
    return parent / out.name


def _copy_database(store: Store, target: Path) -> set[str]:
    """Snapshot ``store.db`` into ``target`` (same raw key); return the blobs it references."""
    with store.derive_key(SQLCIPHER_KEY_LABEL) as key:
        copy = open_database(target, key, create=True)
    try:
        try:
            store.conn.backup(copy)
        except DatabaseError as exc:
            raise BackupFailed(f"store.db could not be read whole ({exc}); run check") from None
        # Every page's HMAC: proves the copy is whole and decrypts (4 s at 850 MB). SQLite's
        # structural integrity_check would add ~55 s there and belongs to ``check``: the copy
        # is page for page the source.
        problems = [str(r[0]) for r in copy.execute("PRAGMA cipher_integrity_check")]
        if problems:
            raise BackupFailed(f"the copy of store.db does not verify ({problems[0]}); "
                               "run check")
        names = {row[0] for row in copy.execute("SELECT blob FROM attachments")}
    finally:
        copy.close()
    with target.open("rb") as f:
        if f.read(len(PLAINTEXT_SQLITE_HEADER)) == PLAINTEXT_SQLITE_HEADER:
            raise BackupFailed("the database copy is not encrypted; refusing to write it")
    for sidecar in ("-wal", "-shm"):
        if Path(f"{target}{sidecar}").exists():
            raise BackupFailed("the database copy was not closed cleanly")
    return names


def _read_keys(store: Store) -> bytes:
    """The key file on disk (it may hold a passphrase changed by another session since this
    one unlocked); if it is damaged or gone, the slots this session unlocked with — so a
    store whose key file just failed can still be saved while it is open."""
    try:
        with store.paths.keys.open("rb") as f:
            data = f.read(MAX_KEYFILE_BYTES + 1)
        if KeyFile.from_bytes(data).store_id == store.store_id:
            return data
    except (OSError, KeyFileInvalid):
        pass
    return store.keyfile.to_bytes()


def _entry_of(path_in_archive: str, path: Path,
              cancelled: Callable[[], bool] | None) -> Entry | None:
    """Hash and size of a member-to-be; None if the file is missing."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled("backup cancelled; nothing was written")
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None
    return Entry(path_in_archive, digest.hexdigest(), size)


def _schema_of(store: Store) -> int:
    return schema_version(store.conn)


def _check_space(out: Path, needed: int) -> None:
    try:
        st = os.statvfs(out.parent)
    except (AttributeError, OSError):
        return
    # An old backup at ``out`` is replaced only at the end, so its space is not free.
    free = st.f_bavail * st.f_frsize
    if free < needed:
        raise BackupFailed(f"not enough space in {out.parent}: the backup needs "
                           f"{_mb(needed)} and {_mb(free)} is free")


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _write_archive(out: Path, manifest: Manifest, manifest_bytes: bytes, tag: bytes,
                   keys: bytes, copy: Path, store: Store, total: int,
                   progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
    done = 0

    def step(n: int) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise Cancelled("backup cancelled; nothing was written")
        done += n
        if progress is not None:
            progress(done, total)

    with atomic_writer(out) as raw:
        tar = TarWriter(raw, mtime=0)
        tar.add_bytes(MANIFEST, manifest_bytes)
        tar.add_bytes(MANIFEST_HMAC, tag)
        tar.add_bytes(KEYS, keys)
        step(len(manifest_bytes) + len(tag) + len(keys))
        for entry in manifest.members[1:]:
            source = copy if entry.path == DATABASE else \
                store.blob_store.path(entry.path.removeprefix("blobs/"))
            with source.open("rb") as f:
                checked = _Verifying(f, entry)
                tar.add_stream(entry.path, entry.size, checked, step)  # type: ignore[arg-type]
                checked.finish()
        tar.close()


class _Verifying:
    """Hashes what is copied into the archive: a file that changed since it was hashed
    (a damaged disk) fails the backup instead of producing one that will not restore."""

    def __init__(self, source: BinaryIO, entry: Entry) -> None:
        self._source = source
        self._entry = entry
        self._digest = hashlib.sha256()

    def read(self, n: int) -> bytes:
        data = self._source.read(n)
        self._digest.update(data)
        return data

    def finish(self) -> None:
        if self._digest.hexdigest() != self._entry.sha256:
            raise BackupFailed(f"{self._entry.path} changed while it was being copied; "
                               "run check, then try again")
