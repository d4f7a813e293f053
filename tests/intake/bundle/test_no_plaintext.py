"""Export and import write no decrypted byte outside the stores, and stream rather than buffer."""

from __future__ import annotations

import os
import tempfile
import tracemalloc

from intake.bundle import import_bundle, verify_bundle
from tests.helpers import canary_encodings, files_containing

CANARIES = ("CANARY-narrative-7f3a", "카나리아-사건-기술", "CANARY-attachment-91be")


def test_no_canary_reaches_a_file_in_clear(pair, tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(scratch)
    t = pair.testimony(narrative=f"{CANARIES[0]} 단둥",
                       events=[{"type": "arrest", "description": CANARIES[1]}])
    pair.attach(t, (CANARIES[2] + "\n").encode() * 2000, "notes.txt")
    bundle = pair.export()
    verify_bundle(pair.legal, bundle)
    result = import_bundle(pair.legal, bundle)
    assert result.created == (t.id,)
    assert pair.legal.get(t.id).narrative.startswith(CANARIES[0])
    for store in (pair.field, pair.legal):  # flush the WAL into the (encrypted) database
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert files_containing([tmp_path], canary_encodings(CANARIES)) == []
    assert sorted(os.listdir(scratch)) == []


def test_export_and_import_stream_large_attachments(pair):
    t = pair.testimony()
    size = 24 * 1024 * 1024
    pair.attach(t, os.urandom(size), "long-interview.m4a")
    tracemalloc.start()
    try:
        bundle = pair.export()
        _, export_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        import_bundle(pair.legal, bundle)
        _, import_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert export_peak < size / 4, export_peak
    assert import_peak < size / 4, import_peak
    assert pair.legal.check().ok
