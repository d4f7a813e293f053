"""The shipped vocabularies: their content, their checks, lookup in any spelling, completion."""

from __future__ import annotations

import copy
import json
import re

import pytest

import resources
from intake import vocabulary
from intake.errors import InvalidInput
from intake.vocabulary import Term, load, normalise, parse_vocabulary

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def raw(name: str) -> dict:
    return json.loads(resources.path("vocabularies", f"{name}.json").read_text("utf-8"))


# -- what ships --------------------------------------------------------------------------


@pytest.mark.parametrize("name", vocabulary.NAMES)
def test_every_shipped_vocabulary_loads_and_is_sound(name):
    voc = load(name)
    assert voc is load(name)  # cached
    assert len(voc) == len(raw(name)["terms"])
    for t in voc.terms():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", t.id)
        assert t.en.strip() and t.ko.strip()
        assert HANGUL.search(t.ko), t.id
        assert voc.lookup(t.id) == t
        assert voc.lookup(t.en) == t, t.en
        assert voc.lookup(t.ko) == t, t.ko
        for alias in t.aliases:
            assert voc.lookup(alias) == t, (t.id, alias)
        if t.zh:
            assert voc.lookup(t.zh) == t


def test_sizes():
    assert len(load("event_types")) >= 25
    assert len(load("facilities")) >= 12
    assert len(load("perpetrators")) >= 15
    assert len(load("places")) >= 150


def test_event_types_cover_the_design_and_have_definitions_in_both_languages():
    voc = load("event_types")
    required = {
        "border_crossing", "arrest", "detention", "interrogation", "torture", "ill_treatment",
        "sexual_violence", "forced_abortion", "forced_labour", "forced_return", "imprisonment",
        "execution", "family_punishment", "disappearance", "trafficking", "forced_marriage",
        "extortion", "infanticide", "starvation", "denial_of_medical_care", "public_trial",
        "public_execution", "surveillance", "escape",
    }
    assert required <= voc.ids()
    for t in voc:
        assert t.definition_en.strip() and t.definition_ko.strip(), t.id
        assert HANGUL.search(t.definition_ko), t.id
    assert voc.lookup("loyalty money").id == "extortion"
    assert voc.lookup("강제북송").id == "forced_return"


def test_facility_kinds_and_their_un_spellings():
    voc = load("facilities")
    for spelling, term_id in [
        ("jipkyulso", "jipkyulso"), ("집결소", "jipkyulso"), ("chipkyŏlso", "jipkyulso"),
        ("rodong danryeondae", "rodong_danryeondae"), ("노동단련대", "rodong_danryeondae"),
        ("로동단련대", "rodong_danryeondae"), ("labor training camp", "rodong_danryeondae"),
        ("kyohwaso", "kyohwaso"), ("교화소", "kyohwaso"),
        ("kwanliso", "kwanliso"), ("kwalliso", "kwanliso"), ("관리소", "kwanliso"),
        ("정치범수용소", "kwanliso"), ("political prison camp", "kwanliso"),
        ("보위부 구류장", "mss_holding_centre"), ("边防收容所", "cn_border_detention_centre"),
        ("看守所", "cn_detention_centre"), ("派出所", "cn_police_station"),
    ]:
        assert voc.lookup(spelling).id == term_id, spelling


def test_perpetrators_know_the_renamings_and_which_are_state_institutions():
    voc = load("perpetrators")
    for spelling in ["bowibu", "보위부", "국가안전보위부", "국가보위성",
                     "State Security Department", "MSS", "국가정치보위부"]:
        assert voc.lookup(spelling).id == "kp_mss", spelling
    for spelling in ["anjeonbu", "안전부", "인민보안성", "인민보안부", "사회안전성", "사회안전부",
                     "Ministry of People's Security"]:
        assert voc.lookup(spelling).id == "kp_mps", spelling
    assert voc.lookup("公安局").id == "cn_public_security"
    assert voc.lookup("변방대").id == "cn_border_police"
    assert voc.lookup("조선인민군").id == "kp_kpa"
    assert voc["kp_mss"].kind == voc["cn_public_security"].kind == "state"
    assert voc["broker"].kind == voc["trafficker"].kind == "non_state"


# -- the gazetteer -----------------------------------------------------------------------


