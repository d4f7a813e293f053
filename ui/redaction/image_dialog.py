"""Hide faces and other details in one image attachment, for redacted exports.

The image arrives decrypted in memory (the workspace's read path) and never touches the
disk. "Suggest faces" runs OpenCV's offline detector on the worker; its boxes are only
suggestions (dashed) until accepted, because it misses faces in profile or shadow and a
person must look at every picture anyway. The preview is what ``redact_image`` exports —
computed by that very function on the worker, solid fill, never blur — so what the
interviewer approves is exactly what leaves. Saving stores the boxes in the testimony
(``image_redactions``) as a new revision; the stored photo is never changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake.media.images import Box, redact_image, suggest_faces
from intake.model import AttachmentRef, ImageRedaction, Testimony
from ui.attachments.viewer import decode_image
from ui.messages import Button, MessageBox
from ui.operations import OperationHandle
from ui.redaction.image_canvas import BoxCanvas, CanvasBox
from ui.redaction.runner import Runner

PREVIEW_DELAY_MS = 250


def _overlap(a: QRect, b: QRect) -> float:
    """Intersection over union: how much two boxes are the same box."""
    inter = a.intersected(b)
    if inter.isEmpty():
        return 0.0
    shared = inter.width() * inter.height()
    return shared / (a.width() * a.height() + b.width() * b.height() - shared)


class _Preview(QLabel):
    """The exported image, scaled to fit."""

    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("background: #3b3b3b;")
        self.image = QImage()

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self.image.isNull():
            self.clear()
            return
        self.setPixmap(QPixmap.fromImage(self.image.scaled(
            self.size().shrunkBy(self.contentsMargins()) * 0.98,
            Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)))


class ImageRedactionDialog(QDialog):
    saveRequested = Signal(str, object)  # attachment id, tuple[ImageRedaction, ...]

    def __init__(self, ref: AttachmentRef, data: bytes, boxes: tuple[ImageRedaction, ...],
                 run: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hide areas of an image: {0}").format(ref.name) + "[*]")
        self.resize(1100, 700)
        self.ref = ref
        self._data = data
        self._run = run
        self.can_ask: Callable[[], bool] = lambda: True
        self.preview_boxes: tuple[Box, ...] | None = None  # what the preview shows
        self._previewing = False
        self._saving = self._close_after_save = False
        self._saved_boxes = self._accepted_from(boxes)

        self.heading = QLabel(ref.name)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.canvas = BoxCanvas()
        self.canvas.set_image(decode_image(data))
        self.preview = _Preview()
        self.hint = QLabel(self.tr("Drag on the image to draw a box. Drag a box to move it "
                                   "and its corners to resize it; Delete removes it. Dashed "
                                   "boxes are suggestions: accept them to keep them."))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        self.note = QLabel(self.tr("Exports fill every box solid black and keep no metadata. "
                                   "The stored photo is never changed."))
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        self.suggest_button = QPushButton(self.tr("Suggest faces"))
        self.accept_button = QPushButton(self.tr("Accept suggestion"))
        self.accept_all_button = QPushButton(self.tr("Accept all suggestions"))
        self.delete_button = QPushButton(self.tr("Delete box"))
        self.count_label = QLabel()
        self.count_label.setObjectName("boxCount")
        self.save_button = QPushButton(self.tr("Save boxes"))
        self.close_button = QPushButton(self.tr("Close"))
        tools = QHBoxLayout()
        for button in (self.suggest_button, self.accept_button, self.accept_all_button,
                       self.delete_button):
            button.setAutoDefault(False)
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        def titled(title: str, widget: QWidget) -> QWidget:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(title)
            caption.setObjectName("hint")
            column.addWidget(caption)
            column.addWidget(widget, 1)
            return box

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(titled(self.tr("Image (mark what to hide)"), self.canvas))
        split.addWidget(titled(self.tr("Preview of the exported image"), self.preview))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(tools)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        layout.addLayout(bottom)
        self.setStyleSheet("QLabel#hint { color: #555555; } "
                           "QLabel#boxCount { font-weight: bold; }")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._update_preview)
        self.suggest_button.clicked.connect(self.suggest_faces)
        self.accept_button.clicked.connect(lambda: self.canvas.accept(self.canvas.selected))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.delete_button.clicked.connect(self.canvas.delete_selected)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.canvas.boxesChanged.connect(self._changed)
        self.canvas.selectionChanged.connect(self._refresh)
        self.canvas.set_boxes([CanvasBox(QRect(b.x, b.y, b.width, b.height)) for b in boxes])
        self.canvas.setFocus()

    # -- boxes ------------------------------------------------------------------------------

    def boxes(self) -> tuple[ImageRedaction, ...]:
        """The kept (accepted) boxes, as the testimony stores them."""
        return tuple(ImageRedaction(self.ref.id, b.rect.x(), b.rect.y(), b.rect.width(),
                                    b.rect.height())
                     for b in self.canvas.boxes if not b.suggested and not b.rect.isEmpty())

    @staticmethod
    def _accepted_from(boxes: tuple[ImageRedaction, ...]) -> tuple[tuple[int, ...], ...]:
        return tuple(sorted((b.x, b.y, b.width, b.height) for b in boxes))

    def is_modified(self) -> bool:
        return self._accepted_from(self.boxes()) != self._saved_boxes

    def suggest_faces(self) -> None:
        data = self._data
        self.suggest_button.setEnabled(False)
        self.status.setText(self.tr("Looking for faces…"))

        def work(_h: OperationHandle) -> list[Box]:
            return suggest_faces(data)

        self._run(work, self._suggested, lambda _e: self._suggested(None),
                  self.tr("Looking for faces…"))

    def _suggested(self, found: list[Box] | None) -> None:
        self.suggest_button.setEnabled(True)
        if found is None:
            self.status.setText(self.tr("Faces could not be looked for in this image."))
            return
        added = 0
        for box in found:
            rect = QRect(box.x, box.y, box.width, box.height)
            if all(_overlap(rect, b.rect) < 0.5 for b in self.canvas.boxes):
                self.canvas.add_box(rect, suggested=True)
                added += 1
        self.status.setText(self.tr("Suggested faces: {0}. Check the whole picture yourself: "
                                    "faces in profile or shadow are often missed.").format(added)
                            if added else self.tr("No new face found. Check the whole "
                                                  "picture yourself."))

    def accept_all(self) -> None:
        for index in range(len(self.canvas.boxes)):
            self.canvas.accept(index)

    # -- preview ----------------------------------------------------------------------------

    def _changed(self) -> None:
        self._refresh()
        self._timer.start()

    def _update_preview(self) -> None:
        if self._previewing or not self._data:
            self._timer.start()  # one at a time; come back when this one is done
            return
        data = self._data
        boxes = tuple(Box(b.x, b.y, b.width, b.height) for b in self.boxes())
        self._previewing = True

        def work(_h: OperationHandle) -> bytes:
            return redact_image(data, boxes).data

        def done(out: bytes | None) -> None:
            self._previewing = False
            if out is not None and self._data:
                self.preview.set_image(decode_image(out))
                self.preview_boxes = boxes

        self._run(work, done, lambda _e: done(None))

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving or not self.is_modified():
            return
        self._saving = True
        self._refresh()
        self.saveRequested.emit(self.ref.id, self.boxes())

    def saved(self, stored: Testimony) -> None:
        self._saving = False
        self._saved_boxes = self._accepted_from(
            tuple(b for b in stored.image_redactions if b.attachment == self.ref.id))
        self.status.setText(self.tr("Saved as revision {0}.").format(stored.revision))
        self._refresh()
        if self._close_after_save:
            self.discard()

    def save_failed(self) -> None:
        self._saving = self._close_after_save = False
        self._refresh()

    def reject(self) -> None:
        if self.is_modified() and self.can_ask():
            answer = MessageBox.question(
                self, self.tr("Unsaved boxes"), self.tr("Save the boxes drawn on this image?"),
                Button.Save | Button.Discard | Button.Cancel, Button.Save)
            if answer == Button.Save:
                self._close_after_save = True
                self.save()
                return
            if answer != Button.Discard:
                return
        self.discard()

    def discard(self) -> None:
        self.clear()
        super().reject()

    def clear(self) -> None:
        """Drop the decrypted bytes and every image made from them."""
        self._timer.stop()
        self._data = b""
        self.canvas.clear()
        self.preview.set_image(QImage())
        self.preview_boxes = None

    def _refresh(self) -> None:
        kept = len(self.boxes())
        pending = sum(1 for b in self.canvas.boxes if b.suggested)
        text = self.tr("Areas hidden: {0}").format(kept)
        if pending:
            text += " · " + self.tr("suggestions to check: {0}").format(pending)
        self.count_label.setText(text)
        selected = self.canvas.selected
        is_suggestion = selected is not None and self.canvas.boxes[selected].suggested
        self.accept_button.setEnabled(is_suggestion)
        self.accept_all_button.setEnabled(pending > 0)
        self.delete_button.setEnabled(selected is not None)
        self.save_button.setEnabled(not self._saving and self.is_modified())
        self.setWindowModified(self.is_modified())
