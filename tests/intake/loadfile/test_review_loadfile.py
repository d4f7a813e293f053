"""Review findings on load files: two documents under one file name, control characters
in DAT fields, full-width formula signs in the CSV, and the modes of everything written."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from intake.cli.context import Context
from intake.cli.main import main
from intake.errors import BundleRejected
from intake.loadfile import (
    DELIMITER,
    FIELDS,
    _cell,
    csv_bytes,
    dat_text,
    interrupted_runs,
    parse_dat,
    write_loadfile,
)
from tests.conftest import PASSPHRASE
from tests.intake.loadfile.test_rejections import metadata_of, refused, resigned, with_metadata
from tests.intake.loadfile.test_write_loadfile import read_back


def _docid_of(text: str, path_start: str) -> str:
    return next(line.split(",")[0] for line in text.split("\r\n")[1:]
                if line.split(",")[1:2] and line.split(",")[1].startswith(path_start))


def test_two_documents_that_would_share_a_file_name_are_refused(pair):
    """``X`` + ``.m4a`` (from the name) and ``X.m4a`` + no suffix (unknown type) would
    overwrite each other, and the DAT would point two rows at one file."""
    t = pair.testimony()
    a = pair.field.attach(t.id, io.BytesIO(os.urandom(300)), name="a.m4a")
    b = pair.field.attach(t.id, io.BytesIO(os.urandom(300)), name="b",
                          media_type="audio/x-no-such-type")
    from tests.intake.bundle import craft

    entries, mtime = craft.unpack(pair.plain_tar(pair.export()))
    text = metadata_of(entries)
    first, second = _docid_of(text, f"attachments/{a.id}"), _docid_of(text, f"attachments/{b.id}")
    text = text.replace(f"{first},attachments/", "X,attachments/", 1)
    text = text.replace(f"{second},attachments/", "x.M4A,attachments/", 1)
    refused(pair, resigned(pair, with_metadata(entries, text), mtime),
            "two documents would be written as 'attachments/x.M4A'")


def test_dat_fields_hold_no_control_characters_and_one_record_per_line():
    title = "a\x14b þ quote\r\nnext line\x00\x1b[31m\x7f end"
    rows = [{"DOCID": "D-1", "TITLE": title, "PSEUDONYM": "S-1"}]
    text = dat_text(rows)
    lines = text.removesuffix("\r\n").split("\r\n")
    assert len(lines) == 2
    assert all(line.count(DELIMITER) == len(FIELDS) - 1 for line in lines)
    assert not any(ord(c) < 0x20 and c != DELIMITER for c in text.replace("\r\n", ""))
    (back,) = parse_dat(text)
    assert back["TITLE"] == "a b þ quote\nnext line  [31m  end"
    assert back["DOCID"] == "D-1" and back["PSEUDONYM"] == "S-1"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1",
                                   "＝HYPERLINK(\"x\")", "＋1", "－1", "＠x"])
def test_every_formula_start_is_defused_in_the_csv(value):
    assert _cell(value) == "'" + value
    data = csv_bytes([{"TITLE": value}]).decode("utf-8-sig")
    assert "'" + value.replace('"', '""') in data


@pytest.mark.parametrize("value", ["S-0142", "증언", "1987", 42, None])
def test_ordinary_values_are_left_alone(value):
    assert _cell(value) == ("" if value is None else value)


def test_everything_written_is_private(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(500), "interview.m4a")
    out = pair.tmp / "production"
    old = os.umask(0)                # even with a permissive umask
    try:
        write_loadfile(pair.legal, pair.export(), out)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o700
    for root, dirs, files in os.walk(out):
        for d in dirs:
            assert os.stat(os.path.join(root, d)).st_mode & 0o777 == 0o700, d
        for f in files:
            assert os.stat(os.path.join(root, f)).st_mode & 0o777 == 0o600, f
    _dat, rows, _csv = read_back(out)
    assert len(rows) == 4


def test_a_bundle_that_fails_verification_writes_nothing_even_with_trust(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(500), "interview.m4a")
    data = bytearray(pair.export().read_bytes())
    data[len(data) // 2] ^= 0x40
    path = pair.tmp / "bad.tib.age"
    path.write_bytes(bytes(data))
    out = pair.tmp / "out"
    with pytest.raises(BundleRejected):
        write_loadfile(pair.legal, path, out, trust_new_sender=True)
    assert not out.exists()
    assert [p for p in pair.tmp.iterdir() if p.name.endswith(".partial")] == []


def test_a_run_killed_mid_write_is_pointed_out_by_the_next_one(pair, policy):
    t = pair.testimony()
    pair.attach(t, os.urandom(500), "interview.m4a")
    bundle = pair.export()
    out = pair.tmp / "review"
    left = pair.tmp / ".review.0123456789ab.partial"       # what a SIGKILL leaves
    left.mkdir()
    (pair.tmp / ".review.not-ours.partial").mkdir()
    (pair.tmp / ".other.0123456789ab.partial").mkdir()
    pw = pair.tmp / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert interrupted_runs(out) == [left]
    err = io.StringIO()
    ctx = Context(store_dir=Path(), stdin=io.BytesIO(), stdout=io.StringIO(), stderr=err)
    code = main(["--store", str(pair.tmp / "legal"), "--passphrase-file", str(pw), "loadfile",
                 str(bundle), "-o", str(out)], policy=policy, context=ctx)
    assert code == 0
    warnings = err.getvalue().splitlines()
    assert any(str(left) in w and "interrupted" in w for w in warnings)
    assert not any("not-ours" in w or ".other." in w for w in warnings)
