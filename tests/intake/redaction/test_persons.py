"""PERSON: Korean, romanised, Chinese and North Korean names — and what is not a name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("영희는 회령에서 왔어요.", "영희"),
        ("철수의 친구가 돈을 가져갔어요.", "철수"),
        ("그 돈을 철수에게 줬어요.", "철수"),
        ("철수 삼촌이 먼저 건넜어요.", "철수"),
        ("영희 언니가 전화했어요.", "영희"),
        ("김영희 씨가 잡혀갔어요.", "김영희"),
        ("리영호라는 남자와 같이 왔어요.", "리영호"),
        ("로명철 보위원이 취조했어요.", "로명철"),
        ("류경식 소장도 있었어요.", "류경식"),
        ("라영남 선생님은 담임이셨어요.", "라영남"),
        ("집주인 왕샤오밍이 도와줬어요.", "왕샤오밍"),
        ("그 집 아들 명철이가 먼저 갔어요.", "명철"),
        ("순희야, 빨리 와!", "순희"),
        ("옥순이 어머니는 무산에 계세요.", "옥순"),
        ("제 이름은 김 정숙입니다.", "김 정숙"),
        ("그날 밤 김\n영희가 문을 두드렸어요.", "김\n영희"),
        ("그 집 할머니가 왕씨였어요.", "왕"),
        ("인민반장 리순옥 동무가 신고했어요.", "리순옥"),
        ("박성남이 직접 고문했습니다.", "박성남"),
        ("보안원 최철남이 저를 때렸어요.", "최철남"),
        ("사모님은 윤미경 씨였어요.", "윤미경"),
        ("명찰에 张丽华라고 써 있었어요.", "张丽华"),
        ("시어머니 이름은 李秀英이고", "李秀英"),
    ],
)
def test_korean_and_chinese_names(texts, text, name):
    assert name in texts(text, "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My younger sister Kim Young-hee was still in Hoeryong.", "Kim Young-hee"),
        ("Her cousin Pak Chol-su was sent to a kyohwaso.", "Pak Chol-su"),
        ("witness says her cousin pak chol-su was sent away", "pak chol-su"),
        ("The man who bought me was called Li Wei.", "Li Wei"),
        ("His mother, Zhang Lihua, kept my papers.", "Zhang Lihua"),
        ("The interpreter spelled it Choi Sun Hee.", "Choi Sun Hee"),
        ("The police record has CUI SHUNJI.", "CUI SHUNJI"),
        ("Comrade Ro Myong-chol did the interrogation.", "Ro Myong-chol"),
        ("Later a Mr. Choe took over.", "Choe"),
        ("we stayed with mrs. song for a week", "song"),
        ("Her brother Sung-chol is still there.", "Sung-chol"),
        ("Eunhye told the guards she was sixteen.", "Eunhye"),
        ("Grandmother Ri hid us in her shed.", "Ri"),
        ("The pastor called himself David Lim.", "David Lim"),
        ("Passport of Ri Yong-ho, official.", "Ri Yong-ho"),
    ],
)
def test_romanised_names(texts, text, name):
    assert name in texts(text, "PERSON")


def test_a_name_known_once_vouches_for_its_other_mentions(detector):
    text = (
        "은혜는 제 막내 동생이에요. 나라의 은혜를 잊지 말라고 했어요. "
        "은혜가 열일곱 살 때 사라졌어요."
    )
    starts = [f.start for f in detector.detect(text) if f.kind == "PERSON"]
    assert starts == [0, text.index("은혜가")]  # not the "grace" of 은혜를 갚다


def test_a_name_that_is_also_a_word(texts, flagged):
    text = "처음 사귄 친구 이름이 하나예요. 컴퓨터는 하나도 몰랐는데, 하나가 다 가르쳐 줬어요."
    assert texts(text, "PERSON") == ["하나", "하나"]
    assert not flagged(text, "하나도")
    assert not flagged("하나원에서 나와서 서울로 갔어요.", "하나원")


def test_common_words_that_look_like_names_are_left(flagged):
    assert not flagged("나라의 은혜를 갚아야지요.", "은혜")
    assert not flagged("그 사람은 참 명철한 판단을 했어요.", "명철")
    assert not flagged("경비대가 그 마을에서 철수했다는 말을 들었어요.", "철수")
    assert not flagged("모친의 신원이 노출되지 않도록 할 것.", "신원")
    assert not flagged("정확히는 기억이 안 나요.", "안 나요")


@pytest.mark.parametrize(
    "text",
    [
        "엄마는 혜산에 남아 있고, 삼촌은 교화소에서 돌아가셨어요. 아버지 이야기는 하기 싫어요.",
        "My uncle was taken to a political prison camp. I never saw my aunt again.",
        "함경북도 회령시에서 두만강을 건너 연길, 장춘을 거쳐 쿤밍으로 갔습니다.",
        "보위부와 안전부, 국가보위성이 따로 조사했어요. 국정원 조사도 두 달 걸렸고요.",
        "The public security bureau in Tumen held 30 people; Human Rights Watch and the UN "
        "documented it. She went on to Dandong in Jilin province.",
        "김일성 초상화를 닦지 않았다고 맞았어요. 김정은 시대에 더 심해졌어요.",
        "The Ministry of State Security ran the holding centre in Sinuiju.",
        "2019년 4월에 체포되었고 집결소에 450명이 있었어요. 3개월 있었어요.",
    ],
)
def test_no_person_in_places_institutions_kinship_and_public_figures(texts, text):
    assert texts(text, "PERSON") == []


def test_public_figures_in_latin_letters_stay(texts):
    assert texts("Portraits of Kim Il-sung and Kim Jong-il hung in every room.", "PERSON") == []


def test_place_names_shaped_like_names_stay(flagged):
    assert not flagged("온성 보위부로 넘겨졌어요.", "온성")
    assert not flagged("서울 양천구로 배정받았어요.", "양천구")
    assert not flagged("장춘을 거쳐 갔어요.", "장춘")
    assert not flagged("We crossed near Hyesan and walked to Changbai.", "Changbai")
