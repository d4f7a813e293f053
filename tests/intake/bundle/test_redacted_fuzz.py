"""Property: whatever identifiers a testimony holds, a redacted bundle carries none of them in
any byte — tar headers, manifest, records, statements (raw, and as ``pdftotext`` extracts
them), metadata.csv, custody.jsonl — as UTF-8 or UTF-16.

Each example is a random testimony: names (listed by the interviewer, as a review would),
phone numbers, Korean and Chinese id numbers and e-mail addresses planted in the narrative
and an event description by the real detector's rules, plus a sentence of the annotated
corpus with its entities marked as the interviewer's manual redactions, and sometimes an
image named after a person. It goes through the real detector, the real PDF renderer, a
real export and the recipient's decryption.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import canary_encodings
from tests.intake.bundle import craft
from tests.samples import make_testimony

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext is not installed")

CORPUS = [json.loads(line) for line in
          (Path(__file__).parents[2] / "data" / "redaction" / "corpus.jsonl")
          .read_text(encoding="utf-8").splitlines() if line.strip()]
CORPUS = [c for c in CORPUS if c["entities"]]

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "영철순희명수정민혜경성광현미옥춘금룡복란"
LATIN_SURNAMES = ("Kim", "Pak", "Ri", "Choe", "Jang", "Han", "Jong", "Kang")
LATIN_SYLLABLES = ("yong", "chol", "hui", "myong", "sun", "hyok", "gwang", "ok", "ran", "su")

korean_names = st.builds(lambda s, a, b: s + a + b, st.sampled_from(SURNAMES),
                         st.sampled_from(GIVEN), st.sampled_from(GIVEN))
latin_names = st.builds(lambda s, a, b: f"{s} {a.capitalize()}-{b}",
                        st.sampled_from(LATIN_SURNAMES), st.sampled_from(LATIN_SYLLABLES),
                        st.sampled_from(LATIN_SYLLABLES))
digits = st.integers(0, 9).map(str)


def _n(k: int) -> st.SearchStrategy[str]:
    return st.lists(digits, min_size=k, max_size=k).map("".join)


phones = st.one_of(
    st.builds(lambda a, b: f"010-{a}-{b}", _n(4), _n(4)),
    st.builds(lambda a, b: f"138{a}{b}", _n(4), _n(4)),             # a Chinese mobile
)
rrns = st.builds(lambda y, m, d, rest: f"{y:02d}{m:02d}{d:02d}-{rest}",
                 st.integers(60, 99), st.integers(1, 12), st.integers(1, 28),
                 st.builds(lambda s, r: s + r, st.sampled_from("1234"), _n(6)))
cn_ids = st.builds(lambda area, y, m, d, tail: f"{area}{y}{m:02d}{d:02d}{tail}",
                   st.sampled_from(("222401", "220202", "210602")), st.integers(1960, 2000),
                   st.integers(1, 12), st.integers(1, 28), _n(4))
emails = st.builds(lambda user, n: f"{user}{n}@gmail.com",
                   st.sampled_from(("younghee", "chol.kim", "sunok", "pak.hyok")), _n(3))


@st.composite
def planted_testimonies(draw):
    ko, ko2 = draw(korean_names), draw(korean_names)
    latin = draw(latin_names)
    phone, rrn, cn, email = draw(phones), draw(rrns), draw(cn_ids), draw(emails)
    corpus = draw(st.sampled_from(CORPUS))
    pieces = draw(st.permutations([
        f"{ko}가 {phone}로 전화했다.",
        f"주민등록번호는 {rrn}이었다.",
        f"公安 saw my 身份证 {cn}.",
        f"My friend {latin} wrote to {email} later.",
        f"{ko2}와 함께 두만강을 건넜다.",
    ]))
    lead = "2019년 4월 단둥에서 체포되었다. "
    narrative = lead + corpus["text"] + "\n" + " ".join(pieces)
    offset = len(lead)
    manual = [{"field": "narrative", "start": offset + e["start"], "end": offset + e["end"],
               "kind": e["kind"], "replacement": ""} for e in corpus["entities"]]
    description = f"{ko2}의 전화 {phone}. {latin} was there."
    planted = [ko, ko2, latin, phone, rrn, cn, email] + [e["text"] for e in corpus["entities"]]
    image = draw(st.booleans())
    t = make_testimony(narrative=narrative, names=[ko, ko2, latin], redactions=manual,
                       events=[{"type": "detention", "start": "2019-04", "place": "Tumen",
                                "description": description}])
    return t, planted, (f"{ko} 얼굴.png" if image else None)


@pytest.fixture(scope="module")
def real_detector():
    from intake.redaction import default_detector

    detector = default_detector()
    detector.warm_up()
    return detector


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=planted_testimonies())
def test_no_planted_identifier_survives_in_any_byte(pair, real_detector, qapp, case,
                                                    tmp_path):
    # qapp: pytest-qt's one QApplication, which the PDF renderer lays its text out in
    from PIL import Image

    from ui.pdf.statement import render_statement

    t, planted, image_name = case
    t = pair.field.add(t)
    if image_name:
        raw = tmp_path / "img.png"
        Image.new("RGB", (16, 16), (9, 9, 9)).save(raw, "PNG")
        pair.attach(t, raw.read_bytes(), image_name)
    out = f"{t.id}.tib.age"
    bundle = pair.export(out, level="redacted", ids=(t.id,), accept_risk=True,
                         renderer=render_statement, detector=real_detector)
    tar = pair.plain_tar(bundle)
    # Raw bytes (tar headers, PDFs, images): needles of 3+ characters, since 2 bytes of
    # UTF-16 turn up in any binary by chance. Text members and the statement's extracted
    # text: 2+ characters, spaces and line breaks ignored.
    long_ones = [p for p in planted if len("".join(p.split())) >= 3]
    leaks = [n for n in canary_encodings(long_ones) if n in tar]
    assert leaks == [], f"planted {planted}: {leaks}"
    entries = dict(craft.unpack(tar)[0])
    pdf = tmp_path / f"{t.id}.pdf"
    pdf.write_bytes(entries[f"statements/{t.id}.pdf"])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "S-0142" in text and "[PERSON-" in text
    texts = {path: data.decode("utf-8") for path, data in entries.items()
             if not path.startswith(("attachments/", "statements/")) and path != "manifest.sig"}
    texts["statement text"] = text
    for where, content in texts.items():
        squeezed = "".join(content.split())
        survived = [p for p in planted
                    if len("".join(p.split())) >= 2 and "".join(p.split()) in squeezed]
        assert survived == [], f"in {where}: {survived}"
    bundle.unlink()
