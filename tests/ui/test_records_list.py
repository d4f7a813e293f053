"""The testimony list: model rules, lazy rows, sorting over all rows, the quick filter."""

from __future__ import annotations

import time
import uuid

import pytest
from PySide6.QtCore import QModelIndex, Qt

from intake.store.records import Summary
from ui.records.list_model import TestimonyFilterProxy, TestimonyTableModel
from ui.records.list_view import TestimonyListView

M = TestimonyTableModel


def summary(i: int, *, date: str | None = "2020-01", place: str | None = "Seoul",
            events: tuple[str, ...] = ("detention",), consent: tuple[str, ...] = ("legal",),
            withdrawn: bool = False, pseudonym: str | None = None) -> Summary:
    return Summary(str(uuid.UUID(int=i + 1)), 1, pseudonym or f"S-{i:05d}", date, place,
                   events, consent, withdrawn, f"2024-05-01T10:{i % 60:02d}:00Z")


def many(n: int) -> list[Summary]:
    return [summary(i) for i in range(n)]


def column(model, col: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def test_table_model_passes_the_model_tester(qtmodeltester):
    model = M(language="en")
    model.set_summaries([summary(i, withdrawn=i == 3, consent=() if i == 4 else ("legal",),
                                 date=None if i == 5 else "2019-03") for i in range(40)])
    qtmodeltester.check(model)


def test_filter_proxy_passes_the_model_tester(qtmodeltester):
    model = M(language="ko")
    model.set_summaries(many(1200))
    proxy = TestimonyFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("S-011")
    qtmodeltester.check(proxy)


def test_fifty_thousand_summaries_are_exposed_in_chunks():
    model = M(language="en")
    rows = many(50_000)
    started = time.perf_counter()
    model.set_summaries(rows)
    assert time.perf_counter() - started < 2.0
    assert model.total_count() == 50_000
    assert model.rowCount() == M.CHUNK
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * M.CHUNK
    started = time.perf_counter()
    model.sort(M.COL_DATE, Qt.SortOrder.DescendingOrder)
    assert time.perf_counter() - started < 3.0
    proxy = TestimonyFilterProxy()
    proxy.setSourceModel(model)
    started = time.perf_counter()
    proxy.set_filter_text("S-4999")
    assert time.perf_counter() - started < 3.0
    assert proxy.rowCount() == 10  # S-49990 … S-49999
    assert model.rowCount() == 50_000  # the filter looked at every row
    assert not model.canFetchMore(QModelIndex())


def test_scrolling_the_view_fetches_more_rows(qtbot):
    view = TestimonyListView(language="en")
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    view.set_summaries(many(50_000))
    assert view.model.rowCount() == M.CHUNK
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > M.CHUNK, timeout=2000)
    assert view.model.rowCount() < 50_000  # one chunk more, not everything


def test_sorting_by_interview_date_orders_every_row_as_dates():
    rows = many(1200)
    rows[1100] = summary(1100, date="2001")            # earliest, beyond the first chunk
    rows[700] = summary(700, date="2001-02-03")         # inside 2001, after "2001" itself
    rows[900] = summary(900, date="2023-12-31")         # latest
    rows[5] = summary(5, date=None)                     # unknown: always last
    model = M(language="en")
    model.set_summaries(rows)
    model.sort(M.COL_DATE, Qt.SortOrder.AscendingOrder)
    dates = column(model, M.COL_DATE)
    assert dates[:2] == ["2001", "2001-02-03"]
    assert model.summary(model.total_count() - 1).interview_date is None
    model.sort(M.COL_DATE, Qt.SortOrder.DescendingOrder)
    assert column(model, M.COL_DATE)[0] == "2023-12-31"
    assert model.summary(model.total_count() - 1).interview_date is None
    assert model.data(model.index(0, M.COL_DATE), M.SortRole) > \
        model.data(model.index(1, M.COL_DATE), M.SortRole)


def test_pseudonyms_sort_naturally():
    model = M(language="en")
    model.set_summaries([summary(i, pseudonym=p) for i, p in
                         enumerate(["S-10", "S-9", "s-100", "S-1"])])
    model.sort(M.COL_PSEUDONYM, Qt.SortOrder.AscendingOrder)
    assert column(model, M.COL_PSEUDONYM) == ["S-1", "S-9", "S-10", "s-100"]


def test_sorting_in_the_view_keeps_the_selected_testimony(qtbot):
    view = TestimonyListView(language="en")
    qtbot.addWidget(view)
    rows = many(50)
    view.set_summaries(rows)
    assert view.select_testimony(rows[10].testimony_id)
    view.table.sortByColumn(M.COL_PSEUDONYM, Qt.SortOrder.DescendingOrder)
    assert view.table.currentIndex().data(M.IdRole) == rows[10].testimony_id


