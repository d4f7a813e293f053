"""The redacted text as an export would carry it, next to the original.

Accepted findings and manual spans show their label solid; undecided findings show
their label tinted and underlined, because a redacted export replaces them too (only a
rejected finding keeps its words); kept findings show their words as they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from intake.review import ItemKey, ReviewState, Status, redaction_pieces
from ui.redaction.fields import FieldLayout, Piece
from ui.redaction.palette import char_format


class PreviewView(QTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_map = FieldLayout()

    def show_state(self, state: ReviewState, current: ItemKey | None = None) -> None:
        """Rebuild the preview; keep the scroll position unless ``current`` is given."""
        scroll = self.verticalScrollBar().value()
        status = {i.key: i.status for i in state.items}
        pieces: dict[str, list[Piece]] = {}
        for path, text in state.fields:
            out: list[Piece] = []
            for piece, span in redaction_pieces(text, state.spans(path)):
                if span is None:
                    out.append((piece, None, None))
                    continue
                key = (span.field, span.start, span.end)
                look = char_format(span.kind, status.get(key, Status.ACCEPTED),
                                   current=key == current)
                out.append((piece, look, key))
            pieces[path] = out
        document = QTextDocument(self)  # filled while no view lays it out, then swapped in
        document.setDefaultFont(self.font())
        self.layout_map = FieldLayout()
        self.layout_map.write(QTextCursor(document), state.fields, pieces)
        self.setDocument(document)  # the old one, a child of this view, is deleted with it
        self.verticalScrollBar().setValue(scroll)
        if current is not None and current in self.layout_map.tags:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.layout_map.tags[current])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def clear(self) -> None:
        self.document().clear()
        self.layout_map = FieldLayout()
