"""The table as a horizontal bar chart (QtCharts), labels in the UI language.

Horizontal bars, because category labels are long (국가보위성(보위부), "Not given or not in
the gazetteer") and must stay readable. A withheld row keeps its place with no bar and
its label marked ``(<5)`` or ``(x)``: drawing its true height would give away what the
table withholds, and leaving it out would hide that the category exists.
"""

from __future__ import annotations

import html

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from intake.stats import StatTable
from ui.stats.stats_model import cell_label, dimension_label

EVENTS_COLOUR = QColor("#3a6ea5")
SURVIVORS_COLOUR = QColor("#d08c2c")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatsChart", text)


def categories(table: StatTable, lang: str) -> list[str]:
    """One label per row, withheld rows marked, every label unique (the axis needs it).

    Plain text: the axis reads labels as HTML, so :func:`build_chart` escapes them
    (``<5`` would otherwise be taken for a tag and vanish)."""
    out: list[str] = []
    for cell in table.cells:
        label = cell_label(cell, lang)
        if cell.suppressed == "small":
            label += f" (<{table.threshold})"
        elif cell.suppressed:
            label += " (x)"
        while label in out:
            label += " "
        out.append(label)
    return out


def build_chart(table: StatTable | None, lang: str, font: QFont | None = None) -> QChart:
    chart = QChart()
    font = font or QApplication.font()
    chart.setFont(font)
    title = QFont(font)
    title.setBold(True)
    chart.setTitleFont(title)
    chart.legend().setFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    if table is None or not table.cells:
        return chart
    chart.setTitle(_tr("Events by {0}").format(dimension_label(table.by).lower()
                                               if lang == "en" else dimension_label(table.by)))
    events, survivors = QBarSet(_tr("Events")), QBarSet(_tr("Survivors"))
    events.setColor(EVENTS_COLOUR)
    survivors.setColor(SURVIVORS_COLOUR)
    # QHorizontalBarSeries draws the first category at the bottom: reverse, so the chart
    # reads top to bottom like the table.
    cells = list(reversed(table.cells))
    for cell in cells:
        events.append(0 if cell.events is None else cell.events)
        survivors.append(0 if cell.survivors is None else cell.survivors)
    series = QHorizontalBarSeries()
    series.append(events)
    series.append(survivors)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([html.escape(c, quote=False) for c in reversed(categories(table, lang))])
    axis_y.setLabelsFont(font)
    axis_y.setTruncateLabels(False)  # "…" for every Korean label otherwise
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%d")
    axis_x.setLabelsFont(font)
    top = max([c.events or 0 for c in table.cells] + [1])
    axis_x.setRange(0, top)
    axis_x.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    return chart


class StatChartView(QChartView):
    """Shows :func:`build_chart` of a table; :meth:`clear` leaves an empty chart."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 280)
        self.set_table(None)

    def set_table(self, table: StatTable | None) -> None:
        old = self.chart()
        self.setChart(build_chart(table, self._lang, self.font()))
        if old is not None:
            old.deleteLater()

    def clear(self) -> None:
        self.set_table(None)

    def category_labels(self) -> list[str]:
        """What the category axis shows, top to bottom (tests, accessibility)."""
        for axis in self.chart().axes(Qt.Orientation.Vertical):
            if isinstance(axis, QBarCategoryAxis):
                return [html.unescape(c) for c in reversed(axis.categories())]
        return []
