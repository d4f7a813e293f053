"""Interviewer → legal team, on two real stores: what goes in comes out, once."""

from __future__ import annotations

import dataclasses
import json
import os

import pytest

from intake.bundle import import_bundle, verify_bundle
from intake.errors import BundleRejected
from intake.store import records
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import KOREAN_NARRATIVE, snapshot


def test_round_trip_with_attachments_and_korean_text(pair):
    t = pair.testimony(names=list(("김철수",)))
    audio = os.urandom(200_000)
    pair.attach(t, audio, "인터뷰 1.m4a")
    pair.attach(t, b"", "empty.txt")
    bundle = pair.export()

    p = verify_bundle(pair.legal, bundle)
    assert (p.sender_label, p.records, p.attachments, p.purpose, p.level) == (
        "Field A", 1, 2, "legal", "full")
    assert p.sender.fingerprint == pair.field.identity_card().fingerprint

    result = import_bundle(pair.legal, bundle)
    assert result.created == (t.id,) and result.attachments == 2
    got = pair.legal.get(t.id)
    sent = pair.field.get(t.id)
    assert got.narrative == KOREAN_NARRATIVE
    assert dataclasses.replace(got, revision=sent.revision) == sent
    assert got.revision == 1
    origin = pair.legal.conn.execute("SELECT origin FROM testimonies WHERE id = ?",
                                     (t.id,)).fetchone()[0]
    assert origin == pair.field.identity_card().fingerprint
    by_name = {a.name: a for a in got.attachments}
    sink = __import__("io").BytesIO()
    pair.legal.read_attachment(by_name["인터뷰 1.m4a"].id, sink)
    assert sink.getvalue() == audio
    assert pair.legal.check().ok
    actions = [e.action for e in pair.legal.audit.entries([t.id])]
    assert actions == ["import"]


def test_importing_twice_changes_nothing(pair):
    pair.attach(pair.testimony(), b"x" * 5000)
    bundle = pair.export()
    import_bundle(pair.legal, bundle)
    before = snapshot(pair.legal)
    again = import_bundle(pair.legal, bundle)
    assert again.already_imported
    assert snapshot(pair.legal) == before


def test_a_newer_revision_becomes_a_new_revision_and_old_ones_are_not_replayed(pair):
    t = pair.testimony()
    first = pair.export("1.tib.age")
    import_bundle(pair.legal, first)
    pair.field.save(dataclasses.replace(pair.field.get(t.id), narrative="고친 진술"))
    pair.attach(pair.field.get(t.id), b"new evidence")
    second = pair.export("2.tib.age")
    r = import_bundle(pair.legal, second)
    assert r.revised == (t.id,) and r.attachments == 1
    assert pair.legal.get(t.id).revision == 2
    assert pair.legal.get(t.id).narrative == "고친 진술"
    # Exported again unchanged: nothing new.
    third = pair.export("3.tib.age")
    assert import_bundle(pair.legal, third).unchanged == (t.id,)
    assert pair.legal.get(t.id).revision == 2
    assert pair.legal.check().ok


def test_an_older_bundle_imported_late_does_not_roll_back(pair):
    t = pair.testimony()
    old = pair.export("old.tib.age")
    pair.field.save(dataclasses.replace(pair.field.get(t.id), narrative="newer"))
    new = pair.export("new.tib.age")
    import_bundle(pair.legal, new)
    r = import_bundle(pair.legal, old)
    assert r.older == (t.id,)
    assert pair.legal.get(t.id).narrative == "newer"


def test_a_sender_cannot_overwrite_a_testimony_from_another_origin(pair, new_store):
    t = pair.testimony()
    bundle = pair.export()
    # The legal team already holds a testimony with that id, made in its own store.
    pair.legal.add(dataclasses.replace(pair.field.get(t.id), narrative="legal's own"))
    before = snapshot(pair.legal)
    with pytest.raises(BundleRejected, match="did not come from this sender"):
        import_bundle(pair.legal, bundle)
    assert snapshot(pair.legal) == before


def test_only_selected_ids_are_exported_and_attachments_follow(pair):
    a = pair.testimony()
    b = pair.testimony(survivor={"pseudonym": "S-0999"})
    pair.attach(b, b"b's audio")
    bundle = pair.export(ids=(a.id,))
    entries, _ = craft.unpack(pair.plain_tar(bundle))
    paths = [p for p, _ in entries]
    assert f"records/{a.id}.json" in paths and f"records/{b.id}.json" not in paths
    assert not any(p.startswith("attachments/") for p in paths)
    assert import_bundle(pair.legal, bundle).created == (a.id,)


