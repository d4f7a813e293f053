"""The filters beside the search field: what kind of event, when, where, by whom, which
consent, from whom.

Every control maps onto one field of :class:`intake.search.Filters`, so a saved search
made here runs the same in the CLI and back. Vocabulary choices carry their id (labels
in the UI language); facility and perpetrator also take free words ("Officer Pak"),
which the engine matches in the events' own text. Dates take what survivors give —
``2019``, ``2019-03`` or ``2019-03-14`` — and are checked as they are typed, in the UI
language, next to the field: a search with a half-typed date is not run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from intake import vocabulary
from intake.dates import PartialDate
from intake.errors import InvalidInput
from intake.model import PURPOSES
from intake.search import Filters
from ui.editor.place_edit import PlaceEdit
from ui.records import labels

LOCAL = "local"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchFilters", text)


def _vocab_combo(name: str, lang: str, any_text: str, *, editable: bool) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    combo.addItem(any_text, None)
    for term in vocabulary.load(name):
        if term.id != "unknown":
            combo.addItem(term.label(lang), term.id)
            combo.setItemData(combo.count() - 1, term.label("en" if lang == "ko" else "ko"),
                              Qt.ItemDataRole.ToolTipRole)  # the other language
    combo.setMaxVisibleItems(16)
    if editable and combo.lineEdit() is not None:
        combo.lineEdit().setPlaceholderText(any_text)
        combo.setEditText("")
    return combo


def combo_value(combo: QComboBox) -> str | None:
    """The chosen item's id, or the words typed into an editable combo, or None (any)."""
    text = combo.currentText().strip()
    i = combo.currentIndex()
    if i > 0 and combo.itemText(i) == combo.currentText():
        return combo.itemData(i)
    if not combo.isEditable() or not text or text == combo.itemText(0):
        return None
    found = combo.findText(text)
    return combo.itemData(found) if found > 0 else text


def set_combo_value(combo: QComboBox, value: str | None) -> None:
    i = combo.findData(value) if value is not None else 0
    if i >= 0:
        combo.setCurrentIndex(i)
        if combo.isEditable() and i == 0:
            combo.setEditText("")
    elif combo.isEditable():
        combo.setEditText(value or "")


