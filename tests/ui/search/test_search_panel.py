"""The search panel: results as you type, Korean and English, stale results, lock."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from intake.search import Filters, Query
from tests.ui.search.conftest import search_for, shown, type_into, wait_idle


def test_a_two_syllable_korean_word_finds_it_before_its_particle(qtbot, panel):
    found = search_for(qtbot, panel, "단둥")
    assert "K-단둥" in found
    assert panel.status.text().endswith("match.")


def test_a_three_syllable_korean_substring_matches_inside_a_word(qtbot, panel):
    assert "S-0217" in search_for(qtbot, panel, "구류소")


def test_english_is_matched_whatever_the_case(qtbot, panel):
    lower = search_for(qtbot, panel, "holding centre")
    upper = search_for(qtbot, panel, "HOLDING CENTRE")
    assert "E-month" in lower
    assert lower == upper


def test_a_quoted_phrase_keeps_its_words_together(qtbot, panel):
    assert search_for(qtbot, panel, '"officer Pak"') == ["E-year"]
    assert search_for(qtbot, panel, '"Pak officer"') == []
    assert panel.status.text() == "No testimony matches."


def test_special_characters_never_break_the_search(qtbot, panel, recorded_messages):
    for text in ('"', '"unclosed', "*", "-", "NEAR(a b)", "(", ")", "a:b", "^", "'",
                 "AND", "OR", "NOT", "-단둥", "단둥*", "{}", "\\"):
        panel.field.setText(text)
        panel.search_now()
        wait_idle(qtbot, panel.session)
        assert "unexpected" not in panel.status.text(), text
    assert recorded_messages == []


def test_typing_runs_one_search_after_the_pause(qtbot, panel):
    """Keystrokes restart the debounce: one search for the whole word, not one per key."""
    totals = []
    panel.resultsShown.connect(totals.append)
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000):
        type_into(panel.field, "Onsong")
    wait_idle(qtbot, panel.session)
    assert len(totals) == 1


def test_a_newer_query_supersedes_an_older_one(qtbot, panel):
    """The worker is held while two queries queue; only the second is ever shown."""
    gate = threading.Event()
    panel.session.run(lambda _s, _h: gate.wait(10))
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(panel.model.rowCount()))
    panel.field.setText("단둥")
    panel.search_now()
    panel.field.setText("holding centre")
    panel.search_now()
    gate.set()
    qtbot.waitUntil(lambda: bool(resets) and panel.session.ops.idle, timeout=10_000)
    assert shown(panel) == ["E-month"] or "E-month" in shown(panel)
    assert "K-단둥" not in shown(panel)
    assert len(resets) == 1  # the stale results never reached the list


def test_a_late_result_of_an_older_query_is_dropped(qtbot, panel):
    """A result that arrives after the user typed again is not painted."""
    gate = threading.Event()
    panel.field.setText("단둥")
    panel.search_now()  # queued behind nothing: it runs now ...
    panel.session.run(lambda _s, _h: gate.wait(10))  # ... and its callback waits on this
    panel.field.setText("")  # the user clears the field meanwhile
    panel.search_now()
    gate.set()
    wait_idle(qtbot, panel.session)
    assert panel.model.rowCount() == 0


def test_activating_a_hit_asks_to_select_the_testimony(qtbot, panel):
    search_for(qtbot, panel, "Hyesan")
    row = shown(panel).index("E-2021")
    index = panel.model.index(row)
    expected = index.data(panel.model.IdRole)
    with qtbot.waitSignal(panel.testimonyActivated, timeout=2000) as got:
        rect = panel.results.visualRect(index)
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert got.args == [expected]


def test_down_arrow_moves_from_the_field_into_the_results(qtbot, panel):
    search_for(qtbot, panel, "Onsong")
    panel.field.setFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.currentIndex().row() == 0


def test_show_more_appends_the_next_page(qtbot, panel, monkeypatch):
    import ui.search.search_panel as module

    monkeypatch.setattr(module, "PAGE", 2)
    panel.run_query(Query("", Filters(include_withdrawn=True, date_from=None,
                                      types=("detention",))))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    total = panel.model.total
    assert total > 2 and panel.more_button.isVisible()
    assert "the best 2 are shown" in panel.status.text()
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == min(4, total), timeout=10_000)
    assert len(set(shown(panel))) == panel.model.rowCount()


def test_a_lock_clears_field_results_filters_and_saved_names(qtbot, panel):
    panel.filters.date_from.setText("2019")
    search_for(qtbot, panel, "Onsong")
    panel.saved.save("Onsong 2019")
    qtbot.waitUntil(lambda: panel.saved.names() == ["Onsong 2019"], timeout=10_000)
    assert panel.model.rowCount() > 0
    panel.session.lock()
    assert panel.field.text() == ""
    assert panel.model.rowCount() == 0
    assert panel.filters.date_from.text() == ""
    assert panel.saved.names() == []
    assert panel.status.text() == ""
    # nothing queued before the lock may repaint the list afterwards
    wait_idle(qtbot, panel.session)
    assert panel.model.rowCount() == 0


def test_an_empty_field_and_no_filter_shows_nothing(qtbot, panel):
    search_for(qtbot, panel, "Onsong")
    panel.field.clear()
    panel.search_now()
    assert panel.model.rowCount() == 0
    assert panel.current_query() is None


def test_a_huge_query_is_cut_to_the_engine_limit(qtbot, panel, recorded_messages):
    panel.field.setText("단" * 5000)
    assert len(panel.field.text()) == 1000
    panel.search_now()
    wait_idle(qtbot, panel.session)
    assert panel.model.rowCount() == 0
    assert recorded_messages == []
