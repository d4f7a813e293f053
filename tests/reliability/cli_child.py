"""Run one CLI command with too little disk, in a child process; report what it said.

``python -m tests.reliability.cli_child SPEC_JSON`` where the spec says:

- ``argv``: the command line (``--store`` is added; ``{mount}`` is replaced by the tmpfs);
- ``store``: the store to work on;
- ``fsize``: optional ``RLIMIT_FSIZE`` in bytes (no file may grow past it: EFBIG);
- ``fake_statements``: optional; exports get a stand-in witness statement (no Qt);
- ``tmpfs``: optional ``{"mount": DIR, "kib": N, "leave": BYTES, "out": DIR}`` — mount a
  tmpfs of N KiB at DIR (the child must run under ``unshare -rm`` for that), copy the
  store in, fill the disk so only ``leave`` bytes stay free, run the command, free the
  space and copy the whole tmpfs (the store is ``store/`` in it) back out to ``out`` for
  the parent to judge. This is a real
  ``ENOSPC``, the way a full USB stick or laptop disk fails.

Prints one JSON line: ``{"code", "out", "err"}``.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from crypto.kdf import KdfPolicy
from intake.cli.context import Context
from intake.cli.main import main as cli_main


def fill(mount: Path, leave: int) -> Path:
    filler = mount / "filler"
    st = os.statvfs(mount)
    free = st.f_bavail * st.f_frsize
    with filler.open("wb") as f:
        remaining = max(0, free - leave)
        while remaining:
            n = min(remaining, 1 << 20)
            try:
                f.write(b"\0" * n)
                f.flush()
            except OSError:
                break
            remaining -= n
    return filler


def main(spec: dict) -> None:
    store = Path(spec["store"])
    tmpfs = spec.get("tmpfs")
    if tmpfs:
        mount = Path(tmpfs["mount"])
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={tmpfs['kib']}k,mode=0700",
                        "tmpfs", str(mount)], check=True)
        shutil.copytree(store, mount / "store")
        store = mount / "store"
        filler = fill(mount, tmpfs["leave"])
    if spec.get("fsize"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (spec["fsize"], hard))
    argv = [a.replace("{mount}", str(tmpfs["mount"])) if tmpfs else a for a in spec["argv"]]
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(store_dir=Path(), stdin=io.BytesIO(spec.get("stdin", "").encode()),
                  stdout=out, stderr=err)
    if spec.get("fake_statements"):  # exports without Qt: a stand-in witness statement
        from tests.reliability.crash_child import fake_statement
        ctx.statement_renderer = fake_statement
    try:
        code = cli_main(["--store", str(store), *argv],
                        policy=KdfPolicy.insecure_for_tests(), context=ctx)
    except BaseException as exc:  # a traceback is exactly what the tests look for
        import traceback

        code = 99
        err.write("Traceback (most recent call last):\n" + "".join(
            traceback.format_exception(exc)))
    if spec.get("fsize"):
        resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    if tmpfs:
        filler.unlink()
        shutil.copytree(mount, tmpfs["out"], symlinks=True)
    sys.stdout.write(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()})
                     + "\n")


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
