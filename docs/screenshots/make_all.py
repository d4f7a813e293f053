"""Regenerate every screenshot in docs/screenshots, in English and Korean.

    .venv/bin/python docs/screenshots/make_all.py          # both languages
    .venv/bin/python docs/screenshots/make_all.py ko       # one

Each script runs in its own process (one QApplication, one language each) on throwaway
stores with the cheap test KDF and fictional testimonies; nothing real is ever shown.
Every picture is named ``<screen>-<lang>.png``; the README's Screenshots table shows them.

- ``make_screenshots.py``: first run (3 pages), empty workspace, unlock with the
  recovery key
- ``make_window_screenshots.py``: the workspace with data (consent, corroboration,
  transfers), search tab, editor, revisions, consent receipt, transfers, withdrawal,
  backup, verify, check report, settings, unlock after a wrong passphrase, import
- ``make_bundle_screenshots.py``: contacts, fingerprint comparison, export, its checks
- ``make_search_screenshots.py``: search panel with filters and a saved search, statistics
- ``make_redaction_screenshots.py``: redaction review, image redaction
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The bundle script's import screen is replaced by the window script's (a second bundle
# on a store that already holds the first), so the window script runs after it.
SCRIPTS = ("make_screenshots.py", "make_bundle_screenshots.py", "make_search_screenshots.py",
           "make_redaction_screenshots.py", "make_window_screenshots.py")


def main(langs: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    failed = []
    for lang in langs:
        for script in SCRIPTS:
            print(f"{script} {lang}", flush=True)
            done = subprocess.run([sys.executable, str(HERE / script), lang], env=env,
                                  stderr=subprocess.PIPE, text=True, check=False)
            if done.returncode != 0:
                failed.append(f"{script} {lang}")
                lines = [x for x in done.stderr.splitlines() if "propagateSizeHints" not in x]
                print("\n".join(lines[-10:]), file=sys.stderr)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["en", "ko"]))
