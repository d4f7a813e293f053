"""``consent-receipt ID -o FILE`` and ``--lookup CODE`` on a real store: the PDF, the audit
entry, finding a code after the consent changed, and every bad input as one line, exit 1 or 2,
with the store unchanged."""

from __future__ import annotations

import dataclasses
import json
import os
import stat

import pytest

from intake.consent_receipt import build, receipt_code
from tests.intake.consent.conftest import one_line
from tests.samples import make_testimony

pytest.importorskip("PySide6")

ID = "0f8e0f8e-1111-4222-8333-944444444444"


def add(desk, **overrides):
    with desk.open() as store:
        return store.add(make_testimony(**overrides))


def desk_code(desk, t) -> str:
    with desk.open() as store:
        return receipt_code(store, t.id, t.consent)


def receipt_entries(desk):
    with desk.open() as store:
        return [e for e in store.audit.entries() if e.action == "consent.receipt"]


def audit_count(desk) -> int:
    with desk.open() as store:
        return len(store.audit.entries())


def test_writes_a_private_pdf_and_audits_the_code_only(desk):
    t = add(desk)
    out = desk.tmp / "receipt.pdf"
    r = desk("consent-receipt", t.id[:8], "-o", str(out))
    assert r.code == 0, r.err
    code = desk_code(desk, t)
    assert code in r.out and f"--lookup {code}" in r.out
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert t.id.encode() not in data and t.survivor.pseudonym.encode() not in data
    [entry] = receipt_entries(desk)
    assert entry.testimony_id == t.id
    assert entry.detail == {"code": code, "revision": 1, "medium": "pdf"}
    assert [p.name for p in desk.tmp.iterdir() if p.name.startswith(".")] == []


def test_lookup_shows_the_consent_as_it_stood_after_it_changed(desk):
    t = add(desk)
    assert desk("consent-receipt", t.id, "-o", str(desk.tmp / "r.pdf")).code == 0
    code = desk_code(desk, t)
    with desk.open() as store:
        store.save(dataclasses.replace(t, consent=dataclasses.replace(t.consent,
                                                                      advocacy=True)))
        store.save(dataclasses.replace(store.get(t.id), narrative="later edit"))
    r = desk("consent-receipt", "--lookup", code.lower().replace("-", " "))
    assert r.code == 0, r.err
    assert f"Testimony:     {t.id} (S-0142), revision 1 (latest 3)" in r.out
    assert "advocacy: no" in r.out and "the consent has changed" in r.out
    assert "It will not be used for advocacy." in r.out
    r = desk("consent-receipt", "--lookup", code, "--json")
    doc = json.loads(r.out)
    assert doc["revision"] == 1 and doc["changed_since"] is True
    assert doc["consent"]["advocacy"] is False and len(doc["issued_at"]) == 1
    r = desk("consent-receipt", "--lookup", code, "--lang", "ko")
    assert "인권 옹호 활동에는 쓰지 않습니다." in r.out


def test_lookup_finds_a_code_with_no_audit_entry_by_trying_revisions(desk):
    t = add(desk, consent={"recorded": "2023-08-14", "legal": True, "advocacy": False,
                           "publication": False, "withdrawn": None, "recontact": False})
    with desk.open() as store:  # e.g. a receipt made on another copy of the store
        code = build(store, t).code
    r = desk("consent-receipt", "--lookup", code, "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["testimony_id"] == t.id and doc["issued_at"] == []
    assert doc["changed_since"] is False and doc["consent"]["recontact"] is False


def test_existing_file_is_refused_unless_force(desk):
    t = add(desk)
    out = desk.tmp / "r.pdf"
    out.write_bytes(b"keep me")
    before = audit_count(desk)
    assert "already exists" in one_line(desk("consent-receipt", t.id, "-o", str(out)))
    assert out.read_bytes() == b"keep me" and audit_count(desk) == before
    assert desk("consent-receipt", t.id, "-o", str(out), "--force").code == 0
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("target, match", [
    ("missing/r.pdf", "is not a directory"),
    (".", "is a directory"),
])
def test_bad_output_paths(desk, target, match):
    t = add(desk)
    before = audit_count(desk)
    assert match in one_line(desk("consent-receipt", t.id, "-o", str(desk.tmp / target)))
    assert audit_count(desk) == before


def test_a_failed_write_leaves_no_audit_entry(desk):
    t = add(desk)
    before = audit_count(desk)
    one_line(desk("consent-receipt", t.id, "-o", "/proc/testimony-receipt.pdf"))
    assert audit_count(desk) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_unwritable_directory(desk):
    t = add(desk)
    locked = desk.tmp / "locked"
    locked.mkdir(mode=0o500)
    before = audit_count(desk)
    one_line(desk("consent-receipt", t.id, "-o", str(locked / "r.pdf")))
    assert audit_count(desk) == before and list(locked.iterdir()) == []


def test_unknown_short_and_ambiguous_ids(desk):
    with desk.open() as store:
        for last in "56":
            store.add(make_testimony(id=ID[:-1] + last))
    out = str(desk.tmp / "r.pdf")
    assert "no testimony" in one_line(desk("consent-receipt", "ffffffff", "-o", out))
    assert "first 8 characters" in one_line(desk("consent-receipt", "0f8e", "-o", out))
    assert "matches 2" in one_line(desk("consent-receipt", ID[:12], "-o", out))
    assert not (desk.tmp / "r.pdf").exists() and receipt_entries(desk) == []


@pytest.mark.parametrize("renderer, match", [
    (None, "no consent receipt renderer"),
    (lambda r: b"not a pdf", "did not produce a PDF"),
    (lambda r: 1 / 0, "renderer failed (ZeroDivisionError)"),
])
def test_renderer_failures_write_nothing(desk, renderer, match):
    t = add(desk)
    out = desk.tmp / "r.pdf"
    r = desk("consent-receipt", t.id, "-o", str(out), renderer=renderer)
    assert match in one_line(r)
    assert not out.exists() and receipt_entries(desk) == []


@pytest.mark.parametrize("argv", [
    (), ("-o", "x.pdf"), ("0f8e0f8e",), ("0f8e0f8e", "-o", "x.pdf", "--lookup", "ABCD-EFGH"),
    ("0f8e0f8e", "-o", "x.pdf", "--json"), ("--lookup",), ("--lookup", "ABCD-EFGH", "-o", "x"),
])
def test_wrong_usage_exits_2(desk, argv):
    one_line(desk("consent-receipt", *argv), code=2)


@pytest.mark.parametrize("code", ["", "abc", "ABCD-EFG!", "ABCD-EFGH-IJKL", "ＡＢＣＤ",
                                  "A" * 100_000, "ABCD\x00EFG", "ABCD-EFG9"])
def test_malformed_codes_are_refused_before_unlocking(desk, code):
    desk.pw.write_text("not the passphrase\n")  # never asked for: refused first
    assert "8 letters and digits" in one_line(desk("consent-receipt", "--lookup", code))


def test_unknown_code_and_wrong_passphrase(desk):
    add(desk)
    assert "no consent in this store matches receipt code AAAA-AAAA" in one_line(
        desk("consent-receipt", "--lookup", "aaaa aaaa"))
    desk.pw.write_text("not the passphrase\n")
    one_line(desk("consent-receipt", "--lookup", "AAAA-AAAA"))
