"""SIGKILL a process in the middle of real store writes, many times, and judge what is left.

A dead battery or a crash is a kill at an arbitrary instruction. Each test
makes one store, then repeatedly runs :mod:`tests.reliability.crash_child`
against it and kills it — at a random moment, or deterministically at the
n-th ``fsync``/``replace``/``rename``/``unlink`` — and after every kill checks
(:func:`harness.verify_store`) that the store opens (old or new passphrase
during a change, never neither), ``check`` is clean, every acknowledged write
is intact, nothing half-written is visible, and the backup file is whole.

A kill tests what a crashed *process* leaves. What a power cut leaves in a disk's
write cache is the job of the fsync ordering (``crypto/atomicfile``, SQLite's
``synchronous=FULL``), which a kill cannot reach; docs/SECURITY.md says so.
"""

from __future__ import annotations

import io
import os
import random

import pytest

from intake.cli.passphrase import from_text
from intake.store import Store, erase_store
from tests.helpers import files_containing
from tests.reliability.crash_child import PASSPHRASES, POLICY
from tests.reliability.harness import (
    Ledger,
    import_everything,
    make_bundles,
    random_delays,
    run_child,
    verify_store,
)
from tests.samples import make_testimony

DEFAULT_RANDOM_KILLS = 10
DEFAULT_EVENT_KILLS = 6
SLOW_RANDOM_KILLS = 160
SLOW_EVENT_KILLS = 80


def make_store(tmp_path):
    root = tmp_path / "store"
    store, _ = Store.create(root, from_text(PASSPHRASES[0]), label="crash", policy=POLICY)
    store.close()
    return root


def kill_loop(tmp_path, *, random_kills: int, event_kills: int, seed: int) -> dict[str, int]:
    """Kill children again and again against one store; verify after every kill."""
    root = make_store(tmp_path)
    ledger = Ledger()
    backup = tmp_path / "backups" / "store.tibak"
    backup.parent.mkdir()
    rng = random.Random(seed)
    kills = 0
    for i, delay in enumerate(random_delays(rng, random_kills, 0.6)):
        run = run_child(root, ledger, seed * 1000 + i, backup, tmp_path, kill_after=delay)
        kills += run.killed
        verify_store(root, ledger, backup)
    # Deterministic kill points: event n = the ((n+1)//2)-th fs call, before (odd) or after.
    # Spread over the first ~60 calls, i.e. over several operations of each kind.
    for n in sorted(rng.sample(range(1, 121), event_kills)):
        run = run_child(root, ledger, seed * 1000 + 500 + n, backup, tmp_path,
                        crash_at_event=n)
        kills += run.killed
        verify_store(root, ledger, backup)
    return {"kills": kills, "acks": ledger.acks, "testimonies": len(ledger.revisions),
            "attachments": len(ledger.attachments)}


