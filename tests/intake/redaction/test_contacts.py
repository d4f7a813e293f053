"""EMAIL and ACCOUNT: written, spoken and full-width addresses; messenger ids by context."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("아니면 kim.ch@daum.net도 돼요.", "kim.ch@daum.net"),
        ("reach her at younghee.kim at gmail dot com please", "younghee.kim at gmail dot com"),
        ("이메일은 cholsu77 골뱅이 naver 점 com으로", "cholsu77 골뱅이 naver 점 com"),
        (
            "예전 거는 ｙｈ＿ｋｉｍ＠ｈａｎｍａｉｌ．ｎｅｔ이에요.",
            "ｙｈ＿ｋｉｍ＠ｈａｎｍａｉｌ．ｎｅｔ",
        ),
        ("sister at sunok_r [at] hanmail [dot] net only", "sunok_r [at] hanmail [dot] net"),
        ("Email kim_ys (at) yahoo.co.kr.", "kim_ys (at) yahoo.co.kr"),
        ("이메일은 sunok 앳 gmail 닷 컴이요.", "sunok 앳 gmail 닷 컴"),
        ("kim＠naver.com", "kim＠naver.com"),
    ],
)
def test_emails(texts, text, email):
    assert email in texts(text, "EMAIL")


def test_at_in_prose_is_not_an_email(texts):
    assert texts("I met him at school. We stayed at Yanji for a week.", "EMAIL") == []


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("그 사람 위챗 아이디가 wxm_yanji88이었어요.", "wxm_yanji88"),
        ("The broker's WeChat ID was dandong_lao8.", "dandong_lao8"),
        ("Her own 微信号: wxid_k8c2m9.", "wxid_k8c2m9"),
        ("위챗: liwei_dd2018", "liwei_dd2018"),
        ("제 카톡 아이디는 sunhee0715이고, 언니 거는 kimsh_1979예요.", "kimsh_1979"),
        ("Her KakaoTalk ID is hana.s85.", "hana.s85"),
        ("그 사람 QQ 번호는 348812905였어요.", "348812905"),
        ("his QQ number 2290417365. He charged a lot", "2290417365"),
        ("QQ号 987654321", "987654321"),
        ("텔레그램 아이디는 @minsu_free예요.", "@minsu_free"),
        ("LINE ID: hwa_0912.", "hwa_0912"),
        ("WeChat: xiaoming", "xiaoming"),
    ],
)
def test_accounts(texts, text, account):
    assert account in texts(text, "ACCOUNT")


def test_service_names_in_prose_take_no_plain_word(texts):
    assert texts("We talked on WeChat every day about the weather.", "ACCOUNT") == []
    assert texts("카톡으로만 연락해요.", "ACCOUNT") == []
