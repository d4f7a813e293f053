"""Each filter of the panel, with its edge cases: partial dates, bad dates, empty results."""

from __future__ import annotations

import pytest

from intake.search import Filters
from tests.ui.search.conftest import shown, wait_idle


def run(qtbot, panel, text: str = "") -> list[str]:
    panel.field.setText(text)
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000):
        panel.search_now()
    return shown(panel)


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_event_type_from_the_vocabulary(qtbot, panel):
    choose(panel.filters.type_combo, "interrogation")
    found = run(qtbot, panel)
    assert "E-2021" in found and "E-month" not in found
    assert panel.filters_button.text() == "Filters (1)"


def test_event_type_labels_follow_the_ui_language(qtbot, filled):
    from ui.search.filter_panel import FilterPanel

    ko = FilterPanel(language="ko")
    qtbot.addWidget(ko)
    assert ko.type_combo.itemText(ko.type_combo.findData("forced_return")) == "강제송환"
    assert ko.perpetrator_combo.itemText(ko.perpetrator_combo.findData("kp_mss")).startswith(
        "국가보위성")


@pytest.mark.parametrize(("lo", "hi", "present", "absent"), [
    ("2019", "2019", ["E-month", "E-year"], ["E-2021", "K-단둥"]),   # 2019 overlaps 2019-03
    ("2019-03", "2019-03", ["E-month", "E-year"], ["E-2021"]),      # 2019-03 lies in 2019
    ("2021-07-01", "", ["E-2021"], ["E-month"]),
    ("", "2018", ["K-단둥"], ["E-month", "E-2021"]),
])
def test_partial_dates_overlap_honestly(qtbot, panel, lo, hi, present, absent):
    panel.filters.date_from.setText(lo)
    panel.filters.date_to.setText(hi)
    found = run(qtbot, panel)
    assert set(present) <= set(found), found
    assert not set(absent) & set(found), found


@pytest.mark.parametrize("bad", ["2019-13", "20", "2019-02-30", "19x9", "1850", "2019/03",
                                 "'; DROP", "２０１９"])
def test_a_bad_date_is_named_inline_and_nothing_runs(qtbot, panel, recorded_messages, bad):
    run(qtbot, panel, "Onsong")
    assert panel.model.rowCount() > 0
    panel.filters.date_from.setText(bad)
    panel.search_now()
    assert not panel.filters.date_problem.isHidden()
    assert "is not a date" in panel.filters.date_problem.text()
    assert panel.status.text() == panel.filters.date_problem.text()
    assert panel.model.rowCount() == 0
    assert panel.current_query() is None
    assert recorded_messages == []


def test_an_end_before_the_start_is_refused_inline(qtbot, panel):
    panel.filters.date_from.setText("2020")
    panel.filters.date_to.setText("2019-12")
    assert panel.filters.problem() == "The end of the period is before its start."
    panel.filters.date_to.setText("2020-01")
    assert panel.filters.problem() == ""
    assert panel.filters.date_problem.isHidden()


def test_place_in_any_spelling_and_a_province_covers_its_cities(qtbot, panel):
    panel.filters.place_edit.setText("온성")
    assert "E-month" in run(qtbot, panel)
    panel.filters.place_edit.setText("함경북도")
    assert "E-month" in run(qtbot, panel)
    panel.filters.place_edit.setText("Nowhere-on-Earth")
    assert run(qtbot, panel) == []
    assert panel.status.text() == "No testimony matches."


def test_facility_and_perpetrator_from_the_list_or_typed(qtbot, panel):
    choose(panel.filters.facility_combo, "jipkyulso")
    assert "E-month" in run(qtbot, panel)
    panel.filters.facility_combo.setEditText("")
    choose(panel.filters.perpetrator_combo, "kp_mss")
    found = run(qtbot, panel)
    assert {"E-month", "E-2021"} <= set(found) and "E-year" not in found
    panel.filters.perpetrator_combo.setEditText("Sergeant Nobody")
    assert panel.filters.filters().perpetrators == ("Sergeant Nobody",)
    assert run(qtbot, panel) == []


def test_consent_scope_and_withdrawn_testimonies(qtbot, panel):
    panel.filters.place_edit.setText("Onsong")
    assert "W-withdrawn" not in run(qtbot, panel)
    panel.filters.withdrawn_check.setChecked(True)
    assert "W-withdrawn" in run(qtbot, panel)
    choose(panel.filters.consent_combo, "legal")
    assert "W-withdrawn" not in run(qtbot, panel)  # withdrawn consent covers nothing
    choose(panel.filters.consent_combo, "publication")
    assert run(qtbot, panel) == []


def test_sender_local_and_an_unknown_sender(qtbot, panel, recorded_messages):
    assert panel.filters.sender_combo.findData("local") == 1
    choose(panel.filters.sender_combo, "local")
    assert "E-month" in run(qtbot, panel, "Onsong")
    panel.filters.sender_combo.setEditText("Nobody we know")
    panel.search_now()
    wait_idle(qtbot, panel.session)
    assert panel.model.rowCount() == 0
    assert "sender" in panel.status.text() and "\n" not in panel.status.text()
    assert recorded_messages == []


def test_clear_filters_resets_every_control(qtbot, panel):
    f = panel.filters
    choose(f.type_combo, "arrest")
    f.date_from.setText("2019")
    f.place_edit.setText("Onsong")
    choose(f.perpetrator_combo, "kp_mss")
    f.withdrawn_check.setChecked(True)
    f.clear_button.click()
    assert f.filters() == Filters()
    assert panel.filters_button.text() == "Filters"
