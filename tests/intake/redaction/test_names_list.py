"""The testimony's own names: every mention, in every form."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("영희는 그날 밤 떠났어요.", "영희"),
        ("김영희가 문을 두드렸어요.", "김영희"),
        ("그날 밤 김\n영희가 문을 두드렸어요.", "김\n영희"),
        ("그날 밤 김 영희가 왔어요.", "김 영희"),
        ("영희한테서 연락이 왔어요.", "영희"),
        ("Kim Young-hee was arrested.", "Kim Young-hee"),
        ("KIM YOUNGHEE, born in Musan", "KIM YOUNGHEE"),
        ("the record says kim yeonghui", "kim yeonghui"),
        ("Gim Yeong-hui (RR)", "Gim Yeong-hui"),
        ("Kim Yong Hui (MR)", "Kim Yong Hui"),
        ("Kim\nYoung-hee — as the police wrote it", "Kim\nYoung-hee"),
        ("Young-hee Kim lives in Seoul", "Young-hee Kim"),
        ("Younghee called me.", "Younghee"),
    ],
)
def test_a_hangul_name_in_every_form(texts, text, mention):
    assert mention in texts(text, "PERSON", names=["김영희"])


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("철수의 동생이 왔어요.", "철수"),
        ("철수에게 따졌어요.", "철수"),
        ("박철수 씨", "박철수"),
    ],
)
def test_particles_after_a_listed_name(texts, text, mention):
    assert mention in texts(text, "PERSON", names=["박철수"])


def test_north_and_south_spellings_of_a_listed_name(texts):
    assert "이영호" in texts("이영호가 왔어요.", "PERSON", names=["리영호"])
    assert "리영호" in texts("리영호가 왔어요.", "PERSON", names=["이영호"])


@pytest.mark.parametrize(
    "mention", ["PAK CHOLSU", "Pak Chol Su", "pak chol-su", "Pak\nChol-su", "Chol-su", "cholsu"]
)
def test_a_romanised_name_case_and_separators_free(texts, mention):
    assert mention in texts(f"The record names {mention} twice.", "PERSON", names=["Pak Chol-su"])


def test_listed_names_that_are_common_words(texts, flagged):
    names = ["은혜", "하나"]
    assert texts("은혜를 마지막으로 본 건 신의주에서였어요.", "PERSON", names=names) == ["은혜"]
    assert texts("하나가 다 가르쳐 줬어요.", "PERSON", names=names) == ["하나"]
    assert not flagged("하나원에서 나왔어요.", "하나원", names=names)


def test_a_chinese_listed_name(texts):
    assert "李 伟" in texts("护照上写着李 伟。", "PERSON", names=["李伟"])
    assert "LIWEI" in texts("LIWEI 씨는 연길 사람이에요.", "PERSON", names=["Li Wei"])


def test_blank_and_single_string_names_are_harmless(detector):
    assert detector.detect("아무 일도 없었어요.", names=["", "  "]) == []
    assert [f.text for f in detector.detect("영희가 왔어요.", names="영희")] == ["영희"]