def test_quick_filter_finds_a_korean_substring_beyond_the_first_chunk():
    rows = many(1200)
    rows[1100] = summary(1100, place="단둥 시장 근처")
    model = M(language="ko")
    model.set_summaries(rows)
    proxy = TestimonyFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("단둥")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(M.IdRole) == rows[1100].testimony_id
    proxy.set_filter_text("")
    assert proxy.rowCount() == model.rowCount()


def test_quick_filter_knows_gazetteer_spellings_and_both_label_languages():
    rows = [summary(0, place="Dandong", events=("arrest",)),
            summary(1, place="Seoul", events=("forced_return",)),
            summary(2, place="Tumen", events=("arrest", "torture"), withdrawn=True)]
    model = M(language="en")
    model.set_summaries(rows)
    proxy = TestimonyFilterProxy()
    proxy.setSourceModel(model)

    def ids(text: str) -> set[str]:
        proxy.set_filter_text(text)
        return {proxy.index(r, 0).data(M.IdRole) for r in range(proxy.rowCount())}

    assert ids("단동") == {rows[0].testimony_id}          # Dandong's Korean name
    assert ids("체포") == ids("ARREST") == {rows[0].testimony_id, rows[2].testimony_id}
    assert ids("arrest 투먼") == {rows[2].testimony_id}   # every word must match
    assert ids("withdrawn") == {rows[2].testimony_id}


@pytest.mark.parametrize(("lang", "label"), [("ko", "체포"), ("en", "Arrest")])
def test_event_types_are_labels_in_the_ui_language(lang, label):
    model = M(language=lang)
    model.set_summaries([summary(0, events=("arrest", "arrest", "torture"))])
    text = model.index(0, M.COL_EVENTS).data()
    assert text.startswith(label)
    assert text.count(label) == 1


def test_withdrawn_consent_is_marked_unmistakably():
    model = M(language="en")
    model.set_summaries([summary(0, withdrawn=True, consent=("legal", "advocacy")),
                         summary(1, consent=("legal", "advocacy")), summary(2, consent=())])
    withdrawn = model.index(0, M.COL_CONSENT)
    assert "WITHDRAWN" in withdrawn.data()
    assert withdrawn.data(Qt.ItemDataRole.FontRole).bold()
    assert withdrawn.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "must not be exported" in withdrawn.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(M.WithdrawnRole) is True
    assert model.index(1, M.COL_CONSENT).data() == "Legal · Advocacy"
    assert model.index(2, M.COL_CONSENT).data() == "none"


def test_keyboard_selects_and_opens_a_testimony(qtbot):
    view = TestimonyListView(language="en")
    qtbot.addWidget(view)
    view.show()
    rows = many(5)
    view.set_summaries(rows)
    view.filter_edit.setFocus()
    with qtbot.waitSignal(view.testimonySelected, timeout=1000) as selected:
        qtbot.keyClick(view.filter_edit, Qt.Key.Key_Down)
    assert selected.args == [rows[0].testimony_id]
    assert view.focusWidget() is view.table
    with qtbot.waitSignal(view.testimonySelected, timeout=1000) as selected:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert selected.args == [rows[1].testimony_id]
    with qtbot.waitSignal(view.testimonyActivated, timeout=1000) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated.args == [rows[1].testimony_id]


def test_typing_in_the_filter_narrows_the_list_and_escape_clears_it(qtbot):
    view = TestimonyListView(language="en")
    qtbot.addWidget(view)
    view.filter_delay_ms = 10
    view.show()
    view.set_summaries([summary(0, place="회령"), summary(1, place="Seoul")])
    qtbot.keyClicks(view.filter_edit, "seo")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=1000)
    assert view.count_label.text() == "1 of 2"
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2, timeout=1000)


def test_refreshing_keeps_the_selection_without_selecting_again(qtbot):
    view = TestimonyListView(language="en")
    qtbot.addWidget(view)
    rows = many(20)
    view.set_summaries(rows)
    view.select_testimony(rows[7].testimony_id)
    with qtbot.assertNotEmitted(view.testimonySelected):
        view.set_summaries(list(reversed(rows)))
    assert view.current_id() == rows[7].testimony_id
    assert view.table.currentIndex().data(M.IdRole) == rows[7].testimony_id


def test_clear_forgets_every_row_and_the_filter(qtbot):
    view = TestimonyListView(language="en")
    qtbot.addWidget(view)
    view.set_summaries(many(10))
    view.filter_edit.setText("S-0000")
    view.clear()
    assert view.model.total_count() == 0
    assert view.filter_edit.text() == ""
    assert view.current_id() is None
    assert view.count_label.text() == "No testimonies"
