"""The one door to a store's data: unlock, read, save, attach, rekey, check, erase.

A :class:`Store` is an unlocked store. It holds the data key (DEK) and the
SQLCipher connection for as long as it is open, and wipes the key on
:meth:`close`. Everything else in the application — the CLI, the UI's worker,
export and import — goes through it; none of them see SQL or key bytes.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from crypto import keyslots
from crypto.atomicfile import staged_replace
from crypto.errors import KdfParamsRejected, KeyFileInvalid, WrongKey
from crypto.identity import Identity, IdentityCard
from crypto.kdf import PRODUCTION, Argon2Params, KdfPolicy, calibrate
from crypto.receipt_code import receipt_mac
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from crypto.subkeys import SQLCIPHER_KEY_LABEL, derive_subkey
from intake.clock import utc_now_iso
from intake.errors import (
    InvalidInput,
    NotFound,
    StoreDamaged,
    StoreExists,
    StoreNotFound,
    WrongPassphrase,
)
from intake.model import AttachmentRef, Testimony
from intake.store import drafts, records, search_index
from intake.store.audit import AuditLog
from intake.store.blobs import BlobStore
from intake.store.check import CheckReport, quick_check, run_check
from intake.store.database import (
    Connection,
    DatabaseError,
    describe_damage,
    open_database,
    transaction,
)
from intake.store.paths import StorePaths
from intake.store.schema import migrate
from intake.store.streams import CancelCheck, Progress

MAX_ATTACHMENT_BYTES = 8 * 1024**3
KdfProgress = Callable[[float], None]


class Store:
    """An unlocked store. Use :meth:`create`, :meth:`open` or :meth:`open_with_recovery`."""

    def __init__(self, paths: StorePaths, keyfile: keyslots.KeyFile, dek: SecretBytes,
                 conn: Connection, identity: Identity, label: str,
                 policy: KdfPolicy) -> None:
        self.paths = paths
        self._keyfile = keyfile
        self._dek = dek
        self._conn: Connection | None = conn
        self._identity = identity
        self._label = label
        self._policy = policy
        self.audit = AuditLog(conn)
        self._blobs = BlobStore(paths.blobs, identity, identity.public(label).age)

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def create(cls, root: Path, passphrase: SecretBytes, *, label: str,
               policy: KdfPolicy = PRODUCTION, params: Argon2Params | None = None,
               progress: KdfProgress | None = None) -> tuple[Store, RecoveryKey]:
        """Make a new store at ``root``; return it unlocked, with its recovery key.

        Everything is built in a staging directory beside ``root`` and renamed into
        place at the end, so a crash midway leaves no half-made store behind.
        """
        root = Path(root)
        paths = StorePaths(root)
        if paths.exists() or (root.exists() and any(root.iterdir())):
            raise StoreExists(f"{root} already holds a store or other files")
        label = _check_label(label)
        if params is None:
            params = calibrate(policy, progress)
        root.parent.mkdir(parents=True, exist_ok=True)
        staging = root.parent / f".{root.name}.creating-{uuid.uuid4().hex[:8]}"
        staging.mkdir(mode=0o700)
        try:
            dek = SecretBytes.random(32)
            recovery = RecoveryKey.generate()
            store_id = str(uuid.uuid4())
            keyfile = keyslots.create_keyfile(store_id, dek, passphrase, recovery, params,
                                               policy=policy)
            staged = StorePaths(staging)
            identity = Identity.generate()
            conn = _open_db(staged, dek, create=True)
            try:
                migrate(conn)
                secret = identity.to_secret_json()
                with transaction(conn):
                    conn.execute("INSERT INTO meta (key, value) VALUES ('store_id', ?)",
                                 (store_id,))
                    conn.execute("INSERT INTO identity (id, label, secret, created_at)"
                                 " VALUES (1, ?, ?, ?)", (label, secret.bytes(), utc_now_iso()))
                    AuditLog(conn).append("store.create", None, {
                        "store_id": store_id,
                        "fingerprint": identity.public(label).fingerprint})
                secret.wipe()
            finally:
                conn.close()
            staged.blobs.mkdir(mode=0o700)
            keyslots.write_keyfile(staged.keys, keyfile)
            if root.exists():
                root.rmdir()
            os.rename(staging, root)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls._unlock(paths, keyfile, dek, policy), recovery

    @classmethod
    def open(cls, root: Path, passphrase: SecretBytes, *,
             policy: KdfPolicy = PRODUCTION) -> Store:
        paths = StorePaths(Path(root))
        keyfile = _read_keyfile(paths)
        try:
            dek = keyslots.unlock_with_passphrase(keyfile, passphrase, policy)
        except WrongKey:
            raise WrongPassphrase("wrong passphrase") from None
        except KdfParamsRejected as exc:
            raise StoreDamaged(f"the key file's parameters are refused: {exc}") from None
        return cls._unlock(paths, keyfile, dek, policy)

    @classmethod
    def open_with_recovery(cls, root: Path, recovery_key: RecoveryKey, *,
                           policy: KdfPolicy = PRODUCTION) -> Store:
        paths = StorePaths(Path(root))
        keyfile = _read_keyfile(paths)
        try:
            dek = keyslots.unlock_with_recovery(keyfile, recovery_key)
        except WrongKey:
            raise WrongPassphrase("the recovery key does not open this store") from None
        return cls._unlock(paths, keyfile, dek, policy)

    @classmethod
    def open_with_data_key(cls, root: Path, keyfile: keyslots.KeyFile, dek: SecretBytes, *,
                           policy: KdfPolicy = PRODUCTION) -> Store:
        """Open with a data key already unlocked from ``keyfile`` (restore, which unlocks a
        backup's key file itself). The store owns ``dek`` from here and wipes it on close."""
        return cls._unlock(StorePaths(Path(root)), keyfile, dek, policy)

    @classmethod
    def _unlock(cls, paths: StorePaths, keyfile: keyslots.KeyFile, dek: SecretBytes,
                policy: KdfPolicy) -> Store:
        try:
            conn = _open_db(paths, dek, create=False)
        except BaseException:
            dek.wipe()
            raise
        try:
            try:
                migrate(conn)
                row = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
                ident = conn.execute("SELECT label, secret FROM identity WHERE id = 1").fetchone()
            except DatabaseError as exc:
                # A damaged page among those read at unlock: name it, never a traceback.
                raise StoreDamaged(describe_damage(conn, paths.db)) from exc
            if row is None or row[0] != keyfile.store_id:
                raise StoreDamaged("store.db belongs to a different key file")
            if ident is None:
                raise StoreDamaged("the store's identity is missing")
            label, secret_bytes = ident
            secret = SecretBytes(bytearray(secret_bytes))
            try:
                identity = Identity.from_secret_json(secret)
            finally:
                secret.wipe()
        except BaseException:
            conn.close()
            dek.wipe()
            raise
        return cls(paths, keyfile, dek, conn, identity, label, policy)

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """Lock: close the database and wipe the data key. Safe to call twice."""
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        self._dek.wipe()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def transaction(self) -> contextlib.AbstractContextManager[Connection]:
        """One write transaction, for ``intake`` modules that combine several steps (import)."""
        return transaction(self.conn)

    @property
    def blob_store(self) -> BlobStore:
        return self._blobs

    @property
    def conn(self) -> Connection:
        """The open connection, for modules of ``intake`` that hold SQL (export, search)."""
        if self._conn is None:
            from intake.errors import StoreLocked
            raise StoreLocked("the store is locked")
        return self._conn

    # -- identity ---------------------------------------------------------------------

    @property
    def label(self) -> str:
        return self._label

    @property
    def store_id(self) -> str:
        return self._keyfile.store_id

    def identity_card(self) -> IdentityCard:
        return self._identity.public(self._label)

    @property
    def identity(self) -> Identity:
        """The private identity, for signing exports and opening bundles."""
        return self._identity

    @property
    def keyfile(self) -> keyslots.KeyFile:
        """The key slots this store was unlocked with (nothing secret in clear)."""
        return self._keyfile

    def derive_key(self, label: str) -> SecretBytes:
        """A subkey of the data key for another ``intake`` module (the backup MAC, the key of
        a database copy). The caller wipes it (``with store.derive_key(L) as key:``)."""
        if self._conn is None:
            from intake.errors import StoreLocked
            raise StoreLocked("the store is locked")
        return derive_subkey(self._dek, label)

    def receipt_mac(self, message: bytes) -> bytes:
        """The keyed MAC behind a consent receipt code (``intake.consent_receipt``): only
        this store can make or check a code, and the key never leaves ``crypto``."""
        if self._conn is None:
            from intake.errors import StoreLocked
            raise StoreLocked("the store is locked")
        return receipt_mac(self._dek, message)

    # -- testimonies ------------------------------------------------------------------

    def add(self, testimony: Testimony) -> Testimony:
        return self.add_many([testimony])[0]

    def add_many(self, testimonies: list[Testimony]) -> list[Testimony]:
        """Store new testimonies, all or none, each as its revision 1."""
        seen: set[str] = set()
        for t in testimonies:
            if t.id in seen:
                raise InvalidInput("id", f"testimony {t.id} appears twice in the input")
            seen.add(t.id)
        stored = []
        with transaction(self.conn):
            for t in testimonies:
                s = records.insert_new(self.conn, t)
                self.audit.append("testimony.create", s.id, {
                    "revision": 1, "sha256": records.body_sha256(records.body_of(s))})
                stored.append(s)
        return stored

    def save(self, testimony: Testimony, *,
             also: Callable[[Testimony], None] | None = None) -> Testimony:
        """Append a new revision, edited from ``testimony.revision``; return what was stored.

        ``also`` runs in the same transaction with what was stored: an extra audit entry
        (a redaction decision) commits with its revision or not at all."""
        with transaction(self.conn):
            stored = records.append_revision(self.conn, testimony)
            self._audit_save(stored)
            if also is not None:
                also(stored)
        return stored

    def _audit_save(self, t: Testimony) -> None:
        self.audit.append("testimony.save", t.id, {
            "revision": t.revision, "sha256": records.body_sha256(records.body_of(t))})

    def get(self, testimony_id: str, revision: int | None = None) -> Testimony:
        return records.load(self.conn, testimony_id, revision)

    def revisions(self, testimony_id: str) -> list[records.RevisionInfo]:
        return records.revisions(self.conn, testimony_id)

    def summaries(self, *, offset: int = 0, limit: int = -1) -> list[records.Summary]:
        return records.summaries(self.conn, offset=offset, limit=limit)

    def count(self) -> int:
        return records.count(self.conn)

    def ids(self) -> list[str]:
        return records.all_ids(self.conn)

    def search(self, query: str) -> list[records.Summary]:
        """Testimonies containing every term of ``query``, best first."""
        _check_utf8(query, "query")
        return records.summaries(self.conn, ids=search_index.matching_ids(self.conn, query))

    # -- drafts -----------------------------------------------------------------------

    def save_draft(self, key: str, body: dict[str, Any], *, testimony_id: str | None = None,
                   base_revision: int | None = None) -> None:
        """Keep the editor's unsaved state (autosave). ``body`` may be incomplete or invalid:
        it is the form as typed, kept encrypted so a crash loses at most a few seconds."""
        drafts.save(self.conn, key, body, testimony_id=testimony_id,
                    base_revision=base_revision)

    def drafts(self) -> list[drafts.Draft]:
        return drafts.all_drafts(self.conn)

    def discard_draft(self, key: str) -> None:
        drafts.discard(self.conn, key)

    # -- attachments ------------------------------------------------------------------

    def attach(self, testimony_id: str, source: Path | BinaryIO, *, name: str | None = None,
               media_type: str | None = None, progress: Progress | None = None,
               cancelled: CancelCheck | None = None) -> AttachmentRef:
        """Encrypt a file into ``blobs/`` and add it to the testimony as a new revision."""
        current = self.get(testimony_id)
        if isinstance(source, Path):
            name = name or source.name
            if not source.is_file():
                raise InvalidInput("file", f"{source} is not a readable file")
            if source.stat().st_size > MAX_ATTACHMENT_BYTES:  # refuse before reading 8 GiB
                raise InvalidInput("file", f"{source.name} is larger than the limit of "
                                   f"{MAX_ATTACHMENT_BYTES} bytes")
            with source.open("rb") as f:
                blob = self._blobs.put(f, limit=MAX_ATTACHMENT_BYTES, progress=progress,
                                       cancelled=cancelled)
        else:
            blob = self._blobs.put(source, limit=MAX_ATTACHMENT_BYTES, progress=progress,
                                   cancelled=cancelled)
        name = _check_file_name(name or "attachment")
        media_type = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        ref = AttachmentRef(id=str(uuid.uuid4()), name=name, media_type=media_type,
                            sha256=blob.sha256, size=blob.size)
        try:
            with transaction(self.conn):
                self.conn.execute(
                    "INSERT INTO attachments (id, testimony_id, name, media_type, sha256, size,"
                    " blob, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (ref.id, testimony_id, ref.name, ref.media_type, ref.sha256, ref.size,
                     blob.name, utc_now_iso()))
                updated = replace(current, attachments=(*current.attachments, ref))
                stored = records.append_revision(self.conn, updated)
                self.audit.append("testimony.attach", testimony_id, {
                    "attachment": ref.id, "sha256": ref.sha256, "size": ref.size,
                    "media_type": ref.media_type, "revision": stored.revision})
        except BaseException:
            with contextlib.suppress(OSError):
                self._blobs.path(blob.name).unlink()
            raise
        return ref

    def read_attachment(self, attachment_id: str, sink: BinaryIO) -> AttachmentRef:
        """Decrypt an attachment into ``sink`` (memory, a bundle): never to a plain file."""
        row = self.conn.execute("SELECT id, name, media_type, sha256, size, blob FROM attachments"
                                " WHERE id = ?", (attachment_id,)).fetchone()
        if row is None:
            raise NotFound(f"no attachment with id {attachment_id}")
        ref = AttachmentRef(id=row[0], name=row[1], media_type=row[2], sha256=row[3],
                            size=row[4])
        self._blobs.read(row[5], sink, expected_sha256=ref.sha256)
        return ref

    # -- keys -------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: SecretBytes, *,
                          params: Argon2Params | None = None,
                          progress: KdfProgress | None = None,
                          action: str = "passphrase.change") -> None:
        """Rewrap the data key under a new passphrase; the data is not re-encrypted."""
        if params is None:
            params = calibrate(self._policy, progress)
        keyfile = keyslots.with_new_passphrase(self._keyfile, self._dek, new_passphrase, params,
                                                 policy=self._policy)
        # The new key file is written (its space taken) before the commit and renamed into
        # place only after it: on any failure — a full disk at COMMIT included — the old
        # passphrase still opens the store. Killed between the two, the store opens with
        # the old passphrase and the audit log holds the change (docs/SECURITY.md).
        with staged_replace(self.paths.keys, keyfile.to_bytes()), transaction(self.conn):
            self.audit.append(action, None, {"memory_kib": params.memory_kib,
                                             "iterations": params.iterations})
        self._keyfile = keyfile

    # -- integrity and erase ----------------------------------------------------------

    def check(self) -> CheckReport:
        return run_check(self.conn, self._blobs)

    def quick_check(self) -> CheckReport:
        """The check to run at every unlock: fast at 50,000 records (see ``check.quick_check``)."""
        return quick_check(self.conn, self._blobs, self.paths, self._keyfile)

    def erase(self) -> None:
        """Crypto-erase this store and close it."""
        with contextlib.suppress(Exception), transaction(self.conn):
            self.audit.append("store.erase")
        self.close()
        erase_store(self.paths.root)


