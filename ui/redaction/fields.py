"""Every redactable field laid out in one read-only document, and offsets both ways.

Findings and redactions count Unicode code points; Qt counts UTF-16 units, so a name
after an emoji or a rare Hanzi outside the Basic Multilingual Plane would be highlighted
one place off if the two were mixed up. :class:`FieldLayout` records where each field's
text starts in the document and converts between the two counts.

Qt also folds ``\\r\\n`` into one paragraph break, which would shift every later offset, so
a carriage return is shown as a space (the stored text is never touched).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor

_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
Piece = tuple[str, QTextCharFormat | None, object]  # text, its look, a tag to find it by


def _tr(text: str) -> str:
    return QCoreApplication.translate("RedactionFields", text)


def field_label(path: str) -> str:
    """``events[1].description`` → "Event 2 › Description", in the UI language."""
    parts = [(m.group(1), None if m.group(2) is None else int(m.group(2)))
             for m in map(_PART.fullmatch, path.split(".")) if m]
    names = {
        "narrative": _tr("Narrative"), "survivor": _tr("Survivor"), "origin": _tr("Origin"),
        "prior_statements": _tr("Prior statement"), "organisation": _tr("Organisation"),
        "interview": _tr("Interview"), "place": _tr("Place"), "interviewer": _tr("Interviewer"),
        "interpreter": _tr("Interpreter"), "restrictions": _tr("Restrictions"),
        "persons_present": _tr("Person present"), "role": _tr("Role"),
        "consent": _tr("Consent"), "explained_by": _tr("Explained by"),
        "withdrawal_note": _tr("Withdrawal note"), "events": _tr("Event"),
        "facility": _tr("Facility"), "perpetrator_description": _tr("Perpetrator description"),
        "description": _tr("Description"), "attachments": _tr("Attachment"),
        "name": _tr("File name"),
    }
    shown = []
    for name, index in parts:
        label = names.get(name, name)
        shown.append(label if index is None else f"{label} {index + 1}")
    return " › ".join(shown)


def display_text(text: str) -> str:
    """The text as the document shows it: one character for one character."""
    return text.replace("\r", " ")


@dataclass
class _Field:
    start: int  # document position of the field's first character
    text: str
    astral: list[int] = field(default_factory=list)  # code-point offsets of 2-unit chars

    @property
    def units(self) -> int:
        return len(self.text) + len(self.astral)

    def to_units(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset)

    def to_points(self, units: int) -> int:
        # the smallest code-point offset whose unit position reaches ``units``
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_units(mid) < units:
                lo = mid + 1
            else:
                hi = mid
        return lo


class FieldLayout:
    """Where each field sits in a document built by :meth:`write`."""

    def __init__(self) -> None:
        self._fields: dict[str, _Field] = {}
        self._order: list[tuple[int, str]] = []
        self.tags: dict[object, int] = {}

    def write(self, cursor: QTextCursor, fields: Iterable[tuple[str, str]],
              pieces: dict[str, list[Piece]] | None = None) -> None:
        """Write a heading and the text of each field. ``pieces`` (the preview) replaces a
        field's text by formatted pieces; where a tagged piece starts goes in ``tags``."""
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setForeground(QColor("#555555"))
        plain = QTextCharFormat()
        body = QTextBlockFormat()  # room between lines for underlines and the current frame
        body.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.beginEditBlock()  # one layout at the end, not one per piece (long narratives)
        for n, (path, text) in enumerate(fields):
            block = QTextBlockFormat()
            block.setTopMargin(0 if n == 0 else 14)
            block.setBottomMargin(2)
            if n:
                cursor.insertBlock(block, heading)
            else:
                cursor.setBlockFormat(block)
            cursor.insertText(field_label(path), heading)
            cursor.insertBlock(body, plain)
            start = cursor.position()
            if pieces is not None and path in pieces:
                for piece, fmt, tag in pieces[path]:
                    if tag is not None:
                        self.tags[tag] = cursor.position()
                    cursor.insertText(display_text(piece), fmt or plain)
                continue
            shown = display_text(text)
            astral = [i for i, c in enumerate(shown) if ord(c) > 0xFFFF]
            cursor.insertText(shown, plain)
            self._fields[path] = _Field(start, shown, astral)
            self._order.append((start, path))
        cursor.endEditBlock()

    def position(self, path: str, offset: int) -> int:
        f = self._fields[path]
        return f.start + f.to_units(offset)

    def locate(self, position: int) -> tuple[str, int] | None:
        """The (field, code-point offset) at a document position, or None (a heading)."""
        i = bisect.bisect_right(self._order, (position, "\uffff")) - 1
        if i < 0:
            return None
        start, path = self._order[i]
        f = self._fields[path]
        if position > start + f.units:
            return None
        return path, f.to_points(position - start)

    def paths(self) -> list[str]:
        return [p for _s, p in self._order]
