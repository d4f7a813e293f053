"""Export refuses what consent or risk forbids, and never leaves a partial file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intake.bundle import ExportRequest, export_bundle, verify_bundle
from intake.bundle.statement import StatementFailed
from intake.contacts import Contacts
from intake.errors import Cancelled, ConsentRefused, InvalidInput, NotFound, StoreDamaged
from tests.intake.bundle.conftest import fake_renderer, snapshot


def no_files_but(directory: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name not in keep)


def test_consent_refusals_name_each_testimony_and_write_nothing(pair):
    ok = pair.testimony()
    withdrawn = pair.testimony(survivor={"pseudonym": "S-W"},
                               consent={"recorded": "2023-08-14", "legal": True,
                                        "withdrawn": "2024-01-02"})
    advocacy_only = pair.testimony(survivor={"pseudonym": "S-A"},
                                   consent={"recorded": "2023-08-14", "advocacy": True})
    before = snapshot(pair.field)
    with pytest.raises(ConsentRefused) as refused:
        pair.export()
    message = str(refused.value)
    assert withdrawn.id[:8] in message and "withdrawn on 2024-01-02" in message
    assert advocacy_only.id[:8] in message and "not given for legal use" in message
    assert ok.id[:8] not in message
    assert "S-W" in message and "\n" not in message
    assert not (pair.tmp / "b.tib.age").exists()
    assert snapshot(pair.field) == before
    # Only the consenting one: fine.
    pair.export(ids=(ok.id,))


def test_survivors_at_risk_only_redacted_unless_overridden(pair):
    t = pair.testimony(survivor={"pseudonym": "S-R", "risk": ["family_in_north_korea"]})
    with pytest.raises(ConsentRefused, match="family_in_north_korea"):
        pair.export()
    pair.export("red.tib.age", level="redacted", accept_risk=True)
    pair.export("full.tib.age", override_risk=True)
    actions = [e.action for e in pair.field.audit.entries([t.id])]
    assert actions.count("export.override_risk") == 1
    override = next(e for e in pair.field.audit.entries([t.id])
                    if e.action == "export.override_risk")
    assert override.detail["risk"] == ["family_in_north_korea"]


def test_unverified_recipients_are_refused_unless_allowed(pair, new_store):
    pair.testimony()
    other, _ = new_store("other", label="Other team")
    Contacts(pair.field).add(other.identity_card(), "Other")
    with pytest.raises(InvalidInput, match="not verified"):
        pair.export(to=("Other",))
    out = pair.tmp / "u.tib.age"
    result = export_bundle(pair.field, ExportRequest(("Other",), "legal", "full",
                                                     allow_unverified=True), out,
                           renderer=fake_renderer)
    assert any("never verified" in w for w in result.warnings)
    assert pair.field.audit.entries()[-1].detail["unverified_recipients"] == 1


def test_unknown_recipient_and_empty_store(pair):
    with pytest.raises(InvalidInput, match="nothing|no testimony"):
        pair.export()
    pair.testimony()
    with pytest.raises(NotFound, match="no contact labelled"):
        pair.export(to=("Nobody",))


def test_several_recipients_each_can_open_it(pair, new_store):
    pair.testimony()
    second, _ = new_store("second", label="Second legal team")
    Contacts(pair.field).add(second.identity_card(), "Second")
    Contacts(pair.field).verify("Second")
    Contacts(second).add(pair.field.identity_card(), "Field")
    bundle = pair.export(to=("Legal", "Second", "legal"))
    assert verify_bundle(pair.legal, bundle).recipients == (
        pair.legal.identity_card().fingerprint, second.identity_card().fingerprint)
    assert verify_bundle(second, bundle).known_sender


def test_cancel_leaves_no_file(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(3 * 1024 * 1024))
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 5

    before = snapshot(pair.field)
    with pytest.raises(Cancelled):
        pair.export(cancelled=cancelled)
    assert no_files_but(pair.tmp, "field", "legal") == []
    assert snapshot(pair.field) == before


def test_progress_reaches_the_total(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(500_000))
    seen: list[tuple[int, int]] = []
    pair.export(progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and seen[-1][1] > 500_000
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))


def test_a_damaged_blob_fails_the_export_and_leaves_nothing(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(400_000))
    blob = next(pair.field.paths.blobs.iterdir())
    data = bytearray(blob.read_bytes())
    data[-100] ^= 1
    blob.write_bytes(bytes(data))
    before = snapshot(pair.field)
    with pytest.raises(StoreDamaged, match="blob"):
        pair.export()
    assert no_files_but(pair.tmp, "field", "legal") == []
    assert snapshot(pair.field) == before


def test_a_failing_renderer_or_none(pair):
    pair.testimony()

    def broken(t, bundle_id, lang):
        return b"not a pdf"

    with pytest.raises(StatementFailed, match="did not produce a PDF"):
        pair.export(renderer=broken)
    with pytest.raises(StatementFailed, match="no witness statement renderer"):
        pair.export(renderer=None)
    assert no_files_but(pair.tmp, "field", "legal") == []


def test_statements_get_the_bundle_id_and_language(pair):
    pair.testimony()
    calls = []

    def recording(t, bundle_id, lang):
        calls.append((t.id, bundle_id, lang))
        return fake_renderer(t, bundle_id, lang)

    out = pair.tmp / "ko.tib.age"
    export_bundle(pair.field, ExportRequest(("Legal",), "legal", "full", lang="ko"), out,
                  renderer=recording)
    assert calls[0][1] == verify_bundle(pair.legal, out).bundle_id and calls[0][2] == "ko"


@pytest.fixture
def helper(monkeypatch):
    """Make every export use the encryption helper process (normally large ones only)."""
    from intake.bundle import writer
    monkeypatch.setattr(writer, "HELPER_THRESHOLD", 0)


def test_helper_process_round_trip(pair, helper):
    from intake.bundle import import_bundle
    t = pair.testimony()
    data = os.urandom(300_000)
    pair.attach(t, data)
    pair.attach(t, b"", "empty.txt")
    seen: list[tuple[int, int]] = []
    bundle = pair.export(progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1]
    assert import_bundle(pair.legal, bundle).attachments == 2  # sealed by the helper too
    assert pair.legal.check().ok
    got = {a.name: a for a in pair.legal.get(t.id).attachments}
    sink = __import__("io").BytesIO()
    pair.legal.read_attachment(got["interview-1.m4a"].id, sink)
    assert sink.getvalue() == data


def test_helper_process_cancel_and_failure_leave_nothing(pair, helper, monkeypatch):
    from intake.bundle import sealer
    t = pair.testimony()
    pair.attach(t, os.urandom(2 * 1024 * 1024))
    calls = []
    with pytest.raises(Cancelled):
        pair.export(cancelled=lambda: calls.append(1) or len(calls) > 20)
    assert no_files_but(pair.tmp, "field", "legal") == []
    monkeypatch.setattr(sealer, "_CHILD", "import sys; print('boom', file=sys.stderr); "
                                          "sys.exit(3)")
    with pytest.raises(sealer.SealerFailed, match="boom"):
        pair.export()
    assert no_files_but(pair.tmp, "field", "legal") == []


def test_renderer_and_detector_crashes_are_one_safe_line(pair):
    pair.testimony()

    def crashing(t, bundle_id, lang):
        raise RuntimeError(t.narrative)

    with pytest.raises(StatementFailed) as failed:
        pair.export(renderer=crashing)
    assert "RuntimeError" in str(failed.value) and "단둥" not in str(failed.value)

    class Crashing:
        def detect(self, text, *, lang="auto", names=()):
            raise ValueError(text)

    from intake.bundle import RedactionFailed
    with pytest.raises(RedactionFailed) as failed:
        pair.export(level="redacted", detector=Crashing(), accept_risk=True)
    assert "ValueError" in str(failed.value) and "단둥" not in str(failed.value)
    assert no_files_but(pair.tmp, "field", "legal") == []
