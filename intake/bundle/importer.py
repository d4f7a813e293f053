"""``verify`` and ``import``: check a whole bundle, then (import) store it in one transaction.

Import streams attachments straight into new blobs of this store while hashing
them; everything else waits in memory. Nothing is written to the database until
every byte has checked out and age has authenticated the whole file. Then one
transaction writes the records (new, a new revision, or nothing if unchanged),
the attachments, the imported-bundle row and the audit entries. Any failure,
before or during that transaction, removes the blobs this import wrote.

A record may only be revised by the sender it first came from: a trusted sender
cannot overwrite another sender's testimony, or one made in this store, by
reusing its id. A record older than one already imported from the same sender is
left as it is.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from crypto.atomicfile import atomic_writer
from intake.bundle import writer
from intake.bundle.contents import Contents, Provenance, check_contents, provenance
from intake.bundle.format import Manifest, Member, sha256_hex
from intake.bundle.reader import (
    AttachmentSink,
    Bundle,
    CancelCheck,
    Progress,
    hash_only,
    read_bundle,
)
from intake.bundle.sealer import Sealer, helper_available
from intake.bundle.tarformat import TarReader
from intake.clock import utc_now_iso
from intake.contacts import Contacts
from intake.errors import BundleRejected
from intake.model import Testimony
from intake.store import Store, records
from intake.store.blobs import BLOB_NAME_BYTES
from intake.store.database import Connection


@dataclass(frozen=True)
class ImportResult:
    provenance: Provenance
    already_imported: bool = False
    created: tuple[str, ...] = ()
    revised: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    older: tuple[str, ...] = ()
    attachments: int = 0
    new_contact: str | None = None


def unknown_sender_message(p: Provenance) -> str:
    return (f"the sender {p.sender.label!r} (fingerprint {p.sender.fingerprint}) is not among "
            "your contacts; compare this fingerprint with the sender over the phone, then "
            "import again with --trust-new-sender")


def verify_bundle(store: Store, path: Path, *, progress: Progress | None = None,
                  cancelled: CancelCheck | None = None) -> Provenance:
    """Check everything, store nothing; the sender may be unknown (see ``known_sender``)."""
    with open_age_file(path) as source:
        bundle = read_bundle(source, store.identity, store.identity_card().fingerprint,
                             on_manifest=lambda m: True, progress=progress,
                             cancelled=cancelled)
    assert bundle is not None
    check_contents(bundle)
    return bundle_provenance(store, bundle.manifest, bundle.manifest_sha256)


def import_bundle(store: Store, path: Path, *, trust_new_sender: bool = False,
                  progress: Progress | None = None,
                  cancelled: CancelCheck | None = None) -> ImportResult:
    seen: dict[str, object] = {}

    def on_manifest(manifest: Manifest) -> bool:
        p = bundle_provenance(store, manifest, _sha(manifest))
        seen["provenance"] = p
        if not p.known_sender and not trust_new_sender:
            raise BundleRejected(unknown_sender_message(p))
        return not _already_imported(store.conn, manifest)

    written: list[str] = []
    try:
        with open_age_file(path) as source:
            bundle = read_bundle(source, store.identity, store.identity_card().fingerprint,
                                 on_manifest=on_manifest, attachment_sink=_sink(store),
                                 progress=progress, cancelled=cancelled, written=written)
        prov = seen["provenance"]
        assert isinstance(prov, Provenance)
        if bundle is None:
            return ImportResult(prov, already_imported=True)
        contents = check_contents(bundle)
        result = _commit(store, bundle, contents, prov)
    except BaseException:
        _remove_blobs(store, written)
        raise
    _remove_blobs(store, [b for b in written if b not in _referenced(store, written)])
    return result


def _sha(manifest: Manifest) -> str:
    return sha256_hex(manifest.to_bytes())


_AGE_MAGIC = b"age-encryption.org/v1\n"
_AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"


@contextlib.contextmanager
def open_age_file(path: Path, what: str = "a bundle") -> Iterator[BinaryIO]:
    """A regular file only (a FIFO or a device would hang or never end), checked to be an
    age file before pyrage reads on and on; ``what`` names it in the refusal."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise BundleRejected(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BundleRejected(f"{path}: is a directory, not {what}") from None
    except OSError as exc:
        raise BundleRejected(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BundleRejected(f"{path}: is not a regular file, not {what}")
        f = os.fdopen(fd, "rb", buffering=1 << 20)
    except BaseException:
        os.close(fd)
        raise
    with f:
        head = f.read(len(_AGE_ARMOR))
        if not (head.startswith(_AGE_MAGIC) or head == _AGE_ARMOR):
            raise BundleRejected(f"{path.name}: not an age file, so not {what}")
        f.seek(0)
        yield f


def bundle_provenance(store: Store, manifest: Manifest, manifest_sha256: str) -> Provenance:
    contact = Contacts(store).by_fingerprint(manifest.sender.fingerprint)
    return provenance(manifest, manifest_sha256, contact.label if contact else None,
                      bool(contact and contact.verified))


def _already_imported(conn: Connection, manifest: Manifest) -> bool:
    row = conn.execute("SELECT manifest_sha256 FROM imported_bundles WHERE bundle_id = ?",
                       (manifest.bundle_id,)).fetchone()
    if row is None:
        return False
    if row[0] != _sha(manifest):
        raise BundleRejected(f"a different bundle with the id {manifest.bundle_id} was "
                             "imported before; this one is refused")
    return True


def _sink(store: Store) -> AttachmentSink:
    def sink(member: Member, data: TarReader) -> tuple[str | None, str, int]:
        row = store.conn.execute("SELECT sha256 FROM attachments WHERE id = ?",
                                 (member.ref,)).fetchone()
        if row is not None:  # held already (an earlier bundle): check, do not store twice
            return hash_only(member, data)
        if member.size >= writer.HELPER_THRESHOLD and helper_available():
            return _seal_in_helper(store, member, data)
        blob = store.blob_store.put(data, limit=member.size)  # type: ignore[arg-type]
        return blob.name, blob.sha256, blob.size
    return sink


def _seal_in_helper(store: Store, member: Member, data: TarReader) -> tuple[str, str, int]:
    """A new blob like ``BlobStore.put`` makes, encrypted *and hashed* by the helper process
    (to this store's own public key) on one core, while the decryptor thread decrypts on
    the other; this thread only moves the bytes. The reader compares the hash and size
    with the manifest's; the caller removes the blob if anything fails."""
    name = secrets.token_hex(BLOB_NAME_BYTES)
    path = store.blob_store.path(name)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    with atomic_writer(path) as out:
        sealer = Sealer(out, [store.identity.age_recipient], [(0, member.size)])
        try:
            while chunk := data.read():
                sealer.write(chunk)
            size, digests = sealer.close()
        except BaseException:
            sealer.abort()
            raise
    return name, digests[0], size


def _commit(store: Store, bundle: Bundle, contents: Contents, prov: Provenance) -> ImportResult:
    m = bundle.manifest
    sender = m.sender.fingerprint
    outcomes: dict[str, list[str]] = {"created": [], "revised": [], "unchanged": [],
                                      "older": []}
    new_contact = None
    with store.transaction() as conn:
        if _already_imported(conn, m):
            return ImportResult(prov, already_imported=True)
        if not prov.known_sender:
            contacts = Contacts(store)
            label = contacts.free_label(m.sender.label, sender)
            new_contact = contacts.add_in_transaction(m.sender, label, source="bundle",
                                                      bundle_id=m.bundle_id).label
        conn.execute("INSERT INTO imported_bundles (bundle_id, sender_fingerprint,"
                     " manifest_sha256, manifest, signature, created, purpose, level,"
                     " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (m.bundle_id, sender, bundle.manifest_sha256, bundle.manifest_bytes,
                      bundle.signature, m.created, m.purpose, m.level, utc_now_iso()))
        applied: set[str] = set()
        for t in contents.testimonies:
            outcome, local = _apply_record(conn, t, sender)
            outcomes[outcome].append(t.id)
            if outcome in ("created", "revised"):
                applied.add(t.id)
            conn.execute("INSERT INTO imported_records (bundle_id, testimony_id,"
                         " sender_revision, local_revision, outcome) VALUES (?, ?, ?, ?, ?)",
                         (m.bundle_id, t.id, t.revision, local, outcome))
            store.audit.append("import", t.id, {
                "bundle_id": m.bundle_id, "sender": sender, "purpose": m.purpose,
                "level": m.level, "manifest_sha256": bundle.manifest_sha256,
                "outcome": outcome, "sender_revision": t.revision, "revision": local,
                "sha256": records.body_sha256(records.body_of(replace(t, revision=local)))})
        added = _attachments(conn, bundle, contents, applied)
        conn.executemany("INSERT INTO imported_documents (bundle_id, path, sha256, size,"
                         " content) VALUES (?, ?, ?, ?, ?)",
                         [(m.bundle_id, p, mem.sha256, mem.size, bundle.contents[p])
                          for p, mem in m.by_path().items() if p in bundle.contents
                          and mem.kind != "record"])
    return ImportResult(prov, created=tuple(outcomes["created"]),
                        revised=tuple(outcomes["revised"]),
                        unchanged=tuple(outcomes["unchanged"]), older=tuple(outcomes["older"]),
                        attachments=added, new_contact=new_contact)


