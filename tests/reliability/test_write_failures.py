"""A write that fails — after N bytes, at fsync, or on a full disk — leaves the old state or
the complete new one, never a partial one, and the user is told which.

Three ways of failing: :class:`faults.FailAfter` inside the process (every file
``crypto.atomicfile`` writes: key files, blobs, backups); ``RLIMIT_FSIZE`` in a
child (no file may grow past a size: ``EFBIG``); and a real full disk — a tmpfs
of a few MiB mounted in a user namespace (``unshare -rm``, no root needed where
the kernel allows it; skipped elsewhere), filled to within N bytes, swept over N.
"""

from __future__ import annotations

import errno
import functools
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crypto import keyslots
from intake.backup import create_backup, verify_backup
from intake.cli.passphrase import from_text
from intake.errors import WrongPassphrase
from intake.store import Store
from tests.conftest import PASSPHRASE
from tests.reliability.faults import fail_writes_after
from tests.reliability.harness import REPO, child_env, digest_tree
from tests.samples import make_testimony

NEW = "a different passphrase now"


def temps(directory: Path) -> list[str]:
    return [p.name for p in directory.rglob("*.tmp")]


# -- FailAfter: in process -------------------------------------------------------------


@pytest.mark.parametrize("limit", [0, 1, 300, 608, -1])
def test_a_failing_key_file_write_keeps_the_old_one(tmp_path, new_store, passphrase, policy,
                                                    limit):
    store, _ = new_store()
    keys = store.paths.keys
    old = keys.read_bytes()
    entries = len(store.audit.entries())
    with pytest.raises(OSError), fail_writes_after(max(limit, 0), fail_fsync=limit < 0):
        store.change_passphrase(passphrase(NEW))
    assert keys.read_bytes() == old and temps(store.paths.root) == []
    assert len(store.audit.entries()) == entries  # no record of a change that did not happen
    with pytest.raises(OSError), fail_writes_after(max(limit, 0), fail_fsync=limit < 0):
        keyslots.write_keyfile(keys, keyslots.read_keyfile(keys))
    assert keys.read_bytes() == old
    store.close()
    Store.open(store.paths.root, passphrase(), policy=policy).close()
    with pytest.raises(WrongPassphrase):
        Store.open(store.paths.root, passphrase(NEW), policy=policy)


@pytest.mark.parametrize("limit", [0, 1, 4096, 65_536 + 17, 250_000, -1])
def test_a_failing_blob_write_leaves_no_blob_and_no_revision(store, limit):
    t = store.add(make_testimony())
    with pytest.raises(OSError), fail_writes_after(max(limit, 0), fail_fsync=limit < 0):
        store.attach(t.id, io.BytesIO(os.urandom(300_000)), name="audio.m4a")
    assert store.get(t.id).revision == 1 and store.get(t.id).attachments == ()
    assert list(store.paths.blobs.iterdir()) == []
    report = store.check()
    assert report.ok and report.notes == ()


@pytest.mark.parametrize("fraction", [0.0, 0.001, 0.3, 0.99, -1])
def test_a_failing_backup_write_keeps_the_previous_backup(tmp_path, store, passphrase, policy,
                                                          fraction):
    t = store.add(make_testimony())
    store.attach(t.id, io.BytesIO(os.urandom(100_000)), name="a.bin")
    out = tmp_path / "usb" / "b.tibak"
    out.parent.mkdir()
    create_backup(store, out)
    old = out.read_bytes()
    store.add(make_testimony())
    entries = len(store.audit.entries())
    limit = int(len(old) * max(fraction, 0))
    with pytest.raises(OSError), fail_writes_after(limit, fail_fsync=fraction < 0):
        create_backup(store, out)
    assert out.read_bytes() == old and os.listdir(out.parent) == ["b.tibak"]
    assert len(store.audit.entries()) == entries
    assert not list(store.paths.root.glob(".backup-*"))
    verify_backup(out, passphrase(), policy=policy)


def test_bundle_writes_under_failure():
    """Hook: when intake/bundle lands, export a bundle under ``fail_writes_after`` for a
    sweep of limits and assert no file (or the previous one) at the output path."""
    pytest.importorskip("intake.bundle")
    pytest.skip("bundle export under write failure: to be written with intake/bundle")


# -- children: RLIMIT_FSIZE and a real full disk ------------------------------------------


