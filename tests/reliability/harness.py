"""Shared tools of the reliability tests: run a child against a store, kill it, judge the store.

The parent keeps a :class:`Ledger` of everything the children acknowledged,
across every run against the same store, and after each kill checks the store
against it with :func:`verify_store`: it opens (with the old or the new
passphrase while a change was in flight, never neither), ``check`` is clean,
every acknowledged write is there, and nothing half-written is visible.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from intake.backup import verify_backup
from intake.cli.passphrase import from_text
from intake.errors import WrongPassphrase
from intake.store import Store
from tests.reliability.crash_child import PASSPHRASES, POLICY

REPO = Path(__file__).resolve().parents[2]
ALLOWED_NOTES = ("belongs to no attachment", "interrupted passphrase change")


def child_env(**extra: str) -> dict[str, str]:
    """The test environment, with this checkout first on the path (not the installed one)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    env.update(extra)
    return env


@dataclass
class Ledger:
    """What the children promised: acknowledged testimonies, revisions, attachments."""

    passphrase: int = 0                   # index into PASSPHRASES known to be current
    passwd_in_flight: int | None = None   # a change begun but not acknowledged
    revisions: dict[str, int] = field(default_factory=dict)
    attachments: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (tid, sha)
    # Which backups the file at the fixed path may be: the last acknowledged one, or any
    # begun after it whose rename may have happened before the kill.
    backup_candidates: set[int] = field(default_factory=set)
    acks: int = 0

    def take(self, line: str) -> None:
        parts = line.split()
        if parts[:1] == ["BEGIN"] and parts[1] == "passwd":
            self.passwd_in_flight = int(parts[2])
        elif parts[:1] == ["BEGIN"] and parts[1] == "backup":
            self.backup_candidates.add(int(parts[2]))
        if parts[:1] != ["ACK"]:
            return
        self.acks += 1
        kind = parts[1]
        if kind == "add":
            self.revisions[parts[2]] = max(self.revisions.get(parts[2], 0), 1)
        elif kind == "save":
            self.revisions[parts[2]] = max(self.revisions.get(parts[2], 0), int(parts[3]))
        elif kind == "attach":
            self.attachments[parts[3]] = (parts[2], parts[4])
        elif kind == "passwd":
            self.passphrase, self.passwd_in_flight = int(parts[2]), None
        elif kind == "backup":
            self.backup_candidates = {int(parts[2])}


@dataclass
class Run:
    lines: list[str]
    killed: bool
    stderr: str


def run_child(store: Path, ledger: Ledger, seed: int, backup: Path, tmp: Path, *,
              kill_after: float | None = None, crash_at_event: int | None = None,
              max_ops: int = 200, timeout: float = 60.0) -> Run:
    """Run one child; kill it ``kill_after`` seconds after READY (or let it kill itself)."""
    pw = tmp / "current-passphrase"
    pw.write_text(PASSPHRASES[ledger.passphrase] + "\n", encoding="utf-8")
    extra = {"CRASH_MAX_OPS": str(max_ops)}
    if crash_at_event is not None:
        extra["CRASH_AT_EVENT"] = str(crash_at_event)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_child", str(store), str(pw),
         str(seed), str(backup)],
        cwd=REPO, env=child_env(**extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, text=True, bufsize=1)
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    first = proc.stdout.readline()
    lines.append(first.strip())
    if kill_after is not None and first.startswith("READY"):
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    for line in proc.stdout:
        lines.append(line.strip())
        if time.monotonic() > deadline:
            proc.kill()
    proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    stderr = proc.stderr.read() if proc.stderr else ""
    for line in lines:
        ledger.take(line)
    killed = proc.returncode == -signal.SIGKILL
    assert killed or proc.returncode == 0, (proc.returncode, stderr[-2000:])
    return Run(lines, killed, stderr)


def open_with_candidates(root: Path, ledger: Ledger) -> Store:
    """The store must open with the acknowledged passphrase, or — if a change was cut
    short — with the old or the new one. Never with neither."""
    candidates = [ledger.passphrase]
    if ledger.passwd_in_flight is not None and ledger.passwd_in_flight != ledger.passphrase:
        candidates.append(ledger.passwd_in_flight)
    for index in candidates:
        try:
            store = Store.open(root, from_text(PASSPHRASES[index]), policy=POLICY)
        except WrongPassphrase:
            continue
        ledger.passphrase, ledger.passwd_in_flight = index, None
        return store
    raise AssertionError(f"the store opens with none of the passphrases {candidates}")


def verify_store(root: Path, ledger: Ledger, backup: Path | None = None) -> None:
    """Every promise kept, nothing half-written visible, the whole store verified."""
    with open_with_candidates(root, ledger) as store:
        report = store.check()
        assert report.ok, report.problems
        assert all(any(a in n for a in ALLOWED_NOTES) for n in report.notes), report.notes
        quick = store.quick_check()
        assert quick.ok, quick.problems
        for tid, revision in ledger.revisions.items():
            assert store.get(tid).revision >= revision, (tid, revision)
        for att_id, (tid, sha) in ledger.attachments.items():
            refs = {a.id: a for a in store.get(tid).attachments}
            assert att_id in refs and refs[att_id].sha256 == sha, (tid, att_id)
        assert_no_half_writes(store)
    if backup is not None and backup.exists():
        check_backup(backup, ledger)


def assert_no_half_writes(store: Store) -> None:
    """Counts agree: each testimony has revisions 1..n, its summary says n, and one audit
    entry per revision (create, save, attach); the chain itself is checked by ``check``."""
    conn = store.conn
    rows = conn.execute(
        "SELECT t.id, (SELECT count(*) FROM revisions r WHERE r.testimony_id = t.id),"
        " (SELECT max(revision) FROM revisions r WHERE r.testimony_id = t.id),"
        " (SELECT min(revision) FROM revisions r WHERE r.testimony_id = t.id),"
        " (SELECT revision FROM summaries s WHERE s.testimony_id = t.id),"
        " (SELECT count(*) FROM audit a WHERE a.testimony_id = t.id AND a.action IN"
        "   ('testimony.create', 'testimony.save', 'testimony.attach'))"
        " FROM testimonies t").fetchall()
    for tid, count, latest, first, summary, audited in rows:
        assert first == 1 and count == latest == summary == audited, \
            (tid, count, latest, first, summary, audited)
    attached = conn.execute(
        "SELECT count(*) FROM attachments a WHERE NOT EXISTS (SELECT 1 FROM audit u"
        " WHERE u.action = 'testimony.attach' AND json_extract(u.detail, '$.attachment') = a.id)"
    ).fetchone()[0]
    assert attached == 0, "an attachment without its audit entry"


def check_backup(backup: Path, ledger: Ledger) -> None:
    """The backup file at a fixed path is always whole: the last acknowledged one, or the
    one being written when the kill came (atomic replace)."""
    for index in sorted(ledger.backup_candidates) or [0, 1]:
        try:
            verify_backup(backup, from_text(PASSPHRASES[index]), policy=POLICY)
            return
        except WrongPassphrase:
            continue
    raise AssertionError("the backup file opens with no passphrase it could have")


def digest_tree(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by relative path (the 'store unchanged' test)."""
    out: dict[str, str] = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def random_delays(rng: random.Random, n: int, longest: float) -> list[float]:
    """Kill moments: mostly early (operations are short), a few late."""
    return [rng.random() ** 2 * longest for _ in range(n)]
