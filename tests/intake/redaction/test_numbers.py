"""PHONE and ID_NUMBER: every plausible number, whatever its separators or checksum."""

from __future__ import annotations

import pytest

from intake.redaction.numbers import classify


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("전화번호는 010-4821-3967이에요.", "010-4821-3967"),
        ("010 5512 7734 로 전화 주세요", "010 5512 7734"),
        ("번호 01055127734", "01055127734"),
        ("연락처: ０１０－９８７６－５４３２ (본인)", "０１０－９８７６－５４３２"),
        ("+86 139 4433 2211 (중국)", "+86 139 4433 2211"),
        ("0086 135 9876 5432였고요", "0086 135 9876 5432"),
        ("+82 10-5512-7734", "+82 10-5512-7734"),
        ("His number was +850 2 381 2245.", "+850 2 381 2245"),
        ("Koryolink +850 191 234 5678", "+850 191 234 5678"),
        ("손전화 번호가 191-234-5678이었는데", "191-234-5678"),
        ("연길 집 전화는 0433-4251187이었어요", "0433-4251187"),
        ("(0433) 2512 345 (Yanji landline)", "(0433) 2512 345"),
        ("The broker's Chinese number: 138 0433 2187.", "138 0433 2187"),
        ("핸드폰: 010.2345.6789", "010.2345.6789"),
    ],
)
def test_phone_numbers(texts, text, number):
    assert number in texts(text, "PHONE")


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("외우고 있어요. 공일공 일이삼사 오육칠팔.", "공일공 일이삼사 오육칠팔"),
        ("번호는 공일공에 삼삼사오에 일일이이예요.", "공일공에 삼삼사오에 일일이이"),
        ("it was zero one zero, five five one two, seven seven three four.",
         "zero one zero, five five one two, seven seven three four"),
        ("one three eight, double four, five six, seven eight nine zero",
         "one three eight, double four, five six, seven eight nine zero"),
        ("他的手机是一三九四四三三二二一一", "一三九四四三三二二一一"),
    ],
)
def test_spoken_phone_numbers(texts, text, spoken):
    assert spoken in texts(text, "PHONE")


def test_spoken_number_does_not_swallow_the_copula(texts):
    assert texts("번호는 공일공 일이삼사 오육칠팔이에요.", "PHONE") == ["공일공 일이삼사 오육칠팔"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("신분증 번호는 222401198503021231이었어요", "222401198503021231"),  # checksum holds
        ("신분증 번호는 222401198503021235이었어요", "222401198503021235"),  # misremembered
        ("Her Chinese resident ID was 22240119880715004X.", "22240119880715004X"),
        ("중국 신분증: 222401 19850302 1236", "222401 19850302 1236"),
        ("주민등록번호는 850302-2345672입니다.", "850302-2345672"),
        ("주민등록번호는 850302-2345678입니다.", "850302-2345678"),
        ("RRN 9012152034517", "9012152034517"),
        ("주민번호 앞자리가 790512예요", "790512"),
        ("Her passport, number M47281935, was taken.", "M47281935"),
        ("여권 번호 M123A4567", "M123A4567"),
        ("passport G12345678", "G12345678"),
        ("中国护照 E12345678", "E12345678"),
        ("여권번호가 745123456이었던 것 같아요.", "745123456"),
        ("Passport no. 836412345 (DPRK)", "836412345"),
        ("The UnionPay card, 6222 0243 1156 7788 912, was hers.", "6222 0243 1156 7788 912"),
        ("card 4111 1111 1111 1111", "4111 1111 1111 1111"),
        ("신한은행 110-234-567890 계좌로 입금했어요", "110-234-567890"),
        ("1002-345-678901 (Woori Bank)", "1002-345-678901"),
    ],
)
def test_id_numbers(texts, text, number):
    assert number in texts(text, "ID_NUMBER")


def test_checksums_only_move_the_score():
    good = classify("222401198503021231", "222401198503021231", "")
    bad = classify("222401198503021235", "222401198503021235", "")
    assert good is not None and bad is not None
    assert good[0] == bad[0] == "ID_NUMBER" and good[1] > bad[1]
    luhn_ok = classify("4111 1111 1111 1111", "4111111111111111", "")
    luhn_bad = classify("4111 1111 1111 1112", "4111111111111112", "")
    assert luhn_ok and luhn_bad and luhn_ok[1] > luhn_bad[1]


@pytest.mark.parametrize(
    "text",
    [
        "2019년 4월에 체포되었다.",
        "arrested on 2019-04-14 and held until 2019.07.01",
        "DOB 15/07/1990 — no wait, arrival 09/03/2018",
        "집결소에 450명이 있었고 3개월을 있었어요. 벌금 5,000위안, 20,000 yuan.",
        "between 1997-1998 and again in 2008 2009",
        "20190414 오전 10시에 체포",
        "회령 12호 교화소",
    ],
)
def test_dates_counts_and_years_are_not_numbers(texts, text):
    assert texts(text, "PHONE") == [] and texts(text, "ID_NUMBER") == []
