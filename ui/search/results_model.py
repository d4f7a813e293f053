"""The hits of a search as a list model: one row per testimony, best first.

A page is appended at a time ("Show more"), so a broad query over 50,000 testimonies
never builds 50,000 rows; ``total`` says how many match in all. ``HitRole`` gives the
:class:`intake.search.Hit` the delegate paints; ``DisplayRole`` is a plain-text form of
the same (screen readers, copying, tests).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from intake.search import Hit
from ui.records import labels
from ui.search.fields import field_label
from ui.search.hit_delegate import events_text, title_text

Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    HitRole = Qt.ItemDataRole.UserRole + 2
    WithdrawnRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self._lang = language or labels.ui_language()
        self._hits: list[Hit] = []
        self.total = 0

    # -- content --------------------------------------------------------------------------

    def set_hits(self, hits: list[Hit] | tuple[Hit, ...], total: int) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.total = total
        self.endResetModel()

    def append_hits(self, hits: list[Hit] | tuple[Hit, ...], total: int) -> None:
        known = {h.testimony_id for h in self._hits}
        new = [h for h in hits if h.testimony_id not in known]
        self.total = total
        if not new:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._hits.extend(new)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_hits([], 0)

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def has_more(self) -> bool:
        return len(self._hits) < self.total

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._hits:
            self.dataChanged.emit(self.index(0), self.index(len(self._hits) - 1))

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.plain_text(hit)
        if role == self.IdRole:
            return hit.testimony_id
        if role == self.HitRole:
            return hit
        if role == self.WithdrawnRole:
            return hit.summary.withdrawn
        return None

    def plain_text(self, hit: Hit) -> str:
        lines = [title_text(hit, self._lang)
                 + (f" ({labels.withdrawn_text()})" if hit.summary.withdrawn else "")]
        kinds = events_text(hit, self._lang)
        if kinds:
            lines.append(kinds)
        lines += [f"{field_label(s.field)}: {' '.join(s.marked('«', '»').split())}"
                  for s in hit.snippets]
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
