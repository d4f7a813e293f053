"""A redacted bundle carries no identifier anywhere: not in a record, a statement, a file name,
the metadata table or the manifest."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from intake.bundle.redact import RedactionFailed, redact_testimony
from intake.errors import IntakeError
from tests.helpers import canary_encodings
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import PHONE, FakeDetector
from tests.samples import make_testimony

IDENTIFIERS = ("김철수", "Pak Yong-ho", PHONE, "회령시", "박영호")


def sensitive(**overrides):
    base = dict(
        names=["김철수", "Pak Yong-ho", "박영호"],
        narrative="2019년 4월 단둥에서 체포되었다. 김철수가 전화했다 (010-1234-5678). "
                  "April 2019: Pak Yong-ho was held in Tumen. 박영호와 김철수는 형제다.",
        survivor={"pseudonym": "S-0142", "sex": "female", "birth_year": 1985,
                  "origin": "함경북도 회령시"},
        redactions=[{"field": "survivor.origin", "start": 5, "end": 8, "kind": "ADDRESS",
                     "replacement": "[PLACE-A]"}],
        events=[{"type": "forced_return", "start": "2019-04", "place": "Tumen",
                 "description": "김철\n수를 투먼에서 만났다. call 010-1234-5678"}],
    )
    base.update(overrides)
    return make_testimony(**base)


def test_redacted_copy_replaces_consistently_and_drops_lists():
    t = sensitive()
    copy, report = redact_testimony(t, FakeDetector())
    assert copy.names == () and copy.redactions == ()
    assert copy.survivor.origin == "함경북도 [PLACE-A]"
    assert "[PERSON-1]가 전화했다 ([PHONE-1])" in copy.narrative
    assert copy.narrative.count("[PERSON-1]") == 2
    assert "[PERSON-1]를 투먼에서" in copy.events[0].description  # wrapped across a line
    assert "[PHONE-1]" in copy.events[0].description
    assert "[PERSON-2]" in copy.narrative and "[PERSON-3]" in copy.narrative
    assert report.spans["PERSON"] >= 4 and report.labels >= 5
    assert copy.survivor.pseudonym == "S-0142"
    everything = json.dumps(copy.to_dict(), ensure_ascii=False)
    for identifier in IDENTIFIERS:
        assert identifier not in everything


def test_attachment_names_become_ids():
    t = sensitive()
    copy, _ = redact_testimony(t, FakeDetector())
    assert copy == copy  # frozen, comparable
    from dataclasses import replace

    from intake.model import AttachmentRef
    ref = AttachmentRef("0f8e0f8e-1111-4222-8333-944444444444", "김철수 인터뷰.M4A",
                        "audio/mp4", "0" * 64, 10)
    odd = AttachmentRef("0f8e0f8e-1111-4222-8333-955555555555", "no extension",
                        "image/jpeg", "0" * 64, 10)
    copy, _ = redact_testimony(replace(t, attachments=(ref, odd)), FakeDetector())
    assert [a.name for a in copy.attachments] == [f"{ref.id}.m4a", f"{odd.id}.jpg"]


def test_fails_closed_when_an_identifier_survives():
    class Liar:
        def detect(self, text, *, lang="auto", names=()):
            return []

    t = make_testimony(narrative="김 철수", names=["김철수"])
    copy, _ = redact_testimony(t, Liar())  # caught anyway: names are searched in every form
    assert "철수" not in copy.narrative

    class Outside:
        def detect(self, text, *, lang="auto", names=()):
            from tests.intake.bundle.conftest import _F
            return [_F(0, len(text) + 5, "PERSON", text, 1.0)]

    with pytest.raises(RedactionFailed):
        redact_testimony(make_testimony(narrative="abc"), Outside())


def _scan_redacted_bundle(pair, renderer=None, detector=None):
    t = pair.field.add(sensitive())
    pair.attach(t, b"audio bytes", "김철수 인터뷰.m4a")
    kw = {"renderer": renderer} if renderer else {}
    if detector is not None:
        kw["detector"] = detector
    bundle = pair.export(level="redacted", accept_risk=True, **kw)
    tar = pair.plain_tar(bundle)
    assert b"audio bytes" not in tar  # a voice identifies: withheld at this level
    needles = canary_encodings(IDENTIFIERS)
    leaks = [n for n in needles if n in tar]
    assert leaks == [], leaks
    entries, _ = craft.unpack(tar)
    record = json.loads(dict(entries)[f"records/{t.id}.json"])
    assert record["names"] == [] and record["redactions"] == []
    assert record["attachments"] == []
    assert "[PERSON-1]" in record["narrative"]
    return entries


def test_no_identifier_in_any_byte_of_a_redacted_bundle(pair):
    _scan_redacted_bundle(pair)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_real_statements_and_the_real_detector_leak_nothing(pair, tmp_path, qapp):
    try:
        from intake.redaction import default_detector
        detector = default_detector()
    except ImportError:
        detector = FakeDetector()
    from ui.pdf.statement import render_statement

    entries = _scan_redacted_bundle(pair, render_statement, detector)
    pdfs = [data for path, data in entries if path.startswith("statements/")]
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(pdfs[0])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "S-0142" in text and "[PERSON-1]" in text
    squeezed = "".join(text.split())
    for identifier in IDENTIFIERS:
        assert "".join(identifier.split()) not in squeezed


def test_kept_findings_and_given_replacements():
    from intake.model import KEEP
    t = make_testimony(
        names=["김영희"],
        narrative="김영희는 Tumen에서 010-1234-5678로 전화했다. 영희 언니. Tumen again.",
        redactions=[
            # the interviewer kept the first phone number (say, a public hotline) …
            {"field": "narrative", "start": 13, "end": 26, "kind": KEEP, "replacement": ""},
            # … and named the survivor by pseudonym in place of her given name
            {"field": "narrative", "start": 34, "end": 36, "kind": "PERSON",
             "replacement": "S-0142"},
        ])
    assert t.narrative[13:26] == "010-1234-5678" and t.narrative[34:36] == "영희"
    copy, _ = redact_testimony(t, FakeDetector())
    assert copy.narrative.startswith("[PERSON-1]는 Tumen에서 010-1234-5678로")
    assert "S-0142 언니" in copy.narrative and "Tumen again" in copy.narrative


def test_a_phone_kept_in_one_place_is_still_replaced_where_it_was_not_kept():
    from intake.model import KEEP
    t = make_testimony(narrative="010-1234-5678 / 010-1234-5678",
                       redactions=[{"field": "narrative", "start": 0, "end": 13, "kind": KEEP,
                                    "replacement": ""}])
    copy, _ = redact_testimony(t, FakeDetector())
    assert copy.narrative == "010-1234-5678 / [PHONE-1]"


def _box_on_first_attachment(pair, t, box):
    from intake.model import Testimony

    current = pair.field.get(t.id)
    data = current.to_dict()
    data["image_redactions"] = [{"attachment": current.attachments[0].id, **box}]
    return pair.field.save(Testimony.from_dict(data))


def test_redacted_images_carry_their_boxes_and_no_metadata(pair):
    import hashlib
    import io

    from PIL import Image

    image = Image.new("RGB", (80, 60), (250, 250, 250))
    exif = image.getexif()
    exif[0x013B] = "Kim Young-hee"                       # Artist
    exif[0x8825] = {1: "N", 2: (42.0, 25.0, 0.0)}          # GPS
    raw = io.BytesIO()
    image.save(raw, "JPEG", exif=exif)
    t = pair.testimony()
    pair.attach(t, raw.getvalue(), "face.jpg")
    stored = _box_on_first_attachment(pair, t, {"x": 10, "y": 10, "width": 30, "height": 20})
    bundle = pair.export(level="redacted", accept_risk=True)
    tar = pair.plain_tar(bundle)
    assert b"Kim Young-hee" not in tar
    entries = dict(craft.unpack(tar)[0])
    ref = stored.attachments[0]
    exported = entries[f"attachments/{ref.id}"]
    record = json.loads(entries[f"records/{t.id}.json"])
    listed = record["attachments"][0]
    assert listed["sha256"] == hashlib.sha256(exported).hexdigest() != ref.sha256
    assert listed["size"] == len(exported) and "image_redactions" not in record
    out = Image.open(io.BytesIO(exported))
    assert not out.getexif()
    assert max(out.convert("L").getpixel((25, 20)), 0) < 16      # inside the box: solid
    assert out.convert("L").getpixel((70, 50)) > 200             # outside: untouched
    # The original in the store is untouched, and the legal team can import the bundle.
    data = io.BytesIO()
    pair.field.read_attachment(ref.id, data)
    assert data.getvalue() == raw.getvalue()
    from intake.bundle import import_bundle

    import_bundle(pair.legal, bundle)
    received = io.BytesIO()
    pair.legal.read_attachment(ref.id, received)
    assert received.getvalue() == exported


def test_an_image_that_cannot_be_redacted_fails_closed(pair):
    t = pair.testimony()
    pair.attach(t, b"\xff\xd8 not really a jpeg", "face.jpg")
    _box_on_first_attachment(pair, t, {"x": 1, "y": 1, "width": 5, "height": 5})
    with pytest.raises(IntakeError, match="not an image"):
        pair.export(level="redacted", accept_risk=True)
    assert not (pair.tmp / "b.tib.age").exists()