class FilterPanel(QWidget):
    """Filter controls; ``filters()`` is the current :class:`Filters` (None if a date is
    not valid yet, with :meth:`problem` saying why)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        lang = self._lang = language or labels.ui_language()
        self.type_combo = _vocab_combo("event_types", lang, _tr("Any event type"),
                                       editable=False)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for field, hint in ((self.date_from, _tr("from, e.g. 2019")),
                            (self.date_to, _tr("to, e.g. 2019-03"))):
            field.setPlaceholderText(hint)
            field.setToolTip(_tr("A year, a month or a day: 2019, 2019-03 or 2019-03-14. "
                                 "A partial date stands for its whole span."))
            field.setMaxLength(10)
        self.date_problem = QLabel()
        self.date_problem.setObjectName("filterProblem")
        self.date_problem.setStyleSheet("color: #a4161a;")
        self.date_problem.setWordWrap(True)
        self.date_problem.hide()
        self.place_edit = PlaceEdit(lang)
        self.place_edit.setPlaceholderText(_tr("Any place (단둥, Dandong, 丹东…)"))
        self.facility_combo = _vocab_combo("facilities", lang, _tr("Any facility"),
                                           editable=True)
        self.perpetrator_combo = _vocab_combo("perpetrators", lang, _tr("Any perpetrator"),
                                              editable=True)
        self.consent_combo = QComboBox()
        self.consent_combo.addItem(_tr("Any consent"), None)
        for scope in PURPOSES:
            self.consent_combo.addItem(_tr("Covers {0} use today").format(
                labels.scope_label(scope)), scope)
        self.sender_combo = QComboBox()
        self.sender_combo.setEditable(True)
        self.set_senders([])
        self.withdrawn_check = QCheckBox(_tr("Include testimonies whose consent was withdrawn"))
        self.clear_button = QPushButton(_tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.date_from, 1)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_tr("Event"), self.type_combo)
        form.addRow(_tr("When"), dates)
        form.addRow("", self.date_problem)
        form.addRow(_tr("Place"), self.place_edit)
        form.addRow(_tr("Facility"), self.facility_combo)
        form.addRow(_tr("Perpetrator"), self.perpetrator_combo)
        form.addRow(_tr("Consent"), self.consent_combo)
        form.addRow(_tr("Sender"), self.sender_combo)
        form.addRow(self.withdrawn_check)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)
        form.addRow(bottom)

        for combo in (self.type_combo, self.consent_combo):
            combo.currentIndexChanged.connect(self.changed)
        for combo in (self.facility_combo, self.perpetrator_combo, self.sender_combo):
            combo.currentTextChanged.connect(self.changed)
        for field in (self.date_from, self.date_to):
            field.textChanged.connect(self._dates_edited)
        self.place_edit.textChanged.connect(self.changed)
        self.withdrawn_check.toggled.connect(self.changed)

    # -- values ---------------------------------------------------------------------------

    def set_senders(self, contact_labels: list[str]) -> None:
        """Offer ``local`` and the contacts records may have come from."""
        chosen = combo_value(self.sender_combo) if self.sender_combo.count() else None
        self.sender_combo.blockSignals(True)
        self.sender_combo.clear()
        self.sender_combo.addItem(_tr("Any sender"), None)
        self.sender_combo.addItem(_tr("Recorded in this store"), LOCAL)
        for label in sorted(contact_labels, key=str.casefold):
            self.sender_combo.addItem(label, label)
        self.sender_combo.lineEdit().setPlaceholderText(_tr("Any sender"))
        set_combo_value(self.sender_combo, chosen)
        self.sender_combo.blockSignals(False)

    def _dates(self) -> tuple[PartialDate | None, PartialDate | None, str]:
        parsed: list[PartialDate | None] = []
        for field in (self.date_from, self.date_to):
            text = field.text().strip()
            if not text:
                parsed.append(None)
                continue
            try:
                parsed.append(PartialDate.parse(text, "date"))
            except InvalidInput:
                return None, None, _tr("“{0}” is not a date: write 2019, 2019-03 or "
                                       "2019-03-14.").format(text[:10])
        lo, hi = parsed
        if lo and hi and hi.latest() < lo.earliest():
            return None, None, _tr("The end of the period is before its start.")
        return lo, hi, ""

    def problem(self) -> str:
        """Why the filters cannot be used yet ("" when they can)."""
        return self._dates()[2]

    def filters(self) -> Filters | None:
        lo, hi, problem = self._dates()
        if problem:
            return None

        def one(value: str | None) -> tuple[str, ...]:
            return (value,) if value else ()

        place = self.place_edit.text().strip()
        return Filters(types=one(self.type_combo.currentData()), date_from=lo, date_to=hi,
                       places=one(place), facilities=one(combo_value(self.facility_combo)),
                       perpetrators=one(combo_value(self.perpetrator_combo)),
                       consent=self.consent_combo.currentData(),
                       senders=one(combo_value(self.sender_combo)),
                       include_withdrawn=self.withdrawn_check.isChecked())

    def set_filters(self, f: Filters) -> None:
        """Show ``f`` (a saved search); one value per field, as the panel offers."""
        self.blockSignals(True)
        try:
            set_combo_value(self.type_combo, f.types[0] if f.types else None)
            self.date_from.setText(str(f.date_from) if f.date_from else "")
            self.date_to.setText(str(f.date_to) if f.date_to else "")
            self.place_edit.setText(f.places[0] if f.places else "")
            set_combo_value(self.facility_combo, f.facilities[0] if f.facilities else None)
            set_combo_value(self.perpetrator_combo,
                            f.perpetrators[0] if f.perpetrators else None)
            set_combo_value(self.consent_combo, f.consent)
            set_combo_value(self.sender_combo, f.senders[0] if f.senders else None)
            self.withdrawn_check.setChecked(f.include_withdrawn)
        finally:
            self.blockSignals(False)
        self._show_problem()
        self.changed.emit()

    def active_count(self) -> int:
        """How many filters are set (shown on the toggle button)."""
        f = self.filters()
        if f is None:
            return 0
        return sum(bool(x) for x in (f.types, f.date_from or f.date_to, f.places, f.facilities,
                                     f.perpetrators, f.consent, f.senders,
                                     f.include_withdrawn))

    def clear(self) -> None:
        self.set_filters(Filters())

    def wipe(self) -> None:
        """Lock: forget the values and the contacts' labels."""
        self.set_senders([])
        self.set_filters(Filters())

    # -- inline validation ----------------------------------------------------------------

    def _dates_edited(self) -> None:
        self._show_problem()
        self.changed.emit()

    def _show_problem(self) -> None:
        problem = self.problem()
        self.date_problem.setText(problem)
        self.date_problem.setVisible(bool(problem))
        bad = "border: 1px solid #a4161a;"
        for field in (self.date_from, self.date_to):
            field.setStyleSheet(bad if problem and field.text().strip() else "")