def test_places_form_a_tree_of_countries_provinces_cities_and_counties():
    voc = load("places")
    kinds = {t.kind for t in voc}
    assert kinds == {"country", "province", "prefecture", "city", "county"}
    for t in voc:
        if t.kind == "country":
            assert t.parent is None
        else:
            assert t.parent in voc
            assert voc.ancestors(t.id)[-1].kind == "country"
    assert {t.id for t in voc.children("kp") if t.kind == "province"} == {
        "kp_north_hamgyong", "kp_south_hamgyong", "kp_ryanggang", "kp_chagang",
        "kp_north_pyongan", "kp_south_pyongan", "kp_kangwon", "kp_north_hwanghae",
        "kp_south_hwanghae"}
    assert [t.id for t in voc.ancestors("cn_yanji")] == ["cn_yanbian", "cn_jilin", "cn"]
    assert [t.id for t in voc.ancestors("kp_onsong")] == ["kp_north_hamgyong", "kp"]
    liaoning_cities = {t.id for t in voc.children("cn_liaoning")}
    assert len(liaoning_cities) == 14 and "cn_dandong" in liaoning_cities and \
        "cn_shenyang" in liaoning_cities
    jilin = {t.id for t in voc.children("cn_jilin")}
    assert len(jilin) == 9 and "cn_yanbian" in jilin  # 8 cities and the autonomous prefecture
    assert {t.id for t in voc.children("cn_yanbian")} == {
        "cn_yanji", "cn_tumen", "cn_dunhua", "cn_hunchun", "cn_longjing", "cn_helong",
        "cn_wangqing", "cn_antu"}


def test_every_chinese_place_has_its_chinese_name_and_both_korean_forms():
    voc = load("places")
    chinese = [t for t in voc if t.id == "cn" or (t.parent and voc.ancestors(t.id)[-1].id == "cn")]
    assert len(chinese) > 50
    for t in chinese:
        assert t.zh and re.search(r"[\u4e00-\u9fff]", t.zh), t.id


@pytest.mark.parametrize("spelling", [
    "Dandong", "dandong", "DANDONG", "丹东", "丹东市", "단동", "단둥", "단동시", "단둥시",
    "Tan-tung", "Antung", " Dan dong ", "Dandong City", "Dandong-shi",
])
def test_dandong_in_every_spelling(spelling):
    assert load("places").lookup(spelling).id == "cn_dandong"


@pytest.mark.parametrize("spelling", [
    "Hoeryŏng", "hoeryong", "Hoeryeong", "Hoeryong", "회령", "회령시", "Hoeryong-si",
    "Hoeryŏng-si", "Hoeryong City", "会宁", "HOERYŎNG",
    "Hoeryo\u0306ng",  # a combining breve, as some keyboards type it
])
def test_hoeryong_in_every_spelling(spelling):
    assert load("places").lookup(spelling).id == "kp_hoeryong"


