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

import random

import pytest

from intake.cli.passphrase import from_text
from intake.store import Store, erase_store
from tests.helpers import files_containing
from tests.reliability.crash_child import PASSPHRASES, POLICY
from tests.reliability.harness import Ledger, random_delays, run_child, verify_store

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
