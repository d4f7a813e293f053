"""Shared tools of the reliability tests: run a child against a store, kill it, judge the store.

The parent keeps a :class:`Ledger` of everything the children acknowledged,
across every run against the same store, and after each kill checks the store
against it with :func:`verify_store`: it opens (with the old or the new
passphrase while a change was in flight, never neither), ``check`` is clean,
every acknowledged write is there, and nothing half-written is visible.

With a :class:`BundleWorld` (:func:`make_bundles`: a peer store, bundles it encrypted
to the store under test, a folder for the store's own exports) the judgement also
covers bundles: each import is wholly there or wholly absent, and every file named
like a bundle in the export folder is a whole, verifiable bundle (a kill leaves only
the atomic writer's hidden temporary file, which holds nothing but age ciphertext).
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from intake.backup import verify_backup
from intake.bundle import ExportRequest, export_bundle, import_bundle, verify_bundle
from intake.cli.passphrase import from_text
from intake.contacts import Contacts
from intake.errors import WrongPassphrase
from intake.store import Store
from tests.reliability.crash_child import PASSPHRASES, POLICY, fake_statement
from tests.samples import make_testimony

REPO = Path(__file__).resolve().parents[2]
ALLOWED_NOTES = ("belongs to no attachment", "interrupted passphrase change",
                 "interrupted attach or import")
AGE_MAGIC = b"age-encryption.org/v1\n"
PEER_PASSPHRASE = "crash test peer passphrase"


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
    imports: set[str] = field(default_factory=set)          # bundle file names
    exports: dict[str, str] = field(default_factory=dict)   # file name → bundle id
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
        elif kind == "import":
            self.imports.add(parts[2])
        elif kind == "export":
            self.exports[parts[2]] = parts[3]


@dataclass
class Run:
    lines: list[str]
    killed: bool
    stderr: str


def run_child(store: Path, ledger: Ledger, seed: int, backup: Path, tmp: Path, *,
              kill_after: float | None = None, crash_at_event: int | None = None,
              max_ops: int = 200, timeout: float = 60.0,
              env: dict[str, str] | None = None, kill_on: str = "READY") -> Run:
    """Run one child; kill it ``kill_after`` seconds after it prints a line starting with
    ``kill_on`` (READY: when the store is open), or let it kill itself."""
    pw = tmp / "current-passphrase"
    pw.write_text(PASSPHRASES[ledger.passphrase] + "\n", encoding="utf-8")
    extra = {"CRASH_MAX_OPS": str(max_ops), **(env or {})}
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
    for line in proc.stdout:
        lines.append(line.strip())
        if kill_after is not None and line.startswith(kill_on):
            time.sleep(kill_after)
            proc.send_signal(signal.SIGKILL)
            kill_after = None
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


def verify_store(root: Path, ledger: Ledger, backup: Path | None = None,
                 world: BundleWorld | None = None) -> None:
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
        if world is not None:
            assert_imports_whole(store, ledger, world)
    if world is not None:
        assert_exports_whole(ledger, world)
    if backup is not None and backup.exists():
        check_backup(backup, ledger)


def assert_no_half_writes(store: Store) -> None:
    """Counts agree: each testimony has revisions 1..n, its summary says n, and one audit
    entry per revision (create, save, attach, or an import that created or revised it);
    the chain itself is checked by ``check``."""
    conn = store.conn
    rows = conn.execute(
        "SELECT t.id, (SELECT count(*) FROM revisions r WHERE r.testimony_id = t.id),"
        " (SELECT max(revision) FROM revisions r WHERE r.testimony_id = t.id),"
        " (SELECT min(revision) FROM revisions r WHERE r.testimony_id = t.id),"
        " (SELECT revision FROM summaries s WHERE s.testimony_id = t.id),"
        " (SELECT count(*) FROM audit a WHERE a.testimony_id = t.id AND (a.action IN"
        "   ('testimony.create', 'testimony.save', 'testimony.attach') OR (a.action = 'import'"
        "   AND json_extract(a.detail, '$.outcome') IN ('created', 'revised'))))"
        " FROM testimonies t").fetchall()
    for tid, count, latest, first, summary, audited in rows:
        assert first == 1 and count == latest == summary == audited, \
            (tid, count, latest, first, summary, audited)
    attached = conn.execute(
        "SELECT count(*) FROM attachments a WHERE NOT EXISTS (SELECT 1 FROM audit u"
        " WHERE u.action = 'testimony.attach' AND json_extract(u.detail, '$.attachment') = a.id)"
        " AND NOT EXISTS (SELECT 1 FROM imported_records r WHERE r.testimony_id ="
        " a.testimony_id AND r.outcome IN ('created', 'revised'))"
    ).fetchone()[0]
    assert attached == 0, "an attachment without its audit entry or import"


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


# -- bundles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpectedBundle:
    name: str
    bundle_id: str
    testimonies: dict[str, tuple[tuple[str, str], ...]]  # id → ((attachment id, sha256), …)


@dataclass
class BundleWorld:
    """Bundles a peer store made for the store under test, and where that store exports."""

    bundles: Path
    exports: Path
    peer: Path
    expected: dict[str, ExpectedBundle]
    verified: set[str] = field(default_factory=set)

    def env(self, **extra: str) -> dict[str, str]:
        return {"CRASH_BUNDLES": str(self.bundles), "CRASH_EXPORTS": str(self.exports),
                **extra}


def make_bundles(tmp: Path, root: Path, count: int, seed: int = 0) -> BundleWorld:
    """A peer store and ``count`` bundles from it to the (fresh, closed) store at ``root``:
    two testimonies each, with attachments of 0 to 300,000 bytes. The two stores know and
    have verified each other, so the store under test can also export to ``Peer``."""
    rng = random.Random(seed)
    world = BundleWorld(tmp / "bundles", tmp / "exports", tmp / "peer", {})
    world.bundles.mkdir()
    world.exports.mkdir()
    peer, _ = Store.create(world.peer, from_text(PEER_PASSPHRASE), label="Peer team",
                           policy=POLICY)
    with Store.open(root, from_text(PASSPHRASES[0]), policy=POLICY) as store, peer:
        Contacts(peer).add(store.identity_card(), "Crash")
        Contacts(peer).verify("Crash")
        Contacts(store).add(peer.identity_card(), "Peer")
        Contacts(store).verify("Peer")
        for k in range(count):
            made = [peer.add(make_testimony(narrative=f"묶음 {k} 단둥에서 {rng.random()}"))
                    for _ in range(2)]
            for i, t in enumerate(made):
                sizes = [300_000] if i == 0 else []  # every bundle has a large one
                sizes += rng.sample((0, 1, 1000, 70_000), rng.randint(1, 2))
                for size in sizes:
                    peer.attach(t.id, io.BytesIO(os.urandom(size)), name=f"a{size}.bin")
            path = world.bundles / f"b{k:02d}.tib.age"
            result = export_bundle(peer, ExportRequest(("Crash",), "legal", "full",
                                                       testimony_ids=tuple(t.id for t in made)),
                                   path, renderer=fake_statement)
            world.expected[path.name] = ExpectedBundle(path.name, result.bundle_id, {
                t.id: tuple((a.id, a.sha256) for a in peer.get(t.id).attachments)
                for t in made})
    return world


def assert_imports_whole(store: Store, ledger: Ledger, world: BundleWorld) -> None:
    """Each bundle is wholly imported (its row, records, attachments) or wholly absent."""
    conn = store.conn
    for name, expected in world.expected.items():
        imported = conn.execute("SELECT count(*) FROM imported_bundles WHERE bundle_id = ?",
                                (expected.bundle_id,)).fetchone()[0]
        records = conn.execute("SELECT count(*) FROM imported_records WHERE bundle_id = ?",
                               (expected.bundle_id,)).fetchone()[0]
        present = [tid for tid in expected.testimonies if conn.execute(
            "SELECT 1 FROM testimonies WHERE id = ?", (tid,)).fetchone()]
        if name in ledger.imports:
            assert imported == 1, f"{name}: acknowledged, but not imported"
        if not imported:
            assert present == [] and records == 0, f"{name}: half imported {present}"
            continue
        assert present == list(expected.testimonies), f"{name}: records missing"
        assert records == len(expected.testimonies), name
        for tid, attachments in expected.testimonies.items():
            held = {a.id: a.sha256 for a in store.get(tid).attachments}
            assert all(held.get(a) == sha for a, sha in attachments), f"{name}: attachments"


def assert_exports_whole(ledger: Ledger, world: BundleWorld) -> None:
    """Acknowledged exports are there; every ``*.tib.age`` verifies for the peer; anything
    else is the atomic writer's hidden temporary file, holding only age ciphertext."""
    names = {p.name for p in world.exports.iterdir()}
    missing = set(ledger.exports) - names
    assert not missing, f"acknowledged exports missing: {missing}"
    for name in sorted(names - world.verified):
        path = world.exports / name
        if name.endswith(".tib.age"):
            with Store.open(world.peer, from_text(PEER_PASSPHRASE), policy=POLICY) as peer:
                bundle_id = verify_bundle(peer, path).bundle_id
            assert ledger.exports.get(name, bundle_id) == bundle_id, name
            world.verified.add(name)
        else:
            assert name.startswith(".") and name.endswith(".tmp"), name
            with path.open("rb") as f:
                head = f.read(len(AGE_MAGIC))
            assert AGE_MAGIC.startswith(head), f"{name}: not age ciphertext"


def import_everything(root: Path, ledger: Ledger, world: BundleWorld) -> None:
    """After all the kills, importing every bundle again completes."""
    with open_with_candidates(root, ledger) as store:
        for path in sorted(world.bundles.iterdir()):
            import_bundle(store, path, trust_new_sender=True)
            ledger.imports.add(path.name)
