"""Query parsing and the vocabulary mentions found in a testimony's text."""

from __future__ import annotations

from intake import vocabulary
from intake.model import Event
from intake.search.facts import mentions, spellings
from intake.search.terms import Term, fts_string, parse


def groups(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(g.typed, tuple(t.text for t in g.searched), g.mentions)
            for g in parse(text).required]


def test_plain_words_phrases_and_operators():
    assert groups('구류장에서 "한 달을" beaten') == [
        ("구류장에서", ("구류장에서",), ()), ("한 달을", ("한 달을",), ()),
        ("beaten", ("beaten",), ())]
    p = parse("매일 OR 구타 -Dandong NOT 혜산 AND x")
    assert [g.typed for g in p.required] == ["매일 OR 구타", "x"]
    assert [g.typed for g in p.excluded] == ["Dandong", "혜산"]


def test_names_stand_for_their_term_in_every_spelling():
    (g,) = parse("단둥").required
    assert g.mentions == ("places:cn_dandong",) and g.searched == ()
    assert {"Dandong", "丹东", "단동"} <= {t.text for t in g.terms}
    (g,) = parse("North Hamgyong").required  # a run of words
    assert g.mentions == ("places:kp_north_hamgyong",)
    (g,) = parse("bowibu").required
    assert g.mentions == ("perpetrators:kp_mss",)
    # A spelling the scan would not find is also searched as typed.
    (g,) = parse("단둥에서").required
    assert g.mentions == ("places:cn_dandong",) and g.searched == ()
    (g,) = parse("체포").required  # a concept: its events, and the word
    assert g.mentions == ("event_types:arrest",) and [t.text for t in g.searched] == ["체포"]


def test_where_each_term_is_looked_up():
    routes = {g.typed: [fts_string(t) for t in g.searched] for g in parse(
        '보위부 매일 "한 달을" questioned "border detention" S-0305 2019 a').required}
    assert routes == {"보위부": [], "매일": ['"매일"*'], "한 달을": ['"한 달을"'],
                      "questioned": ['"questioned"*'],
                      "border detention": ['"border detention"*'],
                      "S-0305": ['"S-0305"*'], "2019": ['"2019"*'], "a": ['"a"']}
    assert parse('😀 "😀😀" (*)').empty  # nothing a tokenizer would keep
    assert fts_string(Term('say "no"')) == '"say ""no"""*'


def test_spellings_include_both_halves_and_stems():
    places = vocabulary.load("places")
    assert {"단동", "단둥", "Dandong", "丹东"} <= set(spellings("places", places["cn_dandong"]))
    assert "온성" in spellings("places", places["kp_onsong"])
    facilities = vocabulary.load("facilities")
    # "감옥(중국)" is a qualified name, not two spellings: 감옥 alone means any prison.
    assert "감옥" not in spellings("facilities", facilities["cn_prison"])


def test_mentions_in_text_follow_each_script():
    found = mentions(["단둥에서 잡혔다. 신단둥 아님. 도보위부에 갔다.", "Sent from Dandong's "
                      "station to Onsongville and onsong.", "丹东市公安"])
    assert found["places:cn_dandong"] == 3  # 단둥에서, Dandong's, 丹东
    assert found["perpetrators:kp_mss"] == 1  # inside 도보위부
    assert found["places:kp_onsong"] == 1  # not inside Onsongville
    assert found["perpetrators:cn_public_security"] == 1


def test_mentions_from_events():
    found = mentions([], [Event("detention", place="온성군 남양", facility_kind="jipkyulso",
                                perpetrator="kp_mss", agency="kp_mps")])
    assert {k for k in found} == {"places:kp_onsong", "facilities:jipkyulso",
                                  "perpetrators:kp_mss", "perpetrators:kp_mps",
                                  "event_types:detention"}
