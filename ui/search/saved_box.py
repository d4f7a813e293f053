"""Saved searches: keep the current query and filters under a name, run or delete one.

They live inside the encrypted store (:mod:`intake.search.saved`), never in QSettings:
a saved query can hold a name ("Officer Pak"). The list is read on the worker after
unlock and forgotten on lock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.search import Query
from intake.search.saved import MAX_NAME, SavedSearch, delete_search, save_search, saved_searches
from ui.messages import Button, MessageBox
from ui.operations import failure_text
from ui.session import Session

QueryRole = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("SavedSearches", text)


def describe(query: Query) -> str:
    """A one-line reminder of what a saved search looks for (its tooltip)."""
    parts = [f"“{query.text}”"] if query.text.strip() else []
    f = query.filters
    for values in (f.types, f.places, f.facilities, f.perpetrators, f.senders):
        parts += list(values)
    if f.date_from or f.date_to:
        parts.append(f"{f.date_from or '…'} – {f.date_to or '…'}")
    if f.consent:
        parts.append(f.consent)
    return " · ".join(parts) or _tr("(no query)")


class SavedSearchesBox(QWidget):
    """``runRequested(Query)`` when a saved search is chosen; ``current`` gives what to save."""

    runRequested = Signal(object)

    def __init__(self, session: Session, current: Callable[[], Query | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._current = current
        self.list = QListWidget()
        self.list.setObjectName("savedSearches")
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.list.itemActivated.connect(lambda _item: self.run_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(_tr("Name for the current search"))
        self.name_edit.returnPressed.connect(self._save_clicked)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.save_button = QPushButton(_tr("Save"))
        self.save_button.clicked.connect(self._save_clicked)
        self.run_button = QPushButton(_tr("Run"))
        self.run_button.clicked.connect(self.run_selected)
        self.delete_button = QPushButton(_tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        save_row = QHBoxLayout()
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.run_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(actions)
        layout.addLayout(save_row)
        layout.addWidget(self.status)
        self._update_buttons()

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.session.run(lambda store, _h: saved_searches(store), success=self._show)

    def _show(self, saved: list[SavedSearch]) -> None:
        chosen = self.selected_name()
        self.list.clear()
        for s in saved:
            item = QListWidgetItem(s.name)
            item.setData(QueryRole, s.query)
            item.setToolTip(describe(s.query))
            self.list.addItem(item)
            if s.name == chosen:
                item.setSelected(True)
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def selected_name(self) -> str | None:
        items = self.list.selectedItems()
        return items[0].text() if items else None

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setSelected(item.text() == name)
            if item.text() == name:
                self.list.setCurrentItem(item)

    # -- acting ---------------------------------------------------------------------------

    def _save_clicked(self) -> None:
        self.save(self.name_edit.text())

    def save(self, name: str) -> None:
        """Keep the current search under ``name`` (replacing one of that name)."""
        query = self._current()
        if query is None:
            self.status.setText(_tr("Type a query or choose a filter first."))
            return
        if not name.strip():
            self.status.setText(_tr("Give the search a name."))
            return

        def saved(s: SavedSearch) -> None:
            self.name_edit.clear()
            self.status.setText(_tr("Saved as “{0}”.").format(s.name))
            self.session.run(lambda store, _h: saved_searches(store),
                             success=lambda rows: (self._show(rows), self.select(s.name)))

        self.session.run(lambda store, _h: save_search(store, name, query), success=saved,
                         failure=lambda e: self.status.setText(failure_text(e)))

    def run_selected(self) -> None:
        items = self.list.selectedItems()
        if items:
            self.runRequested.emit(items[0].data(QueryRole))

    def delete_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        answer = MessageBox.question(self, _tr("Delete saved search"),
                                     _tr("Delete the saved search “{0}”?").format(name))
        if answer != Button.Yes:
            return

        def deleted(rows: list[SavedSearch]) -> None:
            self._show(rows)
            self.status.setText(_tr("Deleted “{0}”.").format(name))

        self.session.run(lambda store, _h: (delete_search(store, name), saved_searches(store))[1],
                         success=deleted,
                         failure=lambda e: self.status.setText(failure_text(e)))

    def clear(self) -> None:
        """Lock: forget every name and query."""
        self.list.clear()
        self.name_edit.clear()
        self.status.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.list.selectedItems())
        self.run_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.save_button.setEnabled(bool(self.name_edit.text().strip()))
