"""The testimony's texts, read-only, with every finding highlighted by kind and decision.

Highlights are extra selections, drawn over a document that is never edited, so a
decision repaints in one call and nothing of the stored text can change here. The item
the interviewer is working on gets a frame, so it is found at a glance whatever its
colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from intake.review import Item, ItemKey
from ui.redaction.fields import FieldLayout
from ui.redaction.palette import char_format


class FindingsView(QTextEdit):
    """Shows the fields; reports clicks on items and text selections within one field."""

    itemClicked = Signal(object)  # ItemKey
    selectionMoved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.layout_map = FieldLayout()
        self._items: tuple[Item, ...] = ()
        self._current: ItemKey | None = None
        self.selectionChanged.connect(self.selectionMoved)

    def show_fields(self, fields: Sequence[tuple[str, str]]) -> None:
        self.clear()
        self.layout_map = FieldLayout()
        self.layout_map.write(QTextCursor(self.document()), fields)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def clear(self) -> None:
        self.setExtraSelections([])
        self._items, self._current = (), None
        self.document().clear()
        self.layout_map = FieldLayout()

    def show_items(self, items: tuple[Item, ...], current: ItemKey | None) -> None:
        """Highlight ``items``; frame ``current`` and bring it into view if it moved."""
        moved = current != self._current
        self._items, self._current = items, current
        selections = []
        for item in items:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(item.key)
            sel.format = char_format(item.kind, item.status, current=item.key == current)
            selections.append(sel)
        self.setExtraSelections(selections)
        if current is not None and moved:
            self.scroll_to(current)
        self.viewport().update()

    def cursor_for(self, key: ItemKey) -> QTextCursor:
        path, start, end = key
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.layout_map.position(path, start))
        cursor.setPosition(self.layout_map.position(path, end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def scroll_to(self, key: ItemKey) -> None:
        """Put the text cursor at the item's start (dropping any selection) and show it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.layout_map.position(key[0], key[1]))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_span(self) -> tuple[str, int, int] | None:
        """The selection as (field, start, end) in code points, if it lies in one field."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a = self.layout_map.locate(cursor.selectionStart())
        b = self.layout_map.locate(cursor.selectionEnd())
        if a is None or b is None or a[0] != b[0] or a[1] >= b[1]:
            return None
        return a[0], a[1], b[1]

    def select_span(self, path: str, start: int, end: int) -> None:
        """Select text as a user would (tests, and "select this finding's text")."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.layout_map.position(path, start))
        cursor.setPosition(self.layout_map.position(path, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def point_of(self, key: ItemKey) -> QPointF:
        """The middle of an item's first character, in viewport coordinates."""
        rects = self._rects(self.cursor_for(key))
        return rects[0].center() if rects else QPointF()

    # -- mouse and painting -----------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        point = event.position().toPoint()
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if self.cursorRect(cursor).center().x() > point.x() and position > 0:
            position -= 1  # the click fell on the character before this cursor position
        where = self.layout_map.locate(position)
        if where is None:
            return
        under = [i for i in self._items if i.field == where[0] and i.start <= where[1] < i.end]
        if under:
            self.itemClicked.emit(min(under, key=lambda i: i.end - i.start).key)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        super().paintEvent(event)
        if self._current is None or not any(i.key == self._current for i in self._items):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1a1a1a"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self._rects(self.cursor_for(self._current)):
            painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 3, 3)
        painter.end()

    def _rects(self, cursor: QTextCursor) -> list[QRectF]:
        """One rectangle per laid-out line the selection covers, in viewport coordinates."""
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        doc = self.document()
        layout = doc.documentLayout()
        offset = QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        rects = []
        block = doc.findBlock(a)
        while block.isValid() and block.position() <= b:
            text_layout = block.layout()
            origin = layout.blockBoundingRect(block).topLeft()
            for n in range(text_layout.lineCount()):
                line = text_layout.lineAt(n)
                first = block.position() + line.textStart()
                s, e = max(a, first), min(b, first + line.textLength())
                if s >= e:
                    continue
                x1 = line.cursorToX(s - block.position())[0]
                x2 = line.cursorToX(e - block.position())[0]
                rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1,
                                    line.height()).translated(offset))
            block = block.next()
        return rects
