"""The installed command gets the Qt receipt renderer from the launcher (lazily, like the
statement renderer): a receipt written by a real process, with the production KDF."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples import sample_dict

EXE = Path(sys.executable).parent / "testimony-intake"
pytestmark = pytest.mark.skipif(not EXE.exists(), reason="the project is not installed")


def test_the_lazy_renderer_makes_a_receipt(store):
    pytest.importorskip("PySide6")
    from intake.consent_receipt import build
    from tests.samples import make_testimony
    from ui.launcher import render_receipt_lazily

    assert render_receipt_lazily(build(store, make_testimony())).startswith(b"%PDF-")


@pytest.mark.slow
def test_the_launcher_injects_the_receipt_renderer(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path / "home"),
           "TESTIMONY_INTAKE_STORE": str(tmp_path / "store"), "QT_QPA_PLATFORM": "offscreen"}
    pw = tmp_path / "pw"
    pw.write_text("a real passphrase for this test\n")
    record = tmp_path / "t.json"
    record.write_text(json.dumps(sample_dict(), ensure_ascii=False), encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(EXE), "--passphrase-file", str(pw), *args],
                              capture_output=True, text=True, env=env,
                              stdin=subprocess.DEVNULL, timeout=120)

    assert run("init", "--label", "entry").returncode == 0
    added = run("add", str(record))
    assert added.returncode == 0, added.stderr
    out = tmp_path / "receipt.pdf"
    made = run("consent-receipt", added.stdout.strip(), "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert out.read_bytes().startswith(b"%PDF-")
