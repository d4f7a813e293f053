"""Corroborating testimonies, in the detail pane: who else speaks of the same facility,
perpetrator or place at a time that overlaps, and exactly what they share.

Loaded on the worker only when asked (a button): at 50,000 testimonies a lookup takes up
to ~0.7 s, and the worker is serial, so doing it for every row the user arrows past
would make the next testimony wait. What is shared is spelled out from the engine's
:class:`~intake.search.corroborate.Shared` codes with vocabulary labels in the UI
language and both events' dates; each other testimony is one click away.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.model import Event
from intake.search.corroborate import Corroboration, Shared, corroborating
from intake.store import Store
from ui.operations import failure_text
from ui.records import labels
from ui.session import Session

IdRole = Qt.ItemDataRole.UserRole + 1
_WITHDRAWN = QColor("#a4161a")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Corroboration", text)


@dataclass(frozen=True)
class Found:
    """One corroborating testimony and the events the shared facts point at."""

    corroboration: Corroboration
    mine: dict[int, Event]
    theirs: dict[int, Event]


def find(store: Store, testimony_id: str) -> list[Found]:
    """On the worker: the corroborations with the events each shared fact names."""
    found = corroborating(store, testimony_id)
    if not found:
        return []
    mine = list(store.get(testimony_id).events)
    out = []
    for c in found:
        theirs = list(store.get(c.summary.testimony_id).events)
        out.append(Found(c, {s.event: mine[s.event] for s in c.shared if s.event < len(mine)},
                         {s.other_event: theirs[s.other_event] for s in c.shared
                          if s.other_event < len(theirs)}))
    return out


def _when(e: Event | None) -> str:
    if e is None:
        return "?"
    return labels.date_range(str(e.start) if e.start else None,
                             str(e.end) if e.end else None, e.approx)


def _place(key: str, lang: str) -> str:
    return labels.term_label("places", key, lang)


def describe(s: Shared, mine: Event | None, theirs: Event | None, lang: str) -> str:
    """One shared fact in the UI language, e.g. "Same facility: 집결소 in 청진 · 2019-05 /
    2019 (approx.) · both 강제노동"."""
    what: str | None = None
    if s.kind == "facility" and "@" in s.key:
        kind, place = s.key.split("@", 1)
        what = _tr("Same facility: {0} in {1}").format(
            labels.term_label("facilities", kind, lang), _place(place, lang))
    elif s.kind == "perpetrator" and s.key.startswith("text:"):
        what = _tr("Same perpetrator description: {0}").format(s.key[5:])
    elif s.kind == "perpetrator":
        who, _, place = s.key.partition("@")
        name = labels.term_label("perpetrators", who, lang)
        what = (_tr("Same perpetrator: {0} in {1}").format(name, _place(place, lang)) if place
                else _tr("Same perpetrator: {0}").format(name))
    elif s.kind == "place" and s.key.startswith("<"):
        what = _tr("Places within {0}").format(_place(s.key[1:], lang))
    elif s.kind == "place":
        what = _tr("Same place: {0}").format(_place(s.key, lang))
    if what is None:
        return s.detail  # a kind this view does not know yet: the engine's own words
    parts = [what, f"{_when(mine)} / {_when(theirs)}"]
    if mine is not None and theirs is not None and mine.type == theirs.type:
        parts.append(_tr("both {0}").format(labels.term_label("event_types", mine.type, lang)))
    return " · ".join(parts)


class CorroborationBox(QGroupBox):
    """The section; ``testimonyRequested(id)`` when a corroborating testimony is chosen."""

    testimonyRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(_tr("Corroborating testimonies"), parent)
        self.setObjectName("corroborationBox")
        self._lang = language or labels.ui_language()
        self.session: Session | None = None
        self._testimony_id: str | None = None
        self._generation = 0
        self.explain = QLabel(_tr("Other testimonies naming the same facility, perpetrator "
                                  "or place at overlapping dates."))
        self.explain.setObjectName("muted")
        self.explain.setWordWrap(True)
        self.find_button = QPushButton(_tr("Find corroborating testimonies"))
        self.find_button.clicked.connect(self.load)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("corroborationList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setStyleSheet("QListWidget#corroborationList::item { padding: 3px 6px; }")
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        self.list.hide()
        row = QHBoxLayout()
        row.addWidget(self.find_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        layout.addWidget(self.list)

    def set_session(self, session: Session | None) -> None:
        self.session = session
        if session is not None:
            session.locked.connect(self.clear)
        self.setVisible(session is not None)

    def set_testimony(self, testimony_id: str | None) -> None:
        """A new testimony is shown: forget the last one's list (not loaded until asked)."""
        self.clear()
        self._testimony_id = testimony_id
        self.find_button.setEnabled(testimony_id is not None)

    def load(self) -> None:
        if self.session is None or self._testimony_id is None:
            return
        self._generation += 1
        generation, testimony_id = self._generation, self._testimony_id
        self.find_button.setEnabled(False)
        self.status.setText(_tr("Looking…"))
        self.session.run(lambda store, _h: find(store, testimony_id) if
                         generation == self._generation else None,
                         success=lambda found: self._show(generation, found),
                         failure=lambda e: self._failed(generation, e))

    def _show(self, generation: int, found: list[Found] | None) -> None:
        if found is None or generation != self._generation:
            return
        self.find_button.setEnabled(True)
        self.list.clear()
        if not found:
            self.status.setText(_tr("No other testimony shares a place, facility or "
                                    "perpetrator at overlapping dates."))
            self.list.hide()
            return
        self.status.setText(_tr("{0} found, most shared first.").format(len(found)))
        for f in found:
            self.list.addItem(self._item(f))
        self.list.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its items, up to about eight lines: the pane scrolls, not the list."""
        rows = sum(self.list.sizeHintForRow(i) + 2 * self.list.spacing()
                   for i in range(self.list.count()))
        cap = self.fontMetrics().lineSpacing() * 9
        self.list.setFixedHeight(min(rows, cap) + 2 * self.list.frameWidth() + 4)

    def _item(self, f: Found) -> QListWidgetItem:
        s = f.corroboration.summary
        head = " · ".join(p for p in (s.pseudonym, s.interview_date or "") if p)
        if s.withdrawn:
            head += "   ⚠ " + labels.withdrawn_text()
        lines = [head] + ["  • " + describe(x, f.mine.get(x.event), f.theirs.get(x.other_event),
                                             self._lang) for x in f.corroboration.shared]
        item = QListWidgetItem("\n".join(lines))
        item.setData(IdRole, s.testimony_id)
        item.setToolTip(_tr("Open this testimony"))
        if s.withdrawn:
            item.setForeground(_WITHDRAWN)
        return item

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.find_button.setEnabled(True)
            self.status.setText(failure_text(exc))

    def _chosen(self, item: QListWidgetItem) -> None:
        testimony_id = item.data(IdRole)
        if testimony_id:
            self.testimonyRequested.emit(testimony_id)

    def found_ids(self) -> list[str]:
        return [self.list.item(i).data(IdRole) for i in range(self.list.count())]

    def clear(self) -> None:
        """Lock, or another testimony: no pseudonym or shared fact is left behind."""
        self._generation += 1
        self._testimony_id = None
        self.list.clear()
        self.list.hide()
        self.status.clear()
        self.find_button.setEnabled(False)
