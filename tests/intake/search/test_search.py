"""Text search on real stores: Korean substrings, short words, English, phrases, spellings,
ranking, operators, and input FTS5 would misread."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.errors import InvalidInput
from intake.search import Filters, Query, count, search
from tests.intake.search.conftest import event, pseudonyms, record


def found(store, text: str, **filters) -> list[str]:
    return sorted(pseudonyms(search(store, Query(text, Filters(**filters)))))


@pytest.fixture
def mixed(store):
    store.add_many([
        record("K-1", "2019년 4월 단둥에서 체포되었다. 투먼 변방대 구류장에서 한 달을 보냈다."),
        record("K-2", "단동 세관 근처에서 일했다. 보위부 조사를 받았다."),
        record("K-3", "도보위부에서 매일 심문을 받았다. 김 과장이 때렸다."),
        record("E-1", "I was arrested in DANDONG and held at the Border Detention Centre."),
        record("E-2", "We crossed at Hoeryŏng. The guards beat us every day, every day."),
        record("Z-1", "在丹东 被抓 then sent to 丹东 police. 😀𠀀 단둥"),
    ])
    return store


def test_korean_substrings_of_three_or_more_match_anywhere(mixed):
    assert found(mixed, "보위부") == ["K-2", "K-3"]  # 도보위부: inside a word
    assert found(mixed, "구류장에서") == ["K-1"]
    assert found(mixed, "류장에") == ["K-1"]
    assert found(mixed, '"단둥에서"') == ["K-1"]  # quoted: exactly this
    # Unquoted, a place name with its particle stands for the place.
    assert found(mixed, "단둥에서") == ["E-1", "K-1", "K-2", "Z-1"]


def test_two_character_korean_finds_the_word_before_its_particle(mixed):
    # 단둥 names Dandong: every spelling in the gazetteer counts.
    assert found(mixed, "단둥") == ["E-1", "K-1", "K-2", "Z-1"]
    assert found(mixed, "투먼") == ["K-1"]
    assert found(mixed, "심문") == ["K-3"]


def test_one_character_queries(mixed):
    assert "K-3" in found(mixed, "김")  # a surname, at the start of a word
    assert found(mixed, "I") == ["E-1"]  # a Latin letter only as a whole word
    assert found(mixed, "x") == []


def test_english_is_case_and_diacritic_insensitive(mixed):
    assert found(mixed, "dandong") == found(mixed, "DANDONG") == ["E-1", "K-1", "K-2", "Z-1"]
    assert found(mixed, "border detention") == ["E-1"]
    assert found(mixed, "hoeryong") == ["E-2"]  # stored as Hoeryŏng


def test_place_spellings_across_scripts(mixed):
    assert found(mixed, "丹东") == ["E-1", "K-1", "K-2", "Z-1"]
    assert found(mixed, "Dandong") == found(mixed, "단동")


def test_phrases_keep_their_words_together(mixed):
    assert found(mixed, '"한 달을"') == ["K-1"]
    assert found(mixed, '"every day, every"') == ["E-2"]
    assert found(mixed, '"달을 한"') == []
    assert found(mixed, '"border detention centre') == ["E-1"]  # unclosed quote


def test_mixed_korean_and_english_terms_must_all_occur(mixed):
    assert found(mixed, "단둥 세관") == ["K-2"]
    assert found(mixed, "단둥 체포") == ["K-1"]
    # 체포 is the event type "arrest": a testimony with an arrest event is found too,
    # whatever language it was told in.
    mixed.add(record("E-3", "They took me in Dandong.", [event("arrest", "2019")]))
    assert found(mixed, "단둥 체포") == ["E-3", "K-1"]
    assert found(mixed, "Dandong arrested") == ["E-1"]
    assert found(mixed, "단둥 police") == ["Z-1"]


def test_or_and_exclusion(mixed):
    assert found(mixed, "Hoeryong OR 심문") == ["E-2", "K-3"]
    assert found(mixed, "단둥 -보위부") == ["E-1", "K-1", "Z-1"]
    assert found(mixed, "단둥 NOT police") == ["E-1", "K-1", "K-2"]
    assert found(mixed, "-보위부") == []  # nothing to find, only to leave out


def test_an_event_type_named_in_any_language_finds_its_events(store):
    store.add_many([record("T-1", "Sent back over the bridge.",
                              [event("forced_return", "2019")]),
                    record("T-2", "강제송환 이야기는 없다.", [event("arrest", "2019")])])
    assert found(store, "강제송환") == ["T-1", "T-2"]  # the event, and the word
    assert found(store, "Forced return") == ["T-1"]


SPECIAL = ['"', '""', '"""', "*", "**", ":", "a:b", "narrative:단둥", "(", ")", "(단둥", "단둥)",
           "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "a AND OR b", "-", "--", "- -", "^단둥",
           "단둥*", "{body}:x", "'", "\\", "\x00", "😀", "𠀀", "[", "]", "a OR", "OR a",
           "NOT NOT", '"a" "b', "단'둥", "+", "%", "_", "단둥 -", "\u200b", " ", "\n\t",
           "x" * 1000, "단" * 300]


