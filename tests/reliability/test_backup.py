"""``backup`` / ``verify-backup`` / ``restore``: one file, verifiable, never plaintext."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tarfile
from dataclasses import replace
from pathlib import Path

import pytest

from crypto.subkeys import BACKUP_KEY_LABEL
from intake.backup import (
    BackupFailed,
    BackupRejected,
    create_backup,
    restore_backup,
    verify_backup,
)
from intake.backup.manifest import Manifest, manifest_hmac
from intake.backup.tarstream import BLOCK, TarReader, TarWriter
from intake.errors import Cancelled, InvalidInput, StoreExists, WrongPassphrase
from intake.store import Store
from tests.helpers import canary_encodings, files_containing
from tests.reliability.harness import digest_tree
from tests.samples import make_testimony

CANARIES = ["CANARY-BACKUP-4c1e77", "백업카나리아문장", "备份金丝雀"]


@pytest.fixture
def filled(tmp_path, new_store):
    """A store with canaries in testimonies, two attachments and a draft; and its recovery."""
    store, recovery = new_store()
    t = store.add(make_testimony(narrative=" ".join(CANARIES) * 10,
                                 survivor={"pseudonym": "S-CANARY-4c1e77"}))
    store.save(replace(store.get(t.id), narrative="고친 " + " ".join(CANARIES)))
    store.attach(t.id, io.BytesIO((" ".join(CANARIES) * 300).encode("utf-8")), name="a.txt")
    store.attach(t.id, io.BytesIO(os.urandom(200_000)), name="b.bin")
    store.add(make_testimony())
    store.save_draft("draft-1", {"narrative": CANARIES[1]})
    return store, recovery, t.id


def members(path: Path) -> dict[str, bytes]:
    with path.open("rb") as f:
        reader, out = TarReader(f), {}
        while (m := reader.next()) is not None:
            out[m.name] = reader.read_all(1 << 30)
    return out


def contents(store: Store) -> dict[str, object]:
    """What a user would call 'the store': every revision, attachment bytes, drafts."""
    out: dict[str, object] = {}
    for tid in store.ids():
        out[tid] = [store.get(tid, r.revision).to_dict() for r in store.revisions(tid)]
        for a in store.get(tid).attachments:
            sink = io.BytesIO()
            store.read_attachment(a.id, sink)
            out[a.id] = hashlib.sha256(sink.getvalue()).hexdigest()
    out["drafts"] = [(d.key, d.body) for d in store.drafts()]
    return out


def test_backup_then_restore_gives_back_the_same_store(tmp_path, filled, passphrase, policy):
    store, _, _ = filled
    before = contents(store)
    out = tmp_path / "usb" / "field.tibak"
    out.parent.mkdir()
    info = create_backup(store, out)
    assert info.members == 4 and out.stat().st_size == info.size
    assert store.audit.entries()[-1].action == "store.backup"
    assert store.audit.entries()[-1].detail["backup_id"] == info.backup_id
    summary = verify_backup(out, passphrase(), policy=policy)
    assert (summary.backup_id, summary.store_id, summary.blobs) == \
        (info.backup_id, store.store_id, 2)
    restored_root = tmp_path / "restored"
    restore_backup(out, restored_root, passphrase(), policy=policy)
    with Store.open(restored_root, passphrase(), policy=policy) as restored:
        assert contents(restored) == before
        assert restored.store_id == store.store_id
        assert restored.identity_card() == store.identity_card()
        assert restored.check().ok
        assert restored.audit.entries()[-1].action == "store.restore"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["restored", "store", "usb"]
    assert (restored_root.stat().st_mode & 0o077) == 0


def test_restore_with_the_recovery_key(tmp_path, filled, policy):
    store, recovery, _ = filled
    before = contents(store)
    create_backup(store, tmp_path / "b.tibak")
    verify_backup(tmp_path / "b.tibak", recovery, policy=policy)
    restore_backup(tmp_path / "b.tibak", tmp_path / "again", recovery, policy=policy)
    with Store.open_with_recovery(tmp_path / "again", recovery, policy=policy) as restored:
        assert contents(restored) == before


def test_the_backup_holds_no_plaintext_and_an_encrypted_database(tmp_path, filled):
    store, _, _ = filled
    out = tmp_path / "b.tibak"
    create_backup(store, out)
    needles = canary_encodings([*CANARIES, "S-CANARY-4c1e77", "a.txt", "b.bin"])
    assert files_containing([out.parent], needles) == []
    parts = members(out)
    assert list(parts) [:4] == ["manifest.json", "manifest.hmac", "keys", "store.db"]
    assert not parts["store.db"].startswith(b"SQLite format 3")
    assert all(v.startswith(b"age-encryption.org/v1") for k, v in parts.items()
               if k.startswith("blobs/"))
    assert not list(store.paths.root.glob(".backup-*"))  # the staging copy is gone


def test_standard_tar_tools_read_the_backup(tmp_path, filled):
    store, _, _ = filled
    out = tmp_path / "b.tibak"
    create_backup(store, out)
    with tarfile.open(out) as tar:
        names = tar.getnames()
        assert all(m.isreg() and m.mode == 0o600 for m in tar.getmembers())
    assert names == list(members(out))
    if shutil.which("tar"):
        listed = subprocess.run(["tar", "tf", str(out)], capture_output=True, text=True)
        assert listed.returncode == 0 and listed.stdout.split() == names


def test_a_backup_opens_with_the_passphrase_of_its_time(tmp_path, filled, passphrase, policy):
    """The key file inside is a snapshot: a later passphrase change does not reach it."""
    store, _, _ = filled
    create_backup(store, tmp_path / "old.tibak")
    store.change_passphrase(passphrase("the new passphrase now"))
    with pytest.raises(WrongPassphrase, match="passphrase the store had"):
        verify_backup(tmp_path / "old.tibak", passphrase("the new passphrase now"),
                      policy=policy)
    verify_backup(tmp_path / "old.tibak", passphrase(), policy=policy)
    create_backup(store, tmp_path / "new.tibak")
    verify_backup(tmp_path / "new.tibak", passphrase("the new passphrase now"), policy=policy)


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _member_offsets(path: Path) -> dict[str, int]:
    """Where each member's data starts in the file."""
    out, offset = {}, 0
    with path.open("rb") as f:
        reader = TarReader(f)
        while (m := reader.next()) is not None:
            out[m.name] = reader.position
            reader.read_all(1 << 30)
            offset = reader.position
    out["<end>"] = offset
    return out


