"""``write_loadfile``: a verified bundle's members, decrypted, with a DAT and a CSV that read
back with a small DAT parser and the standard csv module; bad bundles write nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os

import pytest

from intake.errors import BundleRejected, Cancelled, InvalidInput
from intake.loadfile import BOM, DELIMITER, FIELDS, QUOTE, parse_dat, write_loadfile
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import snapshot

AUDIO = os.urandom(5000)


@pytest.fixture
def exported(pair):
    t1 = pair.testimony()
    pair.attach(t1, AUDIO, "interview-1.m4a")
    pair.attach(t1, b"\x89PNG fake", "no extension")
    t2 = pair.testimony(narrative="두 번째 증언: 2020년 3월 투먼에서 송환되었다.")
    return pair, pair.export(), (t1, t2)


def read_back(out):
    dat = (out / "loadfile.dat").read_bytes()
    csv_rows = list(csv.DictReader(io.StringIO((out / "loadfile.csv").read_bytes()
                                               .decode("utf-8-sig"), newline="")))
    return dat, parse_dat(dat.decode("utf-8")), csv_rows


def leftovers(directory):
    return [p.name for p in directory.iterdir() if p.name.endswith(".partial")]


def test_members_and_both_load_files(exported):
    pair, bundle, (t1, t2) = exported
    out = pair.tmp / "production"
    result = write_loadfile(pair.legal, bundle, out)
    assert result.documents == 2 + 2 + 2 + 1  # records, statements, attachments, custody
    dat, rows, csv_rows = read_back(out)
    assert dat.startswith(BOM.encode()) and dat.endswith(b"\r\n")
    assert dat.decode("utf-8").split("\r\n")[0] == BOM + DELIMITER.join(
        QUOTE + f + QUOTE for f in FIELDS)
    assert rows == csv_rows and len(rows) == result.documents
    assert len({r["DOCID"] for r in rows}) == len(rows)
    assert all(r["BUNDLEID"] == result.provenance.bundle_id for r in rows)
    for r in rows:
        native = out / r["NATIVEPATH"]
        data = native.read_bytes()
        assert hashlib.sha256(data).hexdigest() == r["SHA256"] and len(data) == int(r["SIZE"])
        assert native.name.startswith(r["DOCID"]) and r["BEGBATES"] == r["DOCID"]
    kinds = {r["KIND"].split()[0]: r for r in rows}
    assert set(kinds) == {"record", "statement", "attachment", "custody"}
    audio = next(r for r in rows if r["TITLE"] == "interview-1.m4a")
    assert audio["NATIVEPATH"].endswith(".m4a")
    assert (out / audio["NATIVEPATH"]).read_bytes() == AUDIO
    # no extension of its own: one for its media type (never anything from the name)
    assert next(r for r in rows if r["TITLE"] == "no extension")["NATIVEPATH"].endswith(
        "-0004.bin")
    record = next(r for r in rows if r["KIND"] == "record" and "두 번째" in
                  (out / r["TEXTPATH"]).read_text(encoding="utf-8-sig"))
    assert json.loads((out / record["NATIVEPATH"]).read_text())["id"] == t2.id
    assert record["PSEUDONYM"] == "S-0142"
    assert (out / "bundle" / "manifest.json").read_bytes() == craft.manifest_bytes(
        json.loads((out / "bundle" / "manifest.json").read_bytes()))
    assert sorted(p.name for p in out.iterdir()) == [
        "attachments", "bundle", "custody", "loadfile.csv", "loadfile.dat", "records",
        "statements", "text"]
    assert leftovers(pair.tmp) == []
    [entry] = [e for e in pair.legal.audit.entries() if e.action == "loadfile.write"]
    assert entry.detail["bundle_id"] == result.provenance.bundle_id
    assert entry.detail["documents"] == result.documents
    assert stat_mode(out / audio["NATIVEPATH"]) == 0o600


def stat_mode(path):
    return path.stat().st_mode & 0o777


def test_an_empty_existing_directory_is_used(exported):
    pair, bundle, _ = exported
    out = pair.tmp / "empty"
    out.mkdir()
    write_loadfile(pair.legal, bundle, out)
    assert (out / "loadfile.dat").is_file()


@pytest.mark.parametrize("prepare, match", [
    (lambda p: (p.mkdir(), (p / "x").write_text("x")), "not empty"),
    (lambda p: p.write_text("x"), "not a directory"),
    (lambda p: p.symlink_to(p.parent), "symbolic link"),
])
def test_output_that_is_not_new_or_empty_is_refused(exported, prepare, match):
    pair, bundle, _ = exported
    out = pair.tmp / "taken"
    prepare(out)
    before = snapshot(pair.legal)
    with pytest.raises(InvalidInput, match=match):
        write_loadfile(pair.legal, bundle, out)
    assert snapshot(pair.legal) == before and leftovers(pair.tmp) == []


def test_missing_parent(exported):
    pair, bundle, _ = exported
    with pytest.raises(InvalidInput, match="is not a directory"):
        write_loadfile(pair.legal, bundle, pair.tmp / "no" / "such")


def test_unknown_sender_must_be_trusted_explicitly(exported):
    pair, bundle, _ = exported
    with pair.legal.transaction() as conn:
        conn.execute("DELETE FROM contacts")
    out = pair.tmp / "out"
    with pytest.raises(BundleRejected, match="not among your contacts"):
        write_loadfile(pair.legal, bundle, out)
    assert not out.exists() and leftovers(pair.tmp) == []
    result = write_loadfile(pair.legal, bundle, out, trust_new_sender=True)
    assert not result.provenance.known_sender and (out / "loadfile.csv").is_file()


def test_cancel_writes_nothing(exported):
    pair, bundle, _ = exported
    out = pair.tmp / "out"
    with pytest.raises(Cancelled):
        write_loadfile(pair.legal, bundle, out, cancelled=lambda: True)
    assert not out.exists() and leftovers(pair.tmp) == []


def test_a_formula_in_a_title_is_defused_in_the_csv_only(pair):
    t = pair.testimony()
    pair.attach(t, b"data", "=HYPERLINK(x).txt")
    out = pair.tmp / "out"
    write_loadfile(pair.legal, pair.export(), out)
    _dat, rows, csv_rows = read_back(out)
    assert any(r["TITLE"] == "'=HYPERLINK(x).txt" for r in csv_rows)
