"""The form for one event of the timeline.

Type, perpetrator, agency and facility kind come from the controlled vocabularies (labels in
the UI language, ids stored). Dates are partial and may be marked approximate. ``agency``
records only what the survivor or a document said: holding centres were run by either
the Ministry of State Security or the Ministry of Social Security, so it is never filled in
from the facility kind.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from intake.errors import InvalidInput
from intake.model import AttachmentRef
from ui.editor.fields import ChoiceCombo, DateEdit, VocabCombo, plain_text, text_value
from ui.editor.place_edit import PlaceEdit
from ui.editor.section import Section
from ui.records import labels

IdRole = Qt.ItemDataRole.UserRole + 1
KEYS = ("type", "start", "end", "approx", "place", "facility", "facility_kind", "perpetrator",
        "agency", "perpetrator_description", "knowledge", "description", "sources")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventForm", text)


def attachment_refs(items: list[Any]) -> list[AttachmentRef]:
    """The attachments of a (possibly half-typed draft) record that are well formed."""
    out = []
    for item in items:
        try:
            out.append(AttachmentRef.from_dict(item))
        except InvalidInput:
            continue
    return out


def empty_event() -> dict[str, Any]:
    return {"type": None, "start": None, "end": None, "approx": False, "place": None,
            "facility": None, "facility_kind": None, "perpetrator": None, "agency": None,
            "perpetrator_description": None, "knowledge": None, "description": "",
            "sources": []}


class EventForm(Section):
    """Edits one event dict; the timeline owns the list of them."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = VocabCombo("event_types", lang, self, blank=_tr("Choose the type…"))
        self.add("type", _tr("Type"), self.type)
        self.start, self.end = DateEdit(self), DateEdit(self)
        self.end.setPlaceholderText(_tr("end, if it lasted"))
        self.approx = QCheckBox(_tr("Approximate"), self)
        self.approx.setToolTip(_tr("The survivor gave an estimate"))
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start, 3)
        row.addWidget(QLabel("–", when))
        row.addWidget(self.end, 3)
        row.addWidget(self.approx)
        when.setFocusProxy(self.start)
        self.add("when", _tr("When"), when, keys=("start", "end", "approx"),
                 watch=(self.start, self.end, self.approx))
        self.place = PlaceEdit(lang, self)
        self.place_row = self.add("place", _tr("Place"), self.place)
        self.place.textChanged.connect(lambda: self.place_row.set_hint(self.place.hint()))
        self.facility = QLineEdit(self)
        self.facility.setPlaceholderText(_tr("Name of the facility, as the survivor called it"))
        self.add("facility", _tr("Facility"), self.facility)
        self.facility_kind = VocabCombo("facilities", lang, self)
        self.add("facility_kind", _tr("Facility kind"), self.facility_kind)
        self.perpetrator = VocabCombo("perpetrators", lang, self)
        self.add("perpetrator", _tr("Perpetrator"), self.perpetrator)
        self.perpetrator_description = QLineEdit(self)
        self.perpetrator_description.setPlaceholderText(
            _tr("Rank, unit or alias, as the survivor gave them"))
        self.add("perpetrator_description", _tr("Described as"), self.perpetrator_description)
        self.agency = VocabCombo("perpetrators", lang, self,
                                 keep=lambda t: t.kind == "state")
        self.add("agency", _tr("Run by (agency)"), self.agency).set_hint(
            _tr("Only what the survivor or a document said; never inferred from the facility."))
        self.knowledge = ChoiceCombo([(k, labels.knowledge_label(k))
                                      for k in ("experienced", "witnessed", "heard")], self)
        self.add("knowledge", _tr("Known by"), self.knowledge)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 14)
        self.add("description", _tr("Description"), self.description)
        self.sources = QListWidget(self)
        self.sources.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.sources.itemChanged.connect(lambda _item: self.edited.emit())
        self.sources_row = self.add("sources", _tr("Supported by"), self.sources)
        self._unknown_sources: list[Any] = []
        self._attachments: list[AttachmentRef] = []
        self.set_attachments([])

    def set_attachments(self, refs: list[AttachmentRef]) -> None:
        """The testimony's attachments, offered as sources of the event."""
        self._attachments = list(refs)
        chosen = self._chosen_sources()
        self.sources.blockSignals(True)
        self.sources.clear()
        for ref in refs:
            item = QListWidgetItem(ref.name, self.sources)
            item.setData(IdRole, ref.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ref.id in chosen
                               else Qt.CheckState.Unchecked)
        self.sources.blockSignals(False)
        self.sources.setVisible(bool(refs))
        self.sources_row.set_hint("" if refs else _tr("Attachments added to the testimony can "
                                                      "be marked as sources of an event."))

    def _chosen_sources(self) -> list[str]:
        return [str(self.sources.item(r).data(IdRole)) for r in range(self.sources.count())
                if self.sources.item(r).checkState() == Qt.CheckState.Checked]

    def load(self, d: dict[str, Any]) -> None:
        self.type.set_value(d.get("type"))
        self.start.set_value(d.get("start"))
        self.end.set_value(d.get("end"))
        self.approx.setChecked(d.get("approx") is True)
        self.place.setText("" if d.get("place") is None else str(d.get("place")))
        self.facility.setText("" if d.get("facility") is None else str(d.get("facility")))
        self.facility_kind.set_value(d.get("facility_kind"))
        self.perpetrator.set_value(d.get("perpetrator"))
        self.agency.set_value(d.get("agency"))
        self.perpetrator_description.setText("" if d.get("perpetrator_description") is None
                                             else str(d.get("perpetrator_description")))
        self.knowledge.set_value(d.get("knowledge"))
        self.description.setPlainText("" if d.get("description") is None
                                      else str(d.get("description")))
        sources = d.get("sources") if isinstance(d.get("sources"), list) else []
        known = {ref.id for ref in self._attachments}
        self._unknown_sources = [s for s in sources if s not in known]
        self.sources.blockSignals(True)
        for r in range(self.sources.count()):
            item = self.sources.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(IdRole) in sources
                               else Qt.CheckState.Unchecked)
        self.sources.blockSignals(False)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type.value(), "start": self.start.value(),
                "end": self.end.value(), "approx": self.approx.isChecked(),
                "place": text_value(self.place), "facility": text_value(self.facility),
                "facility_kind": self.facility_kind.value(),
                "perpetrator": self.perpetrator.value(), "agency": self.agency.value(),
                "perpetrator_description": text_value(self.perpetrator_description),
                "knowledge": self.knowledge.value(),
                "description": plain_text(self.description),
                "sources": self._chosen_sources() + self._unknown_sources}

    def clear(self) -> None:
        self.load(empty_event())
        self.set_attachments([])
        self.show_errors({})
