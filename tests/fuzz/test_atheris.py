"""A few hundred coverage-guided inputs per target with atheris, when it is installed.

The long runs are ``bench/fuzz_long.py``; this only proves the harness works and
catches what a short libFuzzer run finds. Skipped where atheris is not installed
(it is in the test extras).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.fuzz.targets import TARGETS
from tests.reliability.harness import REPO, child_env

pytest.importorskip("atheris")

QUICK = ["testimony_json", "keyfile", "identity_card", "backup_manifest", "unlock_guard"]


@pytest.mark.parametrize("name", QUICK)
def test_a_short_atheris_run_finds_nothing(tmp_path, name):
    if not TARGETS[name].available():
        pytest.skip("not available yet")
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "fuzz_long.py"), "--target", name, "--runs",
         "400", "--out", str(tmp_path)], cwd=tmp_path, env=child_env(), capture_output=True,
        text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert not list(tmp_path.glob("crash-*"))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TARGETS))
def test_twenty_seconds_of_atheris_per_target(tmp_path, name):
    if not TARGETS[name].available():
        pytest.skip("not available yet")
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "fuzz_long.py"), "--target", name, "--seconds",
         "20", "--out", str(tmp_path)], cwd=tmp_path, env=child_env(), capture_output=True,
        text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
