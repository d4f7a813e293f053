"""DATE_OF_BIRTH: birth dates only; arrest, crossing and detention dates stay."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("진술인은 1985년 3월 2일생으로 함경북도 출신이다.", "1985년 3월 2일생"),
        ("생년월일: 1990. 7. 15.", "1990. 7. 15."),
        ("생년월일은 1979년 11월 5일입니다.", "1979년 11월 5일"),
        ("The witness was born on 2 March 1985 in Musan.", "2 March 1985"),
        ("DOB: 15/07/1990", "15/07/1990"),
        ("DOB 1979-11-05, arrested 2019-04-14", "1979-11-05"),
        ("Her date of birth is 11 November 1979.", "11 November 1979"),
        ("모친 정옥순(1958년생)은", "1958년생"),
        ("박철수 씨는 1972년 11월 5일에 태어났고", "1972년 11월 5일"),
        ("아, 생일이요? 62년 8월 15일이에요.", "62년 8월 15일"),
        ("저는 1978년 음력 9월 초닷새에 태어났어요.", "1978년 음력 9월 초닷새"),
        ("생년월일 850302, 성별 여", "850302"),
        ("D.O.B. 03-05-1984.", "03-05-1984"),
        ("🎂 1988.07.15", "1988.07.15"),
        ("female, born 1991, detained in 2017", "1991"),
        ("He was born in 1962 in Onsong, and his brother in 1965.", "1965"),
    ],
)
def test_dates_of_birth(texts, text, date):
    assert date in texts(text, "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    "text",
    [
        "2019년 4월에 체포되었습니다.",
        "She was arrested in March 2019 in Tumen.",
        "2017년 3월 14일에 단둥에서 체포됐습니다.",
        "입국일: 2018. 3. 9.",
        "She gave birth to a son in 2016 in Helong.",
        "2010년 생활이 어려워졌고 2011년 생산량이 줄었다.",
        "She was born in 1985 in Musan and was arrested in 2019.",
    ],
)
def test_other_dates_are_not_dates_of_birth(detector, text):
    findings = [f for f in detector.detect(text) if f.kind == "DATE_OF_BIRTH"]
    assert all("2019" not in f.text and "2016" not in f.text for f in findings)
    assert all(not f.text.startswith(("2010", "2011", "2017", "2018")) for f in findings)
