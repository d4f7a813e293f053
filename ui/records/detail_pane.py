"""One testimony, read-only, in the order a reviewer checks it.

Consent comes first and loudest: before reading or sharing anything, the interviewer must
see what the survivor allowed, and a withdrawn consent must be impossible to miss. Risk
flags follow (a relative still in North Korea changes how the record may travel), then
the survivor, the interview, the events as a chronological timeline, the narrative and
the attachments. Free text is only ever shown as plain text, never as rich text, so
nothing a survivor said can be taken for markup.

Below the events, once the shell gives the pane a session (:meth:`DetailPane.set_session`),
a "Corroborating testimonies" section finds, on request and on the worker, the other
testimonies that share a facility, perpetrator or place at overlapping dates; choosing
one emits ``testimonyRequested``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.dates import chronological
from intake.model import PURPOSES, Event, Testimony
from ui.attachments.panel import AttachmentPanel
from ui.custody.transfers_view import TransfersView
from ui.records import labels
from ui.search.corroboration_box import CorroborationBox
from ui.session import Session

_STYLE = """
QFrame#consentBox { border: 2px solid #2e7d32; border-radius: 6px; background: #eef7ef; }
QFrame#consentBox[state="none"] { border-color: #9e9e9e; background: #f3f3f3; }
QFrame#consentBox[state="withdrawn"] { border: 3px solid #a4161a; background: #fde2e1; }
QFrame#consentBox QLabel { background: transparent; }
QLabel#consentHeadline[state="withdrawn"] { color: #a4161a; }
QFrame#riskBox { border: 2px solid #b26a00; border-radius: 6px; background: #fff4e0; }
QFrame#eventCard { border: none; border-left: 4px solid #3a6ea5; background: palette(base);
                   padding-left: 6px; }
QLabel#muted { color: #666666; }
QLabel#scopeChip { border-radius: 9px; padding: 2px 10px; background: #d7ecd9;
                   color: #1b5e20; }
QLabel#scopeChip[given="false"] { background: #e6e6e6; color: #616161; }
"""


def _plain(text: str, parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _with_gazetteer(text: str | None, lang: str) -> str:
    """A place as typed, followed by the gazetteer's label when that adds something."""
    text = text or ""
    known = labels.place_label(text, lang)
    if known and text.casefold() not in known.casefold():
        return f"{text} ({known})"
    return text


