"""Bundle export and import: throughput against the ``age`` CLI, and peak memory.

    .venv/bin/python bench/bundle_bench.py [--mb 256] [--files 4] [--runs 3] [--dir DIR]

Makes two stores (an interviewer's and a legal team's) with one testimony holding
``--files`` attachments of ``--mb`` MiB in all (random bytes, like compressed audio),
then, each in a fresh subprocess so its peak RSS is its own:

* export: blobs decrypted and streamed through the tar into age, to one recipient;
* import: age decrypted, every member hashed, attachments re-encrypted into blobs.

In the same run, the ``age`` CLI encrypts and decrypts a file of the same size (the
bundle's tar size). Ratios are age's time over ours: 1.0 means as fast as ``age``
alone, although export and import each do two age operations (blob + bundle) where the
CLI does one; import also hashes every byte. Each figure is the best of ``--runs``,
ours and age's taken in turns. Work happens in ``/dev/shm`` when it has room (the
figures are then the pipeline's, not the disk's: exports and imports fsync what they
write, the CLI does not), else in the temporary directory; ``--dir`` picks another.
Goals: ratio ≥ 0.8, peak RSS ≤ 200 MB. The KDF is the cheap test policy (unlocking is
not what is measured).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PASSPHRASE = "bundle bench passphrase"
CHUNK = 1 << 20


class RandomSource:
    """``size`` pseudo-random bytes, made as they are read (nothing held in memory)."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.block = os.urandom(CHUNK)

    def read(self, n: int = -1) -> bytes:
        n = self.left if n is None or n < 0 else min(n, self.left)
        n = min(n, CHUNK)
        self.left -= n
        return self.block[:n]


def _policy():
    from crypto.kdf import KdfPolicy
    return KdfPolicy.insecure_for_tests()


def _open(path: Path):
    from intake.cli.passphrase import from_text
    from intake.store import Store
    return Store.open(path, from_text(PASSPHRASE), policy=_policy())


