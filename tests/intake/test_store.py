"""The store on real SQLCipher files with real keys: unlock, revisions, audit, blobs, erase."""

from __future__ import annotations

import io
import shutil
import sqlite3
import tempfile

import pytest

from intake.errors import (
    InvalidInput,
    NotFound,
    StoreDamaged,
    StoreExists,
    StoreNotFound,
    WrongPassphrase,
)
from intake.store import StaleRevision, Store
from intake.store.database import open_database
from tests.helpers import canary_encodings, files_containing
from tests.samples import make_testimony


def test_create_then_reopen_returns_what_was_stored(tmp_path, new_store, passphrase, policy):
    store, _ = new_store()
    t = store.add(make_testimony())
    store.close()
    with Store.open(tmp_path / "store", passphrase(), policy=policy) as again:
        got = again.get(t.id)
    assert got == t
    assert got.revision == 1
    assert "단둥에서" in got.narrative


def test_store_files_are_private_and_named_as_designed(tmp_path, store):
    root = tmp_path / "store"
    assert {p.name for p in root.iterdir()} >= {"keys", "store.db", "blobs"}
    assert (root.stat().st_mode & 0o077) == 0
    assert not [p for p in tmp_path.iterdir() if ".creating-" in p.name]


def test_create_refuses_an_existing_store(tmp_path, store, passphrase, policy):
    with pytest.raises(StoreExists):
        Store.create(tmp_path / "store", passphrase(), label="x", policy=policy)


def test_create_refuses_a_directory_with_other_files(tmp_path, passphrase, policy):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(StoreExists):
        Store.create(tmp_path / "busy", passphrase(), label="x", policy=policy)
    assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"


def test_wrong_passphrase_is_refused_and_changes_nothing(tmp_path, new_store, passphrase,
                                                        policy):
    store, _ = new_store()
    store.add(make_testimony())
    store.close()
    before = {p.name: p.read_bytes() for p in (tmp_path / "store").iterdir() if p.is_file()}
    with pytest.raises(WrongPassphrase):
        Store.open(tmp_path / "store", passphrase("not the passphrase"), policy=policy)
    after = {p.name: p.read_bytes() for p in (tmp_path / "store").iterdir() if p.is_file()}
    assert before == after


def test_open_missing_store(tmp_path, passphrase, policy):
    with pytest.raises(StoreNotFound):
        Store.open(tmp_path / "nowhere", passphrase(), policy=policy)


def test_saving_appends_revisions_and_keeps_the_old_ones(store):
    t = store.add(make_testimony())
    edited = store.save(t.__class__.from_dict({**t.to_dict(), "narrative": "고쳐 쓴 내용"}))
    assert edited.revision == 2
    assert store.get(t.id).narrative == "고쳐 쓴 내용"
    assert store.get(t.id, 1).narrative == t.narrative
    assert [r.revision for r in store.revisions(t.id)] == [1, 2]


def test_saving_from_a_stale_copy_is_refused(store):
    t = store.add(make_testimony())
    store.save(t)
    with pytest.raises(StaleRevision):
        store.save(t)
    assert [r.revision for r in store.revisions(t.id)] == [1, 2]


def test_add_many_is_all_or_nothing(store):
    a = make_testimony()
    store.add(a)
    with pytest.raises(InvalidInput):
        store.add_many([make_testimony(), a])
    assert store.count() == 1


def test_unknown_testimony(store):
    with pytest.raises(NotFound):
        store.get("00000000-0000-4000-8000-000000000000")


def test_every_change_is_in_the_audit_chain(store):
    t = store.add(make_testimony())
    store.save(t)
    store.attach(t.id, io.BytesIO(b"photo bytes"), name="photo.jpg")
    actions = [e.action for e in store.audit.entries()]
    assert actions == ["store.create", "testimony.create", "testimony.save", "testimony.attach"]
    assert store.check().ok


def test_an_edited_audit_entry_is_named_by_check(store):
    t = store.add(make_testimony())
    store.save(t)
    store.conn.execute("UPDATE audit SET detail = '{\"revision\": 9}' WHERE seq = 2")
    report = store.check()
    assert not report.ok
    assert any("entry 2 was altered" in p for p in report.problems)


def test_a_deleted_audit_entry_is_named_by_check(store):
    t = store.add(make_testimony())
    store.save(t)
    store.conn.execute("DELETE FROM audit WHERE seq = 2")
    problems = store.check().problems
    assert any("entry 2 is missing" in p for p in problems)