def test_characters_fts5_would_misread_never_raise(mixed):
    for text in SPECIAL:
        results = search(mixed, Query(text))
        assert results.total >= len(results.hits), text
    assert found(mixed, "(단둥)") == found(mixed, "단둥")
    assert found(mixed, "단둥*") == found(mixed, "단둥")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from('"*:()-^+ ANDORNEAR단둥丹东dandong😀𠀀\'\\{}[],.'),
               max_size=20))
def test_any_query_text_is_searched_or_ignored_never_an_error(mixed, text):
    search(mixed, Query(text))


def test_ranking_puts_the_testimony_about_the_term_first(store):
    store.add_many([
        record("R-low", "Many things happened. " * 20 + "Once, a beating."),
        record("R-high", "A beating. Another beating. The beating went on; beating again."),
        record("R-none", "Nothing about that."),
    ])
    results = search(store, Query("beating"))
    assert pseudonyms(results) == ["R-high", "R-low"]
    assert results[0].score > results[1].score > 0


def test_a_rare_term_weighs_more_than_a_common_one(store):
    common = [record(f"C-{i}", "매일 매일 매일") for i in range(6)]
    store.add_many([*common, record("X", "매일 낙인")])
    assert pseudonyms(search(store, Query("매일 OR 낙인")))[0] == "X"


def test_paging_and_total(store):
    store.add_many([record(f"P-{i}", "common words here") for i in range(7)])
    first = search(store, Query("common", limit=3))
    rest = search(store, Query("common", limit=3, offset=3))
    assert first.total == rest.total == 7 == count(store, Query("common"))
    assert len(first) == 3 and len(rest) == 3
    assert not set(pseudonyms(first)) & set(pseudonyms(rest))


def test_results_behave_as_a_list_with_a_total(store):
    store.add_many([record(f"L-{i}", "common words here") for i in range(4)])
    results = search(store, Query("common", limit=2))
    assert len(results) == 2 and results.total == 4
    assert [h.testimony_id for h in results] == [h.testimony_id for h in results[:]]
    assert search(store, Query("common", limit=0)).hits == ()
    assert search(store, Query("common", limit=0)).total == 4
    assert search(store, Query("common", offset=10)).hits == ()
    for bad in ({"limit": -1}, {"offset": -1}, {"limit": 10**6}, {"text": "x" * 1001}):
        with pytest.raises(InvalidInput):
            Query(**{"text": "x", **bad})


def test_fields_are_searched_not_only_the_narrative(sample_store):
    assert found(sample_store, "Fictional Support Centre") == ["S-0217"]  # persons present
    assert found(sample_store, "S-0388") == ["S-0388"]  # pseudonym
    assert found(sample_store, "scar-left-forearm") == ["S-0305"]  # attachment name


def test_withdrawn_testimonies_are_left_out_unless_asked(sample_store):
    assert found(sample_store, "broker") == ["S-0217"]
    assert found(sample_store, "broker", include_withdrawn=True) == ["S-0217", "S-0412"]


def test_no_match_and_nothing_searchable_give_empty_results(sample_store):
    assert search(sample_store, Query("평양")).total == 0
    assert search(sample_store, Query("* : (")).hits == ()
    assert search(sample_store, Query("")).total == 0


def test_store_search_keeps_its_meaning(sample_store):
    # Store.search (used since schema 2) goes through the same engine, withdrawn included.
    assert {s.pseudonym for s in sample_store.search("broker")} == {"S-0217", "S-0412"}


def test_a_saved_revision_is_found_by_its_new_words_only(store):
    t = store.add(record("V-1", "처음에는 단둥 이야기"))
    store.save(t.__class__.from_dict({**t.to_dict(), "narrative": "이제는 혜산 이야기"}))
    assert found(store, "단둥") == []
    assert found(store, "혜산") == ["V-1"]
    assert found(store, "이야기") == ["V-1"]
