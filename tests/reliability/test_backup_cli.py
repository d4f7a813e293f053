"""``backup``, ``verify-backup``, ``restore [--dry-run]`` on the command line: exit codes 0/1/2,
one-line errors, the recovery key, and the audit entries both sides."""

from __future__ import annotations

import json
import re

import pytest

from intake.cli.passphrase import from_text
from intake.store import Store
from tests.intake.test_cli import Cli, one_line_failure
from tests.samples import sample_dict


@pytest.fixture
def cli(tmp_path, policy):
    cli = Cli(tmp_path, policy)
    r = cli("init")
    assert r.code == 0
    cli.recovery = cli.write("rk.txt", re.search(r"^Recovery key: (.+)$", r.out, re.M)[1] + "\n")
    tid = cli("add", str(cli.write("t.json", json.dumps(sample_dict())))).out.strip()
    assert cli("attach", tid, str(cli.write("a.bin", b"\x00\x01" * 5000))).code == 0
    cli.tid = tid
    return cli


def test_backup_verify_restore_round_trip(cli, tmp_path, policy):
    out = tmp_path / "b.tibak"
    r = cli("backup", "-o", str(out))
    assert r.code == 0 and "Backup written" in r.out and out.exists()
    r = cli("verify-backup", str(out))
    assert r.code == 0 and "intact" in r.out and "1 attachment file" in r.out
    r = cli("restore", str(out), "--dry-run", store=tmp_path / "r")
    assert r.code == 0 and "Nothing was restored" in r.out and not (tmp_path / "r").exists()
    r = cli("restore", str(out), store=tmp_path / "r")
    assert r.code == 0 and "Restored" in r.out
    assert json.loads(cli("list", "--json", store=tmp_path / "r").out)[0]["id"] == cli.tid
    assert cli("check", store=tmp_path / "r").code == 0
    with Store.open(cli.store, from_text(cli.pw.read_text().strip()), policy=policy) as s:
        assert s.audit.entries()[-1].action == "store.backup"
    with Store.open(tmp_path / "r", from_text(cli.pw.read_text().strip()), policy=policy) as s:
        assert [e.action for e in s.audit.entries()][-2:] == ["testimony.attach",
                                                             "store.restore"]


def test_restore_with_the_recovery_key(cli, tmp_path):
    out = tmp_path / "b.tibak"
    assert cli("backup", "-o", str(out)).code == 0
    r = cli("restore", str(out), "--recovery-key-file", str(cli.recovery), store=tmp_path / "r",
            passphrase=cli.write("none.txt", "not the passphrase\n"))
    assert r.code == 0 and "recover" in r.out
    assert cli("verify-backup", str(out), "--recovery-key-file", str(cli.recovery)).code == 0


def test_failures_are_one_line_with_exit_1(cli, tmp_path):
    out = tmp_path / "b.tibak"
    assert cli("backup", "-o", str(out)).code == 0
    wrong = cli.write("wrong.txt", "not the passphrase\n")
    r = cli("verify-backup", str(out), passphrase=wrong)
    one_line_failure(r)
    assert "does not open this backup" in r.err
    one_line_failure(cli("restore", str(out), store=cli.store))  # not empty
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    bad = cli.write("bad.tibak", bytes(data))
    r = cli("restore", str(bad), store=tmp_path / "r")
    one_line_failure(r)
    assert "damaged" in r.err or "altered" in r.err
    assert not (tmp_path / "r").exists()
    one_line_failure(cli("verify-backup", str(tmp_path / "missing.tibak")))
    one_line_failure(cli("backup", "-o", str(cli.store / "inside.tibak")))
    one_line_failure(cli("backup", "-o", str(tmp_path / "no" / "dir" / "b.tibak")))


def test_usage_errors_exit_2(cli):
    assert cli("backup").code == 2
    assert cli("restore").code == 2
    assert cli("verify-backup").code == 2
    assert cli("unlock-guard", "--wipe-after", "x").code == 2
