"""The installed ``testimony-intake`` command, as a user runs it: real KDF, real process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "testimony-intake"
pytestmark = pytest.mark.skipif(not EXE.exists(), reason="the project is not installed")


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_init_list_and_wrong_passphrase_with_the_production_kdf(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path / "home"), "TESTIMONY_INTAKE_STORE":
           str(tmp_path / "store")}
    pw = tmp_path / "pw"
    pw.write_text("a real passphrase for this test\n")
    init = run("--passphrase-file", str(pw), "init", "--label", "entry", env=env)
    assert init.returncode == 0, init.stderr
    assert re.search(r"^Recovery key: [0-9A-Z]{4}(-[0-9A-Z]{4}){6}$", init.stdout, re.M)
    keys = (tmp_path / "store" / "keys").read_text()
    memory = int(re.search(r'"memory_kib":\s*(\d+)', keys).group(1))
    assert memory >= 65536  # never below RFC 9106's second recommendation
    listed = run("--passphrase-file", str(pw), "list", "--json", env=env)
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"
    bad = tmp_path / "bad"
    bad.write_text("wrong\n")
    wrong = run("--passphrase-file", str(bad), "list", env=env)
    assert wrong.returncode == 1
    assert "Traceback" not in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1
    # no passphrase file and no terminal: a clear one-line refusal, not a hang
    none = run("list", env=env)
    assert none.returncode == 1 and "--passphrase-file" in none.stderr


def test_help_and_usage(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path)}
    assert run("--help", env=env).returncode == 0
    assert run("frobnicate", env=env).returncode == 2