@pytest.mark.parametrize("where", ["header", "manifest.json", "manifest.hmac", "keys",
                                   "store.db", "blob", "padding", "<end>"])
def test_any_changed_byte_is_refused_before_anything_is_written(tmp_path, filled, passphrase,
                                                               policy, where):
    store, _, _ = filled
    out = tmp_path / "b.tibak"
    create_backup(store, out)
    offsets = _member_offsets(out)
    blob = next(k for k in offsets if k.startswith("blobs/"))
    position = {"header": 0, "blob": offsets[blob] + 5000, "padding": offsets["keys"] + 700,
                "<end>": offsets["<end>"] + 3}.get(where, offsets.get(where, 0) + 10)
    _flip(out, position)
    with pytest.raises((BackupRejected, WrongPassphrase)):
        verify_backup(out, passphrase(), policy=policy)
    with pytest.raises((BackupRejected, WrongPassphrase)):
        restore_backup(out, tmp_path / "target", passphrase(), policy=policy)
    assert not (tmp_path / "target").exists()
    assert not [p for p in tmp_path.iterdir() if "restoring" in p.name]


def test_truncated_or_extended_backups_are_refused(tmp_path, filled, passphrase, policy):
    store, _, _ = filled
    out = tmp_path / "b.tibak"
    create_backup(store, out)
    data = out.read_bytes()
    cut = tmp_path / "cut.tibak"
    for length in sorted({0, 1, 511, 512, 2047, 4096, len(data) // 2, len(data) - 1024,
                          len(data) - 1, *range(2048, len(data), len(data) // 23)}):
        cut.write_bytes(data[:length])
        with pytest.raises((BackupRejected, InvalidInput)):
            restore_backup(cut, tmp_path / "target", passphrase(), policy=policy)
        assert not (tmp_path / "target").exists()
    cut.write_bytes(data + b"\0" * 512)
    with pytest.raises(BackupRejected, match="after its end"):
        verify_backup(cut, passphrase(), policy=policy)
    assert not [p for p in tmp_path.iterdir() if "restoring" in p.name]


def _rebuild(path: Path, out: Path, edit, key=None) -> None:
    """Write a new archive from ``path``'s members after ``edit(dict)``; re-MAC if ``key``."""
    parts = members(path)
    edit(parts)
    if key is not None:
        parts["manifest.hmac"] = manifest_hmac(key, parts["manifest.json"])
    with out.open("wb") as f:
        writer = TarWriter(f, 0)
        for name, data in parts.items():
            writer.add_bytes(name, data)
        writer.close()


def test_a_recomputed_manifest_without_the_key_is_refused(tmp_path, filled, passphrase,
                                                          policy):
    """Swap a blob and fix its hash in the manifest: the HMAC (under the data key) fails."""
    store, _, _ = filled
    create_backup(store, tmp_path / "b.tibak")

    def swap_blob(parts):
        manifest = Manifest.from_bytes(parts["manifest.json"])
        blob = manifest.blobs[0]
        fake = b"age-encryption.org/v1\n" + os.urandom(blob.size - 22)
        parts[blob.path] = fake
        new = replace(blob, sha256=hashlib.sha256(fake).hexdigest())
        parts["manifest.json"] = replace(
            manifest, members=tuple(new if m == blob else m for m in manifest.members)
        ).to_bytes()

    _rebuild(tmp_path / "b.tibak", tmp_path / "forged.tibak", swap_blob)
    with pytest.raises(BackupRejected, match="altered"):
        verify_backup(tmp_path / "forged.tibak", passphrase(), policy=policy)
    # The same forgery MAC'd with the real key passes the MAC and is then caught by the
    # staged store's check: the key is what makes a backup authentic.
    with store.derive_key(BACKUP_KEY_LABEL) as key:
        _rebuild(tmp_path / "b.tibak", tmp_path / "keyed.tibak", swap_blob, key)
    summary = restore_backup(tmp_path / "keyed.tibak", tmp_path / "t", passphrase(),
                             policy=policy)
    assert summary.problems and "damaged" in summary.problems[0]


def test_members_out_of_place_unlisted_or_unsafe_are_refused(tmp_path, filled, passphrase,
                                                            policy):
    store, _, _ = filled
    create_backup(store, tmp_path / "b.tibak")
    with store.derive_key(BACKUP_KEY_LABEL) as key:
        for name, edit in {
            "extra": lambda p: p.update({"blobs/" + "f" * 32: b"x"}),
            "missing": lambda p: p.pop(next(k for k in p if k.startswith("blobs/"))),
            "reordered": lambda p: p.update({"keys": p.pop("keys")}),
        }.items():
            _rebuild(tmp_path / "b.tibak", tmp_path / f"{name}.tibak", edit, key)
            with pytest.raises(BackupRejected):
                restore_backup(tmp_path / f"{name}.tibak", tmp_path / "t", passphrase(),
                               policy=policy)
            assert not (tmp_path / "t").exists()
    raw = bytearray((tmp_path / "b.tibak").read_bytes())
    raw[0:12] = b"../../etc/pw"
    (tmp_path / "evil.tibak").write_bytes(bytes(raw))
    with pytest.raises(BackupRejected):
        verify_backup(tmp_path / "evil.tibak", passphrase(), policy=policy)


def test_a_backup_of_another_store_spliced_with_these_keys_is_refused(
        tmp_path, filled, new_store, passphrase, policy):
    store, _, _ = filled
    other, _ = new_store("other")
    create_backup(store, tmp_path / "mine.tibak")
    create_backup(other, tmp_path / "other.tibak")
    keys = members(tmp_path / "mine.tibak")["keys"]
    _rebuild(tmp_path / "other.tibak", tmp_path / "splice.tibak",
             lambda p: p.update({"keys": keys}))
    with pytest.raises(BackupRejected):
        verify_backup(tmp_path / "splice.tibak", passphrase(), policy=policy)


@pytest.mark.parametrize("kind", ["file", "nonempty", "store", "symlink"])
def test_restore_only_into_a_new_or_empty_directory(tmp_path, filled, passphrase, policy,
                                                     kind):
    store, _, _ = filled
    create_backup(store, tmp_path / "b.tibak")
    target = tmp_path / "target"
    if kind == "file":
        target.write_text("mine")
    elif kind == "nonempty":
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    elif kind == "symlink":
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    else:
        target = store.paths.root
    snapshot = digest_tree(target) if target.is_dir() else target.read_bytes()
    with pytest.raises(StoreExists):
        restore_backup(tmp_path / "b.tibak", target, passphrase(), policy=policy)
    assert (digest_tree(target) if target.is_dir() else target.read_bytes()) == snapshot
    (tmp_path / "empty").mkdir()
    restore_backup(tmp_path / "b.tibak", tmp_path / "empty", passphrase(), policy=policy)
    assert (tmp_path / "empty" / "keys").exists()


def test_a_missing_attachment_does_not_cost_the_rest(tmp_path, filled, passphrase, policy):
    store, _, tid = filled
    lost = store.get(tid).attachments[0]
    blob = store.conn.execute("SELECT blob FROM attachments WHERE id = ?", (lost.id,)).fetchone()
    store.blob_store.path(blob[0]).unlink()
    info = create_backup(store, tmp_path / "b.tibak")
    assert info.warnings and blob[0] in info.warnings[0]
    summary = restore_backup(tmp_path / "b.tibak", tmp_path / "r", passphrase(), policy=policy)
    assert len(summary.problems) == 1 and lost.id in summary.problems[0]
    with Store.open(tmp_path / "r", passphrase(), policy=policy) as restored:
        assert restored.count() == 2


def test_output_checks(tmp_path, filled, monkeypatch):
    store, _, _ = filled
    with pytest.raises(InvalidInput, match="inside the store"):
        create_backup(store, store.paths.root / "b.tibak")
    (tmp_path / "dir").mkdir()
    with pytest.raises(InvalidInput, match="not a regular file"):
        create_backup(store, tmp_path / "dir")
    with pytest.raises(InvalidInput, match="not a directory"):
        create_backup(store, tmp_path / "nowhere" / "b.tibak")

    class Tiny:
        f_bavail, f_frsize = 10, 4096

    monkeypatch.setattr(os, "statvfs", lambda _p: Tiny())
    entries = len(store.audit.entries())
    with pytest.raises(BackupFailed, match="not enough space"):
        create_backup(store, tmp_path / "b.tibak")
    assert not (tmp_path / "b.tibak").exists()
    assert len(store.audit.entries()) == entries


def test_cancel_leaves_the_old_backup_and_no_audit_entry(tmp_path, filled, passphrase, policy):
    store, _, _ = filled
    out = tmp_path / "b.tibak"
    create_backup(store, out)
    old = out.read_bytes()
    entries = len(store.audit.entries())
    calls = iter(range(10**6))
    with pytest.raises(Cancelled):
        create_backup(store, out, cancelled=lambda: next(calls) > 3)
    assert out.read_bytes() == old and len(store.audit.entries()) == entries
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tibak", "store"]
    assert not list(store.paths.root.glob(".backup-*"))


def test_an_interrupted_backup_leaves_its_staging_and_the_next_one_removes_it(tmp_path,
                                                                              filled):
    store, _, _ = filled
    (store.paths.root / ".backup-deadbeef").mkdir()
    (store.paths.root / ".backup-deadbeef" / "store.db").write_bytes(b"x" * 100)
    create_backup(store, tmp_path / "b.tibak")
    assert not list(store.paths.root.glob(".backup-*"))


def test_progress_reaches_the_total(tmp_path, filled, passphrase, policy):
    store, _, _ = filled
    seen: list[tuple[int, int]] = []
    create_backup(store, tmp_path / "b.tibak", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    seen.clear()
    restore_backup(tmp_path / "b.tibak", tmp_path / "r", passphrase(), policy=policy,
                   progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]


def test_tar_reader_refuses_what_the_writer_never_makes(tmp_path):
    def archive(build) -> io.BytesIO:
        buf = io.BytesIO()
        build(buf)
        buf.seek(0)
        return buf

    def with_member(info: tarfile.TarInfo, data: bytes = b"") -> io.BytesIO:
        def build(buf):
            with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
                t.addfile(info, io.BytesIO(data) if data else None)
        return archive(build)

    link = tarfile.TarInfo("keys")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    long = tarfile.TarInfo("blobs/" + "a" * 200)
    pax = tarfile.TarInfo("keys")
    pax.pax_headers = {"path": "../x"}
    def pax_archive(buf):
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
            t.addfile(pax)

    for buf in (with_member(link), with_member(long), archive(pax_archive)):
        with pytest.raises(BackupRejected):
            TarReader(buf).next()
    # The writer's own output, block-aligned, ends exactly after two zero blocks.
    buf = io.BytesIO()
    writer = TarWriter(buf, 0)
    writer.add_bytes("keys", b"x" * 700)
    writer.close()
    assert len(buf.getvalue()) == 5 * BLOCK  # header, 700 bytes padded to 1024, end marker
    buf.seek(0)
    reader = TarReader(buf)
    assert reader.next().size == 700 and reader.read_all(700) == b"x" * 700
    assert reader.next() is None
