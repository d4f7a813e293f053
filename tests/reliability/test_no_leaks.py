"""No plaintext anywhere: a whole headless session with the installed command, then a scan.

The session runs ``testimony-intake`` as a user would — the installed entry point,
the production KDF, a real process per command (``slow``: ~35 s; the default run does
the same session with the test KDF) — with HOME, TMPDIR and every
XDG directory pointed inside ``tmp_path``, so anything the application, Python,
SQLite or a library writes lands where the scan looks. Canaries sit in every free
text field of a testimony and in an attached file and its name, in Korean and
Latin script; the scan looks for each as UTF-8 and UTF-16 (both byte orders) in
every file under ``tmp_path``. The inputs themselves (which hold the canaries in
clear, as a user's own files would) live outside ``tmp_path``.

``EXTRA_STEPS`` is where later features (exports, bundles, the GUI) join the session.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from intake.model import Testimony
from tests.helpers import canary_encodings, files_containing
from tests.reliability.harness import child_env

EXE = Path(sys.executable).parent / "testimony-intake"
TEST_KDF = [sys.executable, "-m", "tests.reliability.run_cli"]

TAG = "7c2e91"
CANARIES = [
    f"CANARY-PSEUDO-{TAG}", f"카나리아가명{TAG}", f"CANARY-ORIGIN-{TAG}", f"카나리아고향{TAG}",
    f"CANARY-PLACE-{TAG}", f"CANARY-INTERVIEWER-{TAG}", f"CANARY-FACILITY-{TAG}",
    f"카나리아시설{TAG}", f"CANARY-DESCRIPTION-{TAG}", f"카나리아설명{TAG}",
    f"CANARY-NARRATIVE-{TAG}", f"카나리아진술{TAG}", f"CANARY-PERPETRATOR-{TAG}",
    f"CANARY-ORG-{TAG}", f"CANARY-FILENAME-{TAG}", f"CANARY-FILEBODY-{TAG}",
    f"카나리아첨부{TAG}",
]


def canary_testimony() -> dict:
    c = iter(CANARIES)
    t = {
        "schema": "testimony/1",
        "survivor": {"pseudonym": next(c) + next(c), "sex": "female", "birth_year": 1985,
                     "origin": f"{next(c)} {next(c)}",
                     "prior_statements": [{"organisation": "", "date": "2020"}]},
        "interview": {"date": "2023-08-14", "place": next(c), "language": "ko",
                      "interviewer": next(c)},
        "consent": {"recorded": "2023-08-14", "legal": True, "advocacy": False,
                    "publication": False, "withdrawn": None},
        "events": [{"type": "forced_return", "start": "2019-04", "approx": True,
                    "place": "Tumen", "facility": f"{next(c)} {next(c)}",
                    "perpetrator": "cn_border_police",
                    "description": f"{next(c)} {next(c)}"}],
        "narrative": f"2019년 4월 단둥에서 체포되었다. {next(c)} {next(c)} " * 20,
    }
    t["events"][0]["perpetrator_description"] = next(c)
    t["survivor"]["prior_statements"][0]["organisation"] = next(c)
    Testimony.from_dict(t, new=True)  # the canaries must pass validation to be stored
    return t


# Steps added by later features: (name, argv-builder(ctx) -> list[str]).
EXTRA_STEPS: list[tuple[str, object]] = []


def test_a_whole_session_leaves_no_plaintext_anywhere(tmp_path, tmp_path_factory):
    session(tmp_path, tmp_path_factory, TEST_KDF)


@pytest.mark.slow
@pytest.mark.skipif(not EXE.exists(), reason="the project is not installed")
def test_a_whole_session_with_the_installed_command_and_real_kdf(tmp_path, tmp_path_factory):
    session(tmp_path, tmp_path_factory, [str(EXE)])


def session(tmp_path: Path, tmp_path_factory, command: list[str]) -> None:
    inputs = tmp_path_factory.mktemp("inputs-outside-the-scan")
    home = tmp_path / "home"
    env = child_env(
        HOME=str(home), TMPDIR=str(tmp_path / "tmp"), XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    env.pop("TESTIMONY_INTAKE_STORE", None)
    for d in ("home", "tmp", "run"):
        (tmp_path / d).mkdir(mode=0o700)
    pw, new_pw, wrong = inputs / "pw", inputs / "new-pw", inputs / "wrong"
    pw.write_text("a real passphrase for the leak test\n", encoding="utf-8")
    new_pw.write_text("another real passphrase, changed\n", encoding="utf-8")
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    record = inputs / "t.json"
    record.write_text(json.dumps(canary_testimony(), ensure_ascii=False), encoding="utf-8")
    attachment = inputs / f"CANARY-FILENAME-{TAG}.txt"
    attachment.write_bytes(((f"CANARY-FILEBODY-{TAG} 카나리아첨부{TAG}\n") * 2000).encode("utf-8")
                           + (f"카나리아첨부{TAG}".encode("utf-16-le")) * 100)

    def run(*args: str, ok: bool = True, passphrase: Path = pw) -> str:
        done = subprocess.run([*command, "--passphrase-file", str(passphrase), *args],
                              env=env, cwd=tmp_path / "home", capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=300)
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, err
        assert (done.returncode == 0) == ok, (args, done.returncode, err)
        return done.stdout.decode("utf-8")

    run("init", "--label", "leak test")
    (tid,) = re.findall(r"[0-9a-f-]{36}", run("add", str(record)))
    run("attach", tid, str(attachment))
    assert tid in run("search", f"카나리아진술{TAG}", "--json")
    assert f"카나리아설명{TAG}" in run("show", tid)
    run("list", passphrase=wrong, ok=False)
    run("passwd", "--new-passphrase-file", str(new_pw))
    backup = tmp_path / "usb" / "store.tibak"
    backup.parent.mkdir()
    run("backup", "-o", str(backup), passphrase=new_pw)
    run("verify-backup", str(backup), passphrase=new_pw)
    run("--store", str(tmp_path / "restored"), "restore", str(backup), passphrase=new_pw)
    assert "intact" in run("check", passphrase=new_pw)
    assert "intact" in run("--store", str(tmp_path / "restored"), "check", passphrase=new_pw)
    for _name, argv in EXTRA_STEPS:
        run(*argv(locals()))  # type: ignore[operator]
    run("list", passphrase=wrong, ok=False)  # so the unlock-guard file is there to scan

    store = home / ".local/share/testimony-intake/store"
    assert (store / "store.db").exists() and (store / "unlock-guard").exists()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) >= 8, written
    needles = canary_encodings(CANARIES) + [attachment.read_bytes()[:64]]
    assert files_containing([tmp_path], needles) == []
    # What does exist is ciphertext or public: no SQLite header anywhere, blobs are age.
    assert files_containing([tmp_path], [b"SQLite format 3\x00"]) == []
    for blob in tmp_path.rglob("blobs/*"):
        assert blob.read_bytes().startswith(b"age-encryption.org/v1")
