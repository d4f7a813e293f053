"""Review redactions: every finding in every text field, decided one by one or by kind.

The dialog is a view over ``intake.review``: it shows a :class:`ReviewState`, turns keys
and clicks into commands on a :class:`History`, and asks for slow work (detection, which
first loads the Korean dictionary) through its runner, so nothing here blocks the UI
thread or touches the store. Save emits the new revision's content; the workspace stores
it through its usual save path and calls :meth:`saved`.

Keyboard first: A accept, R reject, N / P next / previous undecided, Shift+A accept all
of the finding's kind, X redact the selected text, Ctrl+Z / Ctrl+Shift+Z undo / redo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake import review_commands as commands
from intake.errors import Cancelled
from intake.model import Testimony
from intake.review import ItemKey, ReviewState, apply, detect_fields
from intake.review_commands import History
from ui.messages import Button, MessageBox
from ui.operations import OperationHandle, show_failure
from ui.redaction.palette import Legend, kind_label
from ui.redaction.panel import ReviewPanel
from ui.redaction.preview import PreviewView
from ui.redaction.runner import Runner
from ui.redaction.text_view import FindingsView


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    caption = QLabel(title)
    caption.setObjectName("caption")
    layout.addWidget(caption)
    layout.addWidget(widget, 1)
    return box


class RedactionReviewDialog(QDialog):
    saveRequested = Signal(object)  # Testimony: the new revision's content
    imageRequested = Signal(str)  # attachment id

    def __init__(self, testimony: Testimony, run: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review redactions: {0}").format(
            testimony.survivor.pseudonym) + "[*]")
        self.resize(1240, 780)
        self.testimony = testimony
        self.history: History | None = None
        self.current: ItemKey | None = None
        self.busy = False
        self.can_ask: Callable[[], bool] = lambda: True  # False once the store locked
        self._run = run
        self._saving = self._close_after_save = False
        self._modified: tuple[object, object, bool] = (None, None, False)

        self.heading = QLabel(self.tr("Redactions for {0}").format(testimony.survivor.pseudonym))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.count_label = QLabel()
        self.count_label.setObjectName("undecidedCount")
        self.note = QLabel(self.tr("A redacted export replaces every finding you have not "
                                   "rejected, undecided ones included, as the preview shows. "
                                   "Reject a finding to keep its text."))
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        self.legend = Legend()
        self.text_view = FindingsView()
        self.preview = PreviewView()
        self.panel = ReviewPanel()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(_titled(self.tr("Testimony (the stored text is never changed)"),
                                self.text_view))
        split.addWidget(_titled(self.tr("Preview of a redacted export"), self.preview))
        split.addWidget(self.panel)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 0)
        split.setChildrenCollapsible(False)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.save_button = QPushButton(self.tr("Save decisions"))
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        for button in (self.undo_button, self.redo_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            bottom.addWidget(button)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.setStyleSheet("QLabel#hint, QLabel#caption { color: #555555; } "
                           "QLabel#undecidedCount { font-weight: bold; }")
        self._wire()
        self._show_names()
        self._show_images()
        self._set_busy(False)
        self._refresh_panel()

    # -- wiring -------------------------------------------------------------------------

    def _wire(self) -> None:
        p = self.panel
        p.accept_button.clicked.connect(self.accept_current)
        p.reject_button.clicked.connect(self.reject_current)
        p.kind_button.clicked.connect(self.accept_kind)
        p.next_button.clicked.connect(lambda: self.step(backwards=False))
        p.previous_button.clicked.connect(lambda: self.step(backwards=True))
        p.survivor_button.clicked.connect(self.mark_survivor)
        p.redact_button.clicked.connect(lambda: self.redact_selection())
        p.name_from_selection.clicked.connect(self.add_selection_as_name)
        p.add_name_button.clicked.connect(lambda: self.add_name(p.name_edit.text()))
        p.name_edit.returnPressed.connect(lambda: self.add_name(p.name_edit.text()))
        p.remove_name_button.clicked.connect(self.remove_name)
        p.image_button.clicked.connect(self._open_image)
        p.images_list.itemActivated.connect(lambda _i: self._open_image())
        self.text_view.itemClicked.connect(self.go_to)
        self.text_view.selectionMoved.connect(self._refresh_panel)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        keys: list[tuple[str | QKeySequence.StandardKey, Callable[[], object]]] = [
            ("A", self.accept_current), ("R", self.reject_current), ("Shift+A", self.accept_kind),
            ("N", lambda: self.step(backwards=False)), ("P", lambda: self.step(backwards=True)),
            ("X", self.redact_selection), ("Ctrl+Z", self.undo), ("Ctrl+Shift+Z", self.redo),
            ("Ctrl+Y", self.redo), (QKeySequence.StandardKey.Save, self.save)]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- detection ----------------------------------------------------------------------

    def start(self) -> None:
        """Run detection on the worker, then show the findings over the stored decisions."""
        self._detect(self.testimony.names, self._loaded)

    def _detect(self, names: tuple[str, ...], then: Callable[[dict[str, list]], None]) -> None:
        t, loading, finding = (self.testimony, self.tr("Loading the Korean dictionary…"),
                               self.tr("Finding identifiers…"))

        def work(handle: OperationHandle) -> dict[str, list]:
            handle.report(0.0, loading)
            return detect_fields(t, names, cancelled=handle.cancelled,
                                 progress=lambda f: handle.report(f, finding))

        def done(found: dict[str, list]) -> None:
            self._set_busy(False)
            then(found)

        self._set_busy(True, finding)
        self._run(work, done, self._detect_failed, finding)

    def _detect_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if self.history is None:  # nothing to review without findings
            self.discard()
        if not isinstance(exc, Cancelled):
            show_failure(exc)

    def _loaded(self, found: dict[str, list]) -> None:
        state = ReviewState.from_testimony(self.testimony, found)
        self.history = History(state)
        self.text_view.show_fields(state.fields)
        first = state.step(None) or (state.items[0] if state.items else None)
        self.current = first.key if first else None
        self.refresh()
        self.text_view.setFocus()

    # -- commands -----------------------------------------------------------------------

    @property
    def state(self) -> ReviewState | None:
        return self.history.state if self.history else None

    def _do(self, command: commands.Command,
            then: Callable[[ReviewState], ItemKey | None] | None = None) -> bool:
        """Run ``command``; ``then`` picks the item to go to in the new state (one repaint)."""
        if self.history is None or self.busy or not self.history.do(command):
            return False
        if then is not None:
            self.current = then(self.history.state)
        self.refresh()
        return True

    def go_to(self, key: ItemKey | None) -> None:
        self.current = key
        self.refresh()

    def accept_current(self) -> None:
        self._decide(commands.accept)

    def reject_current(self) -> None:
        self._decide(commands.reject)

    def _decide(self, make: Callable[[list[ItemKey]], commands.Command]) -> None:
        """Decide the finding in hand, then move on to the next undecided one."""
        key = self.current
        if key is None:
            return

        def next_one(state: ReviewState) -> ItemKey | None:
            after = state.step(key)
            return after.key if after else (key if state.item(key) else None)

        self._do(make([key]), next_one)

    def accept_kind(self) -> None:
        item = self.state.item(self.current) if self.state else None
        if item is not None:
            self._do(commands.accept_kind(item.kind))

    def step(self, *, backwards: bool) -> None:
        state = self.state
        if state is None:
            return
        found = state.step(self.current, backwards=backwards) or state.step(
            self.current, backwards=backwards, undecided_only=False)
        if found is not None:
            self.go_to(found.key)

    def mark_survivor(self) -> None:
        if self.current is not None:
            self._do(commands.mark_survivor(self.current, self.panel.survivor_button.isChecked()))
        self._refresh_panel()

    def redact_selection(self, kind: str | None = None) -> None:
        span = self.text_view.selected_span()
        state = self.state
        if span is None or state is None:
            return
        before = {i.key for i in state.items}

        def new_one(after: ReviewState) -> ItemKey | None:
            new = next((i.key for i in after.items if i.key not in before), None)
            hit = after.item_at(span[0], span[1]) if new is None else None
            return new or (hit.key if hit else self.current)  # or the finding it was

        self._do(commands.redact(*span, kind or self.panel.selected_kind()), new_one)

    def add_selection_as_name(self) -> None:
        state, span = self.state, self.text_view.selected_span()
        if state is None:
            return
        if span is not None:
            self.add_name(state.texts[span[0]][span[1]:span[2]])
        elif (item := state.item(self.current)) is not None:
            self.add_name(item.text)

    def add_name(self, name: str) -> None:
        state = self.state
        name = " ".join(name.split())
        if state is None or not name or self.busy:
            return
        if name in state.names:
            self.status.setText(self.tr("That name is already on the list."))
            return
        self._set_names((*state.names, name))
        self.panel.name_edit.clear()

    def remove_name(self) -> None:
        state, item = self.state, self.panel.names_list.currentItem()
        if state is not None and item is not None and not self.busy:
            self._set_names(tuple(n for n in state.names if n != item.text()))

    def _set_names(self, names: tuple[str, ...]) -> None:
        self._detect(names, lambda found: self._do(commands.set_names(names, found)))

    def undo(self) -> None:
        if self.history is not None and not self.busy and self.history.undo() is not None:
            self.refresh()

    def redo(self) -> None:
        if self.history is not None and not self.busy and self.history.redo() is not None:
            self.refresh()

    # -- saving -------------------------------------------------------------------------

    def is_modified(self) -> bool:
        """Whether saving would store anything new (worked out once per state)."""
        state = self.state
        if state is None:
            return False
        if self._modified[0] is not state or self._modified[1] is not self.testimony:
            stored = apply(state)
            self._modified = (state, self.testimony, (stored.redactions, stored.names) != (
                self.testimony.redactions, self.testimony.names))
        return self._modified[2]

    def save(self) -> None:
        if self.state is None or self.busy or self._saving:
            return
        if not self.is_modified():
            self.status.setText(self.tr("Nothing to save: no decision changed."))
            return
        self._saving = True
        self._refresh_panel()
        self.saveRequested.emit(apply(self.state))

    def saved(self, stored: Testimony) -> None:
        """The workspace stored the decisions as ``stored`` (a new revision)."""
        self._saving = False
        self.rebase(stored)
        left = self.state.undecided if self.state else 0
        text = self.tr("Saved as revision {0}.").format(stored.revision)
        if left:
            text += " " + self.tr("{0} undecided: a redacted export will redact them."
                                  ).format(left)
        self.status.setText(text)
        if self._close_after_save:
            self.discard()

    def save_failed(self) -> None:
        self._saving = self._close_after_save = False
        self._refresh_panel()

    def rebase(self, stored: Testimony) -> None:
        """A newer revision with the same texts (image boxes, or these decisions) is stored."""
        self.testimony = stored
        if self.history is not None:
            self.history.rebase(stored)
        self._show_images()
        self.refresh()

    def reject(self) -> None:
        """Close; unsaved decisions are offered for saving first (unless the store locked)."""
        if self.is_modified() and self.can_ask():
            answer = MessageBox.question(
                self, self.tr("Unsaved decisions"), self.tr("Save the redaction decisions?"),
                Button.Save | Button.Discard | Button.Cancel, Button.Save)
            if answer == Button.Save:
                self._close_after_save = True
                self.save()
                return
            if answer != Button.Discard:
                return
        self.discard()

    def discard(self) -> None:
        self.clear()
        super().reject()

    def clear(self) -> None:
        """Drop every piece of testimony text this dialog holds."""
        self.history = None
        self.current = None
        self.text_view.clear()
        self.preview.clear()
        self.panel.names_list.clear()
        self.panel.images_list.clear()
        self.panel.finding_label.clear()
        self.panel.name_edit.clear()
        self.status.clear()

    # -- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        state = self.state
        if state is None:
            return
        if state.item(self.current) is None:
            self.current = None
        self.text_view.show_items(state.items, self.current)
        self.preview.show_state(state, self.current)
        counts = state.undecided_counts()
        total = sum(counts.values())
        if total == 0:
            self.count_label.setText(self.tr("No finding undecided"))
        else:
            parts = ", ".join(f"{kind_label(k)} {n}" for k, n in sorted(counts.items()))
            text = (self.tr("1 finding undecided") if total == 1
                    else self.tr("{0} findings undecided").format(total))
            self.count_label.setText(f"{text} ({parts})")
        self._show_names()
        self._refresh_panel()
        self.setWindowModified(self.is_modified())

    def _refresh_panel(self) -> None:
        state = self.state
        ready = state is not None and not self.busy
        self.panel.show_item(state, self.current, ready=ready,
                             has_selection=ready and self.text_view.selected_span() is not None)
        history = self.history
        self.undo_button.setEnabled(ready and bool(history and history.undo_name()))
        self.redo_button.setEnabled(ready and bool(history and history.redo_name()))
        self.save_button.setEnabled(ready and not self._saving and self.is_modified())

    def _show_names(self) -> None:
        self.panel.show_names(self.state.names if self.state else self.testimony.names)

    def _show_images(self) -> None:
        self.panel.show_images(self.testimony)

    def _open_image(self) -> None:
        item = self.panel.images_list.currentItem()
        if item is not None:
            self.imageRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.status.setText(text)
        elif self.status.text() == self.tr("Finding identifiers…"):
            self.status.clear()
        self._refresh_panel()