def test_attachment_round_trip_and_blob_is_encrypted(tmp_path, store):
    t = store.add(make_testimony())
    payload = b"RIFF-audio-" + bytes(range(256)) * 400
    ref = store.attach(t.id, io.BytesIO(payload), name="interview-1.m4a")
    assert ref.size == len(payload) and ref.media_type == "audio/mp4"
    out = io.BytesIO()
    store.read_attachment(ref.id, out)
    assert out.getvalue() == payload
    blobs = list((tmp_path / "store" / "blobs").iterdir())
    assert len(blobs) == 1 and len(blobs[0].name) == 32
    assert blobs[0].read_bytes().startswith(b"age-encryption.org/v1")
    assert payload[:64] not in blobs[0].read_bytes()
    assert store.get(t.id).attachments == (ref,)


def test_attach_from_path_and_missing_file(tmp_path, store):
    t = store.add(make_testimony())
    f = tmp_path / "scan.pdf"
    f.write_bytes(b"%PDF-1.7 test")
    ref = store.attach(t.id, f)
    assert ref.name == "scan.pdf" and ref.media_type == "application/pdf"
    with pytest.raises(InvalidInput):
        store.attach(t.id, tmp_path / "missing.pdf")
    with pytest.raises(NotFound):
        store.attach("00000000-0000-4000-8000-000000000000", f)


def test_damaged_blob_is_named_by_check(tmp_path, store):
    t = store.add(make_testimony())
    ref = store.attach(t.id, io.BytesIO(b"x" * 5000), name="a.bin")
    blob = next((tmp_path / "store" / "blobs").iterdir())
    data = bytearray(blob.read_bytes())
    data[-100] ^= 1
    blob.write_bytes(bytes(data))
    report = store.check()
    assert any(ref.id in p for p in report.problems)


def test_missing_blob_and_orphan_blob(tmp_path, store):
    t = store.add(make_testimony())
    ref = store.attach(t.id, io.BytesIO(b"y" * 100), name="b.bin")
    blob_dir = tmp_path / "store" / "blobs"
    next(blob_dir.iterdir()).unlink()
    (blob_dir / ("ab" * 16)).write_bytes(b"left over")
    report = store.check()
    assert any(ref.id in p and "missing" in p for p in report.problems)
    assert any("belongs to no attachment" in n for n in report.notes)


def test_a_partial_blob_left_by_a_crash_is_named_but_is_no_damage(tmp_path, store):
    """A SIGKILL mid-attach or mid-import leaves the atomic writer's hidden temp file."""
    blob_dir = tmp_path / "store" / "blobs"
    blob_dir.mkdir(exist_ok=True)
    (blob_dir / f".{'cd' * 16}.0123456789abcdef.tmp").write_bytes(b"age-encryption.org/v1\n")
    report = store.check()
    assert report.ok
    assert any("interrupted attach or import" in n for n in report.notes)


def test_canaries_never_reach_a_file_in_clear(tmp_path, monkeypatch, new_store):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    canaries = ["CANARY-LATIN-7f3a9c", "카나리아비밀문장", "金丝雀秘密"]
    store, _ = new_store()
    t = store.add(make_testimony(narrative=" ".join(canaries) * 20,
                            survivor={"pseudonym": "S-CANARY-7f3a9c"}))
    store.attach(t.id, io.BytesIO((" ".join(canaries) * 500).encode("utf-8")),
                 name="note.txt")
    store.save(store.get(t.id))
    assert store.search("카나리아비밀")
    store.close()
    assert files_containing([tmp_path], canary_encodings(canaries + ["S-CANARY-7f3a9c"])) == []


def test_damaged_database_page_is_reported(tmp_path, new_store, passphrase, policy):
    store, _ = new_store()
    store.add_many([make_testimony(narrative="긴 이야기 " * 400) for _ in range(40)])
    store.close()
    db = tmp_path / "store" / "store.db"
    data = bytearray(db.read_bytes())
    assert len(data) > 20 * 4096
    data[10 * 4096 + 100] ^= 0xFF  # inside page 11
    db.write_bytes(bytes(data))
    try:
        with Store.open(tmp_path / "store", passphrase(), policy=policy) as s:
            report = s.check()
        assert not report.ok
        assert any("store.db" in p for p in report.problems)
    except StoreDamaged:
        pass  # also an honest answer: the damage stops the store opening at all


