"""Attachments at the redacted level: audio and documents withheld unless the interviewer opts
in (audio only, tags stripped in memory); nothing of an original file name goes out."""

from __future__ import annotations

import hashlib
import io
import json
import wave

import pytest

from intake.bundle import import_bundle
from intake.bundle import redacted_media as media
from intake.bundle.redact import RedactionFailed, anonymous_name
from intake.model import AttachmentRef, Testimony
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import snapshot
from tests.intake.media.test_audio import tagged_wav

DOCUMENT = (b"%PDF-1.4\n1 0 obj << /Author (Kim Young-hee) /Title (Interview) >> endobj\n"
            b"%%EOF\n")


def with_sources(pair, t: Testimony) -> Testimony:
    """The stored testimony with every attachment cited as a source of its first event."""
    current = pair.field.get(t.id)
    data = current.to_dict()
    data["events"][0]["sources"] = [a.id for a in current.attachments]
    return pair.field.save(Testimony.from_dict(data))


def exported(pair, bundle, t):
    entries = dict(craft.unpack(pair.plain_tar(bundle))[0])
    return entries, json.loads(entries[f"records/{t.id}.json"])


def test_audio_and_documents_are_withheld_by_default(pair, tmp_path):
    t = pair.testimony(narrative="구류장에서 한 달을 보냈다.")
    wav = tagged_wav(tmp_path)
    pair.attach(t, wav, "김철수 인터뷰.wav")
    pair.attach(t, DOCUMENT, "Kim Young-hee statement.pdf")
    pair.attach(t, b"\x00\x00\x00\x18ftypmp42 video", "clip.mp4")
    pair.attach(t, b"heic bytes with a face", "photo.heic")
    t = with_sources(pair, t)
    from intake.bundle import ExportRequest, export_bundle
    from tests.intake.bundle.conftest import FakeDetector, fake_renderer

    out = pair.tmp / "b.tib.age"
    result = export_bundle(pair.field, ExportRequest(("Legal",), "legal", "redacted",
                                                     (t.id,), accept_risk=True), out,
                           renderer=fake_renderer, detector=FakeDetector())
    entries, record = exported(pair, out, t)
    assert record["attachments"] == [] and record["events"][0]["sources"] == []
    assert not [p for p in entries if p.startswith("attachments/")]
    tar = pair.plain_tar(out)
    for needle in (bytes(range(256)) * 2, b"Kim Young-hee", b"ftypmp42", b"heic bytes",
                   "김철수".encode()):
        assert needle not in tar
    reasons = {w.media_type: w.reason for w in result.withheld}
    assert reasons == {"audio/x-wav": media.AUDIO, "application/pdf": media.DOCUMENT,
                       "video/mp4": media.DOCUMENT, "image/heic": media.DOCUMENT}
    assert result.attachments == 0
    assert sum("withheld" in w for w in result.warnings) == 4
    assert all("김철수" not in w and "Kim" not in w for w in result.warnings)
    export = [e for e in pair.field.audit.entries([t.id]) if e.action == "export"][-1]
    assert len(export.detail["withheld_attachments"]) == 4
    import_bundle(pair.legal, out)
    assert pair.legal.get(t.id).attachments == ()
    # The full level carries every attachment as it is.
    full = pair.export("full.tib.age", level="full")
    entries, record = exported(pair, full, t)
    assert len(record["attachments"]) == 4 and record["attachments"][0]["name"] != ""


