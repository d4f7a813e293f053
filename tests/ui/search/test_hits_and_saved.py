"""Highlights land on the matched characters (UTF-16), the model is sound, saved searches
round-trip through the store."""

from __future__ import annotations

from PySide6.QtGui import QFont

from intake.search import Filters, Hit, Query, Snippet
from intake.store.records import Summary
from tests.ui.conftest import run_on_store
from tests.ui.search.conftest import search_for, shown
from ui.messages import Button, MessageBox
from ui.search.hit_delegate import hit_document, is_highlight
from ui.search.results_model import SearchResultsModel


def highlighted(doc) -> list[str]:
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if is_highlight(frag.charFormat()):
                out.append(frag.text())
            it += 1
        block = block.next()
    return out


def a_hit(text: str, spans: tuple[tuple[int, int], ...], *, withdrawn: bool = False) -> Hit:
    summary = Summary("id-1", 1, "S-1", "2023-01-01", "Seoul", ("arrest",), ("legal",),
                      withdrawn, "2024-01-01T00:00:00Z")
    return Hit(summary, 1.0, (Snippet("narrative", text, 0, spans, cut_before=True),))


def test_highlights_after_emoji_and_rare_hanja_land_on_the_match():
    text = "😀😀 단둥에서 𠀀𠀀 단둥 🇰🇷 단둥"
    spans = tuple((i, i + 2) for i in range(len(text)) if text.startswith("단둥", i))
    doc = hit_document(a_hit(text, spans), "en", QFont())
    assert highlighted(doc) == ["단둥", "단둥", "단둥"]


def test_highlights_in_plain_korean_and_english():
    text = "I was held in Dandong, then 단둥에서 more"
    doc = hit_document(a_hit(text, ((14, 21), (28, 30))), "en", QFont())
    assert highlighted(doc) == ["Dandong", "단둥"]


def test_snippet_text_is_never_read_as_markup():
    text = "<b>bold</b> &amp; 단둥"
    doc = hit_document(a_hit(text, ((18, 20),)), "en", QFont())
    assert "<b>bold</b> &amp; 단둥" in doc.toPlainText()
    assert highlighted(doc) == ["단둥"]


def test_a_withdrawn_hit_says_so():
    doc = hit_document(a_hit("x", (), withdrawn=True), "en", QFont())
    assert "WITHDRAWN" in doc.toPlainText().splitlines()[0]


def test_real_hits_highlight_korean_after_an_emoji(qtbot, panel):
    search_for(qtbot, panel, "단둥")
    hit = panel.model.hit(shown(panel).index("K-단둥"))
    doc = hit_document(hit, "en", QFont())
    marks = highlighted(doc)
    assert marks and all(m in ("단둥", "Dandong") for m in marks)
    assert marks.count("단둥") >= 3  # pseudonym, and twice in the narrative (one after 😀)


def test_results_model_passes_the_model_tester(qtbot, panel, qtmodeltester):
    search_for(qtbot, panel, "Onsong")
    assert panel.model.rowCount() > 1
    qtmodeltester.check(panel.model)
    text = panel.model.data(panel.model.index(0))
    assert "«" in text  # the plain-text form marks matches too


def test_empty_model_passes_the_model_tester(qtmodeltester):
    model = SearchResultsModel(language="ko")
    qtmodeltester.check(model)
    model.set_hits([a_hit("단둥", ((0, 2),))], 3)
    assert model.has_more()
    qtmodeltester.check(model)


def test_a_saved_search_round_trips_and_runs(qtbot, panel):
    panel.filters.date_from.setText("2019")
    panel.filters.type_combo.setCurrentIndex(panel.filters.type_combo.findData("detention"))
    first = search_for(qtbot, panel, "Onsong")
    panel.saved.name_edit.setText("온성 2019 구금")
    panel.saved.save_button.click()
    qtbot.waitUntil(lambda: panel.saved.names() == ["온성 2019 구금"], timeout=10_000)
    stored = run_on_store(qtbot, panel.session,
                          lambda s: __import__("intake.search.saved", fromlist=["x"])
                          .load_search(s, "온성 2019 구금"))
    assert stored.text == "Onsong" and stored.filters.types == ("detention",)
    panel.clear()
    panel.saved.refresh()
    qtbot.waitUntil(lambda: panel.saved.names() == ["온성 2019 구금"], timeout=10_000)
    panel.saved.select("온성 2019 구금")
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000):
        panel.saved.run_button.click()
    assert panel.field.text() == "Onsong"
    assert panel.filters.date_from.text() == "2019"
    assert panel.filters.filters().types == ("detention",)
    assert shown(panel) == first
    assert panel.filters.isVisible()


def test_saving_under_an_existing_name_replaces_it(qtbot, panel):
    search_for(qtbot, panel, "Onsong")
    panel.saved.save("mine")
    qtbot.waitUntil(lambda: panel.saved.names() == ["mine"], timeout=10_000)
    search_for(qtbot, panel, "단둥")
    panel.saved.save("mine")
    qtbot.waitUntil(lambda: panel.saved.status.text().startswith("Saved"), timeout=10_000)
    stored = run_on_store(qtbot, panel.session, lambda s: __import__(
        "intake.search.saved", fromlist=["x"]).saved_searches(s))
    assert [(s.name, s.query.text) for s in stored] == [("mine", "단둥")]


def test_nothing_to_save_and_a_blank_name_are_refused_with_a_reason(qtbot, panel):
    panel.saved.save("no query")
    assert panel.saved.status.text() == "Type a query or choose a filter first."
    search_for(qtbot, panel, "Onsong")
    panel.saved.save("   ")
    assert panel.saved.status.text() == "Give the search a name."
    assert not panel.saved.save_button.isEnabled()


def test_delete_asks_first_and_no_keeps_it(qtbot, panel, recorded_messages):
    panel.run_query(Query("", Filters(types=("arrest",))))
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    panel.saved.save("arrests")
    qtbot.waitUntil(lambda: panel.saved.names() == ["arrests"], timeout=10_000)
    panel.saved.select("arrests")
    MessageBox.set_next_answer(Button.No)
    panel.saved.delete_button.click()
    assert recorded_messages[-1].kind == "question"
    qtbot.waitUntil(lambda: panel.session.ops.idle, timeout=10_000)
    assert panel.saved.names() == ["arrests"]
    MessageBox.set_next_answer(Button.Yes)
    panel.saved.delete_button.click()
    qtbot.waitUntil(lambda: panel.saved.names() == [], timeout=10_000)


def test_a_saved_search_with_several_types_runs_as_saved_until_edited(qtbot, panel):
    """The panel shows one type; a CLI-made search with two must not silently lose one."""
    from intake.search import Filters, Query

    both = Query("", Filters(types=("arrest", "interrogation")), limit=20)
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000):
        panel.run_query(both)
    assert {"K-단둥", "E-2021"} <= set(shown(panel))
    assert panel.filters.filters().types == ("arrest",)  # what the panel can show
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000):
        panel.filters.type_combo.setCurrentIndex(
            panel.filters.type_combo.findData("interrogation"))
    assert "E-2021" in shown(panel) and "K-단둥" not in shown(panel)
