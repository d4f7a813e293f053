"""``python -m tests.reliability.run_cli ARGS…``: the CLI in a process of its own, with the
test KDF — the installed command minus the one-second Argon2id per unlock."""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

from crypto.kdf import KdfPolicy
from intake.cli.main import main


def run() -> int:
    code = main(sys.argv[1:], policy=KdfPolicy.insecure_for_tests())
    report = os.environ.get("REPORT_MAXRSS_TO")
    if report:  # the peak memory, for tests that a huge input was never read whole
        Path(report).write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    return code


if __name__ == "__main__":
    sys.exit(run())