def test_kills_never_lose_an_acknowledged_write(tmp_path, record_property):
    stats = kill_loop(tmp_path, random_kills=DEFAULT_RANDOM_KILLS,
                      event_kills=DEFAULT_EVENT_KILLS, seed=7)
    record_property("crash_stats", stats)
    assert stats["kills"] >= DEFAULT_RANDOM_KILLS  # most runs die before their 200 ops
    assert stats["acks"] > 20 and stats["attachments"] > 0


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 12])
def test_many_kills_never_lose_an_acknowledged_write(tmp_path, seed, record_property):
    stats = kill_loop(tmp_path, random_kills=SLOW_RANDOM_KILLS // 2,
                      event_kills=SLOW_EVENT_KILLS // 2, seed=seed)
    record_property("crash_stats", stats)
    print(f"seed {seed}: {stats}")
    assert stats["kills"] >= (SLOW_RANDOM_KILLS + SLOW_EVENT_KILLS) // 2 - 10


def test_a_kill_during_a_passphrase_change_leaves_no_way_in_after_erase(tmp_path):
    """Killed between writing the new key file and renaming it, a passphrase change leaves
    ``.keys.<random>.tmp`` — a whole key file. Erase must destroy it with ``keys``, or a
    crypto-erase would leave the data key wrapped under a known passphrase."""
    root = make_store(tmp_path)
    ledger = Ledger()
    (tmp_path / "backups").mkdir()
    found_temp = False
    for n in range(1, 80, 2):  # before each fs call in turn, until one leaves the temp file
        run_child(root, ledger, 4242, tmp_path / "backups" / "b.tibak", tmp_path,
                  crash_at_event=n)
        verify_store(root, ledger)
        if list(root.glob(".keys.*.tmp")):
            found_temp = True
            break
    assert found_temp, "no kill point left a key file temp (the child's operations changed?)"
    erase_store(root)
    assert not root.exists()
    not_backups = [p for p in tmp_path.iterdir() if p.name != "backups"]
    assert files_containing(not_backups, [b'"sealed_dek"']) == []


# -- bundles: import and export under kills ----------------------------------------------

DEFAULT_BUNDLE_RANDOM_KILLS = 4
DEFAULT_BUNDLE_EVENT_KILLS = 4
SLOW_BUNDLE_RANDOM_KILLS = 40
SLOW_BUNDLE_EVENT_KILLS = 40


def bundle_kill_loop(tmp_path, *, random_kills: int, event_kills: int, seed: int,
                     bundles: int) -> dict[str, int]:
    """Kills while the child imports bundles and exports its own (among the other
    operations); after every kill the imports are whole or absent and the export folder
    holds only whole bundles. At the end, importing every bundle again completes."""
    root = make_store(tmp_path)
    world = make_bundles(tmp_path, root, bundles, seed)
    ledger = Ledger()
    backup = tmp_path / "backups" / "store.tibak"
    backup.parent.mkdir()
    rng = random.Random(seed)
    kills = 0
    for i, delay in enumerate(random_delays(rng, random_kills, 1.5)):
        run = run_child(root, ledger, seed * 1000 + i, backup, tmp_path, kill_after=delay,
                        env=world.env(CRASH_FIRST_OP=rng.choice(("import", "export"))))
        kills += run.killed
        verify_store(root, ledger, backup, world)
    for j, n in enumerate(sorted(rng.sample(range(1, 61), event_kills))):
        run = run_child(root, ledger, seed * 1000 + 500 + n, backup, tmp_path,
                        crash_at_event=n, env=world.env(
                            CRASH_FIRST_OP=("import", "export")[j % 2],
                            CRASH_HELPER=("never", "always")[(j // 2) % 2]))
        kills += run.killed
        verify_store(root, ledger, backup, world)
    import_everything(root, ledger, world)
    verify_store(root, ledger, backup, world)
    return {"kills": kills, "acks": ledger.acks, "imports": len(ledger.imports),
            "exports": len(ledger.exports)}


def test_kills_during_import_and_export_leave_whole_bundles(tmp_path, record_property):
    stats = bundle_kill_loop(tmp_path, random_kills=DEFAULT_BUNDLE_RANDOM_KILLS,
                             event_kills=DEFAULT_BUNDLE_EVENT_KILLS, seed=21, bundles=4)
    record_property("crash_stats", stats)
    assert stats["kills"] >= DEFAULT_BUNDLE_RANDOM_KILLS
    assert stats["imports"] == 4


@pytest.mark.slow
@pytest.mark.parametrize("seed", [31, 32])
def test_many_kills_during_import_and_export(tmp_path, seed, record_property):
    stats = bundle_kill_loop(tmp_path, random_kills=SLOW_BUNDLE_RANDOM_KILLS // 2,
                             event_kills=SLOW_BUNDLE_EVENT_KILLS // 2, seed=seed, bundles=8)
    record_property("crash_stats", stats)
    print(f"seed {seed}: {stats}")
    assert stats["kills"] >= SLOW_BUNDLE_RANDOM_KILLS // 2


def walk_kills_through(tmp_path, op: str, helper: str, *, stride: int = 1) -> int:
    """Kill one import (or export) at its 1st, 2nd, … file-system event, before and after
    the call, until a run gets through; verify after each. A killed import is retried
    with the same bundle (so re-running it must complete); the next one takes a new one.
    Returns how many kills there were."""
    root = make_store(tmp_path)
    world = make_bundles(tmp_path, root, 3 if op == "import" else 1)
    ledger = Ledger()
    backup = tmp_path / "store.tibak"
    if op == "export":  # something of its own to export, with attachments
        import_everything(root, ledger, world)
    kills, n = 0, 1
    names = sorted(world.expected)
    while True:
        bundle = names[min(len(ledger.imports), len(names) - 1)]
        run = run_child(root, ledger, 99, backup, tmp_path, crash_at_event=n, max_ops=1,
                        env=world.env(CRASH_FIRST_OP=op, CRASH_BUNDLE=bundle,
                                      CRASH_HELPER=helper))
        verify_store(root, ledger, None, world)
        if not run.killed:
            break
        kills += 1
        n += stride
        assert n < 400, "the operation never completed"
    import_everything(root, ledger, world)
    verify_store(root, ledger, None, world)
    return kills


def test_a_kill_at_steps_of_an_import_leaves_it_whole_or_absent(tmp_path):
    assert walk_kills_through(tmp_path, "import", "never", stride=5) >= 3


@pytest.mark.slow
@pytest.mark.parametrize("op", ["import", "export"])
@pytest.mark.parametrize("helper", ["never", "always"])
def test_a_kill_at_every_step_of_a_bundle_operation(tmp_path, op, helper):
    assert walk_kills_through(tmp_path, op, helper) >= 6


@pytest.mark.parametrize("helper", ["never", "always"])
def test_a_kill_mid_export_leaves_no_partial_bundle(tmp_path, helper):
    """Killed while 40 MB stream into the bundle, an export leaves no file named like a
    bundle: only the atomic writer's hidden temporary file, which holds age ciphertext
    (and which the helper process, if it ran, finishes on its own and never renames)."""
    root = make_store(tmp_path)
    world = make_bundles(tmp_path, root, 0)
    with Store.open(root, from_text(PASSPHRASES[0]), policy=POLICY) as store:
        t = store.add(make_testimony())
        store.attach(t.id, io.BytesIO(os.urandom(40 * 1024 * 1024)), name="long.m4a")
    ledger = Ledger()
    killed = 0
    for i, delay in enumerate((0.05, 0.15, 0.3)):
        run = run_child(root, ledger, 7 + i, tmp_path / "b.tibak", tmp_path, max_ops=1,
                        kill_after=delay, kill_on="BEGIN export",
                        env=world.env(CRASH_FIRST_OP="export", CRASH_HELPER=helper))
        killed += run.killed
        verify_store(root, ledger, None, world)
    assert killed >= 1
    assert not [p for p in world.exports.iterdir() if p.name.endswith(".tib.age")
                and p.name not in ledger.exports and p.name not in world.verified]
