"""Show a decrypted attachment inside the application, from memory only.

Images are decoded from the bytes (with their EXIF orientation, so a phone photo taken
sideways is upright), recordings play from a ``QBuffer``, plain text is shown as text.
Anything else says plainly that it cannot be previewed here: the viewer never writes the
bytes to a temporary file and never hands them to another application
(``QDesktopServices.openUrl``), since either would leave testimony in clear on the disk.
``clear()`` - also run when the dialog closes - drops the bytes and everything decoded.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QFontDatabase, QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.model import AttachmentRef
from ui.attachments.audio import AudioPlayer
from ui.records.labels import human_size

MAX_TEXT_CHARS = 2_000_000
TEXT_TYPES = ("application/json", "application/xml", "application/x-ndjson", "text/csv")
TEXT_SUFFIXES = (".txt", ".md", ".csv", ".json", ".jsonl", ".xml", ".log", ".srt", ".vtt")


def decode_image(data: bytes) -> QImage:
    """Decode an image with its EXIF orientation applied; a null image if it cannot be."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    buffer.close()
    return image


def is_text(ref: AttachmentRef) -> bool:
    return (ref.media_type.startswith("text/") or ref.media_type in TEXT_TYPES
            or ref.name.lower().endswith(TEXT_SUFFIXES))


class _ImageView(QScrollArea):
    """An image scaled to fit the window, never enlarged beyond its own size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = QImage()

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._rescale()

    def clear(self) -> None:
        self.image = QImage()
        self.label.clear()

    def shown_size(self) -> QSize:
        pixmap = self.label.pixmap()
        return pixmap.size() if pixmap is not None else QSize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self.image.isNull():
            self.label.clear()
            return
        room = self.viewport().size() - QSize(8, 8)
        image = self.image
        if image.width() > room.width() or image.height() > room.height():
            image = image.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self.label.setPixmap(QPixmap.fromImage(image))


class AttachmentViewer(QDialog):
    """One attachment at a time: image, recording, text, or a plain "cannot preview"."""

    EMPTY, IMAGE, AUDIO, TEXT, UNSUPPORTED = "empty", "image", "audio", "text", "unsupported"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attachment"))
        self.resize(820, 620)
        self.mode = self.EMPTY
        self.name_label = QLabel(self)
        self.name_label.setObjectName("attachmentName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label = QLabel(self)
        self.sha_label = QLabel(self)
        self.sha_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.sha_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.image_view = _ImageView(self)
        self.audio = AudioPlayer(self)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setUndoRedoEnabled(False)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages = QStackedWidget(self)
        for page in (self.message, self.image_view, self.audio, self.text_view):
            self.pages.addWidget(page)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.sha_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

    def show_attachment(self, ref: AttachmentRef, data: bytes) -> None:
        """Show ``data`` (the decrypted attachment ``ref``) without writing it anywhere."""
        self.clear()
        self.setWindowTitle(self.tr("Attachment: {0}").format(ref.name))
        self.name_label.setText(ref.name)
        self.meta_label.setText(f"{ref.media_type} · {human_size(ref.size)}")
        self.sha_label.setText("SHA-256 " + ref.sha256)
        self.sha_label.setToolTip(self.tr("The file's fingerprint; it matches the store's "
                                          "record of it"))
        if ref.media_type.startswith("image/"):
            image = decode_image(data)
            if image.isNull():
                self._unsupported(self.tr("This image cannot be decoded here."))
            else:
                self.image_view.set_image(image)
                self._show(self.IMAGE, self.image_view)
        elif ref.media_type.startswith("audio/"):
            if self.audio.load(data):
                self._show(self.AUDIO, self.audio)
                self.audio.setFocus()
            else:
                self._unsupported(self.audio.status.text())
        elif is_text(ref):
            text = data[: MAX_TEXT_CHARS * 4].decode("utf-8", errors="replace")
            if len(text) > MAX_TEXT_CHARS:
                text = text[:MAX_TEXT_CHARS] + "\n…"
            self.text_view.setPlainText(text)
            self._show(self.TEXT, self.text_view)
        else:
            self._unsupported(self.tr("This file cannot be previewed here. It stays "
                                      "encrypted in the store; it is included, unchanged, "
                                      "in exports that carry its testimony."))

    def clear(self) -> None:
        """Drop the bytes and everything decoded from them."""
        self.audio.clear()
        self.image_view.clear()
        self.text_view.clear()
        self.message.clear()
        for label in (self.name_label, self.meta_label, self.sha_label):
            label.clear()
        self.sha_label.setToolTip("")
        self.setWindowTitle(self.tr("Attachment"))
        self.pages.setCurrentWidget(self.message)
        self.mode = self.EMPTY

    def done(self, result: int) -> None:
        self.clear()
        super().done(result)

    def _show(self, mode: str, page: QWidget) -> None:
        self.mode = mode
        self.pages.setCurrentWidget(page)

    def _unsupported(self, text: str) -> None:
        self.message.setText(text)
        self._show(self.UNSUPPORTED, self.message)