@pytest.mark.parametrize("spelling, term_id", [
    ("도문", "cn_tumen"), ("투먼", "cn_tumen"), ("图们", "cn_tumen"), ("Tumen", "cn_tumen"),
    ("연길", "cn_yanji"), ("옌지", "cn_yanji"), ("延吉", "cn_yanji"), ("연길시", "cn_yanji"),
    ("심양", "cn_shenyang"), ("선양", "cn_shenyang"), ("沈阳", "cn_shenyang"),
    ("Mukden", "cn_shenyang"),
    ("용정", "cn_longjing"), ("룡정", "cn_longjing"), ("龙井", "cn_longjing"),
    ("연변", "cn_yanbian"), ("옌볜", "cn_yanbian"), ("연변조선족자치주", "cn_yanbian"),
    ("Yanbian Prefecture", "cn_yanbian"), ("延边州", "cn_yanbian"),
    ("Ji'an", "cn_jian"), ("Jiʼan", "cn_jian"), ("Ji’an", "cn_jian"), ("집안", "cn_jian"),
    ("장백", "cn_changbai"), ("Changbai County", "cn_changbai"), ("长白县", "cn_changbai"),
    ("Jilin", "cn_jilin"), ("吉林", "cn_jilin"), ("길림성", "cn_jilin"), ("지린성", "cn_jilin"),
    ("Jilin Province", "cn_jilin"),
    ("Jilin City", "cn_jilin_city"), ("吉林市", "cn_jilin_city"), ("길림시", "cn_jilin_city"),
    ("Jilin-si", "cn_jilin_city"), ("Jilin Shi", "cn_jilin_city"),
    ("요녕성", "cn_liaoning"), ("료녕성", "cn_liaoning"), ("랴오닝", "cn_liaoning"),
    ("P'yŏngyang", "kp_pyongyang"), ("평양직할시", "kp_pyongyang"), ("평양시", "kp_pyongyang"),
    ("온성", "kp_onsong"), ("온성군", "kp_onsong"), ("Onsŏng-gun", "kp_onsong"),
    ("Onsong County", "kp_onsong"), ("稳城", "kp_onsong"),
    ("Musan", "kp_musan"), ("무산군", "kp_musan"), ("혜산", "kp_hyesan"),
    ("Hyesan-si", "kp_hyesan"),
    ("신의주", "kp_sinuiju"), ("Sinŭiju", "kp_sinuiju"), ("청진", "kp_chongjin"),
    ("Ch'ŏngjin", "kp_chongjin"), ("Kimchaek", "kp_kimchaek"), ("성진", "kp_kimchaek"),
    ("함흥", "kp_hamhung"), ("Hamhŭng", "kp_hamhung"),
    ("함북", "kp_north_hamgyong"), ("함경북도", "kp_north_hamgyong"),
    ("Hamgyŏng-bukto", "kp_north_hamgyong"), ("North Hamgyong Province", "kp_north_hamgyong"),
    ("양강도", "kp_ryanggang"), ("량강도", "kp_ryanggang"), ("Yanggang-do", "kp_ryanggang"),
    ("조선", "kp"), ("DPRK", "kp"), ("朝鲜", "kp"), ("남한", "kr"), ("몽골", "mn"),
    ("라오스", "la"), ("태국", "th"), ("베트남", "vn"), ("로씨야", "ru"), ("Seoul", "kr_seoul"),
    ("北京", "cn_beijing"), ("Peking", "cn_beijing"), ("칭다오", "cn_qingdao"),
    ("청진구역", "kp_chongjin"), ("丹东区", "cn_dandong"),  # a district suffix strips to the name
])
def test_lookup_across_scripts_and_romanisations(spelling, term_id):
    assert load("places").lookup(spelling).id == term_id


@pytest.mark.parametrize("text", ["", "   ", "-", "Atlantis", "회령에서", "Hoeryong Province x",
                                  "시", "Dandongg"])
def test_lookup_finds_nothing_rather_than_guessing(text):
    assert load("places").lookup(text) is None


@pytest.mark.parametrize("text, term_id", [
    ("투먼(도문)", "cn_tumen"), ("도문 (투먼)", "cn_tumen"), ("Tumen (图们)", "cn_tumen"),
    ("단둥(丹东)", "cn_dandong"), ("Tumen (border post)", "cn_tumen"),
    ("Tumen (Dandong)", None),  # two places: no guess
])
def test_a_name_with_another_spelling_in_brackets(text, term_id):
    found = load("places").lookup(text)
    assert (found.id if found else None) == term_id


def test_normalise():
    assert normalise("P'yŏngyang") == normalise("Pyong-yang") == "pyongyang"
    assert normalise("Ji\u02bcan") == normalise("Ji\u2019an") == "jian"
    assert normalise("회령 시") == "회령시"
    assert normalise("ＨＯＥＲＹＯＮＧ") == "hoeryong"  # full-width, NFKC
    assert normalise("회령") == "회령"  # Hangul survives the removal of diacritics
    assert normalise("\u1112\u116c\u1105\u1167\u11bc") == "회령"  # conjoining jamo compose


# -- labels and completion ---------------------------------------------------------------


def test_labels():
    places = load("places")
    assert places.label("cn_dandong", "en") == "Dandong"
    assert places.label("cn_dandong", "ko") == "단동(단둥)"
    assert places.label("cn_dandong", "zh") == "丹东市"
    assert places.label("kp_hoeryong", "zh") == "Hoeryong"  # no zh: English
    with pytest.raises(KeyError):
        places.label("nowhere", "en")
    with pytest.raises(ValueError):
        places.label("cn_dandong", "fr")
    assert places.get("nowhere") is None
    assert "cn_dandong" in places and "nowhere" not in places


def test_complete_prefers_labels_then_other_spellings():
    places = load("places")
    found = [t.id for t in places.complete("단", "ko")]
    assert found[0] in {"cn_dandong", "kp_tanchon"}
    assert {"cn_dandong", "kp_tanchon"} <= set(found)
    assert places.complete("단둥", "ko")[0].id == "cn_dandong"  # an alias, not the label
    assert places.complete("hoer", "en")[0].id == "kp_hoeryong"
    assert places.complete("Hoeryŏ", "en")[0].id == "kp_hoeryong"
    assert [t.id for t in places.complete("회", "ko")][0] == "kp_hoeryong"
    assert places.complete("Yan", "en")[0].id in {"cn_yanji", "cn_yanbian", "cn_yantai"}
    assert places.complete("xyzzy", "en") == []


