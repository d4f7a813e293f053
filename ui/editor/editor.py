"""The testimony editor: the whole testimony/1 record as one keyboard-first form.

The editor holds the record only in its widgets and never touches the store. It reports:
``draftChanged`` 1.5 s after the last edit (the shell stores the draft, encrypted, well within
the 2 s the design allows a crash to lose) and ``saveRequested`` when the form is valid and
the interviewer presses Ctrl+S or Save. ``clear()`` empties every widget when the store
locks, including the undo histories that still hold deleted text.

What the form does not show - id, revision, attachments, redactions, the names list - is
kept from the loaded testimony, and redactions are carried along as text is edited
(see ``redactions.py``), so saving never silently unhides a name.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake.model import SCHEMA, AttachmentRef, Testimony
from ui.editor.event_form import attachment_refs
from ui.editor.events import EventsSection
from ui.editor.narrative import NarrativePage
from ui.editor.problems import (
    TAB_CONSENT,
    TAB_EVENTS,
    TAB_INTERVIEW,
    TAB_NARRATIVE,
    TAB_SURVIVOR,
    ProblemMap,
)
from ui.editor.redactions import RedactionTracker
from ui.editor.section import Slot
from ui.editor.sections import ConsentSection, InterviewSection, SurvivorSection
from ui.editor.style import EDITOR_STYLE
from ui.editor.validation import collect_errors, split_errors
from ui.records import labels

__all__ = ["TAB_CONSENT", "TAB_EVENTS", "TAB_INTERVIEW", "TAB_NARRATIVE", "TAB_SURVIVOR",
           "TestimonyEditor"]

_TOP_KEYS = frozenset({"schema", "id", "revision", "survivor", "interview", "consent",
                       "events", "narrative", "attachments", "redactions", "names"})


class TestimonyEditor(QWidget):
    """Edit one testimony (or a new one); report drafts and save requests."""

    __test__ = False  # not a pytest test class, whatever its name

    draftChanged = Signal(dict)
    saveRequested = Signal(dict)
    modifiedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self.lang = language or labels.ui_language()
        self.draft_interval_ms = 1500
        self.validate_interval_ms = 150
        self._id = ""
        self._revision = 1
        self._new = True
        self._attachments: list[dict[str, Any]] = []
        self._names: list[Any] = []
        self._extra: dict[str, dict[str, Any]] = {}
        self._tracker = RedactionTracker()
        self._baseline: dict[str, Any] | None = None
        self._errors: dict[str, str] = {}
        self._loading = False
        self._touched = False
        self._modified = False
        self.setStyleSheet(EDITOR_STYLE)

        self.title = QLabel(self)
        self.title.setObjectName("editorTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("editorState")

        self.survivor = SurvivorSection(self.lang, self)
        self.interview = InterviewSection(self.lang, self)
        self.consent = ConsentSection(self)
        self.events = EventsSection(self.lang, self)
        self.narrative_page = NarrativePage(self)
        self.narrative = self.narrative_page.edit
        self.problems = ProblemMap(self)

        self.tabs = QTabWidget(self)
        self._tab_names = self.problems.names
        for section, name in zip((self.survivor, self.interview, self.consent),
                                 self._tab_names, strict=False):
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(section)
            self.tabs.addTab(scroll, name)
        self.tabs.addTab(self.events, self._tab_names[TAB_EVENTS])
        self.tabs.addTab(self.narrative_page, self._tab_names[TAB_NARRATIVE])
        self.tabs.currentChanged.connect(self._focus_tab)

        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.request_save)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.state_label)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(footer)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.timeout.connect(self._emit_draft)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.timeout.connect(self.validate)
        for source in (self.survivor, self.interview, self.consent, self.events):
            source.edited.connect(self._on_edited)
        self.narrative.textChanged.connect(self._on_edited)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.request_save)
        for i in range(self.tabs.count()):
            tab = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            tab.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tab.activated.connect(lambda i=i: self.tabs.setCurrentIndex(i))
        self.clear()

    # -- the API the shell uses ---------------------------------------------------------

    def load(self, testimony: Testimony | None, draft: dict[str, Any] | None = None) -> None:
        """Edit ``testimony`` (None: a new one), restoring an earlier ``draft`` if given."""
        self._stop_timers()
        self._loading = True
        self.setEnabled(True)
        if testimony is not None:
            base = testimony.to_dict()
            self._id, self._revision, self._new = testimony.id, testimony.revision, False
        else:
            base = {"schema": SCHEMA, "survivor": {"pseudonym": ""}, "events": [],
                    "narrative": "", "attachments": [], "redactions": [], "names": []}
            wanted = (draft or {}).get("id")
            self._id = wanted if isinstance(wanted, str) and wanted else str(uuid.uuid4())
            self._revision, self._new = 1, True
            base = {**base, **{k: v for k, v in (draft or {}).items()
                               if k in ("attachments", "names")}}
        self._attachments = copy.deepcopy(list(base.get("attachments") or []))
        self._names = list(base.get("names") or [])
        self._fill(base)
        before = self._slots()
        self._tracker.load(base.get("redactions"), before)
        self._baseline = self.current_dict()
        self._touched = False
        if draft is not None:
            self._fill(draft)
            after = self._slots()
            same_base = testimony is None or (draft.get("id") == testimony.id and
                                              draft.get("revision") == testimony.revision)
            if same_base:
                self._tracker.load(draft.get("redactions"), after)
            else:
                self._tracker.rebind(before, after)
            self._touched = True
        self._loading = False
        self.tabs.setCurrentIndex(TAB_SURVIVOR)
        self.validate()

    def current_dict(self) -> dict[str, Any]:
        """The testimony/1 dict the form holds now (valid or not)."""
        slots = self._slots()
        extra = self._extra
        return {
            **extra.get("", {}),
            "schema": SCHEMA, "id": self._id, "revision": self._revision,
            "survivor": {**extra.get("survivor", {}), **self.survivor.to_dict()},
            "interview": {**extra.get("interview", {}), **self.interview.to_dict()},
            "consent": {**extra.get("consent", {}), **self.consent.to_dict()},
            "events": self.events.to_list(),
            "narrative": self.narrative_page.text(),
            "attachments": copy.deepcopy(self._attachments),
            "redactions": self._tracker.update(slots), "names": list(self._names),
        }

    def clear(self) -> None:
        """Drop every piece of testimony data from every widget (the store locked)."""
        self._stop_timers()
        self._loading = True
        for section in (self.survivor, self.interview, self.consent, self.events):
            section.clear()
        self.narrative_page.clear()
        self._tracker.clear()
        self._id, self._revision, self._new = "", 1, True
        self._attachments, self._names = [], []
        self._extra = {}
        self._baseline = None
        self._errors = {}
        self._touched = False
        self._loading = False
        self._show_errors()
        self.title.clear()
        self.state_label.clear()
        self.status.clear()
        self.save_button.setEnabled(False)
        self._set_modified(False)
        self.setEnabled(False)

    def is_modified(self) -> bool:
        return self._baseline is not None and self.current_dict() != self._baseline

    def is_new(self) -> bool:
        return self._new

    def testimony_id(self) -> str | None:
        return self._id or None

    def base_revision(self) -> int | None:
        return None if self._new else self._revision

    def mark_saved(self, testimony: Testimony) -> None:
        """The shell stored the form as ``testimony``: take its revision; stay editing."""
        self._id, self._revision, self._new = testimony.id, testimony.revision, False
        self._attachments = [a.to_dict() for a in testimony.attachments]
        self._names = list(testimony.names)
        self._baseline = testimony.to_dict()
        if self.current_dict() == self._baseline:
            self._draft_timer.stop()
        self.validate()

    def set_attachments(self, refs: list[AttachmentRef], revision: int | None = None) -> None:
        """Files were attached (a new stored revision) while editing: keep the typing."""
        self._attachments = [a.to_dict() for a in refs]
        if revision is not None:
            self._revision = revision
        if self._baseline is not None:
            self._baseline["attachments"] = copy.deepcopy(self._attachments)
            self._baseline["revision"] = self._revision
        self._loading = True
        self.events.set_attachments(list(refs))
        self._loading = False
        self.validate()

    def flush_draft(self) -> None:
        """Report a pending draft now (before locking), instead of after the delay."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._emit_draft()

    def errors(self) -> dict[str, str]:
        return dict(self._errors)

    def request_save(self) -> bool:
        """Ctrl+S / Save: report the record if it is valid, else show what to fix."""
        if self._baseline is None:
            return False
        self._validate_timer.stop()
        self._touched = True
        self.validate()
        if self._errors:
            self.focus_field(next(iter(self._errors)))
            return False
        self.saveRequested.emit(self.current_dict())
        return True

    def field_widget(self, path: str) -> QWidget | None:
        """The widget showing field ``path`` (``events[2].start`` selects event 3)."""
        return self.problems.widget_of(path)

    def focus_field(self, path: str) -> None:
        widget = self.problems.widget_of(path)
        if widget is not None:
            self.tabs.setCurrentIndex(self.problems.tab_of(path))
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- validation ---------------------------------------------------------------------

    def validate(self) -> dict[str, str]:
        """Check the form now; show messages, tab marks and the Save button's state."""
        if self._baseline is None:
            return {}
        d = self.current_dict()
        errors = collect_errors(d)
        for prefix, section in (("survivor", self.survivor), ("interview", self.interview),
                                ("consent", self.consent)):
            for key, text in section.local_problems().items():
                errors[f"{prefix}.{section.rows[key].keys[0]}"] = text
        errors.update(self.events.local_problems())
        self._errors = errors
        self._show_errors()
        self.narrative_page.set_counts(
            len(d["narrative"]), sum(1 for r in d["redactions"] if r.get("field") == "narrative"))
        pseudonym = d["survivor"]["pseudonym"]
        self.title.setText(pseudonym or (self.tr("New testimony") if self._new
                                         else self.tr("(no pseudonym)")))
        self._set_modified(d != self._baseline)
        return errors

    def _show_errors(self) -> None:
        shown = self._errors if self._touched else {}
        parts, events, rest = split_errors(shown)
        self.survivor.show_errors(parts["survivor"])
        self.interview.show_errors(parts["interview"])
        self.consent.show_errors(parts["consent"])
        self.events.show_errors(events)
        narrative = rest.get("narrative", "")
        self.narrative_page.set_error(narrative)
        marks = [bool(parts["survivor"]), bool(parts["interview"]), bool(parts["consent"]),
                 bool(events), bool(narrative)]
        for i, bad in enumerate(marks):
            self.tabs.setTabText(i, ("⚠ " if bad else "") + self._tab_names[i])
        self.save_button.setEnabled(self._baseline is not None and not self._errors)
        reason = self._reason()
        self.save_button.setToolTip(reason or self.tr("Save a new revision (Ctrl+S)"))
        self.status.setProperty("kind", ("error" if self._touched else "hint") if reason
                                else "ok")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(self.tr("Cannot save yet: {0}").format(reason) if reason else "")

    def _reason(self) -> str:
        return self.problems.describe(self._errors)

    # -- internals ----------------------------------------------------------------------

    def _fill(self, d: dict[str, Any]) -> None:
        def part(key: str) -> dict[str, Any]:
            value = d.get(key)
            return value if isinstance(value, dict) else {}

        # Keys no part of the form shows (a field added to testimony/1 after this form was
        # written) are kept as they were, never dropped on save.
        self._extra = {"": {k: v for k, v in d.items() if k not in _TOP_KEYS}}
        for key, section in (("survivor", self.survivor), ("interview", self.interview),
                             ("consent", self.consent)):
            section.load(part(key))
            shown = section.to_dict()
            self._extra[key] = {k: v for k, v in part(key).items() if k not in shown}
        self.events.set_attachments(attachment_refs(self._attachments))
        self.events.load(d.get("events"))
        narrative = d.get("narrative")
        self.narrative.setPlainText(narrative if isinstance(narrative, str) else "")

    def _slots(self) -> list[tuple[str, Slot, str]]:
        slots = (self.survivor.slots() + self.interview.slots() + self.consent.slots()
                 + self.events.slots())
        slots.append(("narrative", ("narrative",), self.narrative_page.text()))
        slots += [(f"attachments[{i}].name", ("attachment", a.get("id")), str(a.get("name")))
                  for i, a in enumerate(self._attachments)]
        return slots

    def _on_edited(self) -> None:
        if self._loading or self._baseline is None:
            return
        self._touched = True
        self._draft_timer.start(self.draft_interval_ms)
        self._validate_timer.start(self.validate_interval_ms)

    def _emit_draft(self) -> None:
        if self._baseline is not None:
            self.draftChanged.emit(self.current_dict())

    def _stop_timers(self) -> None:
        self._draft_timer.stop()
        self._validate_timer.stop()

    def _set_modified(self, modified: bool) -> None:
        if self._baseline is None:
            text = ""
        elif self._new:
            text = self.tr("New, not saved yet")
        else:
            text = self.tr("Revision {0}").format(self._revision)
            if modified:
                text += self.tr(" · unsaved changes (kept as a draft)")
        self.state_label.setText(text)
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    def _focus_tab(self, index: int) -> None:
        if self._loading:
            return
        target = self.problems.first_field(index)
        if target is not None and self.isVisible():
            target.setFocus(Qt.FocusReason.TabFocusReason)
