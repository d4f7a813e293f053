"""docs/bundle-format.md §6.3, run word for word on a real notice and a real receipt with
`age`, `tar`, `minisign` and the documented Python, trusting nothing of ours."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from intake.custody.receipts import write_receipt
from intake.custody.withdraw import withdraw
from tests.intake.custody import forge

DOC = Path(__file__).resolve().parents[3] / "docs" / "bundle-format.md"
TOOLS = ("age", "minisign", "tar")
pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                                reason="age, minisign or tar is not installed")


def doc_blocks() -> tuple[str, str]:
    section = DOC.read_text(encoding="utf-8").split("### 6.3")[1]
    shell = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    python = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    return shell, python


def run_doc(work: Path, kind: str, file: Path, key_store, card_store):
    (work / "key.txt").write_text(key_store.identity.age_secret_key_string() + "\n")
    (work / "card.json").write_text(card_store.identity_card().to_json(), encoding="utf-8")
    shell, python = doc_blocks()
    (work / "check_custody.py").write_text(python, encoding="utf-8")
    shell = shell.replace("python3 ", f"{sys.executable} ")
    env = dict(os.environ, KIND=kind, FILE=str(file))
    return subprocess.run(["bash", "-euo", "pipefail", "-c", shell], cwd=work, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def sent(trio):
    t = trio.testimony()
    trio.deliver(trio.export("b.tib.age"))
    trio.t = t
    return trio


def test_a_notice_checks_with_standard_tools(sent, tmp_path):
    notice = withdraw(sent.field, sent.t.id, sent.outbox(), note="전화로 철회").notices[0]
    work = tmp_path / "desk"
    work.mkdir()
    result = run_doc(work, "notice", notice.path, sent.legal, sent.field)
    assert result.returncode == 0, result.stderr
    assert "Signature and comment signature verified" in result.stdout + result.stderr
    assert f"Trusted comment: tin/1 notice {notice.notice_id} withdraws" in result.stdout
    assert re.search(rf"^OK: notice {notice.notice_id}: testimony {sent.t.id} withdrawn",
                     result.stdout, re.M)


def test_a_receipt_checks_with_standard_tools(sent, tmp_path):
    bundle_id = sent.legal.conn.execute("SELECT bundle_id FROM imported_bundles").fetchone()[0]
    written = write_receipt(sent.legal, bundle_id, tmp_path / "r.tir.age")
    work = tmp_path / "desk"
    work.mkdir()
    result = run_doc(work, "receipt", written.path, sent.field, sent.legal)
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^OK: receipt {written.receipt.receipt_id}: bundle {bundle_id} ",
                     result.stdout, re.M)


def test_the_documented_commands_catch_a_notice_signed_by_another_key(sent, tmp_path,
                                                                        new_store):
    mallory, _ = new_store("mallory", label="Field team A")
    n = forge.notice(mallory, sent.legal, sent.t.id, ["0" * 8 + "-0000-4000-8000-" + "0" * 12])
    path = forge.seal(n, mallory, sent.legal, tmp_path / "n.tin.age")
    work = tmp_path / "desk"
    work.mkdir()
    result = run_doc(work, "notice", path, sent.legal, sent.field)
    assert result.returncode != 0
    assert "Signature verification failed" in result.stderr or "key id" in result.stderr