def _apply_record(conn: Connection, t: Testimony, sender: str) -> tuple[str, int]:
    if not records.exists(conn, t.id):
        return "created", records.insert_new(conn, t, origin=sender).revision
    origin = conn.execute("SELECT origin FROM testimonies WHERE id = ?", (t.id,)).fetchone()[0]
    if origin != sender:
        raise BundleRejected(f"testimony {t.id} already exists here and did not come from this "
                             "sender; it is not overwritten (nothing was imported)")
    latest = records.latest_revision(conn, t.id)
    if conn.execute("SELECT 1 FROM notices_received WHERE testimony_id = ?",
                    (t.id,)).fetchone():  # withdrawn by the sender's notice: never undone
        return "unchanged", latest
    stored = conn.execute("SELECT sha256 FROM revisions WHERE testimony_id = ? AND revision = ?",
                          (t.id, latest)).fetchone()[0]
    if records.body_sha256(records.body_of(replace(t, revision=latest))) == stored:
        return "unchanged", latest
    newest = conn.execute("SELECT max(sender_revision) FROM imported_records WHERE"
                          " testimony_id = ? AND outcome IN ('created', 'revised')",
                          (t.id,)).fetchone()[0]
    if newest is not None and t.revision < newest:
        return "older", latest
    return "revised", records.append_as_revision(conn, t).revision


