"""Coverage-guided fuzzing of every parser of outside bytes, with atheris (libFuzzer).

The targets are those of ``tests/fuzz/targets.py`` (testimony JSON and JSON Lines,
key files, identity cards, whole backups, backup manifests, the unlock-guard file,
and bundle manifests and bundle files once ``intake/bundle`` is there). Each target
runs in a process of its own, seeded with real files, our modules instrumented.
An unexpected exception is a crash: libFuzzer writes the input that caused it to
``--out``/crash-<sha1>, and this script exits 1.

Usage:
    python bench/fuzz_long.py                      # every target, 60 s each
    python bench/fuzz_long.py --target backup --seconds 3600
    python bench/fuzz_long.py --target keyfile --runs 100000
    python bench/fuzz_long.py --list

Needs ``pip install atheris`` (see pyproject's test extras).
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def run_one(name: str, seconds: int, runs: int | None, out: Path) -> int:
    """In this process: fuzz one target until time or runs are up (never returns)."""
    import atheris

    with atheris.instrument_imports(include=["intake", "crypto"]):
        import crypto.card  # noqa: F401
        import crypto.keyfile  # noqa: F401
        import intake.backup  # noqa: F401
        import intake.model  # noqa: F401
        import intake.unlock_guard  # noqa: F401

        for optional in ("intake.bundle.format", "intake.bundle.importer"):
            try:
                importlib.import_module(optional)
            except ImportError:
                pass
    from tests.fuzz.targets import TARGETS

    target = TARGETS[name]
    if not target.available():
        print(f"{name}: not available yet; skipped")
        return 0
    corpus = out / f"corpus-{name}"
    corpus.mkdir(parents=True, exist_ok=True)
    seeds = target.seeds()
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i}").write_bytes(seed)
    max_len = max(4096, 2 * max(len(s) for s in seeds))

    def one_input(data: bytes) -> None:
        try:
            target.run(data)
        except target.expected:
            pass

    args = [sys.argv[0], str(corpus), f"-max_len={max_len}", "-timeout=20",
            "-rss_limit_mb=3072", f"-artifact_prefix={out}/", "-print_final_stats=1"]
    args.append(f"-runs={runs}" if runs is not None else f"-max_total_time={seconds}")
    atheris.Setup(args, one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="all")
    parser.add_argument("--seconds", type=int, default=60, help="per target")
    parser.add_argument("--runs", type=int, help="inputs per target (instead of --seconds)")
    parser.add_argument("--out", type=Path, help="crashes and corpora (default: a temp dir)")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from tests.fuzz.targets import TARGETS

    if args.list:
        for name, t in TARGETS.items():
            print(f"{name:18} {'ready' if t.available() else 'not available yet'}")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return run_one(args.target, args.seconds, args.runs, out)
    names = list(TARGETS) if args.target == "all" else [args.target]
    failed = []
    for name in names:
        cmd = [sys.executable, __file__, "--child", "--target", name, "--seconds",
               str(args.seconds), "--out", str(out)]
        if args.runs is not None:
            cmd += ["--runs", str(args.runs)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
        print(f"== {name}", flush=True)
        done = subprocess.run(cmd, cwd=out, env=env)
        if done.returncode != 0:
            failed.append(name)
    crashes = sorted(p.name for p in out.glob("crash-*"))
    print(f"targets: {len(names)}, failed: {failed or 'none'}, crashes: {crashes or 'none'}; "
          f"corpora and artifacts in {out}")
    return 1 if failed or crashes else 0


if __name__ == "__main__":
    sys.exit(main())