def test_complete_ranks_and_limits():
    places = load("places")
    result = places.complete("c", "en", limit=5)
    assert len(result) == 5
    assert all(t.en.lower().startswith("c") for t in result)
    assert [t.en for t in result] == sorted(t.en for t in result)
    everything = places.complete("", "en", limit=1000)
    assert len(everything) == len(places)
    # a substring match comes after prefix matches
    contains = places.complete("조선족", "ko", limit=50)
    assert {t.id for t in contains} >= {"cn_yanbian", "cn_changbai"}
    with pytest.raises(ValueError):
        places.complete("a", "fr")


def test_complete_event_types_in_korean():
    types = load("event_types")
    assert types.complete("강제", "ko")[0].id in {"forced_labour", "forced_return",
                                                "forced_abortion", "forced_marriage",
                                                "disappearance", "invasive_body_search"}
    assert "forced_return" in {t.id for t in types.complete("강제", "ko")}
    assert types.complete("tort", "en")[0].id == "torture"


# -- the checks at load ------------------------------------------------------------------


def _file(**overrides) -> dict:
    terms = [
        {"id": "kp", "kind": "country", "parent": None, "en": "North Korea", "ko": "북한",
         "aliases": ["DPRK"]},
        {"id": "kp_x", "kind": "city", "parent": "kp", "en": "Xcity", "ko": "엑스시",
         "aliases": []},
    ]
    data = {"vocabulary": "places", "version": 1, "terms": terms}
    data.update(overrides)
    return copy.deepcopy(data)


def test_a_good_minimal_file_parses():
    voc = parse_vocabulary("places", _file())
    assert voc.lookup("엑스").id == "kp_x"
    assert isinstance(voc["kp"], Term)


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["terms"].append(dict(d["terms"][1])), "used twice"),
    (lambda d: d["terms"][1].update(en=""), "en must be non-empty"),
    (lambda d: d["terms"][1].update(ko=None), "ko must be non-empty"),
    (lambda d: d["terms"][1].update(ko="Xcity"), "Hangul"),
    (lambda d: d["terms"][1].update(parent="nowhere"), "parent 'nowhere'"),
    (lambda d: d["terms"][1].update(parent=None), "needs a parent"),
    (lambda d: d["terms"].append({"id": "kr", "kind": "country", "parent": "kp",
                                  "en": "South Korea", "ko": "남한"}), "country has no parent"),
    (lambda d: d["terms"][1].update(id="KP X"), "lower-case"),
    (lambda d: d["terms"][1].update(kind="village"), "kind must be"),
    (lambda d: d["terms"][1].update(aliases="Xcity"), "aliases"),
    (lambda d: d["terms"][1].update(aliases=["", "x"]), "aliases"),
    (lambda d: d["terms"][1].update(aliases=["dprk"]), "also means kp"),
    (lambda d: d["terms"][1].update(colour="red"), "unknown keys"),
    (lambda d: d.update(vocabulary="facilities"), "must be 'places'"),
    (lambda d: d.update(terms=[]), "non-empty list"),
    (lambda d: d.update(extra=1), "unknown keys"),
])
def test_bad_files_are_refused_with_the_reason(mutate, message):
    data = _file()
    mutate(data)
    with pytest.raises(InvalidInput, match=message):
        parse_vocabulary("places", data)


def test_a_parent_loop_is_refused():
    data = _file()
    data["terms"] += [
        {"id": "a", "kind": "city", "parent": "b", "en": "A", "ko": "가"},
        {"id": "b", "kind": "city", "parent": "a", "en": "B", "ko": "나"},
    ]
    with pytest.raises(InvalidInput, match="loop"):
        parse_vocabulary("places", data)


def test_event_types_need_definitions():
    data = raw("event_types")
    data["terms"][0]["definition_ko"] = ""
    with pytest.raises(InvalidInput, match="definition_ko"):
        parse_vocabulary("event_types", data)


def test_perpetrator_kinds_are_checked():
    data = raw("perpetrators")
    data["terms"][0]["kind"] = "province"
    with pytest.raises(InvalidInput, match="kind"):
        parse_vocabulary("perpetrators", data)


def test_unknown_vocabulary():
    with pytest.raises(InvalidInput):
        load("colours")
