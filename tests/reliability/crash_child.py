"""The process the crash tests kill: real store operations, acknowledged one by one.

Run as ``python -m tests.reliability.crash_child STORE PASSPHRASE_FILE SEED BACKUP``.
It opens the store, prints ``READY``, then loops over random operations
(add, save, attach, passphrase change, backup; with ``CRASH_BUNDLES`` also bundle
import and export). Each operation prints ``BEGIN …`` before it starts
and ``ACK …`` *after the call that commits it has returned*, flushed, so every
``ACK`` the parent reads is a promise the store must keep whatever happens next.

With ``CRASH_AT_EVENT=N`` in the environment, the child kills itself with
SIGKILL at the N-th file-system event it makes from Python (``fsync``,
``replace``, ``rename``, ``unlink``): odd N just before the call, even N just
after, which walks the kill through every step of the atomic-write protocol
deterministically. Without it, the parent kills at a random moment.

Bundles (prepared by the parent: :func:`harness.make_bundles`):

* ``CRASH_BUNDLES=DIR``: bundles a peer store encrypted to this store; ``import``
  takes one of them (``CRASH_BUNDLE=NAME``: that one), trusting the sender;
* ``CRASH_EXPORTS=DIR``: where ``export`` writes bundles to the contact ``Peer``;
* ``CRASH_FIRST_OP=import|export``: do that first (with ``CRASH_MAX_OPS=1``, only that);
* ``CRASH_HELPER=always|never|random``: whether bundle encryption runs in the helper
  process (normally only from 64 MiB), so both paths are killed.
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
from intake.bundle import ExportRequest, export_bundle, import_bundle, writer
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


def fake_statement(t: object, bundle_id: str, lang: str) -> bytes:
    """A stand-in witness statement: the PDF renderer needs Qt, the kills do not."""
    return b"%PDF-1.4\n% crash test statement " + bundle_id.encode() + b"\n%%EOF\n"


def choose_helper(rng: random.Random) -> None:
    mode = os.environ.get("CRASH_HELPER", "random")
    use = mode == "always" or (mode == "random" and rng.random() < 0.5)
    writer.HELPER_THRESHOLD = 0 if use else DEFAULT_HELPER_THRESHOLD


def op_import(store: Store, rng: random.Random, ctx: dict) -> None:
    """Import a bundle the parent prepared (often one imported already: then nothing
    changes, which must hold under a kill too)."""
    bundles: list[Path] = ctx.get("bundles") or []
    if not bundles:
        return op_add(store, rng, ctx)
    forced = os.environ.get("CRASH_BUNDLE")
    path = bundles[0].parent / forced if forced else rng.choice(bundles)
    choose_helper(rng)
    say("BEGIN import", path.name)
    result = import_bundle(store, path, trust_new_sender=True)
    say("ACK import", path.name, result.provenance.bundle_id)


def op_export(store: Store, rng: random.Random, ctx: dict) -> None:
    ids = store.ids()
    if not ids or ctx.get("exports") is None:
        return op_add(store, rng, ctx)
    chosen = tuple(rng.sample(ids, min(len(ids), rng.randint(1, 3))))
    ctx["exported"] += 1
    out = ctx["exports"] / f"{ctx['seed']}-{ctx['exported']}.tib.age"
    choose_helper(rng)
    say("BEGIN export", out.name)
    result = export_bundle(store, ExportRequest(("Peer",), "legal", "full",
                                                testimony_ids=chosen), out,
                           renderer=fake_statement)
    say("ACK export", out.name, result.bundle_id)


DEFAULT_HELPER_THRESHOLD = writer.HELPER_THRESHOLD
OPERATIONS: list[tuple[Callable[[Store, random.Random, dict], None], int]] = [
    (op_add, 4), (op_save, 4), (op_attach, 3), (op_passwd, 2), (op_backup, 1)]
BUNDLE_OPERATIONS: list[tuple[Callable[[Store, random.Random, dict], None], int]] = [
    (op_import, 4), (op_export, 3)]
FIRST = {"import": op_import, "export": op_export}


def main(argv: list[str]) -> None:
    store_dir, passphrase_file, seed, backup = argv
    if os.environ.get("CRASH_AT_EVENT"):
        install_kill_point(int(os.environ["CRASH_AT_EVENT"]))
    rng = random.Random(int(seed))
    ctx: dict = {"passphrase": read_first_line(passphrase_file), "backup": Path(backup),
                 "seed": seed, "exported": 0, "bundles": [], "exports": None}
    operations = list(OPERATIONS)
    if os.environ.get("CRASH_BUNDLES"):
        ctx["bundles"] = sorted(Path(os.environ["CRASH_BUNDLES"]).glob("*.tib.age"))
        operations += BUNDLE_OPERATIONS
    if os.environ.get("CRASH_EXPORTS"):
        ctx["exports"] = Path(os.environ["CRASH_EXPORTS"])
    with from_text(ctx["passphrase"]) as secret:
        store = Store.open(Path(store_dir), secret, policy=POLICY)
    say("READY")
    ops, weights = zip(*operations, strict=True)
    max_ops = int(os.environ.get("CRASH_MAX_OPS", "200"))
    first = os.environ.get("CRASH_FIRST_OP")
    if first:
        FIRST[first](store, rng, ctx)
        max_ops -= 1
    for _ in range(max_ops):
        rng.choices(ops, weights)[0](store, rng, ctx)
    store.close()
    say("DONE")


if __name__ == "__main__":
    main(sys.argv[1:])
