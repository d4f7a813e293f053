"""Inputs at the edges: empty, blank, huge, astral characters, broken surrogates, threads."""

from __future__ import annotations

import threading

import pytest

from intake.redaction import Detector, default_detector


def test_empty_and_blank_text(detector):
    assert detector.detect("") == []
    assert detector.detect(" \n\t\u3000 ") == []


def test_offsets_are_code_points_after_astral_characters(detector):
    text = "📞🎂𝒳 영희 010-3345-1122 / 😀 Kim Young-hee"
    findings = detector.detect(text)
    assert [f.text for f in findings] == ["영희", "010-3345-1122", "Kim Young-hee"]
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_full_width_text_keeps_its_offsets(detector):
    text = "연락처：０１０－９８７６－５４３２"
    (f,) = detector.detect(text)
    assert text[f.start : f.end] == f.text == "０１０－９８７６－５４３２"


def test_surrogate_escaped_bytes_do_not_crash(detector):
    text = b"\xff\xfe \xea\xb9\x80\xec\x98\x81\xed\x9d\xac\xea\xb0\x80 010-1234-5678 \x80".decode(
        "utf-8", errors="surrogateescape"
    )
    assert "\udcff" in text
    findings = detector.detect(text)
    assert {f.text for f in findings} >= {"김영희", "010-1234-5678"}
    assert all(text[f.start : f.end] == f.text for f in findings)


def test_a_megabyte_is_scanned_whole(detector):
    """Correctness on a large text; its speed is bench/redaction_eval.py's to measure."""
    chunk = ("그때 저는 회령시 남문동 3인민반에 살았어요. 김영희 씨 번호는 010-4821-3967이에요. "
             "The broker Li Wei lived in Dandong; WeChat ID dandong_lao8. ")
    copies = 1_000_000 // len(chunk) + 1
    text = chunk * copies
    findings = detector.detect(text)
    assert len(findings) == 5 * copies  # 남문동 3인민반, 김영희, the phone, Li Wei, the id


def test_lang_is_checked_and_every_script_is_scanned_anyway(detector):
    with pytest.raises(ValueError):
        detector.detect("x", lang="fr")
    text = "Kim Young-hee 씨와 영희 언니"
    for lang in ("auto", "ko", "en"):
        assert [f.text for f in detector.detect(text, lang=lang)] == ["Kim Young-hee", "영희"]


def test_lazy_load_is_thread_safe_and_results_agree():
    fresh = Detector()
    text = "로명철 보위원이 저를 취조했어요. 전화는 010-1234-5678."
    results: list[list] = []

    def work() -> None:
        results.append(fresh.detect(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)
    assert [f.text for f in results[0]] == ["로명철", "010-1234-5678"]


def test_rules_work_without_the_dictionary():
    plain = Detector(use_morphology=False)
    assert {f.text for f in plain.detect("김영희 씨 번호는 010-4821-3967이에요.")} == {
        "김영희", "010-4821-3967"
    }


def test_default_detector_is_shared():
    assert default_detector() is default_detector()
