"""``scan FILE``: DESIGN §7's JSON list, code-point offsets, one-line failures."""

from __future__ import annotations

import json

import pytest

from tests.intake.test_cli import Cli, one_line_failure


@pytest.fixture
def cli(tmp_path, policy):
    return Cli(tmp_path, policy)


def test_scan_prints_findings_with_code_point_offsets(cli):
    text = "🙂 제 동생 김영희는 010-1234-5678로 연락했고, 2019년 4월 단둥에서 체포되었다."
    r = cli("scan", str(cli.write("note.txt", text)))
    assert r.code == 0, r.err
    findings = json.loads(r.out)
    assert all(set(f) == {"start", "end", "kind", "text", "score"} for f in findings)
    for f in findings:
        assert text[f["start"]:f["end"]] == f["text"]
    kinds = {f["kind"]: f["text"] for f in findings}
    assert "김영희" in kinds.get("PERSON", "") and "010-1234-5678" in kinds["PHONE"]
    assert not any("단둥" in f["text"] or "2019" in f["text"] for f in findings)


def test_scan_needs_no_store(cli):
    assert not cli.store.exists()
    assert cli("scan", str(cli.write("e.txt", "nothing to see")), "--lang", "en").code == 0


def test_scan_bad_input(cli):
    one_line_failure(cli("scan", str(cli.write("bad.txt", b"\xff\xfe\xfd not utf-8"))))
    one_line_failure(cli("scan", str(cli.tmp / "missing.txt")))
    assert cli("scan", str(cli.write("a.txt", "x")), "--lang", "fr").code == 2
    assert json.loads(cli("scan", str(cli.write("empty.txt", ""))).out) == []
