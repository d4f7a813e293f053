"""Places and institutions that must stay readable: they are the evidence.

A redacted testimony that says "[PERSON] was held by [PERSON] in [PERSON]" is useless to a
court, so the name rules check candidates against this list: countries, provinces, cities
and counties, rivers, and the institutions that detain and interrogate. The shipped
vocabularies (``resources/vocabularies/*.json``: ``en``, ``ko``, ``zh``, ``aliases``) are
read when present; a small list of our own keeps the detector safe without them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import resources

_OWN_KO = (
    "북한 남한 한국 중국 조선 북조선 남조선 대한민국 러시아 몽골 라오스 태국 베트남 캄보디아 "
    "미얀마 일본 미국 영국 유엔 함경북도 함경남도 양강도 자강도 평안북도 평안남도 황해북도 "
    "황해남도 강원도 평양 청진 회령 무산 온성 혜산 신의주 함흥 나선 라선 김책 단천 원산 "
    "개성 남포 경성 새별 은덕 경원 종성 삼장 대홍단 삼지연 보천 중강 만포 강계 위원 초산 "
    "남양 삼합 두만강 압록강 백두산 장백산 연변 옌볜 연길 옌지 도문 투먼 단둥 단동 선양 심양 창춘 "
    "장춘 지린 길림 하얼빈 칭다오 청도 베이징 북경 상하이 상해 쿤밍 곤명 방콕 서울 부산 "
    "인천 대구 광주 대전 울산 수원 경기도 제주 훈춘 용정 룽징 화룡 허룽 왕청 장백 창바이 "
    "집안 지안 임강 린장 통화 퉁화 백산 바이산 요녕 랴오닝 흑룡강 헤이룽장 산동 산둥 "
    "연해주 블라디보스토크 하나원 국정원 통일부 보위부 안전부 보위성 안전성 보안서 보안부 "
    "보위국 공안 공안국 변방대 파출소 구류장 집결소 단련대 노동단련대 교화소 관리소 수용소 "
    "국가보위성 사회안전성 인민보안성 인민보안부 국경경비대 경비대 인민군 로동당 노동당"
)
_OWN_LATIN = (
    "korea northkorea southkorea dprk rok china russia mongolia laos thailand vietnam "
    "cambodia myanmar burma japan un unitednations pyongyang chongjin hoeryong musan onsong "
    "hyesan sinuiju hamhung rason kimchaek tanchon wonsan kaesong nampo namyang tumen yanji "
    "yanbian dandong shenyang changchun jilin harbin qingdao beijing shanghai kunming "
    "bangkok seoul busan incheon longjing helong hunchun changbai tonghua liaoning "
    "heilongjiang tumenriver yalu yaluriver hanawon bowibu anjeonbu boanseo nis "
    "jipkyulso kyohwaso kwanliso rodongdanryeondae chongori yodok kaechon"
)
_OWN_ZH = (
    "朝鲜 北朝鲜 韩国 中国 俄罗斯 延吉 图们 丹东 沈阳 长春 吉林 哈尔滨 青岛 北京 上海 昆明 "
    "延边 龙井 和龙 珲春 长白 通化 辽宁 黑龙江 安图 汪清 敦化 集安 临江 白山 公安 公安局 "
    "边防 派出所 看守所 拘留所 收容所 平壤 清津 会宁 茂山 稳城 惠山 新义州"
)
# Administrative suffixes removed to get the bare name ("회령시" → "회령").
_KO_SUFFIXES = ("특별시", "직할시", "광역시", "구역", "시", "군", "도", "성", "현", "주", "구")
_LATIN_SUFFIXES = ("city", "county", "province", "si", "gun", "do", "shi", "xian", "sheng")
_ZH_SUFFIXES = ("市", "县", "省", "州", "区")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015'\u2019\u02bc`.()]+")


def normalise_latin(text: str) -> str:
    """Lower case, no diacritics, no spaces, hyphens or apostrophes: "P'yŏng-yang" → "pyongyang"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("", bare).lower()


@dataclass(frozen=True)
class Gazetteer:
    ko: frozenset[str]
    latin: frozenset[str]
    zh: frozenset[str]

    def has_ko(self, word: str) -> bool:
        if word in self.ko:
            return True
        return any(
            word.endswith(s) and word[: -len(s)] in self.ko for s in _KO_SUFFIXES
        )

    def has_latin(self, text: str) -> bool:
        return self._has_latin(text)

    @lru_cache(maxsize=65536)  # noqa: B019 — one gazetteer per process, kept for its life
    def _has_latin(self, text: str) -> bool:
        key = normalise_latin(text)
        if key in self.latin:
            return True
        return any(
            key.endswith(s) and key[: -len(s)] in self.latin for s in _LATIN_SUFFIXES
        )

    def has_zh(self, text: str) -> bool:
        return text in self.zh


def _forms(raw: str) -> list[str]:
    """"연길(옌지)" → ["연길", "옌지", "연길(옌지)"]; "Jilin City" → itself."""
    parts = [p.strip() for p in re.split(r"[()（）/,]", raw) if p.strip()]
    return [*parts, raw]


def _add(form: str, ko: set[str], latin: set[str], zh: set[str]) -> None:
    if re.search("[\uac00-\ud7a3]", form):
        word = form.replace(" ", "")
        ko.add(word)
        for suffix in _KO_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                ko.add(word[: -len(suffix)])
    elif re.search("[\u4e00-\u9fff]", form):
        zh.add(form)
        for suffix in _ZH_SUFFIXES:
            if form.endswith(suffix) and len(form) > 2:
                zh.add(form[: -len(suffix)])
    else:
        key = normalise_latin(form)
        if key:
            latin.add(key)
        for suffix in _LATIN_SUFFIXES:
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                latin.add(key[: -len(suffix)])


def _vocabulary_forms() -> list[str]:
    forms: list[str] = []
    folder = resources.path("vocabularies")
    for name in ("places", "facilities", "perpetrators"):
        try:
            data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            terms = data["terms"]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a missing or broken file: fall back on our own list
        for term in terms if isinstance(terms, list) else ():
            if not isinstance(term, dict):
                continue
            values = [term.get(k) for k in ("en", "ko", "zh")]
            aliases = term.get("aliases")
            values += aliases if isinstance(aliases, list) else []
            for value in values:
                if isinstance(value, str) and value.strip():
                    forms.extend(_forms(value))
    return forms


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built once from the vocabularies and our own list."""
    ko: set[str] = set()
    latin: set[str] = set()
    zh: set[str] = set()
    for form in [*_OWN_KO.split(), *_OWN_ZH.split(), *_vocabulary_forms()]:
        _add(form, ko, latin, zh)
    latin.update(_OWN_LATIN.split())
    return Gazetteer(frozenset(ko), frozenset(latin), frozenset(zh))
