"""Small input widgets the testimony form is built from.

Every widget holds exactly what was typed, valid or not, so that a draft can be saved and
restored as it stands and the model can name the field that is wrong. Dates are typed, not
picked: survivors give "2019" or "2019년 3월", which no calendar widget can hold, and typing
is faster for an interviewer who keeps their eyes on the survivor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intake import vocabulary
from intake.dates import PartialDate, parse_iso_date, parse_time_with_zone
from intake.errors import InvalidInput

_LOOSE_DATE = re.compile(
    r"(\d{4})\s*(?:년|[-./])?\s*(?:(\d{1,2})\s*(?:월|[-./])?\s*(?:(\d{1,2})\s*일?)?)?\.?")
_LOOSE_TIME = re.compile(
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2}|KST|UTC)?", re.IGNORECASE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditorFields", text)


def plain_text(edit: QPlainTextEdit) -> str:
    """The text exactly as held: ``toPlainText`` would turn no-break spaces into spaces."""
    return edit.document().toRawText().replace("\u2029", "\n")


def normalise_date_text(text: str) -> str:
    """``2019.3.14``, ``2019/03``, ``2019년 3월 14일`` → ``2019-03-14``, ``2019-03``;
    anything else is returned stripped, for validation to name."""
    stripped = text.strip()
    m = _LOOSE_DATE.fullmatch(stripped)
    if m is None:
        return stripped
    year, month, day = m.groups()
    if day is not None and month is None:
        return stripped
    out = year
    if month is not None:
        out += f"-{int(month):02d}"
        if day is not None:
            out += f"-{int(day):02d}"
    return out


def normalise_time_text(text: str) -> str:
    """``9:05 +0900`` or ``09:05 KST`` → ``09:05+09:00``; anything else stripped."""
    stripped = text.strip()
    m = _LOOSE_TIME.fullmatch(stripped)
    if m is None:
        return stripped
    hour, minute, second, zone = m.groups()
    out = f"{int(hour):02d}:{minute}" + (f":{second}" if second else "")
    if zone is None:
        return out
    zone = zone.upper()
    if zone == "KST":
        return out + "+09:00"
    if zone in ("Z", "UTC"):
        return out + "Z"
    digits = zone[1:].replace(":", "")
    return out + f"{zone[0]}{digits[:2]}:{digits[2:]}"


def date_problem(text: str, *, full: bool) -> str | None:
    """Why ``text`` is not a date of the wanted kind, in the UI language; None if it is."""
    if not text:
        return None
    try:
        if full:
            parse_iso_date(text)
        else:
            PartialDate.parse(text)
    except InvalidInput:
        if full:
            return _tr("Type a full date: YYYY-MM-DD, e.g. 2023-08-14")
        if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
            return _tr("This date does not exist (check the month and the day)")
        return _tr("Type 2019, 2019-03 or 2019-03-14")
    return None


def time_problem(text: str) -> str | None:
    if not text:
        return None
    try:
        parse_time_with_zone(text)
    except InvalidInput:
        return _tr("Type a time with its zone, e.g. 14:30+09:00 (or 14:30 KST)")
    return None


class FieldRow(QWidget):
    """A field with its message underneath: the error (red) or a hint (grey)."""

    def __init__(self, widget: QWidget, label: str, parent: QWidget | None = None,
                 keys: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.widget = widget
        self.label_text = label
        self.keys = tuple(keys)
        self.message = QLabel(self)
        self.message.setObjectName("fieldMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self._hint = ""
        self._error = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.message)

    @property
    def error(self) -> str:
        return self._error

    def set_error(self, text: str | None) -> None:
        self._error = text or ""
        self.widget.setProperty("invalid", bool(self._error))
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)
        self._refresh()

    def set_hint(self, text: str | None) -> None:
        self._hint = text or ""
        self._refresh()

    def _refresh(self) -> None:
        text = self._error or self._hint
        self.message.setProperty("kind", "error" if self._error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(("⚠ " + text) if self._error else text)
        self.message.setVisible(bool(text))


class ChoiceCombo(QComboBox):
    """A fixed choice whose first entry means "not recorded" (None).

    A value the list does not know (from an old draft, or a newer vocabulary) is added
    rather than dropped, so loading a record never loses what it said.
    """

    def __init__(self, choices: Iterable[tuple[str, str]], parent: QWidget | None = None, *,
                 blank: str | None = None, tooltips: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.addItem(blank if blank is not None else "—", None)
        for value, label in choices:
            self.addItem(label, value)
            if tooltips and tooltips.get(value):
                self.setItemData(self.count() - 1, tooltips[value],
                                 Qt.ItemDataRole.ToolTipRole)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def value(self) -> object:
        return self.currentData()

    def set_value(self, value: object) -> None:
        if value is None or value == "":
            self.setCurrentIndex(0)
            return
        index = self.findData(value)
        if index < 0:
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)


class TriStateCombo(ChoiceCombo):
    """Yes / No / not recorded: a ``bool | None`` field where "unknown" is an answer."""

    def __init__(self, parent: QWidget | None = None, *, yes: str = "", no: str = "") -> None:
        super().__init__([], parent, blank=_tr("Not recorded"))
        self.addItem(yes or _tr("Yes"), True)
        self.addItem(no or _tr("No"), False)

    def set_value(self, value: object) -> None:
        if value is True or value is False:
            self.setCurrentIndex(1 if value else 2)
        else:
            super().set_value(value)


class VocabCombo(ChoiceCombo):
    """Terms of a vocabulary, labelled in the UI language, storing the term id."""

    def __init__(self, name: str, lang: str, parent: QWidget | None = None, *,
                 blank: str | None = None,
                 keep: Callable[[vocabulary.Term], bool] | None = None) -> None:
        terms = [t for t in vocabulary.load(name) if keep is None or keep(t)]
        definition = "definition_ko" if lang == "ko" else "definition_en"
        tips = {t.id: getattr(t, definition) or t.definition_en or t.label(
            "en" if lang == "ko" else "ko") for t in terms}
        super().__init__([(t.id, t.label(lang)) for t in terms], parent, blank=blank,
                         tooltips=tips)
        self.setMaxVisibleItems(20)


class DateEdit(QLineEdit):
    """A typed date: partial (``2019``, ``2019-03``, ``2019-03-14``) or, if ``full``, a day.

    Loose forms (``2019.3.14``, ``2019년 3월``) are rewritten to ISO when the field is
    left; what cannot be read is kept as typed and named by the message under the field.
    """

    def __init__(self, parent: QWidget | None = None, *, full: bool = False) -> None:
        super().__init__(parent)
        self.full = full
        self.setPlaceholderText(_tr("YYYY-MM-DD") if full else _tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.setMaxLength(40)
        self.editingFinished.connect(self._normalise)

    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else str(value))

    def problem(self) -> str | None:
        return date_problem(self.text().strip(), full=self.full)

    def _normalise(self) -> None:
        fixed = normalise_date_text(self.text())
        if fixed != self.text() and date_problem(fixed, full=self.full) is None:
            self.setText(fixed)


class TimeEdit(QLineEdit):
    """A time of day with its zone (``14:30+09:00``), as the model requires."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_tr("14:30+09:00"))
        self.setMaxLength(30)
        self.editingFinished.connect(self._normalise)

    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else str(value))

    def problem(self) -> str | None:
        return time_problem(self.text().strip())

    def _normalise(self) -> None:
        fixed = normalise_time_text(self.text())
        if fixed != self.text() and time_problem(fixed) is None:
            self.setText(fixed)


def with_today(edit: DateEdit, parent: QWidget | None = None) -> QWidget:
    """A full-date field with a "Today" button beside it (consent is usually recorded today)."""
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QToolButton(box)
    button.setText(_tr("Today"))
    button.setToolTip(_tr("Fill in today's date"))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def today() -> None:
        edit.setText(QDate.currentDate().toString(Qt.DateFormat.ISODate))
        edit.setFocus()

    button.clicked.connect(today)
    layout.addWidget(button)
    box.setFocusProxy(edit)
    return box


def text_value(edit: QLineEdit) -> str | None:
    """A single-line text field: exactly as typed, or None when empty."""
    return edit.text() or None