def test_bundle_layout_and_manifest(pair):
    t = pair.testimony()
    pair.attach(t, b"a" * 1000)
    bundle = pair.export()
    entries, mtime = craft.unpack(pair.plain_tar(bundle))
    paths = [p for p, _ in entries]
    att = pair.field.get(t.id).attachments[0].id
    assert paths == ["manifest.json", "manifest.sig", f"records/{t.id}.json",
                     f"statements/{t.id}.pdf", f"attachments/{att}", "custody.jsonl",
                     "metadata.csv"]
    doc = json.loads(entries[0][1])
    assert list(doc) == ["format", "bundle_id", "created", "sender", "recipients", "purpose",
                         "level", "members"]
    assert doc["format"] == "tib/1"
    assert doc["sender"]["fingerprint"] == pair.field.identity_card().fingerprint
    assert doc["recipients"] == [pair.legal.identity_card().fingerprint]
    assert [m["path"] for m in doc["members"]] == paths[2:]
    # custody: the audit entries of the exported record, as they are in the store
    custody = [json.loads(line) for line in dict(entries)["custody.jsonl"].splitlines()]
    assert [c["action"] for c in custody] == ["testimony.create", "testimony.attach"]
    assert custody[0]["hash"] == pair.field.audit.entries([t.id])[0].hash
    # metadata.csv: one row per member, numbered from the bundle's short id
    rows = dict(entries)["metadata.csv"].decode().splitlines()
    assert rows[0].startswith("document_id,path,title,kind,language,date,pseudonym,sha256")
    assert rows[1].startswith(f"{doc['bundle_id'][:8]}-0001,records/{t.id}.json,")
    assert len(rows) == 1 + 4
    assert mtime > 1_700_000_000


def test_export_is_recorded_in_the_audit_log_and_the_ledger(pair):
    t = pair.testimony()
    bundle = pair.export()
    p = verify_bundle(pair.legal, bundle)
    entry = pair.field.audit.entries([t.id])[-1]
    assert entry.action == "export"
    assert entry.detail["bundle_id"] == p.bundle_id
    assert entry.detail["manifest_sha256"] == p.manifest_sha256
    assert entry.detail["recipients"] == [pair.legal.identity_card().fingerprint]
    assert (entry.detail["purpose"], entry.detail["level"]) == ("legal", "full")
    row = pair.field.conn.execute("SELECT recipients, purpose, level, manifest_sha256,"
                                  " testimony_ids FROM transfers").fetchone()
    assert json.loads(row[0]) == entry.detail["recipients"]
    assert row[1:4] == ("legal", "full", p.manifest_sha256)
    assert json.loads(row[4]) == [t.id]
    assert pair.field.audit.problems() == []


def test_imported_bundle_row_keeps_the_signed_manifest(pair):
    pair.testimony()
    bundle = pair.export()
    import_bundle(pair.legal, bundle)
    row = pair.legal.conn.execute("SELECT manifest, signature, sender_fingerprint"
                                  " FROM imported_bundles").fetchone()
    manifest = bytes(row[0])
    card = pair.field.identity_card()
    assert row[2] == card.fingerprint
    assert card.verify_minisign(manifest, row[1]).startswith("tib/1 bundle ")
    docs = {r[0] for r in pair.legal.conn.execute("SELECT path FROM imported_documents")}
    assert "custody.jsonl" in docs and "metadata.csv" in docs
    assert any(d.startswith("statements/") for d in docs)
    assert records.count(pair.legal.conn) == 1


def test_import_progress_and_cancel(pair):
    from intake.errors import Cancelled
    t = pair.testimony()
    pair.attach(t, os.urandom(2 * 1024 * 1024))
    bundle = pair.export()
    before = snapshot(pair.legal)
    calls = []
    with pytest.raises(Cancelled):
        import_bundle(pair.legal, bundle, cancelled=lambda: calls.append(1) or len(calls) > 8)
    assert snapshot(pair.legal) == before
    seen: list[tuple[int, int]] = []
    import_bundle(pair.legal, bundle, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 2 * 1024 * 1024
