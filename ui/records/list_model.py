"""The testimony list as a Qt table model, and the quick filter in front of it.

A store may hold 50,000 testimonies. The model takes every ``Summary`` at once (they are
small) but exposes rows in chunks through ``canFetchMore``/``fetchMore``, so the view only
ever lays out what has been scrolled to. Sorting is done here, over *all* summaries, not
by the proxy: a proxy can only sort the rows already fetched, which would show "the
earliest 500 of the first 500" as if they were the earliest of all. Likewise the filter
proxy asks for every row before it filters, so a match in row 40,000 is found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from intake.store.records import Summary
from ui.records import labels
from ui.records.search_words import SearchWords, normalise_query

__all__ = ["TestimonyFilterProxy", "TestimonyTableModel", "normalise_query"]

Index = QModelIndex | QPersistentModelIndex
_DIGITS = re.compile(r"(\d+)")
_WITHDRAWN_FG = QColor("#a4161a")
_WITHDRAWN_BG = QColor("#fde2e1")
_MUTED = QColor("#6b6b6b")


def _natural(text: str) -> str:
    """``S-9`` before ``S-10``: digit runs are padded so they compare as numbers."""
    return _DIGITS.sub(lambda m: m.group().zfill(12), text.casefold())


@dataclass(frozen=True)
class _Row:
    """What the view shows of one summary, computed when first shown, once per language."""

    events: str
    consent: str
    updated: str


class TestimonyTableModel(QAbstractTableModel):
    """Summaries as rows; ``IdRole`` gives a row's testimony id, ``SortRole`` its sort value."""

    __test__ = False  # not a pytest test class, whatever its name

    COL_PSEUDONYM, COL_DATE, COL_PLACE, COL_EVENTS, COL_CONSENT, COL_UPDATED = range(6)
    COLUMN_COUNT = 6

    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    WithdrawnRole = Qt.ItemDataRole.UserRole + 3
    FilterRole = Qt.ItemDataRole.UserRole + 4
    SummaryRole = Qt.ItemDataRole.UserRole + 5

    CHUNK = 500

    def __init__(self, parent: QObject | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self._lang = language or labels.ui_language()
        self._summaries: list[Summary] = []
        self._shown = 0
        self._rows: dict[str, _Row] = {}
        self._filter_keys: dict[str, str] = {}
        self._words = SearchWords()
        self._natural_keys: dict[str, str] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- feeding ------------------------------------------------------------------------

    def set_summaries(self, summaries: list[Summary]) -> None:
        """Replace every row; the current sort order is kept, the first chunk is shown."""
        self.beginResetModel()
        self._summaries = list(summaries)
        self._rows.clear()
        self._filter_keys.clear()
        if self._sort is not None:
            self._summaries = self._sorted(*self._sort)
        self._shown = min(self.CHUNK, len(self._summaries))
        self.endResetModel()

    def clear(self) -> None:
        """Forget every summary (the store was locked)."""
        self.beginResetModel()
        self._summaries = []
        self._rows.clear()
        self._filter_keys.clear()
        self._words.clear()
        self._natural_keys.clear()
        self._shown = 0
        self.endResetModel()

    def upsert_summary(self, summary: Summary) -> None:
        """Update one testimony's row after a save, or append it if it is new."""
        self._rows.pop(summary.testimony_id, None)
        self._filter_keys.pop(summary.testimony_id, None)
        for row, old in enumerate(self._summaries):
            if old.testimony_id == summary.testimony_id:
                self._summaries[row] = summary
                if row < self._shown:
                    self.dataChanged.emit(self.index(row, 0),
                                          self.index(row, self.COLUMN_COUNT - 1))
                return
        if self._shown == len(self._summaries):
            self.beginInsertRows(QModelIndex(), self._shown, self._shown)
            self._summaries.append(summary)
            self._shown += 1
            self.endInsertRows()
        else:
            self._summaries.append(summary)

    def set_language(self, lang: str) -> None:
        """Show vocabulary labels in ``lang`` (``ko`` or ``en``) from now on."""
        if lang == self._lang:
            return
        self._lang = lang
        self._rows.clear()
        if self._shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._shown - 1, self.COLUMN_COUNT - 1))

    def total_count(self) -> int:
        """Every summary held, fetched or not."""
        return len(self._summaries)

    def row_of(self, testimony_id: str) -> int:
        """The row of a testimony (fetching up to it), or -1."""
        for row, s in enumerate(self._summaries):
            if s.testimony_id == testimony_id:
                self.ensure_fetched(row)
                return row
        return -1

    def summary(self, row: int) -> Summary:
        return self._summaries[row]

    def filter_key(self, row: int) -> str:
        s = self._summaries[row]
        key = self._filter_keys.get(s.testimony_id)
        if key is None:
            key = self._filter_keys[s.testimony_id] = self._words.filter_key(s)
        return key

    # -- lazy rows ----------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._summaries)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        self._expose(min(self._shown + self.CHUNK, len(self._summaries)))

    def fetch_all(self) -> None:
        self._expose(len(self._summaries))

    def ensure_fetched(self, row: int) -> None:
        self._expose(min(row + 1, len(self._summaries)))

    def _expose(self, upto: int) -> None:
        if upto <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, upto - 1)
        self._shown = upto
        self.endInsertRows()

    # -- the model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Pseudonym"), self.tr("Interview"), self.tr("Place"),
                    self.tr("Events"), self.tr("Consent"), self.tr("Last change"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("The survivor's pseudonym (never a real name)"),
                    self.tr("Date of the interview"), self.tr("Where the interview took place"),
                    self.tr("Types of event in the testimony"),
                    self.tr("Uses the survivor consented to"),
                    self.tr("When the latest revision was saved"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        s = self._summaries[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(s, col, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == self.IdRole:
            return s.testimony_id
        if role == self.SortRole:
            return self._sort_value(s, col)
        if role == self.WithdrawnRole:
            return s.withdrawn
        if role == self.FilterRole:
            return self.filter_key(index.row())
        if role == self.SummaryRole:
            return s
        if col == self.COL_CONSENT:
            return self._consent_style(s, role)
        return None

    def _text(self, s: Summary, col: int, *, tooltip: bool) -> str:
        row = self._row(s)
        if col == self.COL_PSEUDONYM:
            return s.pseudonym
        if col == self.COL_DATE:
            return s.interview_date or ""
        if col == self.COL_PLACE:
            return s.place or ""
        if col == self.COL_EVENTS:
            return row.events.replace(", ", "\n") if tooltip else row.events
        if col == self.COL_CONSENT:
            if tooltip and s.withdrawn:
                return self.tr("Consent was withdrawn: this testimony must not be exported.")
            if tooltip and not s.consent:
                return self.tr("No consent recorded: nothing may leave the store.")
            return row.consent
        return row.updated

    def _consent_style(self, s: Summary, role: int) -> Any:
        if s.withdrawn:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_WITHDRAWN_FG)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(_WITHDRAWN_BG)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        elif not s.consent and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_MUTED)
        return None

    def _row(self, s: Summary) -> _Row:
        row = self._rows.get(s.testimony_id)
        if row is None:
            row = self._rows[s.testimony_id] = self._make_row(s)
        return row

    def _make_row(self, s: Summary) -> _Row:
        types = dict.fromkeys(s.event_types)
        events = ", ".join(labels.term_label("event_types", t, self._lang) for t in types)
        if s.withdrawn:
            consent = "⚠ " + labels.withdrawn_text()
        elif s.consent:
            consent = " · ".join(labels.scope_label(c) for c in s.consent)
        else:
            consent = self.tr("none")
        return _Row(events, consent, labels.local_time(s.updated_at))

    # -- sorting over every summary -----------------------------------------------------

    def _sort_value(self, s: Summary, col: int) -> Any:
        """A plain value that orders like the column: ISO dates, casefolded text, ranks."""
        if col == self.COL_DATE:
            flag, lo, hi = labels.date_sort_key(s.interview_date)
            return f"{flag}{lo}{hi}"
        if col == self.COL_CONSENT:
            return self._key(col)(s)[1]
        if col == self.COL_UPDATED:
            return s.updated_at
        return self._text(s, col, tooltip=False).casefold()

    def _key(self, col: int) -> Callable[[Summary], tuple[Any, ...]]:
        """Sort key per column: ``(0, value)`` for a known value, ``(1, …)`` for none."""
        if col == self.COL_DATE:
            return lambda s: labels.date_sort_key(s.interview_date)
        if col == self.COL_PLACE:
            return lambda s: (0, s.place.casefold()) if s.place else (1, "")
        if col == self.COL_EVENTS:
            return lambda s: (0, self._row(s).events.casefold()) if s.event_types else (1, "")
        if col == self.COL_CONSENT:
            order = ("legal", "advocacy", "publication")
            return lambda s: (0, -1 if s.withdrawn else
                              len(s.consent) * 10 + min((order.index(c) for c in s.consent
                                                         if c in order), default=0))
        if col == self.COL_UPDATED:
            return lambda s: (0, s.updated_at)
        return lambda s: (0, self._nat(s.pseudonym))

    def _nat(self, pseudonym: str) -> str:
        key = self._natural_keys.get(pseudonym)
        if key is None:
            key = self._natural_keys[pseudonym] = _natural(pseudonym)
        return key

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[Summary]:
        key = self._key(column)
        tie = sorted(self._summaries, key=lambda s: (self._nat(s.pseudonym), s.testimony_id))
        keyed = [(key(s), s) for s in tie]
        known = [p for p in keyed if p[0][0] == 0]
        unknown = [p[1] for p in keyed if p[0][0] != 0]  # empty values stay last
        known.sort(key=lambda p: p[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [p[1] for p in known] + unknown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._summaries[i.row()].testimony_id if i.row() < self._shown else None
               for i in persistent]
        self._summaries = self._sorted(column, order)
        position = {s.testimony_id: r for r, s in enumerate(self._summaries[: self._shown])}
        new = []
        for old, tid in zip(persistent, ids, strict=True):
            row = position.get(tid, -1) if tid is not None else -1
            new.append(self.index(row, old.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()


class TestimonyFilterProxy(QSortFilterProxyModel):
    """Quick filter: every word typed must occur in some column (any case, any script).

    Sorting is passed to the source, which sorts all summaries, fetched or not.
    """

    __test__ = False  # not a pytest test class, whatever its name

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tokens: list[str] = []
        self.setSortRole(TestimonyTableModel.SortRole)

    def set_filter_text(self, text: str) -> None:
        tokens = normalise_query(text).split()
        if tokens == self._tokens:
            return
        source = self.sourceModel()
        if tokens and isinstance(source, TestimonyTableModel):
            source.fetch_all()  # a match beyond the fetched rows must be found too
        self.beginFilterChange()
        self._tokens = tokens
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filter_text_active(self) -> bool:
        return bool(self._tokens)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._tokens:
            return True
        source = self.sourceModel()
        if isinstance(source, TestimonyTableModel):
            key = source.filter_key(source_row)
        else:
            index = source.index(source_row, 0, source_parent)
            key = str(source.data(index, TestimonyTableModel.FilterRole) or "")
        return all(t in key for t in self._tokens)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
