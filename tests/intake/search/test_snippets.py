"""Snippets: cut from the record's text, offsets in code points, astral characters safe."""

from __future__ import annotations

from intake.search import Query, search
from intake.search.snippets import Snippet, fold, snippets
from intake.search.terms import parse
from tests.intake.search.conftest import event, record


def test_offsets_are_code_points_after_astral_characters(store):
    narrative = "😀𠀀😀 기록: 단둥에서 잡혔다. 🇰🇷 그리고 Hoeryŏng."
    t = store.add(record("A-1", narrative))
    (hit,) = search(store, Query("단둥 hoeryong"))
    (snip,) = [s for s in hit.snippets if s.field == "narrative"]
    assert snip.offset == 0 and snip.text == narrative
    texts = [snip.text[s:e] for s, e in snip.highlights]
    assert texts == ["단둥", "Hoeryŏng"]
    start, end = snip.highlights[0]
    assert narrative[start:end] == t.narrative[start:end] == "단둥"
    assert start == narrative.index("단둥") == 8
    # For Qt: each astral character is two UTF-16 units.
    units = snip.utf16_highlights()
    assert units[0] == (11, 13)
    assert narrative.encode("utf-16-le")[2 * units[0][0]:2 * units[0][1]].decode(
        "utf-16-le") == "단둥"


def test_fold_keeps_every_offset():
    for text in ("İstanbul", "Straße", "Hoeryŏng", "ǅ", "ﬁ", "𠀀A", "Ǆ", "ẞ"):
        assert len(fold(text)) == len(text)
    assert fold("HOERYŎNG") == "hoeryong"


def test_a_long_field_is_cut_around_the_match_with_marks():
    text = "앞 " * 100 + "단둥에서 잡혔다" + " 뒤" * 100
    (snip,) = snippets([("narrative", text)], parse("단둥").required)
    assert snip.cut_before and snip.cut_after
    assert 0 < snip.offset < text.index("단둥") < snip.offset + len(snip.text)
    s, e = snip.highlights[0]
    assert text[snip.offset + s:snip.offset + e] == "단둥"
    assert snip.marked().startswith("…") and "[단둥]" in snip.marked()


def test_short_terms_match_at_word_starts_only():
    groups = parse("단둥").required
    (snip,) = snippets([("narrative", "신단둥 아니고 단둥에서")], groups)
    assert snip.highlights == ((8, 10),)


def test_snippets_prefer_the_window_with_most_terms_and_are_limited():
    fields = [("events[0].description", "보위부"), ("narrative", "단둥 ... 보위부 ... 단둥"),
              ("survivor.origin", "단둥"), ("interview.place", "단둥"), ("x", "단둥")]
    cut = snippets(fields, parse("단둥 보위부").required, limit=2)
    assert len(cut) == 2
    assert cut[1].field == "narrative"  # both terms; kept in field order after selection


def test_a_vocabulary_id_is_shown_by_its_labels(store):
    store.add(record("L-1", "Sent back.", [event("forced_return", "2019")]))
    (hit,) = search(store, Query("강제송환"))
    (snip,) = hit.snippets
    assert snip.field == "events[0].type"
    assert snip.text == "Forced return · 강제송환" and snip.highlights == ((0, len(snip.text)),)


def test_snippets_can_be_turned_off(store):
    store.add(record("N-1", "단둥"))
    (hit,) = search(store, Query("단둥", snippets=False))
    assert hit.snippets == ()


def test_marked_and_dict_forms():
    s = Snippet("narrative", "a 단둥 b", 4, ((2, 4),), cut_before=True)
    assert s.marked("<", ">") == "…a <단둥> b"
    assert s.to_dict()["highlights"] == [[2, 4]]
