"""An image with boxes to hide: draw with the mouse, move, resize, delete.

Boxes live in the pixels of the upright image (the coordinates an export uses), however
the image is scaled on screen. Suggested boxes (from the face detector) are dashed and
are not kept until accepted; kept boxes are drawn dark but see-through, so the
interviewer can still place them exactly; the dialog's preview shows the solid result.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

HANDLE = 7  # half the size of a corner handle, in screen pixels
MIN_SIDE = 3  # image pixels: a smaller drag is a click, not a box


@dataclass
class CanvasBox:
    rect: QRect  # image pixels
    suggested: bool = False


class BoxCanvas(QWidget):
    boxesChanged = Signal()
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image = QImage()
        self.boxes: list[CanvasBox] = []
        self.selected: int | None = None
        self._drag: tuple[str, QPoint, QRect] | None = None  # mode, start (image), box before
        self._drawing: QRect | None = None

    # -- data -------------------------------------------------------------------------------

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def set_boxes(self, boxes: list[CanvasBox]) -> None:
        self.boxes = boxes
        self.select(None)
        self.boxesChanged.emit()

    def add_box(self, rect: QRect, *, suggested: bool = False) -> None:
        self.boxes.append(CanvasBox(rect.intersected(self.image.rect()), suggested))
        self.boxesChanged.emit()
        self.update()

    def select(self, index: int | None) -> None:
        self.selected = index
        self.selectionChanged.emit()
        self.update()

    def delete_selected(self) -> None:
        if self.selected is not None:
            del self.boxes[self.selected]
            self.select(None)
            self.boxesChanged.emit()

    def accept(self, index: int | None) -> None:
        if index is not None and self.boxes[index].suggested:
            self.boxes[index].suggested = False
            self.boxesChanged.emit()
            self.update()

    def clear(self) -> None:
        self.image = QImage()
        self.boxes = []
        self.selected = None
        self._drag = self._drawing = None
        self.update()

    # -- geometry ---------------------------------------------------------------------------

    def _scale(self) -> tuple[float, QPointF]:
        if self.image.isNull():
            return 1.0, QPointF()
        room = self.size() - QSize(12, 12)
        scale = min(room.width() / self.image.width(), room.height() / self.image.height(), 2.0)
        scale = max(scale, 0.01)
        left = (self.width() - self.image.width() * scale) / 2
        top = (self.height() - self.image.height() * scale) / 2
        return scale, QPointF(left, top)

    def to_widget(self, point: QPoint) -> QPoint:
        scale, origin = self._scale()
        return QPoint(round(origin.x() + point.x() * scale), round(origin.y() + point.y() * scale))

    def to_image(self, point: QPointF | QPoint) -> QPoint:
        scale, origin = self._scale()
        x = min(max((point.x() - origin.x()) / scale, 0), self.image.width())
        y = min(max((point.y() - origin.y()) / scale, 0), self.image.height())
        return QPoint(round(x), round(y))

    def _screen(self, rect: QRect) -> QRectF:
        scale, origin = self._scale()
        return QRectF(origin.x() + rect.x() * scale, origin.y() + rect.y() * scale,
                      rect.width() * scale, rect.height() * scale)

    def _corner_at(self, pos: QPointF) -> str | None:
        if self.selected is None:
            return None
        r = self._screen(self.boxes[self.selected].rect)
        corners = {"tl": r.topLeft(), "tr": r.topRight(), "bl": r.bottomLeft(),
                   "br": r.bottomRight()}
        for name, corner in corners.items():
            if abs(corner.x() - pos.x()) <= HANDLE and abs(corner.y() - pos.y()) <= HANDLE:
                return name
        return None

    def _box_at(self, point: QPoint) -> int | None:
        for index in range(len(self.boxes) - 1, -1, -1):  # the topmost first
            if self.boxes[index].rect.contains(point):
                return index
        return None

    # -- mouse and keys ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        if event.button() != Qt.MouseButton.LeftButton or self.image.isNull():
            return
        self.setFocus()
        pos = event.position()
        at = self.to_image(pos)
        corner = self._corner_at(pos)
        if corner is not None and self.selected is not None:
            self._drag = (corner, at, QRect(self.boxes[self.selected].rect))
            return
        hit = self._box_at(at)
        if hit is not None:
            self.select(hit)
            self._drag = ("move", at, QRect(self.boxes[hit].rect))
            return
        self.select(None)
        self._drag = ("draw", at, QRect(at, at))
        self._drawing = QRect(at, at)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        if self._drag is None:
            return
        mode, start, before = self._drag
        at = self.to_image(event.position())
        if mode == "draw":
            self._drawing = _span(start, at)
        elif self.selected is not None:
            self.boxes[self.selected].rect = self._moved(mode, before, at - start)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        if self._drag is None:
            return
        self.mouseMoveEvent(event)
        mode, _start, before = self._drag
        self._drag = None
        if mode == "draw":
            rect, self._drawing = self._drawing, None
            if rect is not None and rect.width() >= MIN_SIDE and rect.height() >= MIN_SIDE:
                self.add_box(rect)
                self.select(len(self.boxes) - 1)
            self.update()
        elif self.selected is not None and self.boxes[self.selected].rect != before:
            self.boxesChanged.emit()

    def _moved(self, mode: str, before: QRect, delta: QPoint) -> QRect:
        bounds = self.image.rect()
        if mode == "move":
            moved = before.translated(delta)
            dx = max(0, -moved.left()) - max(0, moved.right() - bounds.right())
            dy = max(0, -moved.top()) - max(0, moved.bottom() - bounds.bottom())
            return moved.translated(dx, dy)
        left, top, right, bottom = before.left(), before.top(), before.right(), before.bottom()
        if "l" in mode:
            left = min(left + delta.x(), right - MIN_SIDE)
        if "r" in mode:
            right = max(right + delta.x(), left + MIN_SIDE)
        if "t" in mode:
            top = min(top + delta.y(), bottom - MIN_SIDE)
        if "b" in mode:
            bottom = max(bottom + delta.y(), top + MIN_SIDE)
        return QRect(QPoint(left, top), QPoint(right, bottom)).intersected(bounds)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept(self.selected)
        elif key == Qt.Key.Key_Tab and self.boxes:
            self.select(0 if self.selected is None else (self.selected + 1) % len(self.boxes))
        elif self.selected is not None and key in _ARROWS:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            before = self.boxes[self.selected].rect
            self.boxes[self.selected].rect = self._moved("move", before, _ARROWS[key] * step)
            self.boxesChanged.emit()
            self.update()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:  # noqa: N802 (Qt) - Tab picks boxes
        return False

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#3b3b3b"))
        if self.image.isNull():
            return
        scale, origin = self._scale()
        target = QRectF(origin.x(), origin.y(), self.image.width() * scale,
                        self.image.height() * scale)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        for index, box in enumerate(self.boxes):
            r = self._screen(box.rect)
            if box.suggested:
                pen = QPen(QColor("#E69F00"), 3, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(QPen(QColor("#000000"), 2))
                painter.setBrush(QColor(0, 0, 0, 170))
            painter.drawRect(r)
            if index == self.selected:
                painter.setPen(QPen(QColor("#56B4E9"), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(r.adjusted(-3, -3, 3, 3))
                painter.setBrush(QColor("#ffffff"))
                painter.setPen(QPen(QColor("#000000"), 1))
                for corner in (r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()):
                    painter.drawRect(QRectF(corner.x() - HANDLE / 2, corner.y() - HANDLE / 2,
                                            HANDLE, HANDLE))
        if self._drawing is not None:
            painter.setPen(QPen(QColor("#ffffff"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(0, 0, 0, 90))
            painter.drawRect(self._screen(self._drawing))
        painter.end()


def _span(a: QPoint, b: QPoint) -> QRect:
    """The box a drag from ``a`` to ``b`` draws (a drag of 100 pixels is 100 wide)."""
    return QRect(min(a.x(), b.x()), min(a.y(), b.y()), abs(b.x() - a.x()), abs(b.y() - a.y()))


_ARROWS = {Qt.Key.Key_Left: QPoint(-1, 0), Qt.Key.Key_Right: QPoint(1, 0),
           Qt.Key.Key_Up: QPoint(0, -1), Qt.Key.Key_Down: QPoint(0, 1)}
