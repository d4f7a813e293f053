"""How each kind of finding and each decision looks, and the legend that says so.

Colours are the Okabe–Ito set, chosen to stay distinct under the common forms of colour
blindness; and colour is never the only signal: the decision is also the line style
(underlined: undecided; solid: redacted; struck through and grey: kept), the panel names
the kind in words, and the preview shows the label (``[PHONE-1]``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from intake.review import MANUAL_KINDS, Status

COLOURS = {
    "PERSON": "#E69F00",        # orange
    "PHONE": "#56B4E9",         # sky blue
    "ID_NUMBER": "#009E73",     # bluish green
    "EMAIL": "#F0E442",         # yellow
    "ACCOUNT": "#0072B2",       # blue
    "DATE_OF_BIRTH": "#D55E00",  # vermilion
    "ADDRESS": "#CC79A7",       # reddish purple
    "OTHER": "#000000",         # black, like a marker pen
}
_LIGHT_TEXT = frozenset({"ACCOUNT", "OTHER"})  # white reads better on these
KEPT_GREY = "#8a8a8a"
TINT_ALPHA = 70


def _tr(text: str) -> str:
    return QCoreApplication.translate("RedactionKinds", text)


def kind_label(kind: str) -> str:
    """The kind in words, in the UI language (an unknown kind is shown as it is)."""
    return {
        "PERSON": _tr("Person"), "PHONE": _tr("Phone number"), "ID_NUMBER": _tr("ID number"),
        "EMAIL": _tr("Email"), "ACCOUNT": _tr("Messenger account"),
        "DATE_OF_BIRTH": _tr("Date of birth"),
        "ADDRESS": _tr("Address"), "OTHER": _tr("Other"),
    }.get(kind, kind)


def status_label(status: Status) -> str:
    return {Status.UNDECIDED: _tr("undecided"), Status.ACCEPTED: _tr("redacted"),
            Status.REJECTED: _tr("kept")}[status]


def colour(kind: str) -> QColor:
    return QColor(COLOURS.get(kind, COLOURS["OTHER"]))


def text_colour(kind: str) -> QColor:
    return QColor("#ffffff" if kind in _LIGHT_TEXT else "#000000")


def tint(kind: str) -> QColor:
    c = colour(kind)
    c.setAlpha(TINT_ALPHA)
    return c


def char_format(kind: str, status: Status, *, current: bool = False) -> QTextCharFormat:
    """The look of one item in the text: underlined, solid or struck through."""
    fmt = QTextCharFormat()
    if status is Status.ACCEPTED:
        fmt.setBackground(colour(kind))
        fmt.setForeground(text_colour(kind))
    elif status is Status.REJECTED:
        fmt.setForeground(QColor(KEPT_GREY))
        fmt.setFontStrikeOut(True)
    else:
        fmt.setBackground(tint(kind))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour(kind).darker(130))
    if current:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def _swatch_html(kind: str) -> str:
    return (f'<span style="background-color:{COLOURS[kind]}; color:{COLOURS[kind]}">'
            f"&nbsp;&nbsp;&nbsp;</span>&nbsp;{escape(kind_label(kind))}")


class Legend(QWidget):
    """One line: every kind's colour, then what the three line styles mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.kinds = QLabel(self)
        self.kinds.setTextFormat(Qt.TextFormat.RichText)
        self.kinds.setWordWrap(True)
        self.kinds.setText("&nbsp;&nbsp; ".join(_swatch_html(k) for k in MANUAL_KINDS))
        self.styles = QLabel(self)
        self.styles.setTextFormat(Qt.TextFormat.RichText)
        sample = "#E69F00"
        self.styles.setText(
            f'<span style="text-decoration:underline; background-color:#f8e3b3">'
            f"{escape(status_label(Status.UNDECIDED))}</span>&nbsp;&nbsp; "
            f'<span style="background-color:{sample}">&nbsp;'
            f"{escape(status_label(Status.ACCEPTED))}&nbsp;</span>&nbsp;&nbsp; "
            f'<span style="text-decoration:line-through; color:{KEPT_GREY}">'
            f"{escape(status_label(Status.REJECTED))}</span>")
        layout.addWidget(self.kinds, 1)
        layout.addWidget(self.styles, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
