"""The search panel: a search field with results as you type, filters, saved searches.

Typing never waits for the store. Each edit restarts a short timer (``DEBOUNCE_MS``);
when it fires, the query goes to the session's worker tagged with a *generation*. A
newer query bumps the generation, so an older one still queued is skipped before it
runs, and one already running has its results dropped when they arrive: the list only
ever shows the latest query's hits. A lock clears the field, the filters, the hits and
the saved-search names.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intake.contacts import Contacts
from intake.errors import IntakeError
from intake.search import Filters, Query, Results, search
from intake.search.query import MAX_TEXT
from intake.store import Store
from ui.operations import OperationHandle, failure_text
from ui.records import labels
from ui.search.filter_panel import FilterPanel
from ui.search.hit_delegate import HitDelegate
from ui.search.results_model import SearchResultsModel
from ui.search.saved_box import SavedSearchesBox
from ui.session import Session, StoreInfo

DEBOUNCE_MS = 250
PAGE = 20  # the engine's default page: a full page comes back in ~50 ms at 50k


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchPanel", text)


class SearchPanel(QWidget):
    """Search across every testimony; ``testimonyActivated(id)`` when a hit is chosen."""

    testimonyActivated = Signal(str)
    resultsShown = Signal(int)  # the total of the query now shown (tests, status bar)

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._lang = language or labels.ui_language()
        self._generation = 0
        self._pinned: Query | None = None  # a saved search run as saved
        self._shown_query: Query | None = None

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(MAX_TEXT)
        self.field.setPlaceholderText(_tr("Search testimonies (단둥, Onsong, \"a phrase\", -word)"))
        self.field.setToolTip(_tr("Korean or English. Two characters are enough (단둥 finds "
                                  "단둥에서). \"Quotes\" keep a phrase together, OR gives "
                                  "alternatives, -word leaves a word out."))
        self.filters = FilterPanel(language=self._lang)
        self.filters.hide()
        self.filters_button = QToolButton()
        self.filters_button.setCheckable(True)
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filters_button.setArrowType(Qt.ArrowType.RightArrow)
        self.filters_button.toggled.connect(self._toggle_filters)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self, language=self._lang)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.delegate = HitDelegate(SearchResultsModel.HitRole, self._lang, self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # In the main window's tab the open filters and the saved searches left the results
        # one hit high (and grew the window past a laptop's screen): the results are what
        # the panel is for, so they keep room for a few hits and the saved searches fold
        # away behind a button like the filters.
        self.results.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.clicked.connect(self._activate)
        self.results.activated.connect(self._activate)
        self.more_button = QPushButton(_tr("Show more results"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        self.saved = SavedSearchesBox(session, self.current_query)
        self.saved.runRequested.connect(self.run_query)

        self.saved_button = QToolButton()
        self.saved_button.setObjectName("savedSearchesButton")
        self.saved_button.setText(_tr("Saved searches"))
        self.saved_button.setCheckable(True)
        self.saved_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.saved_button.setArrowType(Qt.ArrowType.RightArrow)
        self.saved_box = QGroupBox()
        QVBoxLayout(self.saved_box).addWidget(self.saved)
        self.saved_box.hide()
        self.saved_button.toggled.connect(self._toggle_saved)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.filters_button)
        top.addWidget(self.saved_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more_button)
        layout.addWidget(self.saved_box)
        self._update_filters_button()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._edited)
        self.field.returnPressed.connect(self.search_now)
        self.field.installEventFilter(self)
        self.filters.changed.connect(self._filters_changed)
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self.clear)
        if session.is_unlocked and session.info is not None:
            self._on_unlocked(session.info)

    # -- the query ------------------------------------------------------------------------

    def current_query(self) -> Query | None:
        """What the field and filters ask for now, or None (nothing asked, or a bad date)."""
        filters = self.filters.filters()
        if filters is None or (not self.field.text().strip() and filters.empty):
            return None
        try:
            return Query(self.field.text(), filters, limit=PAGE)
        except IntakeError:
            return None

    def run_query(self, query: Query) -> None:
        """Show ``query`` in the field and filters and search at once (a saved search)."""
        self.field.blockSignals(True)
        self.field.setText(query.text)
        self.field.blockSignals(False)
        self.filters.set_filters(query.filters)
        if not query.filters.empty or query.filters.include_withdrawn:
            self.filters_button.setChecked(True)
        # The panel shows one value per field; a saved search may hold several (made with
        # the CLI). Run it exactly as saved until the user changes the field or a filter.
        self._pinned = query if _wider_than_panel(query.filters) else None
        self.search_now()

    def _edited(self) -> None:
        self._pinned = None  # the user's change: from now on, what the panel shows
        self._generation += 1  # anything in flight is already stale
        self._timer.start()

    def _filters_changed(self) -> None:
        self._update_filters_button()
        self._edited()

    def search_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        problem = self.filters.problem()
        query = self.current_query()
        if self._pinned is not None and not problem:
            query = Query(self._pinned.text, self._pinned.filters, limit=PAGE)
        if problem or query is None:
            self.model.clear()
            self._shown_query = None
            self.more_button.hide()
            self._set_status(problem, error=bool(problem))
            return
        self._set_status(_tr("Searching…"))
        self._submit(generation, query, append=False)

    def show_more(self) -> None:
        query = self._shown_query
        if query is None or not self.model.has_more():
            return
        more = Query(query.text, query.filters, limit=PAGE, offset=self.model.rowCount())
        self._submit(self._generation, more, append=True)

    def _submit(self, generation: int, query: Query, *, append: bool) -> None:
        def work(store: Store, _handle: OperationHandle) -> Results | None:
            if generation != self._generation:
                return None  # superseded while queued: leave the worker free
            return search(store, query)

        self.session.run(work, success=lambda r: self._arrived(generation, query, r, append),
                         failure=lambda e: self._failed(generation, e))

    def _arrived(self, generation: int, query: Query, results: Results | None,
                 append: bool) -> None:
        if results is None or generation != self._generation:
            return  # a newer query owns the list
        if append:
            self.model.append_hits(results.hits, results.total)
        else:
            self.delegate.forget()
            self.model.set_hits(results.hits, results.total)
            self.results.scrollToTop()
        self._shown_query = query
        self.more_button.setVisible(self.model.has_more())
        self._set_status(self._count_text(results.total))
        self.resultsShown.emit(results.total)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.model.clear()
        self.more_button.hide()
        self._set_status(failure_text(exc), error=True)

    def _count_text(self, total: int) -> str:
        if total == 0:
            return _tr("No testimony matches.")
        shown = self.model.rowCount()
        if shown < total:
            return _tr("{0} testimonies match; the best {1} are shown.").format(total, shown)
        return _tr("1 testimony matches.") if total == 1 else _tr(
            "{0} testimonies match.").format(total)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #a4161a;" if error else "")
        self.status.setVisible(bool(text))

    # -- hits -----------------------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        testimony_id = index.data(SearchResultsModel.IdRole)
        if testimony_id:
            self.testimonyActivated.emit(testimony_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if watched is self.field and isinstance(event, QKeyEvent) and \
                event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus()
                self.results.setCurrentIndex(self.model.index(0))
                return True
            if event.key() == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)

    # -- filters toggle -------------------------------------------------------------------

    def _toggle_filters(self, shown: bool) -> None:
        self.filters.setVisible(shown)
        self.filters_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                         else Qt.ArrowType.RightArrow)

    def _toggle_saved(self, shown: bool) -> None:
        self.saved_box.setVisible(shown)
        self.saved_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)

    def _update_filters_button(self) -> None:
        n = self.filters.active_count()
        self.filters_button.setText(_tr("Filters ({0})").format(n) if n else _tr("Filters"))

    # -- life cycle -----------------------------------------------------------------------

    def _on_unlocked(self, _info: StoreInfo) -> None:
        self.saved.refresh()
        self.session.run(lambda store, _h: [c.label for c in Contacts(store).all()],
                         success=self.filters.set_senders)

    def focus_search(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def clear(self) -> None:
        """Lock: drop the query, the filters, every hit and snippet, the saved names."""
        self._timer.stop()
        self._generation += 1
        self._pinned = None
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.filters.blockSignals(True)
        self.filters.wipe()
        self.filters.blockSignals(False)
        self._update_filters_button()
        self.model.clear()
        self.delegate.forget()
        self._shown_query = None
        self.more_button.hide()
        self._set_status("")
        self.saved.clear()


def _wider_than_panel(f: Filters) -> bool:
    """True when ``f`` holds more than the filter panel can show (several values a field)."""
    return any(len(values) > 1 for values in (f.types, f.places, f.facilities,
                                               f.perpetrators, f.senders))