def test_a_plaintext_database_is_refused(tmp_path, new_store, passphrase, policy):
    store, _ = new_store()
    store.close()
    db = tmp_path / "store" / "store.db"
    db.unlink()
    plain = sqlite3.connect(db)
    plain.execute("CREATE TABLE x (y)")
    plain.commit()
    plain.close()
    with pytest.raises(StoreDamaged, match="unencrypted"):
        Store.open(tmp_path / "store", passphrase(), policy=policy)


def test_a_database_from_another_store_is_refused(tmp_path, new_store, passphrase, policy):
    a, _ = new_store("a")
    b, _ = new_store("b")
    a.close()
    b.close()
    shutil.copy(tmp_path / "b" / "store.db", tmp_path / "a" / "store.db")
    with pytest.raises(StoreDamaged):
        Store.open(tmp_path / "a", passphrase(), policy=policy)


def test_the_database_needs_a_32_byte_key_and_never_creates_by_accident(tmp_path):
    from crypto.secret import SecretBytes

    with pytest.raises(ValueError):
        open_database(tmp_path / "x.db", SecretBytes(b"short"), create=True)
    with pytest.raises(StoreNotFound):
        open_database(tmp_path / "x.db", SecretBytes.random(32))
    assert not (tmp_path / "x.db").exists()


def test_passphrase_change_and_recovery(tmp_path, new_store, passphrase, policy):
    store, recovery = new_store()
    t = store.add(make_testimony())
    store.change_passphrase(passphrase("a brand new passphrase"), params=None)
    store.close()
    root = tmp_path / "store"
    with pytest.raises(WrongPassphrase):
        Store.open(root, passphrase(), policy=policy)
    with Store.open(root, passphrase("a brand new passphrase"), policy=policy) as s:
        assert s.get(t.id) == t
    with Store.open_with_recovery(root, recovery, policy=policy) as s:
        s.change_passphrase(passphrase("after recovery"), action="passphrase.recover")
        actions = [e.action for e in s.audit.entries()]
    assert actions[-2:] == ["passphrase.change", "passphrase.recover"]
    with Store.open(root, passphrase("after recovery"), policy=policy) as s:
        assert s.get(t.id) == t
        assert s.check().ok


def test_wrong_recovery_key(tmp_path, new_store, policy):
    from crypto.recovery import RecoveryKey

    store, _ = new_store()
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open_with_recovery(tmp_path / "store", RecoveryKey.generate(), policy=policy)


def test_erase_leaves_nothing_that_opens(tmp_path, new_store, passphrase, policy):
    store, recovery = new_store()
    store.add(make_testimony())
    saved_db = (tmp_path / "store" / "store.db").read_bytes()
    store.erase()
    root = tmp_path / "store"
    assert not root.exists()
    with pytest.raises(StoreNotFound):
        Store.open(root, passphrase(), policy=policy)
    # Even a copy of the database taken before the erase is useless now: the only
    # wrapped copies of its key were in the key file, which is gone.
    root.mkdir()
    (root / "store.db").write_bytes(saved_db)
    with pytest.raises(StoreNotFound):
        Store.open_with_recovery(root, recovery, policy=policy)


def test_locked_store_refuses_work(store):
    from intake.errors import StoreLocked

    store.close()
    with pytest.raises(StoreLocked):
        store.count()
    store.close()



def test_default_store_dir_honours_the_environment(monkeypatch, tmp_path):
    from intake.store import default_store_dir

    monkeypatch.setenv("TESTIMONY_INTAKE_STORE", str(tmp_path / "elsewhere"))
    assert default_store_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("TESTIMONY_INTAKE_STORE")
    assert default_store_dir().name == "store"


def test_drafts_survive_reopening_and_are_discarded(tmp_path, new_store, passphrase, policy):
    store, _ = new_store()
    store.save_draft("new-1", {"narrative": "반쯤 쓴 이야기", "survivor": {}})
    store.save_draft("new-1", {"narrative": "조금 더 쓴 이야기"})
    store.close()
    with Store.open(tmp_path / "store", passphrase(), policy=policy) as s:
        (draft,) = s.drafts()
        assert draft.key == "new-1" and draft.body["narrative"] == "조금 더 쓴 이야기"
        s.discard_draft("new-1")
        assert s.drafts() == []
