"""Damage to each part of a store is found and *named*: header page, data page, write-ahead
log, blob, key file — by ``check``, by the quick check at unlock, or at unlock itself."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from intake.errors import StoreDamaged, WrongPassphrase
from intake.store import Store
from intake.store import wal as wal_module
from tests.conftest import PASSPHRASE
from tests.intake.test_cli import Cli
from tests.reliability.harness import REPO, child_env
from tests.samples import make_testimony

PAGE = 4096


def flip(path: Path, offset: int, mask: int = 0x20) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


@pytest.fixture
def closed(tmp_path, new_store):
    """A closed store of ~40 pages, one attachment; returns its root and the attachment id."""
    store, _ = new_store()
    ts = store.add_many([make_testimony(narrative="긴 이야기 " * 300) for _ in range(20)])
    ref = store.attach(ts[0].id, io.BytesIO(os.urandom(20_000)), name="a.bin")
    store.close()
    assert not (tmp_path / "store" / "store.db-wal").exists()
    return tmp_path / "store", ref.id


def cli_check(tmp_path: Path, policy) -> tuple[int, str]:
    cli = Cli(tmp_path, policy)
    cli.pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    r = cli("check")
    assert "Traceback" not in r.err
    return r.code, r.out + r.err


@pytest.mark.parametrize("offset", [3, 100, 2000, 4000])
def test_a_damaged_header_page_is_named(tmp_path, closed, policy, offset):
    root, _ = closed
    flip(root / "store.db", offset)
    code, text = cli_check(tmp_path, policy)
    assert code == 1
    assert "page 1" in text, text  # the salt (offset 3) or the page's encrypted body


def test_a_damaged_data_page_is_named_by_check(tmp_path, closed, policy, passphrase):
    root, _ = closed
    pages = (root / "store.db").stat().st_size // PAGE
    flip(root / "store.db", (pages - 2) * PAGE + 100)
    code, text = cli_check(tmp_path, policy)
    assert code == 1 and f"page {pages - 1}" in text, text


def test_every_page_damaged_in_turn_is_named_never_a_traceback(tmp_path, closed, policy,
                                                               passphrase):
    """Whichever page it is — read at unlock (schema, identity) or not — the page is named:
    at unlock as StoreDamaged, or by check."""
    root, _ = closed
    db = root / "store.db"
    original = db.read_bytes()
    for page in range(1, len(original) // PAGE + 1):
        db.write_bytes(original)
        flip(db, (page - 1) * PAGE + 1000)
        try:
            with Store.open(root, passphrase(), policy=policy) as store:
                problems = store.check().problems
        except StoreDamaged as exc:
            problems = (str(exc),)
        assert any(f"page {page}" in p for p in problems), (page, problems)
    db.write_bytes(original)


def test_a_damaged_blob_is_named(tmp_path, closed, policy):
    root, att_id = closed
    blob = next((root / "blobs").iterdir())
    flip(blob, blob.stat().st_size - 50)
    code, text = cli_check(tmp_path, policy)
    assert code == 1 and att_id in text and blob.name in text


def test_a_damaged_key_file_is_named_at_unlock(tmp_path, closed, policy):
    root, _ = closed
    keys = root / "keys"
    original = keys.read_bytes()
    for offset in (0, 2, 20, len(original) // 2, len(original) - 1):
        keys.write_bytes(original)
        flip(keys, offset, 0x01)
        code, text = cli_check(tmp_path, policy)
        assert code == 1
        assert "key file" in text or "wrong passphrase" in text, (offset, text)
    keys.write_bytes(original)


def test_a_base64_digit_changed_in_a_slot_reads_as_a_wrong_passphrase(tmp_path, closed,
                                                                      passphrase, policy):
    """The AEAD cannot tell a tampered slot from a wrong passphrase (crypto/README.md);
    docs/SECURITY.md says so, and why the wipe after N failures must be chosen knowingly."""
    root, _ = closed
    keys = root / "keys"
    text = keys.read_text()
    sealed = re.search(r'"sealed_dek":"([^"]+)"', text)
    i = sealed.start(1) + 10
    swapped = "B" if text[i] != "B" else "C"
    keys.write_text(text[:i] + swapped + text[i + 1:])
    with pytest.raises(WrongPassphrase):
        Store.open(root, passphrase(), policy=policy)


def test_the_quick_check_names_a_key_file_damaged_while_the_store_is_open(closed, passphrase,
                                                                          policy):
    root, _ = closed
    with Store.open(root, passphrase(), policy=policy) as store:
        assert store.quick_check().ok
        (root / "keys").write_bytes(b"{}")
        report = store.quick_check()
        assert any(p.startswith("keys:") and "backup" in p for p in report.problems)


def write_wal(tmp_path: Path, root: Path, extra: int) -> Path:
    """Add ``extra`` testimonies in a child that dies before checkpointing: they live only in
    the write-ahead log (as after a dead battery)."""
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from crypto.kdf import KdfPolicy\n"
        "from intake.cli.passphrase import from_text\n"
        "from intake.store import Store\n"
        "from tests.samples import make_testimony\n"
        "s = Store.open(Path(sys.argv[1]), from_text(sys.argv[2]),"
        " policy=KdfPolicy.insecure_for_tests())\n"
        "s.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "for _ in range(int(sys.argv[3])):\n"
        "    s.add(make_testimony())\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script, str(root), PASSPHRASE, str(extra)],
                          cwd=REPO, env=child_env(), capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL, done.stderr
    log = root / "store.db-wal"
    assert log.stat().st_size > 10 * PAGE
    return log


def test_a_damaged_write_ahead_log_is_named_and_kept(tmp_path, closed, passphrase, policy):
    """Measured: SQLite stops replaying at the damaged frame and silently drops every later
    commit. Now the log is copied aside first, and check and the quick check name it."""
    root, _ = closed
    log = write_wal(tmp_path, root, 10)
    frames = (log.stat().st_size - 32) // (24 + PAGE)
    flip(log, 32 + (frames // 3) * (24 + PAGE) + 24 + 500)
    with Store.open(root, passphrase(), policy=policy) as store:
        assert store.count() < 30  # SQLite did drop the later commits...
        report = store.check()
        quick = store.quick_check()
    for r in (report, quick):  # ...and it is said, with where and how much
        assert any("store.db-wal is damaged at frame" in p and "kept as" in p
                   for p in r.problems), r.problems
    kept = wal_module.damaged_copies(root / "store.db")
    assert len(kept) == 1
    code, text = cli_check(tmp_path, policy)  # and on every later check until dealt with
    assert code == 1 and "store.db-wal" in text


def test_a_write_ahead_log_whose_header_is_damaged_is_named(tmp_path, closed, passphrase,
                                                            policy):
    root, _ = closed
    log = write_wal(tmp_path, root, 5)
    flip(log, 12)  # the checkpoint sequence: the header checksum fails, the log is ignored
    damage = wal_module.inspect(log)
    assert damage is not None and damage.frame == 0 and damage.commits_lost == 5
    with Store.open(root, passphrase(), policy=policy) as store:
        assert any("at its header" in p for p in store.check().problems)


def test_a_log_cut_short_by_a_crash_is_not_damage(tmp_path, closed, passphrase, policy):
    """A torn last frame is what a crash mid-write leaves: SQLite is right to drop it."""
    root, _ = closed
    log = write_wal(tmp_path, root, 5)
    with log.open("r+b") as f:
        f.truncate(log.stat().st_size - 1000)
    assert wal_module.inspect(log) is None
    with Store.open(root, passphrase(), policy=policy) as store:
        assert store.count() == 24 and store.check().ok  # 4 of the 5 were whole


def test_an_intact_log_is_replayed_and_not_reported(tmp_path, closed, passphrase, policy):
    root, _ = closed
    write_wal(tmp_path, root, 5)
    assert wal_module.inspect(root / "store.db-wal") is None
    with Store.open(root, passphrase(), policy=policy) as store:
        assert store.count() == 25
        assert store.check().ok and store.quick_check().ok


# -- the quick check ---------------------------------------------------------------------------


def test_the_quick_check_finds_what_it_promises(store):
    t = store.add(make_testimony())
    ref = store.attach(t.id, io.BytesIO(b"x" * 5000), name="a.bin")
    store.add(make_testimony())
    assert store.quick_check().ok
    blob = store.conn.execute("SELECT blob FROM attachments WHERE id = ?", (ref.id,)).fetchone()[0]
    path = store.blob_store.path(blob)
    path.write_bytes(b"")
    assert any(f"blobs/{blob} is empty" in p for p in store.quick_check().problems)
    path.unlink()
    assert any(f"blobs/{blob} is missing" in p for p in store.quick_check().problems)
    (path.parent / ("cd" * 16)).write_bytes(b"orphan")
    assert any("belong to no attachment" in n for n in store.quick_check().notes)
    store.conn.execute("UPDATE audit SET detail = '{}' WHERE seq = (SELECT max(seq) FROM audit)")
    assert any("was altered" in p for p in store.quick_check().problems)
    store.conn.execute("DELETE FROM audit WHERE seq = 2")
    assert any("missing" in p for p in store.quick_check().problems)
    store.conn.execute("DELETE FROM summaries WHERE testimony_id = ?", (t.id,))
    assert any(t.id in p and "summary" in p for p in store.quick_check().problems)