def setup(work: Path, total: int, files: int) -> None:
    from intake.cli.passphrase import from_text
    from intake.contacts import Contacts
    from intake.model import Testimony
    from intake.store import Store
    from tests.samples import sample_dict

    field, _ = Store.create(work / "field", from_text(PASSPHRASE), label="Field team A",
                            policy=_policy())
    legal, _ = Store.create(work / "legal", from_text(PASSPHRASE), label="Legal team B",
                            policy=_policy())
    with field, legal:
        Contacts(field).add(legal.identity_card(), "Legal")
        Contacts(field).verify("Legal")
        Contacts(legal).add(field.identity_card(), "Field")
        t = field.add(Testimony.from_dict(sample_dict(), new=True))
        for i in range(files):
            field.attach(t.id, RandomSource(total // files), name=f"interview-{i + 1}.m4a")
        (work / "key.txt").write_text(legal.identity.age_secret_key_string() + "\n")
        (work / "recipient.txt").write_text(legal.identity.age_recipient + "\n")


def child_export(work: Path) -> dict[str, float]:
    from intake.bundle import ExportRequest, export_bundle
    from ui.launcher import render_statement_lazily

    with _open(work / "field") as store:
        # Qt loads once per app session, not per export: load it before the clock starts.
        render_statement_lazily(store.get(store.ids()[0]), "warm-up", "en")
        start, cpu = time.perf_counter(), _cpu_now()
        result = export_bundle(store, ExportRequest(("Legal",), "legal", "full"),
                               work / "bundle.tib.age", renderer=render_statement_lazily)
        seconds, cpu = time.perf_counter() - start, _cpu_since(cpu)
    return {"seconds": seconds, "tar_size": result.tar_size, **cpu}


def _cpu_now() -> tuple[float, float]:
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), helpers.ru_utime + helpers.ru_stime


def _cpu_since(then: tuple[float, float]) -> dict[str, float]:
    """CPU seconds of the operation alone: this process's threads, and its helpers."""
    now = _cpu_now()
    return {"own_cpu": now[0] - then[0], "helper_cpu": now[1] - then[1]}


def child_import(work: Path) -> dict[str, float]:
    from intake.bundle import import_bundle

    with _open(work / "legal") as store:
        start, cpu = time.perf_counter(), _cpu_now()
        result = import_bundle(store, work / "bundle.tib.age")
        seconds, cpu = time.perf_counter() - start, _cpu_since(cpu)
    assert result.attachments > 0
    return {"seconds": seconds, **cpu}


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_child(step: str, work: Path) -> dict[str, float]:
    before = cpu_of_children()
    out = subprocess.run([sys.executable, __file__, f"_{step}", str(work)], check=True,
                         capture_output=True, text=True, env={**os.environ,
                                                              "QT_QPA_PLATFORM": "offscreen"})
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["process_cpu"] = cpu_of_children() - before  # with start-up, unlock, imports
    figures["cpu"] = figures["own_cpu"] + figures["helper_cpu"]  # the operation alone
    return figures


def age_times(work: Path, size: int) -> tuple[float, ...]:
    """age encrypting a file of ``size`` bytes; decrypting it to /dev/null; and to a file:
    wall times, then CPU times."""
    plain, sealed, back = work / "plain.bin", work / "plain.age", work / "plain.out"
    with plain.open("wb") as f:
        source = RandomSource(size)
        while block := source.read(CHUNK):
            f.write(block)
    recipient = (work / "recipient.txt").read_text().strip()
    key = str(work / "key.txt")
    times, cpus = [], []
    for argv in (["age", "-r", recipient, "-o", str(sealed), str(plain)],
                 ["age", "-d", "-i", key, "-o", os.devnull, str(sealed)],
                 ["age", "-d", "-i", key, "-o", str(back), str(sealed)]):
        start, cpu = time.perf_counter(), cpu_of_children()
        subprocess.run(argv, check=True)
        times.append(time.perf_counter() - start)
        cpus.append(cpu_of_children() - cpu)
    for p in (plain, sealed, back):
        p.unlink()
    return times[0], times[1], times[2], cpus[0], cpus[1], cpus[2]


class NullSink:
    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def primitive_times(work: Path, size: int) -> tuple[float, float, float]:
    """CPU seconds of what any export or import must do per byte, in this process, no
    files written by us: pyrage decryption, SHA-256, pyrage encryption of ``size`` bytes."""
    import hashlib

    import pyrage

    recipient = pyrage.x25519.Recipient.from_str((work / "recipient.txt").read_text().strip())
    identity = pyrage.x25519.Identity.from_str((work / "key.txt").read_text().strip())
    sealed = work / "primitive.age"
    start = time.process_time()
    pyrage.encrypt_io(RandomSource(size), NullSink(), [recipient])
    encrypt = time.process_time() - start
    with sealed.open("wb") as f:
        pyrage.encrypt_io(RandomSource(size), f, [recipient])
    with sealed.open("rb", buffering=CHUNK) as f:
        start = time.process_time()
        pyrage.decrypt_io(f, NullSink(), [identity])
        decrypt = time.process_time() - start
    sealed.unlink()
    source, digest = RandomSource(size), hashlib.sha256()
    start = time.process_time()
    while block := source.read(CHUNK):
        digest.update(block)
    return decrypt, time.process_time() - start, encrypt


def work_dir(wanted: Path | None, total: int) -> Path:
    if wanted is not None:
        wanted.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="bundle-bench-", dir=wanted))
    shm = Path("/dev/shm")
    if shm.is_dir() and shutil.disk_usage(shm).free > 6 * total:
        return Path(tempfile.mkdtemp(prefix="bundle-bench-", dir=shm))
    return Path(tempfile.mkdtemp(prefix="bundle-bench-"))


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] in ("_export", "_import"):
        work = Path(sys.argv[2])
        figures = child_export(work) if sys.argv[1] == "_export" else child_import(work)
        figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=256, help="MiB of attachments (1024: 1 GiB)")
    parser.add_argument("--files", type=int, default=4, help="how many attachments")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    parser.add_argument("--dir", type=Path, help="work under DIR (default: /dev/shm or temp)")
    args = parser.parse_args()
    if shutil.which("age") is None:
        print("the age CLI is needed for the comparison (Debian: apt-get install age)")
        return 2
    total = args.mb * 1024 * 1024
    work = work_dir(args.dir, total)
    try:
        print(f"setting up in {work}: {args.files} attachments, {args.mb} MiB in all ...",
              flush=True)
        setup(work, total, args.files)
        shutil.copytree(work / "legal", work / "legal.pristine")
        exports, imports, ages, primitives = [], [], [], []
        for _ in range(args.runs):
            (work / "bundle.tib.age").unlink(missing_ok=True)
            exports.append(run_child("export", work))
            imports.append(run_child("import", work))
            reset_legal(work)
            ages.append(age_times(work, int(exports[-1]["tar_size"])))
            primitives.append(primitive_times(work, int(exports[-1]["tar_size"])))
        size = int(exports[0]["tar_size"])
        best_export = min(exports, key=lambda f: f["seconds"])
        best_import = min(imports, key=lambda f: f["seconds"])
        age_encrypt, age_null, age_file, cpu_enc, cpu_null, cpu_file = (
            min(a[i] for a in ages) for i in range(6))
        mb = size / 1e6
        print(f"\nbundle: {size:,} bytes of tar ({args.mb} MiB of attachments), best of "
              f"{args.runs}")
        print(f"{'':8} {'ours s':>7} {'MB/s':>6} {'age s':>7} {'age MB/s':>8} {'ratio':>6}"
              f" {'peak RSS':>9}   compared with")
        for name, ours, theirs, what in (
                ("export", best_export, age_encrypt, "age -r (to a file)"),
                ("import", best_import, age_null, "age -d (to /dev/null)"),
                ("", best_import, age_file, "age -d (to a file)")):
            runs = exports if name == "export" else imports
            rss = f"{max(f['peak_rss_mb'] for f in runs):6.0f} MB"
            print(f"{name:8} {ours['seconds']:7.2f} {mb / ours['seconds']:6.0f} {theirs:7.2f}"
                  f" {mb / theirs:8.0f} {theirs / ours['seconds']:6.2f}"
                  f" {rss if name else '':>9}   {what}")
        cpu_export = min(f["cpu"] for f in exports)
        cpu_import = min(f["cpu"] for f in imports)
        print(f"\nCPU seconds of the operation (user + sys, its threads and helper processes;"
              f" not start-up or unlock; less sensitive to other load):\n"
              f"  export {cpu_export:.2f} vs age -r {cpu_enc:.2f}"
              f" (ratio {cpu_enc / cpu_export:.2f}); import {cpu_import:.2f} vs age -d to a file"
              f" {cpu_file:.2f} (ratio {cpu_file / cpu_import:.2f})")
        for name, runs in (("export", exports), ("import", imports)):
            best = min(runs, key=lambda f: f["cpu"])
            print(f"  {name}: {best['own_cpu']:.2f} s in the process, "
                  f"{best['helper_cpu']:.2f} s in its encryption helpers (the whole process, "
                  f"with Python start-up and unlock: {best['process_cpu']:.2f} s)")
        print(f"  load average while running: {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores")
        decrypt, sha, encrypt = (min(p[i] for p in primitives) for i in range(3))
        floor = decrypt + sha + encrypt
        print(f"\nThe floor with pyrage (CPU seconds in this run; no writing, no pipes): "
              f"decrypt {decrypt:.2f} + SHA-256 {sha:.2f} + encrypt {encrypt:.2f} = "
              f"{floor:.2f} s,\n  which export and import each need (a blob or the bundle "
              f"decrypted, hashed, re-encrypted), where age needs {cpu_enc:.2f} s (-r) and "
              f"{cpu_file:.2f} s (-d to a file), writing included.\n  Upper bounds: CPU "
              f"ratio {cpu_enc / floor:.2f} (export), {cpu_file / floor:.2f} (import); wall "
              f"ratio on two idle cores with a perfect split and free pipes "
              f"{2 * cpu_enc / floor:.2f} (export), {2 * cpu_file / floor:.2f} (import).")
        print("\nratio = age CLI time / our time (goal >= 0.8); peak RSS goal <= 200 MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def reset_legal(work: Path) -> None:
    """Bring back the legal team's store as it was before any import (so each run imports)."""
    shutil.rmtree(work / "legal")
    shutil.copytree(work / "legal.pristine", work / "legal")


if __name__ == "__main__":
    sys.exit(main())