def _scaled(label: QLabel, factor: float, bold: bool = True) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class DetailPane(QWidget):
    """Read-only view of one testimony; asks for editing, never edits."""

    editRequested = Signal(str)
    attachmentOpenRequested = Signal(str)
    attachmentsAddRequested = Signal(list)
    testimonyRequested = Signal(str)  # a corroborating testimony was chosen

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self._lang = language or labels.ui_language()
        self._testimony_id: str | None = None
        self.setStyleSheet(_STYLE)

        self.empty_label = QLabel(self.tr("Select a testimony in the list to see it here."),
                                  self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.title = _scaled(_plain("", self, wrap=False), 1.6)
        self.title.setObjectName("detailTitle")
        self.subtitle = _plain("", self, wrap=False)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setToolTip(self.tr("Edit this testimony (saves a new revision)"))
        self.edit_button.clicked.connect(self._request_edit)
        self.narrative = QPlainTextEdit(self)
        self.narrative.setObjectName("narrativeView")
        self.narrative.setReadOnly(True)
        self.narrative.setTabChangesFocus(True)
        self.narrative.setUndoRedoEnabled(False)
        self.narrative.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.attachments = AttachmentPanel(self)
        self.attachments.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.attachments.openRequested.connect(self.attachmentOpenRequested)
        self.attachments.addRequested.connect(self.attachmentsAddRequested)

        self.corroboration = CorroborationBox(self, language=self._lang)
        self.corroboration.setVisible(False)  # until the shell gives us a session
        self.corroboration.testimonyRequested.connect(self.testimonyRequested)

        # Sections rebuilt for each testimony live in this holder.
        self._sections = QWidget(self)
        self._sections_layout = QVBoxLayout(self._sections)
        self._sections_layout.setContentsMargins(0, 0, 0, 0)
        self._sections_layout.setSpacing(12)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        narrative_box = QGroupBox(self.tr("Narrative"), self)
        QVBoxLayout(narrative_box).addWidget(self.narrative)
        attachments_box = QGroupBox(self.tr("Attachments"), self)
        QVBoxLayout(attachments_box).addWidget(self.attachments)

        # The transfer ledger needs the session's worker, so it is made in set_session.
        self.transfers: TransfersView | None = None
        self._transfers_box = QGroupBox(self.tr("Transfers"), self)
        self._transfers_box.setVisible(False)
        QVBoxLayout(self._transfers_box)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setSpacing(12)
        column.addLayout(header)
        column.addWidget(self._sections)
        column.addWidget(self.corroboration)
        column.addWidget(narrative_box)
        column.addWidget(attachments_box)
        column.addWidget(self._transfers_box)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # -- the API the shell uses ---------------------------------------------------------

    def testimony_id(self) -> str | None:
        return self._testimony_id

    def set_session(self, session: Session | None) -> None:
        """Let the pane look up corroborating testimonies and transfers on ``session``'s
        worker."""
        self.corroboration.set_session(session)
        if session is not None and self.transfers is None:
            self.transfers = TransfersView(session, self._transfers_box)
            self.transfers.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
            # A testimony goes to a few teams: a table as tall as the list's default left
            # a page of empty rows at the foot of the pane.
            self.transfers.table.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
            self._transfers_box.layout().addWidget(self.transfers)
            self._transfers_box.setVisible(True)

    def show_testimony(self, testimony: Testimony | None) -> None:
        """Show ``testimony`` (None: the empty state)."""
        self.clear()
        if testimony is None:
            return
        t = testimony
        self._testimony_id = t.id
        self.title.setText(t.survivor.pseudonym)
        self.subtitle.setText(self.tr("Revision {0} · id {1}").format(t.revision, t.id))
        add = self._sections_layout.addWidget
        add(self._consent_box(t))
        if t.survivor.risk:
            add(self._risk_box(t))
        add(self._survivor_box(t))
        add(self._interview_box(t))
        add(self._events_box(t))
        self.narrative.setPlainText(t.narrative)
        self.attachments.set_attachments(list(t.attachments))
        self.corroboration.set_testimony(t.id)
        if self.transfers is not None:
            self.transfers.show_testimony(t.id)
        self.pages.setCurrentWidget(self.scroll)
        self.scroll.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        """Remove every piece of the testimony from every widget (the store was locked)."""
        self._testimony_id = None
        for child in self._sections.findChildren(QWidget, options=Qt.FindChildOption.
                                                 FindDirectChildrenOnly):
            for label in child.findChildren(QLabel):
                label.clear()
            child.setParent(None)
            child.deleteLater()
        self.title.clear()
        self.subtitle.clear()
        self.narrative.clear()
        self.attachments.clear()
        self.corroboration.clear()
        if self.transfers is not None:
            self.transfers.clear()
        self.pages.setCurrentWidget(self.empty_label)

    def set_store_empty(self, empty: bool) -> None:
        """A first-time user facing an empty list is told how to begin, not to select."""
        self.empty_label.setText(
            self.tr("No testimonies yet. Record one with New testimony (Ctrl+N), or import a "
                    "bundle from the File menu (Ctrl+I).") if empty else
            self.tr("Select a testimony in the list to see it here."))

    def set_language(self, lang: str) -> None:
        self._lang = lang

    def _request_edit(self) -> None:
        if self._testimony_id:
            self.editRequested.emit(self._testimony_id)

    # -- sections -----------------------------------------------------------------------

    def _consent_box(self, t: Testimony) -> QFrame:
        c = t.consent
        box = QFrame(self._sections)
        box.setObjectName("consentBox")
        state = "withdrawn" if c.withdrawn else ("given" if c.scopes else "none")
        box.setProperty("state", state)
        layout = QVBoxLayout(box)
        if c.withdrawn:
            headline = self.tr("⚠ CONSENT WITHDRAWN on {0}").format(c.withdrawn.isoformat())
            detail = self.tr("This testimony must not be exported, shared or published. "
                             "The record is kept; recipients are told by a signed notice.")
        elif c.scopes:
            headline = self.tr("Consent: {0}").format(
                " · ".join(labels.scope_label(s) for s in c.scopes))
            detail = ""
        else:
            headline = self.tr("No consent recorded")
            detail = self.tr("Nothing from this testimony may leave the store.")
        title = _scaled(_plain(headline, box), 1.45 if c.withdrawn else 1.2)
        title.setObjectName("consentHeadline")
        title.setProperty("state", state)
        layout.addWidget(title)
        if detail:
            layout.addWidget(_plain(detail, box))
        if c.withdrawn and c.withdrawal_note:
            layout.addWidget(_plain(self.tr("Note: {0}").format(c.withdrawal_note), box))
        chips = QHBoxLayout()
        for scope in PURPOSES:
            given = getattr(c, scope)
            mark = "✓" if given else "✗"
            chip = _plain(f"{mark} {labels.scope_label(scope)}", box, wrap=False)
            chip.setObjectName("scopeChip")
            chip.setProperty("given", bool(given and not c.withdrawn))
            chips.addWidget(chip)
        chips.addStretch(1)
        layout.addLayout(chips)
        facts = [
            (self.tr("Recorded"), c.recorded.isoformat() if c.recorded else ""),
            (self.tr("Expires"), c.expires.isoformat() if c.expires else ""),
            (self.tr("Identity to a court"), labels.yes_no(c.identity_to_court)),
            (self.tr("May be contacted again"), labels.yes_no(c.recontact)),
            (self.tr("Explained by"), ", ".join(c.explained_by)),
            (self.tr("Form"), " · ".join(filter(None, [c.form_version,
                                                      labels.language_label(c.language)]))),
        ]
        line = "   ".join(f"{k}: {v}" for k, v in facts if v)
        if line:
            layout.addWidget(_plain(line, box))
        return box

    def _risk_box(self, t: Testimony) -> QFrame:
        box = QFrame(self._sections)
        box.setObjectName("riskBox")
        layout = QVBoxLayout(box)
        flags = " · ".join(labels.risk_label(f) for f in t.survivor.risk)
        layout.addWidget(_scaled(_plain("⚠ " + flags, box), 1.1))
        layout.addWidget(_plain(self.tr("Exports offer only the redacted level unless the "
                                        "interviewer overrides it (the override is audited)."),
                                box))
        return box

    def _form_box(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title, self._sections)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        shown = [(k, v) for k, v in rows if v]
        for key, value in shown:
            form.addRow(_plain(key + ":", box, wrap=False), _plain(value, box))
        if not shown:
            form.addRow(_plain(self.tr("Nothing recorded."), box))
        return box

    def _survivor_box(self, t: Testimony) -> QGroupBox:
        s = t.survivor
        origin = _with_gazetteer(s.origin, self._lang)
        prior = "\n".join(p.organisation + (f" ({p.date})" if p.date else "")
                          for p in s.prior_statements)
        return self._form_box(self.tr("Survivor"), [
            (self.tr("Pseudonym"), s.pseudonym),
            (self.tr("Sex"), labels.sex_label(s.sex)),
            (self.tr("Born"), str(s.birth_year) if s.birth_year else
             self.tr("between {0}").format(s.birth_year_band.replace("-", " and "))
             if getattr(s, "birth_year_band", None) else ""),
            (self.tr("Origin"), origin),
            (self.tr("Prior statements"), prior),
        ])

    def _interview_box(self, t: Testimony) -> QGroupBox:
        i = t.interview
        times = " – ".join(x.strftime("%H:%M") for x in (i.start, i.end) if x is not None)
        present = "\n".join(p.role + (f", {p.organisation}" if p.organisation else "")
                            for p in i.persons_present)
        return self._form_box(self.tr("Interview"), [
            (self.tr("Date"), " ".join(filter(None, [str(i.date) if i.date else "", times]))),
            (self.tr("Place"), i.place or ""),
            (self.tr("Language"), labels.language_label(i.language)),
            (self.tr("Interviewer"), i.interviewer or ""),
            (self.tr("Interpreter"), i.interpreter or ""),
            (self.tr("Mode"), labels.mode_label(i.mode)),
            (self.tr("Audio recorded"), labels.yes_no(i.recorded)),
            (self.tr("Depth"), labels.depth_label(i.depth)),
            (self.tr("Restrictions"), i.restrictions or ""),
            (self.tr("Also present"), present),
        ])

    def _events_box(self, t: Testimony) -> QGroupBox:
        box = QGroupBox(self.tr("Events ({0})").format(len(t.events)), self._sections)
        layout = QVBoxLayout(box)
        layout.setSpacing(8)
        if not t.events:
            layout.addWidget(_plain(self.tr("No events recorded."), box))
        names = {a.id: a.name for a in t.attachments}
        ordered = sorted(t.events, key=lambda e: chronological(e.start))
        for event in ordered:
            layout.addWidget(self._event_card(event, names, box))
        return box

    def _event_card(self, e: Event, names: dict[str, str], parent: QWidget) -> QFrame:
        lang = self._lang
        card = QFrame(parent)
        card.setObjectName("eventCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.setSpacing(2)
        when = labels.date_range(str(e.start) if e.start else None,
                                 str(e.end) if e.end else None, e.approx)
        head = _scaled(_plain(f"{when}   {labels.term_label('event_types', e.type, lang)}",
                              card), 1.05)
        layout.addWidget(head)
        grid = QFormLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        place = _with_gazetteer(e.place, lang)
        facility = " · ".join(p for p in (e.facility or "", labels.term_label(
            "facilities", e.facility_kind, lang)) if p)
        who = " · ".join(p for p in (labels.term_label("perpetrators", e.perpetrator, lang),
                                     e.perpetrator_description or "") if p)
        rows = [(self.tr("Place"), place), (self.tr("Facility"), facility),
                (self.tr("Run by"), labels.term_label("perpetrators", e.agency, lang)),
                (self.tr("Perpetrator"), who),
                (self.tr("Known by"), labels.knowledge_label(e.knowledge)),
                (self.tr("Sources"), ", ".join(names.get(s, s) for s in e.sources))]
        for key, value in rows:
            if value:
                name = _plain(key + ":", card, wrap=False)
                name.setObjectName("muted")
                grid.addRow(name, _plain(value, card))
        layout.addLayout(grid)
        if e.description:
            description = _plain(e.description, card)
            description.setContentsMargins(0, 4, 0, 0)
            layout.addWidget(description)
        return card