def _attachments(conn: Connection, bundle: Bundle, contents: Contents,
                 applied: set[str]) -> int:
    added = 0
    now = utc_now_iso()
    for att_id, (testimony_id, ref) in contents.attachments.items():
        row = conn.execute("SELECT testimony_id, sha256, size FROM attachments WHERE id = ?",
                           (att_id,)).fetchone()
        if row is not None:
            if tuple(row) != (testimony_id, ref.sha256, ref.size):
                raise BundleRejected(f"attachment {att_id} already exists here with other "
                                     "content or another testimony (nothing was imported)")
            continue
        if testimony_id not in applied or att_id not in bundle.blobs:
            continue
        conn.execute("INSERT INTO attachments (id, testimony_id, name, media_type, sha256,"
                     " size, blob, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (att_id, testimony_id, ref.name, ref.media_type, ref.sha256, ref.size,
                      bundle.blobs[att_id], now))
        added += 1
    return added


def _referenced(store: Store, names: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(names), 500):  # within SQLite's limit on bound parameters
        part = names[i:i + 500]
        marks = ",".join("?" * len(part))
        found.update(r[0] for r in store.conn.execute(
            f"SELECT blob FROM attachments WHERE blob IN ({marks})", part))
    return found


def _remove_blobs(store: Store, names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            store.blob_store.path(name).unlink()
