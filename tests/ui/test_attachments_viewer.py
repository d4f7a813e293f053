"""The attachment viewer works from bytes in memory: images, recordings, text, or a refusal."""

from __future__ import annotations

import hashlib
import io
import os
import uuid
import wave

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageWriter

from intake.model import AttachmentRef
from ui.attachments.audio import multimedia
from ui.attachments.viewer import AttachmentViewer


def ref(name: str, media_type: str, data: bytes) -> AttachmentRef:
    return AttachmentRef(str(uuid.uuid4()), name, media_type,
                         hashlib.sha256(data).hexdigest(), len(data))


def sideways_jpeg() -> bytes:
    """A 300×160 photo whose EXIF orientation says: turn it a quarter (phones do this)."""
    image = QImage(300, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a6ea5"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"jpeg")
    writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)
    assert writer.write(image)
    buffer.close()
    return bytes(data)


def short_wav(seconds: float = 0.5) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * int(8000 * seconds))
    return out.getvalue()


@pytest.fixture
def viewer(qtbot, tmp_path, monkeypatch):
    # Anything written to a temporary file would land here.
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    v = AttachmentViewer()
    qtbot.addWidget(v)
    v.show()
    yield v
    assert os.listdir(tmp_path) == []


def test_an_image_is_shown_from_bytes_upright_and_scaled_to_fit(viewer):
    data = sideways_jpeg()
    viewer.resize(400, 300)
    viewer.show_attachment(ref("사진-1.jpg", "image/jpeg", data), data)
    assert viewer.mode == viewer.IMAGE
    assert (viewer.image_view.image.width(), viewer.image_view.image.height()) == (160, 300)
    shown = viewer.image_view.shown_size()
    assert shown.height() <= viewer.image_view.viewport().height()
    assert viewer.name_label.text() == "사진-1.jpg"


def test_an_undecodable_image_is_refused_plainly(viewer):
    data = b"\xff\xd8 not a jpeg"
    viewer.show_attachment(ref("broken.jpg", "image/jpeg", data), data)
    assert viewer.mode == viewer.UNSUPPORTED
    assert "cannot be decoded" in viewer.message.text()


@pytest.mark.skipif(multimedia() is None, reason="Qt Multimedia cannot load here "
                    "(Debian libpulse0 missing)")
def test_a_recording_plays_from_memory(viewer, qtbot):
    data = short_wav()
    viewer.show_attachment(ref("interview-1.wav", "audio/x-wav", data), data)
    assert viewer.mode == viewer.AUDIO
    player = viewer.audio.player
    assert player.sourceDevice() is viewer.audio._buffer
    assert player.source().isEmpty()  # no file name handed to the backend
    qtbot.waitUntil(lambda: player.duration() > 0, timeout=5000)
    assert 400 <= player.duration() <= 600
    assert player.error() == player.Error.NoError
    assert viewer.audio.play_button.isEnabled()
    viewer.clear()
    assert viewer.audio._buffer is None and player.sourceDevice() is None


def test_text_is_shown_and_other_documents_are_not_previewed(viewer):
    data = "진술서 초안\nstatement draft".encode()
    viewer.show_attachment(ref("notes.txt", "text/plain", data), data)
    assert viewer.mode == viewer.TEXT
    assert viewer.text_view.toPlainText() == "진술서 초안\nstatement draft"
    pdf = b"%PDF-1.7 ..."
    viewer.show_attachment(ref("statement.pdf", "application/pdf", pdf), pdf)
    assert viewer.mode == viewer.UNSUPPORTED
    assert "cannot be previewed here" in viewer.message.text()
    assert viewer.text_view.toPlainText() == ""


def test_closing_the_viewer_drops_what_it_showed(viewer):
    data = "민감한 내용".encode()
    viewer.show_attachment(ref("notes.txt", "text/plain", data), data)
    viewer.reject()
    assert viewer.mode == viewer.EMPTY
    assert viewer.text_view.toPlainText() == ""
    assert viewer.name_label.text() == "" and viewer.sha_label.text() == ""
