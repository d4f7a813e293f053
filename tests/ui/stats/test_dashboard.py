"""The statistics dashboard: suppression as the library decides, exports, lock."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from intake import stats
from ui.stats.stats_model import StatTableModel


def rows(model) -> list[tuple[str, str, str]]:
    return [tuple(model.data(model.index(r, c)) for c in range(3))
            for r in range(model.rowCount())]


def recount(qtbot, d, **change) -> None:
    with qtbot.waitSignal(d.model.modelReset, timeout=10_000):
        if "by" in change:
            d.set_dimension(change["by"])
        if "threshold" in change:
            d.threshold.setValue(change["threshold"])
    qtbot.waitUntil(lambda: d.session.ops.idle, timeout=10_000)


def test_small_cells_are_shown_as_withheld_never_as_numbers(qtbot, dashboard):
    shown = rows(dashboard.model)
    assert shown[0] == ("Arrest", "12", "12")
    torture = next(r for r in shown if r[0] == "Torture")
    assert torture[1:] == ("x", "<5")
    assert "2" not in torture[1:]
    # complementary suppression: the total cannot be differenced back to torture's 2
    detention = next(r for r in shown if r[0] == "Detention")
    assert detention[1:] == ("x", "x")
    assert shown[-1] == ("Total", "20", "20")
    assert "<5: fewer than 5 survivors" in dashboard.note.text()


def test_every_dimension_counts(qtbot, dashboard):
    for by in reversed(stats.DIMENSIONS):  # type (the first) is shown already
        recount(qtbot, dashboard, by=by)
        assert dashboard.model.rowCount() >= 2, by
        assert dashboard.model.headerData(0, Qt.Orientation.Horizontal) == \
            dashboard.dimension.currentText()
    recount(qtbot, dashboard, by="sex")
    assert ("Not recorded", "8", "8") in rows(dashboard.model)


def test_the_threshold_can_be_raised_never_below_the_minimum(qtbot, dashboard):
    assert dashboard.threshold.minimum() == stats.MIN_THRESHOLD
    dashboard.threshold.setValue(0)
    assert dashboard.threshold.value() == stats.MIN_THRESHOLD
    qtbot.waitUntil(lambda: dashboard.session.ops.idle, timeout=10_000)
    qtbot.waitUntil(lambda: dashboard.model.table.threshold == 2, timeout=10_000)
    assert next(r for r in rows(dashboard.model) if r[0] == "Torture")[1:] == ("2", "2")
    recount(qtbot, dashboard, threshold=13)
    assert rows(dashboard.model)[0][1:] == ("x", "<13")


def test_too_few_survivors_show_nothing(qtbot, dashboard):
    recount(qtbot, dashboard, threshold=50)
    assert all(r[1] in ("x", "<50") for r in rows(dashboard.model))
    assert dashboard.status.text() == "Too few survivors to show any count."


def test_table_model_passes_the_model_tester(qtmodeltester, dashboard):
    qtmodeltester.check(dashboard.model)
    empty = StatTableModel(language="ko")
    qtmodeltester.check(empty)


def test_korean_labels_in_the_table_and_the_chart(qtbot, counted):
    from ui.stats.dashboard import StatsDashboard

    d = StatsDashboard(counted, language="ko")
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.model.modelReset, timeout=10_000):
        d.refresh()
    assert rows(d.model)[0][0] == "체포"
    assert d.chart.category_labels()[0] == "체포"
    assert "고문 (<5)" in d.chart.category_labels()


def test_the_chart_marks_withheld_rows_and_draws_no_bar_for_them(dashboard):
    labels = dashboard.chart.category_labels()
    assert labels[0] == "Arrest"
    assert "Torture (<5)" in labels and "Detention (x)" in labels
    (series,) = dashboard.chart.chart().series()
    events = series.barSets()[0]
    values = [events.at(i) for i in range(events.count())]
    assert sorted(values) == [0, 0, 12]


def save_through_dialog(qtbot, d, button, path) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in d.findChildren(QFileDialog) if w.isVisible())
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(lambda: path.exists(), timeout=5000)


def test_csv_export_is_the_suppressed_table(qtbot, dashboard, tmp_path):
    path = tmp_path / "by-type.csv"
    save_through_dialog(qtbot, dashboard, dashboard.csv_button, path)
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == ["type", "label_en", "label_ko", "events", "survivors"]
    assert ["torture", "Torture", "고문", "x", "<5"] in table
    assert table[-1] == ["total", "Total", "합계", "20", "20"]
    assert dashboard.status.text() == "Saved by-type.csv."


def test_png_export_is_a_valid_image(qtbot, dashboard, tmp_path):
    path = tmp_path / "chart.png"
    save_through_dialog(qtbot, dashboard, dashboard.png_button, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 300 and image.height() >= 200


def test_an_export_to_an_unwritable_place_fails_in_one_line(qtbot, dashboard, tmp_path,
                                                             recorded_messages):
    target = tmp_path / "missing-dir" / "x.csv"
    dashboard._write(dashboard.export_csv, target)
    assert dashboard.status.text() == "Could not write x.csv."
    assert not target.exists()
    assert recorded_messages == []


def test_a_lock_empties_and_closes_the_dashboard(qtbot, dashboard):
    assert dashboard.model.rowCount() > 0
    dashboard.session.lock()
    assert dashboard.model.rowCount() == 0
    assert dashboard.chart.category_labels() == []
    assert not dashboard.isVisible()
    assert not dashboard.csv_button.isEnabled()


def test_a_newer_choice_supersedes_an_older_one(qtbot, dashboard):
    dashboard.set_dimension("year")
    dashboard.set_dimension("place")
    qtbot.waitUntil(lambda: dashboard.session.ops.idle, timeout=10_000)
    assert dashboard.model.table.by == "place"


def test_open_dashboard_counts_by_type_at_once(qtbot, counted):
    from ui.stats.dashboard import open_dashboard

    d = open_dashboard(None, counted)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.model.table is not None, timeout=10_000)
    assert d.isVisible() and d.model.table.by == "type"