def erase_store(root: Path) -> None:
    """Crypto-erase: destroy every key slot first, then remove the rest.

    Once the key file is gone the data key exists nowhere, so the database and
    blobs are noise even if a disk keeps old blocks (SSD remapping). Works on a
    locked store: it needs no passphrase, because anyone who can write the
    files could delete them anyway.
    """
    from crypto.atomicfile import fsync_dir, shred_and_unlink

    paths = StorePaths(Path(root))
    if not paths.exists() and not paths.db.exists():
        raise StoreNotFound(f"no store at {root}")
    # A passphrase change cut short leaves ``.keys.<random>.tmp``: a whole key file, the
    # data key wrapped under the new passphrase. It must go with the key file itself.
    for key_copy in [paths.keys, *paths.root.glob(".keys.*.tmp")]:
        shred_and_unlink(key_copy)
    fsync_dir(paths.root)
    for p in [paths.db, *paths.db_sidecars(), *paths.leftovers()]:
        with contextlib.suppress(FileNotFoundError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink()
    shutil.rmtree(paths.blobs, ignore_errors=True)
    with contextlib.suppress(OSError):
        paths.root.rmdir()


def _read_keyfile(paths: StorePaths) -> keyslots.KeyFile:
    if not paths.keys.exists():
        raise StoreNotFound(f"no store at {paths.root} (run 'testimony-intake init' to make one)")
    try:
        return keyslots.read_keyfile(paths.keys)
    except KeyFileInvalid as exc:
        raise StoreDamaged(f"the key file is damaged: {exc}") from None


def _open_db(paths: StorePaths, dek: SecretBytes, *, create: bool) -> Connection:
    with derive_subkey(dek, SQLCIPHER_KEY_LABEL) as db_key:
        return open_database(paths.db, db_key, create=create)


def _check_utf8(text: str, field: str) -> None:
    """Text from a command line with invalid UTF-8 arrives with lone surrogates, which SQLite
    cannot store (a UnicodeEncodeError, i.e. a traceback): refuse it by name instead."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(field, "is not valid UTF-8 text") from None


def _check_label(label: str) -> str:
    label = (label or "").strip()
    _check_utf8(label, "label")
    if not label or len(label) > 200 or any(ord(c) < 32 for c in label):
        raise InvalidInput("label", "must be 1 to 200 printable characters")
    return label


def _check_file_name(name: str) -> str:
    # A name in another encoding (an old USB stick) keeps its readable part; the rest is U+FFFD.
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    name = os.path.basename(name.replace("\\", "/")).strip()
    if not name or len(name) > 255 or any(ord(c) < 32 for c in name):
        raise InvalidInput("name", "an attachment needs a file name of 1 to 255 printable "
                           "characters")
    return name