def run_cli_child(spec: dict, *, unshare: bool = False) -> dict:
    cmd = [sys.executable, "-m", "tests.reliability.cli_child", json.dumps(spec)]
    if unshare:
        cmd = ["unshare", "-rm", *cmd]
    done = subprocess.run(cmd, cwd=REPO, env=child_env(), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def one_line_failure(result: dict) -> None:
    assert result["code"] == 1, result
    assert "Traceback" not in result["err"]
    assert len(result["err"].strip().splitlines()) == 1, result["err"]


@pytest.fixture
def disk_store(tmp_path, policy):
    """A closed store with a few testimonies and an attachment, plus passphrase files."""
    root = tmp_path / "store"
    store, _ = Store.create(root, from_text(PASSPHRASE), label="disk", policy=policy)
    ts = store.add_many([make_testimony() for _ in range(5)])
    store.attach(ts[0].id, io.BytesIO(os.urandom(50_000)), name="a.bin")
    store.close()
    (tmp_path / "pw").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new").write_text(NEW + "\n", encoding="utf-8")
    big = [json.dumps(make_testimony(narrative="긴 이야기 " * 3000).to_dict(), ensure_ascii=False)
           for _ in range(40)]
    (tmp_path / "many.jsonl").write_text("\n".join(big) + "\n", encoding="utf-8")
    (tmp_path / "audio.m4a").write_bytes(os.urandom(3_000_000))
    return root, ts[0].id


def fsize_cases(tmp_path: Path, tid: str) -> dict[str, list[str]]:
    pw = ["--passphrase-file", str(tmp_path / "pw")]
    return {
        "add": [*pw, "add", str(tmp_path / "many.jsonl")],
        "attach": [*pw, "attach", tid, str(tmp_path / "audio.m4a")],
        "backup": [*pw, "backup", "-o", str(tmp_path / "out" / "b.tibak")],
    }


@pytest.mark.parametrize("command", ["add", "attach", "backup"])
def test_a_file_size_limit_fails_in_one_line_and_changes_nothing(tmp_path, disk_store, command):
    root, tid = disk_store
    (tmp_path / "out").mkdir()
    before = digest_tree(root)
    # For backup: room for the database copy (staged in the store), not for the archive.
    limit = (root / "store.db").stat().st_size + 20_000 if command == "backup" else 600_000
    result = run_cli_child({"store": str(root), "argv": fsize_cases(tmp_path, tid)[command],
                            "fsize": limit})
    one_line_failure(result)
    assert digest_tree(root) == before
    assert os.listdir(tmp_path / "out") == []


def test_a_file_size_limit_on_restore_leaves_no_target(tmp_path, disk_store, passphrase,
                                                       policy):
    root, _ = disk_store
    with Store.open(root, passphrase(), policy=policy) as store:
        create_backup(store, tmp_path / "b.tibak")
    result = run_cli_child({"store": str(tmp_path / "restored"), "fsize": 100_000, "argv": [
        "--passphrase-file", str(tmp_path / "pw"), "restore", str(tmp_path / "b.tibak")]})
    one_line_failure(result)
    assert not (tmp_path / "restored").exists()
    assert not [p for p in tmp_path.iterdir() if "restoring" in p.name]


@functools.cache
def tmpfs_available() -> bool:
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"tmpfs-probe-{os.getpid()}"
    probe.mkdir(exist_ok=True)
    try:
        done = subprocess.run(["unshare", "-rm", "mount", "-t", "tmpfs", "-o", "size=64k",
                               "tmpfs", str(probe)], capture_output=True, timeout=20)
        return done.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.rmdir()


needs_tmpfs = pytest.mark.skipif(sys.platform != "linux" or not tmpfs_available(),
                                 reason="no unprivileged tmpfs (user namespaces) here")


def full_disk(tmp_path: Path, root: Path, argv: list[str], leave: int) -> tuple[dict, Path]:
    mount, out = tmp_path / f"mnt-{leave}", tmp_path / f"after-{leave}"
    mount.mkdir()
    result = run_cli_child({"store": str(root), "argv": argv, "tmpfs": {
        "mount": str(mount), "kib": 4096, "leave": leave, "out": str(out)}}, unshare=True)
    if result["code"] != 0:
        one_line_failure(result)
    return result, out


def opens_with(root: Path, policy) -> set[str]:
    found = set()
    for text in (PASSPHRASE, NEW):
        try:
            Store.open(root, from_text(text), policy=policy).close()
            found.add(text)
        except WrongPassphrase:
            pass
    return found


def assert_intact(root: Path, policy, passphrase_text: str = PASSPHRASE) -> Store:
    store = Store.open(root, from_text(passphrase_text), policy=policy)
    report = store.check()
    assert report.ok, report.problems
    assert all("belongs to no attachment" not in n for n in report.notes), report.notes
    assert temps(root) == []
    return store


DEFAULT_LEAVES = [0, 32_768, 36_864, 40_960, 45_056, 200_000]  # the window: 36–49 KiB
SLOW_LEAVES = list(range(0, 128 * 1024, 4096)) + [200_000, 400_000, 1_000_000]


def _passwd_on_a_full_disk(tmp_path, disk_store, policy, leaves):
    root, _ = disk_store
    argv = ["--passphrase-file", str(tmp_path / "pw"), "passwd", "--new-passphrase-file",
            str(tmp_path / "new")]
    outcomes = set()
    for leave in leaves:
        result, out = full_disk(tmp_path, root, argv, leave)
        expected = {NEW} if result["code"] == 0 else {PASSPHRASE}
        assert opens_with(out / "store", policy) == expected, (leave, result)
        assert_intact(out / "store", policy, next(iter(expected))).close()
        outcomes.add(result["code"])
    return outcomes


@needs_tmpfs
def test_passwd_on_a_full_disk_is_all_or_nothing(tmp_path, disk_store, policy):
    """Measured before the fix: with room for the key file but not the log, passwd said
    'nothing was saved' and the store opened only with the new passphrase."""
    assert _passwd_on_a_full_disk(tmp_path, disk_store, policy, DEFAULT_LEAVES) == {0, 1}


@pytest.mark.slow
@needs_tmpfs
def test_passwd_on_a_full_disk_sweep(tmp_path, disk_store, policy):
    assert _passwd_on_a_full_disk(tmp_path, disk_store, policy, SLOW_LEAVES) == {0, 1}


def _writes_on_a_full_disk(tmp_path, disk_store, policy, leaves) -> set[tuple[str, int]]:
    root, tid = disk_store
    pw = ["--passphrase-file", str(tmp_path / "pw")]
    commands = {
        "add": [*pw, "add", str(tmp_path / "many.jsonl")],
        "attach": [*pw, "attach", tid, str(tmp_path / "audio.m4a")],
        "backup": [*pw, "backup", "-o", "{mount}/b.tibak"],
        "restore": [*pw, "--store", "{mount}/restored", "restore",
                    str(tmp_path / "store.tibak")],
    }
    with Store.open(root, from_text(PASSPHRASE), policy=policy) as store:
        create_backup(store, tmp_path / "store.tibak")
    seen = set()
    for name, argv in commands.items():
        for leave in leaves:
            result, out = full_disk(_fresh(tmp_path, name, leave), root, argv, leave)
            seen.add((name, result["code"]))
            with assert_intact(out / "store", policy) as store:
                count = store.count()
                attached = len(store.get(tid).attachments)
            ok = result["code"] == 0
            if name == "add":
                assert count == (45 if ok else 5), (leave, result)
            if name == "attach":
                assert attached == (2 if ok else 1), (leave, result)
            if name == "backup":
                assert (out / "b.tibak").exists() == ok, (leave, result)
                if ok:
                    verify_backup(out / "b.tibak", from_text(PASSPHRASE), policy=policy)
            if name == "restore":
                assert (out / "restored").exists() == ok, (leave, result)
                assert not [p for p in out.iterdir() if "restoring" in p.name]
                if ok:
                    assert_intact(out / "restored", policy).close()
            assert not [p for p in out.iterdir() if p.suffix == ".tmp"]
    return seen


def _fresh(tmp_path: Path, name: str, leave: int) -> Path:
    d = tmp_path / f"{name}-{leave}"
    d.mkdir()
    return d


@needs_tmpfs
def test_writes_on_a_full_disk_leave_old_or_new(tmp_path, disk_store, policy):
    seen = _writes_on_a_full_disk(tmp_path, disk_store, policy, [4096, 1_500_000])
    assert {code for _name, code in seen} == {0, 1}


@pytest.mark.slow
@needs_tmpfs
def test_writes_on_a_full_disk_sweep(tmp_path, disk_store, policy):
    leaves = [0, 4096, 40_960, 100_000, 300_000, 700_000, 1_200_000, 2_000_000, 3_500_000]
    seen = _writes_on_a_full_disk(tmp_path, disk_store, policy, leaves)
    assert {code for _name, code in seen} == {0, 1}


def test_fail_after_really_fails_the_nth_byte():
    sink = io.BytesIO()
    from tests.reliability.faults import FailAfter

    f = FailAfter(sink, 5, errno.EIO)
    f.write(b"abc")
    with pytest.raises(OSError) as caught:
        f.write(b"defg")
    assert caught.value.errno == errno.EIO and sink.getvalue() == b"abcde"
