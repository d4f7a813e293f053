"""Review finding: at the redacted level ``custody.jsonl`` must not carry an original
attachment's hash or size. With them, whoever holds a recording or photo (withheld, or
re-encoded in the bundle) could confirm that it is this survivor's. Nor, at any level, the
code on the survivor's consent receipt."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from PIL import Image, PngImagePlugin

from intake.bundle import import_bundle
from intake.store.audit import entry_hash
from tests.intake.bundle import craft
from tests.intake.media.test_audio import tagged_wav


def _png() -> bytes:
    """A photo with metadata, so its re-encoded copy differs from the original."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Kim Young-hee")
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 30, 30)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def _custody(pair, bundle) -> list[dict]:
    entries = dict(craft.unpack(pair.plain_tar(bundle))[0])
    return [json.loads(line) for line in entries["custody.jsonl"].decode().splitlines()]


def test_redacted_custody_withholds_original_attachment_hashes_and_sizes(pair, tmp_path):
    t = pair.testimony(narrative="구류장에서 한 달을 보냈다.")
    wav, png = tagged_wav(tmp_path), _png()
    pair.attach(t, wav, "voice.wav")          # withheld at the redacted level
    pair.attach(t, png, "photo.png")          # re-encoded at the redacted level
    originals = {hashlib.sha256(wav).hexdigest(), hashlib.sha256(png).hexdigest()}
    bundle = pair.export(level="redacted", accept_risk=True)
    tar = pair.plain_tar(bundle)
    for digest in originals:
        assert digest.encode() not in tar
    attach = [e for e in _custody(pair, bundle) if e["action"] == "testimony.attach"]
    assert len(attach) == 2
    for entry in attach:
        assert entry["detail"]["sha256"] is None and entry["detail"]["size"] is None
        assert entry["withheld"] == ["sha256", "size"]
        assert entry["hash"]                 # the sender can still prove the entry
    import_bundle(pair.legal, bundle)        # and the bundle still imports
    # The full level keeps them: the recipient gets the originals anyway.
    full = pair.export("full.tib.age", level="full")
    attach = [e for e in _custody(pair, full) if e["action"] == "testimony.attach"]
    assert {e["detail"]["sha256"] for e in attach} == originals
    assert all("withheld" not in e for e in attach)


def test_the_sender_can_still_prove_a_withheld_entry(pair, tmp_path):
    t = pair.testimony()
    pair.attach(t, tagged_wav(tmp_path), "voice.wav")
    bundle = pair.export(level="redacted", accept_risk=True)
    (sent,) = [e for e in _custody(pair, bundle) if e["action"] == "testimony.attach"]
    (kept,) = [e for e in pair.field.audit.entries([t.id]) if e.action == "testimony.attach"]
    assert kept.hash == sent["hash"] and kept.detail["sha256"] is not None
    assert entry_hash(kept.prev_hash, kept.seq, kept.at, kept.action, kept.testimony_id,
                      kept.detail) == sent["hash"]
    assert pair.field.audit.problems() == []


def test_an_image_too_large_for_memory_is_withheld_or_with_boxes_fails(pair, monkeypatch):
    """Images are re-encoded in memory: a huge one is never read whole. Without boxes it is
    withheld like a document; with boxes the interviewer meant to show part of it, so the
    export fails instead."""
    from intake.bundle import redacted_media as media
    from intake.bundle.redact import RedactionFailed
    from tests.intake.bundle.conftest import snapshot
    from tests.intake.bundle.test_redaction import _box_on_first_attachment

    t = pair.testimony()
    png = _png()
    pair.attach(t, png, "photo.png")
    monkeypatch.setattr(media, "MAX_IMAGE_BYTES", len(png) - 1)
    read = []
    monkeypatch.setattr(media, "_read", lambda store, ref: read.append(ref) or b"")
    bundle = pair.export(level="redacted", accept_risk=True)
    assert read == []
    entries = dict(craft.unpack(pair.plain_tar(bundle))[0])
    assert not [p for p in entries if p.startswith("attachments/")]
    (entry,) = [e for e in pair.field.audit.entries([t.id]) if e.action == "export"]
    assert len(entry.detail["withheld_attachments"]) == 1
    _box_on_first_attachment(pair, t, {"x": 1, "y": 1, "width": 5, "height": 5})
    before = snapshot(pair.field)
    with pytest.raises(RedactionFailed, match="redaction boxes") as failed:
        pair.export("boxed.tib.age", level="redacted", accept_risk=True)
    assert "\n" not in str(failed.value)
    assert snapshot(pair.field) == before and not (pair.tmp / "boxed.tib.age").exists()


@pytest.mark.parametrize("level", ["redacted", "full"])
def test_the_consent_receipt_code_stays_home_at_every_level(pair, level):
    """The survivor's paper code would tie the paper to the record; a legal team holding
    even the full record has no use for it, so no bundle carries it."""
    from intake import consent_receipt

    t = pair.testimony()
    code = consent_receipt.show_on_screen(pair.field, t.id).code
    bundle = pair.export(f"{level}.tib.age", level=level, accept_risk=level == "redacted")
    tar = pair.plain_tar(bundle)
    assert code.encode() not in tar and code.replace("-", "").encode() not in tar
    (entry,) = [e for e in _custody(pair, bundle) if e["action"] == "consent.receipt"]
    assert entry["detail"]["code"] is None and entry["withheld"] == ["code"]
    assert entry["detail"]["medium"] == "screen" and entry["detail"]["revision"] == 1
    (kept,) = [e for e in pair.field.audit.entries([t.id]) if e.action == "consent.receipt"]
    assert kept.detail["code"] == code and kept.hash == entry["hash"]
    import_bundle(pair.legal, bundle)        # and the bundle still imports


def test_a_bundle_holder_cannot_compute_or_find_the_code(pair):
    """The recipient has the record id and the consent, but not the sender's data key."""
    from intake import consent_receipt
    from intake.errors import NotFound

    t = pair.testimony()
    code = consent_receipt.show_on_screen(pair.field, t.id).code
    import_bundle(pair.legal, pair.export("full.tib.age", level="full"))
    received = pair.legal.get(t.id)
    assert received.consent == t.consent
    assert consent_receipt.receipt_code(pair.legal, received.id, received.consent) != code
    with pytest.raises(NotFound):
        consent_receipt.lookup(pair.legal, code)
