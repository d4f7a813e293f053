"""How one search hit is drawn: a title line, then its snippets with the matches marked.

The engine gives highlight offsets in UTF-16 units (:meth:`Snippet.utf16_highlights`),
which is how ``QTextDocument`` counts positions, so a highlight after an emoji or a
rare Hanja still lands on the matched syllables. Text is only ever inserted as plain
text through a cursor, never as HTML: nothing a survivor said can become markup.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from intake.search import Hit, Snippet
from ui.records import labels
from ui.search.fields import field_label

Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT_BG = QColor("#ffe066")
WITHDRAWN_FG = QColor("#a4161a")
MUTED_FG = QColor("#5f5f5f")
PADDING = 6
CACHE_LIMIT = 400


def highlight_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(HIGHLIGHT_BG)
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def is_highlight(fmt: QTextCharFormat) -> bool:
    return fmt.background().color() == HIGHLIGHT_BG


def title_text(hit: Hit, lang: str) -> str:
    """``S-0142 · 2023-08-14 · Seoul``: what identifies the testimony in the list."""
    s = hit.summary
    place = labels.place_label(s.place, lang) or s.place or ""
    return " · ".join(p for p in (s.pseudonym, s.interview_date or "", place) if p)


def events_text(hit: Hit, lang: str) -> str:
    types = [labels.term_label("event_types", t, lang) for t in hit.summary.event_types[:4]]
    more = len(hit.summary.event_types) - len(types)
    return ", ".join(types) + (f" +{more}" if more > 0 else "")


def append_snippet(cursor: QTextCursor, snippet: Snippet, base: QTextCharFormat) -> None:
    """Write ``snippet`` at ``cursor`` with its highlights marked (UTF-16 offsets)."""
    label = QTextCharFormat(base)
    label.setForeground(MUTED_FG)
    cursor.insertText(field_label(snippet.field) + ": ", label)
    if snippet.cut_before:
        cursor.insertText("…", base)
    start = cursor.position()
    cursor.insertText(" ".join(snippet.text.split("\n")), base)  # one line per snippet
    if snippet.cut_after:
        cursor.insertText("…", base)
    mark = highlight_format()
    for s, e in snippet.utf16_highlights():
        cursor.setPosition(start + s)
        cursor.setPosition(start + e, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def hit_document(hit: Hit, lang: str, font: QFont, width: float = -1) -> QTextDocument:
    """The hit as a small document: title (and WITHDRAWN), event types, snippets."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(PADDING)
    if width > 0:
        doc.setTextWidth(width)
    cursor = QTextCursor(doc)
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(title_text(hit, lang), bold)
    if hit.summary.withdrawn:
        warn = QTextCharFormat(bold)
        warn.setForeground(WITHDRAWN_FG)
        cursor.insertText("   ⚠ " + labels.withdrawn_text(), warn)
    muted = QTextCharFormat()
    muted.setForeground(MUTED_FG)
    kinds = events_text(hit, lang)
    if kinds:
        cursor.insertBlock()
        cursor.insertText(kinds, muted)
    for snippet in hit.snippets:
        cursor.insertBlock()
        append_snippet(cursor, snippet, plain)
    return doc


class HitDelegate(QStyledItemDelegate):
    """Paints a hit from ``HitRole`` with :func:`hit_document`; height follows the text."""

    def __init__(self, hit_role: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = hit_role
        self._lang = lang
        # Laid-out documents by (hit, width): sizeHint and paint ask for the same one, and
        # scrolling asks again; a page holds few hits, so this stays small.
        self._cache: dict[tuple[int, int], tuple[Hit, QTextDocument]] = {}

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.forget()

    def forget(self) -> None:
        """Drop every laid-out document (new results, a lock)."""
        self._cache.clear()

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument | None:
        hit = index.data(self._role)
        if not isinstance(hit, Hit):
            return None
        key = (id(hit), option.rect.width())
        cached = self._cache.get(key)
        if cached is not None and cached[0] is hit:
            return cached[1]
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        doc = hit_document(hit, self._lang, option.font, option.rect.width())
        self._cache[key] = (hit, doc)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        width = view.viewport().width() if hasattr(view, "viewport") else opt.rect.width()
        opt.rect.setWidth(max(width, 200))
        doc = self._document(opt, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 1)


__all__ = ["HitDelegate", "hit_document", "is_highlight", "title_text"]