def test_include_media_takes_audio_with_its_tags_stripped_and_audits_it(pair, tmp_path):
    t = pair.testimony()
    wav = tagged_wav(tmp_path)
    pair.attach(t, wav, "Kim Young-hee.wav")
    pair.attach(t, DOCUMENT, "notes.pdf")
    t = with_sources(pair, t)
    audio_ref = t.attachments[0]
    bundle = pair.export(level="redacted", accept_risk=True, include_media=True)
    entries, record = exported(pair, bundle, t)
    (listed,) = record["attachments"]
    sent = entries[f"attachments/{audio_ref.id}"]
    assert listed["id"] == audio_ref.id and listed["name"] == f"{audio_ref.id}.wav"
    assert listed["sha256"] == hashlib.sha256(sent).hexdigest() and listed["size"] == len(sent)
    assert record["events"][0]["sources"] == [audio_ref.id]          # the document's is gone
    tar = pair.plain_tar(bundle)
    for needle in (b"Kim Young-hee", "김영희".encode(), b"Yanji", "김영희".encode("utf-16-le")):
        assert needle not in tar
    with wave.open(io.BytesIO(sent)) as w:                            # the sound is all there
        assert w.readframes(w.getnframes()) == bytes(range(256)) * 64
    (entry,) = [e for e in pair.field.audit.entries([t.id]) if e.action == "export.include_media"]
    assert entry.detail["attachments"] == [audio_ref.id]
    stored = io.BytesIO()
    pair.field.read_attachment(audio_ref.id, stored)
    assert stored.getvalue() == wav                                  # the store keeps the tags
    import_bundle(pair.legal, bundle)
    received = io.BytesIO()
    pair.legal.read_attachment(audio_ref.id, received)
    assert received.getvalue() == sent


@pytest.mark.parametrize("data", [b"", b"RIFF", b"not audio at all", b"ID3\x04\x00" + b"\xff" * 9])
def test_audio_that_cannot_be_stripped_fails_the_export(pair, data):
    t = pair.testimony()
    pair.attach(t, data or b"\x00", "voice.m4a")
    before = snapshot(pair.field)
    with pytest.raises(RedactionFailed) as failed:
        pair.export(level="redacted", accept_risk=True, include_media=True)
    assert "nothing was exported" in str(failed.value) and "\n" not in str(failed.value)
    assert not (pair.tmp / "b.tib.age").exists()
    assert snapshot(pair.field) == before
    pair.export(level="redacted", accept_risk=True)                  # withheld: fine


def test_audio_beyond_the_memory_limits_is_refused(pair, tmp_path, monkeypatch):
    t = pair.testimony()
    wav = tagged_wav(tmp_path)
    pair.attach(t, wav, "a.wav")
    pair.attach(t, wav, "b.wav")
    monkeypatch.setattr(media, "MAX_AUDIO_BYTES", len(wav) - 1)
    with pytest.raises(RedactionFailed, match="in memory"):
        pair.export(level="redacted", accept_risk=True, include_media=True)
    monkeypatch.setattr(media, "MAX_AUDIO_BYTES", len(wav))
    monkeypatch.setattr(media, "MAX_AUDIO_TOTAL", len(wav) + 10)
    with pytest.raises(RedactionFailed, match="fewer testimonies"):
        pair.export(level="redacted", accept_risk=True, include_media=True)
    assert not (pair.tmp / "b.tib.age").exists()


@pytest.mark.parametrize(("name", "media_type", "expected"), [
    ("김철수 인터뷰.M4A", "audio/mp4", ".m4a"),
    ("Kim.Younghee", "application/octet-stream", ".bin"),
    ("Kim.Younghee", "audio/mp4", ".m4a"),
    ("photo.jpeg", "image/png", ".png"),
    ("no extension", "image/jpeg", ".jpg"),
    ("x." + "a" * 200, "application/x-unknown-thing", ""),
])
def test_anonymous_names_keep_nothing_but_a_known_extension(name, media_type, expected):
    ref = AttachmentRef("0f8e0f8e-1111-4222-8333-944444444444", name, media_type, "0" * 64, 1)
    assert anonymous_name(ref) == ref.id + expected


def test_images_keep_todays_behaviour_and_get_a_clean_name(pair):
    from PIL import Image

    raw = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 10, 10)).save(raw, "PNG")
    t = pair.testimony()
    pair.attach(t, raw.getvalue(), "Kim Young-hee.png")
    t = pair.field.get(t.id)
    bundle = pair.export(level="redacted", accept_risk=True)
    entries, record = exported(pair, bundle, t)
    (listed,) = record["attachments"]
    assert listed["name"] == f"{listed['id']}.png" and listed["media_type"] == "image/png"
    assert f"attachments/{listed['id']}" in entries
    metadata = entries["metadata.csv"].decode()
    assert "Kim" not in metadata and f"{listed['id']}.png" in metadata
