"""The events of a testimony as an ordered timeline, edited one at a time.

The order is the survivor's: events are kept in the order they were recorded unless the
interviewer moves them (buttons, or Alt+Up/Alt+Down in the list) or sorts them by date.
Insert adds an event after the selected one, Delete removes it (and "Restore" brings the
last removed one back). Each event keeps a stable id while the form lives, so redactions
of an event's text follow it when it moves.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.dates import PartialDate
from intake.errors import InvalidInput
from intake.model import AttachmentRef
from ui.editor.event_form import EventForm, empty_event
from ui.editor.fields import date_problem
from ui.editor.section import Slot
from ui.records import labels

_uids = itertools.count(1)
_TEXT_KEYS = ("place", "facility", "perpetrator_description", "description")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventsSection", text)


def _date_key(event: dict[str, Any]) -> tuple[int, str, str]:
    try:
        start = PartialDate.parse(event.get("start")) if event.get("start") else None
    except InvalidInput:
        start = None
    return labels.chronological_key(start)


class EventsSection(QWidget):
    """Timeline list on the left, the selected event's form on the right."""

    edited = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._events: list[tuple[int, dict[str, Any]]] = []
        self._errors: dict[int, dict[str, str]] = {}
        self._removed: tuple[int, tuple[int, dict[str, Any]]] | None = None
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("eventList")
        self.list.setAccessibleName(_tr("Events, in order"))
        self.list.currentRowChanged.connect(self._on_current)
        self.list.installEventFilter(self)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = QPushButton(_tr("Add event"), self)
        self.add_button.setToolTip(_tr("Add an event after the selected one (Insert)"))
        self.remove_button = QPushButton(_tr("Remove"), self)
        self.remove_button.setToolTip(_tr("Remove the selected event (Delete)"))
        self.up_button = QPushButton(_tr("Move up"), self)
        self.up_button.setToolTip(_tr("Move earlier in the timeline (Alt+Up)"))
        self.down_button = QPushButton(_tr("Move down"), self)
        self.down_button.setToolTip(_tr("Move later in the timeline (Alt+Down)"))
        self.sort_button = QPushButton(_tr("Sort by date"), self)
        self.restore_button = QPushButton(_tr("Restore removed"), self)
        self.add_button.clicked.connect(self.add_event)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.sort_button.clicked.connect(self.sort_by_date)
        self.restore_button.clicked.connect(self.restore_removed)
        add = QShortcut(QKeySequence("Ctrl+Shift+E"), self)
        add.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.activated.connect(self.add_event)

        self.form = EventForm(lang, self)
        self.form.edited.connect(self._on_form_edited)
        form_scroll = QScrollArea(self)
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        self.empty = QLabel(_tr("No events yet. Press Add event (Insert) to record the first "
                                "one: an arrest, a detention, a forced return…"), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(form_scroll)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        grid = QHBoxLayout()
        for b in (self.add_button, self.remove_button):
            grid.addWidget(b)
        left_layout.addLayout(grid)
        grid2 = QHBoxLayout()
        for b in (self.up_button, self.down_button):
            grid2.addWidget(b)
        left_layout.addLayout(grid2)
        grid3 = QHBoxLayout()
        for b in (self.sort_button, self.restore_button):
            grid3.addWidget(b)
        left_layout.addLayout(grid3)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.list, self.add_button)
        self._refresh()

    # -- content ------------------------------------------------------------------------

    def load(self, events: object) -> None:
        items = events if isinstance(events, list) else []
        self._events = [(next(_uids), {**empty_event(), **e}) for e in items
                        if isinstance(e, dict)]
        self._removed = None
        self._errors = {}
        self._refresh(select=0 if self._events else -1)

    def to_list(self) -> list[dict[str, Any]]:
        return [dict(e) for _uid, e in self._events]

    def rows(self) -> list[tuple[int, dict[str, Any]]]:
        return list(self._events)

    def set_attachments(self, refs: list[AttachmentRef]) -> None:
        self.form.set_attachments(refs)
        self._load_form()

    def clear(self) -> None:
        self._events = []
        self._removed = None
        self._errors = {}
        self.list.clear()
        self.form.clear()
        self._refresh()

    def current_index(self) -> int:
        return self.list.currentRow()

    def select(self, index: int) -> None:
        if 0 <= index < len(self._events):
            self.list.setCurrentRow(index)

    def slots(self) -> list[tuple[str, Slot, str]]:
        return [(f"events[{i}].{key}", ("event", uid, key), str(e.get(key) or ""))
                for i, (uid, e) in enumerate(self._events) for key in _TEXT_KEYS]

    def local_problems(self) -> dict[str, str]:
        out = {}
        for i, (_uid, e) in enumerate(self._events):
            for key in ("start", "end"):
                text = str(e.get(key) or "")
                if problem := date_problem(text, full=False):
                    out[f"events[{i}].{key}"] = problem
        return out

    def show_errors(self, errors: dict[int, dict[str, str]]) -> None:
        """Flag events with problems in the list; show the selected one's under its fields."""
        self._errors = errors
        self._update_items()
        self.form.show_errors(errors.get(self.current_index(), {}))

    # -- editing the timeline -----------------------------------------------------------

    def add_event(self) -> None:
        at = self.current_index() + 1 if self.current_index() >= 0 else len(self._events)
        self._events.insert(at, (next(_uids), empty_event()))
        self._refresh(select=at)
        self.edited.emit()
        self.form.type.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_current(self) -> None:
        index = self.current_index()
        if not 0 <= index < len(self._events):
            return
        self._removed = (index, self._events.pop(index))
        self._refresh(select=min(index, len(self._events) - 1))
        self.edited.emit()

    def restore_removed(self) -> None:
        if self._removed is None:
            return
        index, entry = self._removed
        self._removed = None
        index = min(index, len(self._events))
        self._events.insert(index, entry)
        self._refresh(select=index)
        self.edited.emit()

    def move_current(self, step: int) -> None:
        index = self.current_index()
        target = index + step
        if not (0 <= index < len(self._events) and 0 <= target < len(self._events)):
            return
        self._events[index], self._events[target] = self._events[target], self._events[index]
        self._refresh(select=target)
        self.edited.emit()

    def sort_by_date(self) -> None:
        current = self._events[self.current_index()][0] if self.current_index() >= 0 else None
        self._events.sort(key=lambda pair: _date_key(pair[1]))
        uids = [uid for uid, _e in self._events]
        self._refresh(select=uids.index(current) if current in uids else 0)
        self.edited.emit()

    # -- internals ----------------------------------------------------------------------

    def _refresh(self, select: int = -1) -> None:
        self._loading = True
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(["" for _ in self._events])
        self.list.blockSignals(False)
        self._loading = False
        self._update_items()
        self.pages.setCurrentIndex(1 if self._events else 0)
        if 0 <= select < len(self._events):
            self.list.setCurrentRow(select)
        self._load_form()
        self._update_buttons()

    def _item_text(self, i: int, e: dict[str, Any]) -> str:
        when = labels.date_range(e.get("start"), e.get("end"), bool(e.get("approx")))
        kind = labels.term_label("event_types", e.get("type"), self.lang) or _tr("(no type)")
        where = f"  ·  {e['place']}" if e.get("place") else ""
        return f"{i + 1}. {kind}\n{when}{where}"

    def _update_items(self) -> None:
        for i, (_uid, e) in enumerate(self._events):
            item = self.list.item(i)
            if item is None:
                continue
            problems = self._errors.get(i)
            item.setText(("⚠ " if problems else "") + self._item_text(i, e))
            item.setToolTip("\n".join(problems.values()) if problems else "")
            item.setForeground(QBrush(QColor("#a4161a")) if problems else QBrush())

    def _on_current(self, _row: int) -> None:
        if not self._loading:
            self._load_form()
            self._update_buttons()

    def _load_form(self) -> None:
        index = self.current_index()
        self._loading = True
        if 0 <= index < len(self._events):
            self.form.load(self._events[index][1])
            self.form.setEnabled(True)
        else:
            self.form.load(empty_event())
        self.form.show_errors(self._errors.get(index, {}))
        self._loading = False

    def _on_form_edited(self) -> None:
        if self._loading:
            return
        index = self.current_index()
        if 0 <= index < len(self._events):
            uid, old = self._events[index]
            self._events[index] = (uid, {**old, **self.form.to_dict()})
            item = self.list.item(index)
            if item is not None:
                problems = self._errors.get(index)
                item.setText(("⚠ " if problems else "") +
                             self._item_text(index, self._events[index][1]))
            self.edited.emit()

    def _update_buttons(self) -> None:
        index, count = self.current_index(), len(self._events)
        self.remove_button.setEnabled(0 <= index < count)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < count - 1)
        self.sort_button.setEnabled(count > 1)
        self.restore_button.setEnabled(self._removed is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            moving = mods & (Qt.KeyboardModifier.AltModifier
                             | Qt.KeyboardModifier.ControlModifier)
            if moving and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Insert:
                self.add_event()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_current()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._events:
                self.form.type.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
