"""docs/bundle-format.md §1, run word for word: a legal team checks a bundle with `age`,
`tar`, `minisign`, `sha256sum` and the documented Python, trusting nothing of ours."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.intake.bundle import craft

DOC = Path(__file__).resolve().parents[3] / "docs" / "bundle-format.md"
TOOLS = ("age", "minisign", "tar", "sha256sum")
pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                                reason="age, minisign, tar or sha256sum is not installed")


def doc_blocks() -> tuple[str, str]:
    section = DOC.read_text(encoding="utf-8").split("## 1.")[1].split("## 2.")[0]
    shell = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    python = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    return shell, python


def make_bundle(pair, tmp: Path) -> Path:
    t = pair.testimony()
    pair.attach(t, b"\x00\x01 audio" * 5000, "인터뷰.m4a")
    bundle = pair.export("bundle.tib.age")
    work = tmp / "legal-desk"
    work.mkdir()
    shutil.copy(bundle, work / "bundle.tib.age")
    (work / "key.txt").write_text(pair.legal.identity.age_secret_key_string() + "\n")
    (work / "card.json").write_text(pair.field.identity_card().to_json(), encoding="utf-8")
    return work


def run_doc(work: Path) -> subprocess.CompletedProcess[str]:
    shell, python = doc_blocks()
    (work / "check_bundle.py").write_text(python, encoding="utf-8")
    shell = shell.replace("python3 ", f"{sys.executable} ")
    return subprocess.run(["bash", "-euo", "pipefail", "-c", shell], cwd=work,
                          capture_output=True, text=True, timeout=120)


def test_the_documented_commands_check_a_real_bundle(pair, tmp_path):
    work = make_bundle(pair, tmp_path)
    result = run_doc(work)
    assert result.returncode == 0, result.stderr
    out = result.stdout + result.stderr
    assert "Signature and comment signature verified" in out
    assert "Trusted comment: tib/1 bundle " in out
    members = re.findall(r"^(\S+): OK$", result.stdout, re.M)
    assert len(members) == 5 and "metadata.csv" in members
    assert re.search(r"^OK: 5 members match the manifest of bundle ", result.stdout, re.M)


def test_the_documented_commands_catch_an_altered_member(pair, tmp_path):
    work = make_bundle(pair, tmp_path)
    tar = craft.decrypt((work / "bundle.tib.age").read_bytes(), pair.legal)
    entries, mtime = craft.unpack(tar)
    path, data = entries[2]
    entries[2] = (path, data.replace(b"S-0142", b"S-0143"))
    (work / "bundle.tib.age").write_bytes(craft.encrypt(craft.pack(entries, mtime),
                                                        pair.legal))
    result = run_doc(work)
    assert result.returncode != 0
    assert f"{path}: FAILED" in result.stdout


def test_minisign_refuses_a_signature_by_another_key(pair, tmp_path, new_store):
    work = make_bundle(pair, tmp_path)
    mallory, _ = new_store("mallory", label="Field team A")
    (work / "card.json").write_text(mallory.identity_card().to_json(), encoding="utf-8")
    result = run_doc(work)
    assert result.returncode != 0
    assert "Signature verification failed" in result.stderr or "key id" in result.stderr


def test_the_sender_can_verify_its_own_tar_with_tarfile_and_gnu_tar(pair, tmp_path):
    work = make_bundle(pair, tmp_path)
    tar = craft.decrypt((work / "bundle.tib.age").read_bytes(), pair.legal)
    listing = subprocess.run(["tar", "-tvf", "-"], input=tar, capture_output=True, check=True)
    lines = listing.stdout.decode().splitlines()
    assert len(lines) == 7 and all(line.startswith("-rw-r--r-- 0/0") for line in lines)
    assert b"warning" not in listing.stderr.lower()
