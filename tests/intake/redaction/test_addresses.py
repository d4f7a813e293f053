"""ADDRESS: units below the county — never the province, city or county around them."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("그때 저는 회령시 남문동 3인민반에 살았어요.", "남문동 3인민반"),
        ("함경북도 무산군 성천리 출신이다.", "성천리"),
        ("큰아버지 댁은 청진시 수남구역 천마동 12반이에요.", "천마동 12반"),
        ("남편은 무산광산 2작업반에서 일했어요.", "무산광산 2작업반"),
        ("저는 성천협동농장에 다녔고요.", "성천협동농장"),
        ("아버지는 아오지탄광에서 일했어요.", "아오지탄광"),
        ("큰딸은 경성군 승암로동자구에 살아요.", "승암로동자구"),
        ("서울 양천구 신정동 한빛아파트 104동 1203호예요.", "신정동 한빛아파트 104동 1203호"),
        ("노원구 상계로 123에 살아요.", "상계로 123"),
        ("김책제철연합기업소에서 일해요.", "김책제철연합기업소"),
        ("2.8비날론연합기업소에서 일했다.", "2.8비날론연합기업소"),
        ("청진시 포항구역 수북동 17반", "수북동 17반"),
        ("연길에서는 建工街 花园小区 5号楼 2单元 301室에 숨어 있었어요.",
         "建工街 花园小区 5号楼 2单元 301室"),
        ("和龙市 西城镇 金达莱村에 살았어요.", "金达莱村"),
        ("She lived in Namun-dong, near the market.", "Namun-dong"),
        ("The family lived in Songchon-ri, Musan County.", "Songchon-ri"),
        ("Hyesan-si Hyejang-dong 7 inminban", "Hyejang-dong 7 inminban"),
        ("She was kept in Room 301, Building 5, Xinhua Road, Yanji.",
         "Room 301, Building 5, Xinhua Road"),
        ("They lived outside Dandong, in Xinglong village.", "Xinglong village"),
        ("Her father worked near the Musan mine, in work team 3.", "Musan mine"),
        ("Yonbong-dong, 24 ban, Hyesan.", "Yonbong-dong, 24 ban"),
        ("She now lives at Apt. 1502, Block B, Incheon.", "Apt. 1502, Block B"),
    ],
)
def test_addresses(texts, text, address):
    assert address in texts(text, "ADDRESS")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("그때 저는 회령시 남문동 3인민반에 살았어요.", "회령시"),
        ("함경북도 무산군 성천리 출신이다.", "함경북도"),
        ("함경북도 무산군 성천리 출신이다.", "무산군"),
        ("연길에서 숨어 있었어요.", "연길"),
        ("She went to Dandong, then Jilin province.", "Dandong"),
        ("She went to Dandong, then Jilin province.", "Jilin province"),
        ("She lived in Namun-dong, Hoeryong.", "Hoeryong"),
        ("인민반장은 리순옥 동무였어요.", "인민반장"),
        ("전거리교화소에서 같이 있던 사람", "전거리교화소"),
        ("회령 12호 교화소에 있었어요.", "12호 교화소"),
        ("여러 활동을 했어요. 노동을 했어요. 반동으로 몰렸어요.", "활동"),
        ("여러 활동을 했어요. 노동을 했어요. 반동으로 몰렸어요.", "반동"),
        ("8살짜리 애를 두고 왔어요.", "8살짜리"),
    ],
)
def test_places_above_the_neighbourhood_stay(flagged, text, place):
    assert not flagged(text, place)
