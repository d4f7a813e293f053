"""The process the crash tests kill: real store operations, acknowledged one by one.

Run as ``python -m tests.reliability.crash_child STORE PASSPHRASE_FILE SEED BACKUP``.
It opens the store, prints ``READY``, then loops over random operations
(add, save, attach, passphrase change, backup — and bundle import once
:data:`OPERATIONS` gains it). Each operation prints ``BEGIN …`` before it starts
and ``ACK …`` *after the call that commits it has returned*, flushed, so every
``ACK`` the parent reads is a promise the store must keep whatever happens next.

With ``CRASH_AT_EVENT=N`` in the environment, the child kills itself with
SIGKILL at the N-th file-system event it makes from Python (``fsync``,
``replace``, ``rename``, ``unlink``): odd N just before the call, even N just
after, which walks the kill through every step of the atomic-write protocol
deterministically. Without it, the parent kills at a random moment.
"""

from __future__ import annotations

import io
import os
import random
import signal
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from crypto.kdf import Argon2Params, KdfPolicy
from intake.backup import create_backup
from intake.cli.passphrase import from_text, read_first_line
from intake.store import Store
from tests.samples import make_testimony

POLICY = KdfPolicy.insecure_for_tests()
PARAMS = Argon2Params(memory_kib=64, iterations=1, lanes=1)
PASSPHRASES = ("crash passphrase A", "crash passphrase B")


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def install_kill_point(n: int) -> None:
    """SIGKILL at the n-th fsync/replace/rename/unlink: before it (odd n) or after (even n)."""
    count = 0
    target, after = (n + 1) // 2, n % 2 == 0

    def wrap(fn: Callable[..., object]) -> Callable[..., object]:
        def wrapped(*args: object, **kwargs: object) -> object:
            nonlocal count
            count += 1
            if count == target and not after:
                os.kill(os.getpid(), signal.SIGKILL)
            result = fn(*args, **kwargs)
            if count == target and after:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return wrapped

    for name in ("fsync", "replace", "rename", "unlink"):
        setattr(os, name, wrap(getattr(os, name)))


def op_add(store: Store, rng: random.Random, ctx: dict) -> None:
    batch = [make_testimony(narrative=f"crash test {rng.random()} 단둥에서 " * rng.randint(1, 50))
             for _ in range(rng.randint(1, 3))]
    say("BEGIN add")
    for t in store.add_many(batch):
        say("ACK add", t.id)


def op_save(store: Store, rng: random.Random, ctx: dict) -> None:
    ids = store.ids()
    if not ids:
        return op_add(store, rng, ctx)
    current = store.get(rng.choice(ids))
    say("BEGIN save", current.id)
    stored = store.save(replace(current, narrative=current.narrative + f" 수정 {rng.random()}"))
    say("ACK save", stored.id, stored.revision)


def op_attach(store: Store, rng: random.Random, ctx: dict) -> None:
    ids = store.ids()
    if not ids:
        return op_add(store, rng, ctx)
    tid = rng.choice(ids)
    payload = os.urandom(rng.choice((0, 1, 1000, 70_000, 300_000)))
    say("BEGIN attach", tid)
    ref = store.attach(tid, io.BytesIO(payload), name="evidence.bin")
    say("ACK attach", tid, ref.id, ref.sha256)


def op_passwd(store: Store, rng: random.Random, ctx: dict) -> None:
    new = PASSPHRASES[1 - PASSPHRASES.index(ctx["passphrase"])]
    say("BEGIN passwd", PASSPHRASES.index(new))
    with from_text(new) as secret:
        store.change_passphrase(secret, params=PARAMS)
    ctx["passphrase"] = new
    say("ACK passwd", PASSPHRASES.index(new))


def op_backup(store: Store, rng: random.Random, ctx: dict) -> None:
    say("BEGIN backup", PASSPHRASES.index(ctx["passphrase"]))
    info = create_backup(store, ctx["backup"])
    say("ACK backup", PASSPHRASES.index(ctx["passphrase"]), info.backup_id)


def op_import(store: Store, rng: random.Random, ctx: dict) -> None:
    """Hook for bundle import (intake/bundle): when it lands, import a bundle prepared by
    the parent (``ctx["bundle"]``) and ``say("ACK import", bundle_id, *testimony_ids)``;
    the parent's checks then cover it like any other acknowledged write."""
    raise NotImplementedError


# (operation, weight); add op_import here once intake/bundle can import.
OPERATIONS: list[tuple[Callable[[Store, random.Random, dict], None], int]] = [
    (op_add, 4), (op_save, 4), (op_attach, 3), (op_passwd, 2), (op_backup, 1)]


def main(argv: list[str]) -> None:
    store_dir, passphrase_file, seed, backup = argv
    if os.environ.get("CRASH_AT_EVENT"):
        install_kill_point(int(os.environ["CRASH_AT_EVENT"]))
    rng = random.Random(int(seed))
    ctx = {"passphrase": read_first_line(passphrase_file), "backup": Path(backup)}
    with from_text(ctx["passphrase"]) as secret:
        store = Store.open(Path(store_dir), secret, policy=POLICY)
    say("READY")
    ops, weights = zip(*OPERATIONS, strict=True)
    for _ in range(int(os.environ.get("CRASH_MAX_OPS", "200"))):
        rng.choices(ops, weights)[0](store, rng, ctx)
    store.close()
    say("DONE")


if __name__ == "__main__":
    main(sys.argv[1:])
