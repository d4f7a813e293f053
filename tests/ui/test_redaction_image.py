"""Hiding areas of an image: face suggestions, boxes drawn with the mouse, the exact preview."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from intake.media.images import Box
from intake.model import AttachmentRef, ImageRedaction
from tests.ui.conftest import run_on_store
from tests.ui.test_redaction_review import sample
from ui.attachments.viewer import decode_image
from ui.messages import Button, MessageBox

HOPPER = Path(__file__).parents[1] / "data" / "images" / "grace_hopper.jpg"


@pytest.fixture(scope="module")
def data() -> bytes:
    return HOPPER.read_bytes()


@pytest.fixture
def opened(opened_window):
    return opened_window


@pytest.fixture
def ops():
    from ui.operations import Operations

    o = Operations()
    yield o
    o.cancel_all()
    o.shutdown()


@pytest.fixture
def dialog(qtbot, ops, data):
    from ui.redaction.image_dialog import ImageRedactionDialog
    from ui.redaction.runner import ops_runner

    ref = AttachmentRef(str(uuid.uuid4()), "hopper.jpg", "image/jpeg",
                        hashlib.sha256(data).hexdigest(), len(data))
    d = ImageRedactionDialog(ref, data, (), ops_runner(ops))
    d.resize(1000, 700)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def drag(qtbot, canvas, a: tuple[int, int], b: tuple[int, int]) -> None:
    """Press at image pixel ``a``, move to ``b``, release: what a mouse does."""
    start, end = canvas.to_widget(QPoint(*a)), canvas.to_widget(QPoint(*b))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, (start + end) / 2)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def near(rect, x, y, w, h, slack=2) -> bool:
    return all(abs(p - q) <= slack for p, q in zip((rect.x, rect.y, rect.width, rect.height),
                                                   (x, y, w, h), strict=True))


def test_a_suggested_face_is_dashed_and_kept_only_once_accepted(qtbot, dialog):
    dialog.suggest_button.click()
    qtbot.waitUntil(lambda: bool(dialog.canvas.boxes), timeout=10_000)
    (box,) = dialog.canvas.boxes
    assert box.suggested and near(ImageRedaction(dialog.ref.id, box.rect.x(), box.rect.y(),
                                                 box.rect.width(), box.rect.height()),
                                  122, 72, 288, 288)
    assert dialog.boxes() == () and not dialog.save_button.isEnabled()
    assert "suggestions to check: 1" in dialog.count_label.text()
    dialog.accept_all_button.click()
    assert near(dialog.boxes()[0], 122, 72, 288, 288)
    dialog.suggest_button.click()  # asking again does not stack the same face twice
    qtbot.waitUntil(lambda: dialog.suggest_button.isEnabled(), timeout=10_000)
    assert len(dialog.canvas.boxes) == 1
    with qtbot.waitSignal(dialog.saveRequested) as saved:
        dialog.save_button.click()
    assert saved.args[0] == dialog.ref.id and near(saved.args[1][0], 122, 72, 288, 288)


def test_a_box_drawn_with_the_mouse_is_solid_black_in_the_preview(qtbot, dialog, data):
    drag(qtbot, dialog.canvas, (20, 20), (140, 110))
    (box,) = dialog.boxes()
    assert near(box, 20, 20, 120, 90, slack=3)
    expected = (Box(box.x, box.y, box.width, box.height),)
    qtbot.waitUntil(lambda: dialog.preview_boxes == expected, timeout=10_000)
    shown, original = dialog.preview.image, decode_image(data)
    assert (shown.width(), shown.height()) == (512, 600)
    for x, y in ((box.x + 2, box.y + 2), (box.x + box.width // 2, box.y + box.height // 2),
                 (box.x + box.width - 3, box.y + box.height - 3)):
        assert max(QColor(shown.pixel(x, y)).getRgb()[:3]) <= 12, (x, y)
    for x, y in ((box.x + box.width + 8, box.y + 10), (300, 300)):
        a, b = QColor(shown.pixel(x, y)), QColor(original.pixel(x, y))
        assert max(abs(p - q) for p, q in zip(a.getRgb(), b.getRgb(), strict=True)) < 24


def test_boxes_move_resize_and_delete(qtbot, dialog):
    canvas = dialog.canvas
    drag(qtbot, canvas, (100, 100), (200, 160))
    drag(qtbot, canvas, (150, 130), (170, 140))  # inside: moves it
    assert near(dialog.boxes()[0], 120, 110, 100, 60, slack=3)
    right, bottom = 120 + 100, 110 + 60
    drag(qtbot, canvas, (right, bottom), (right + 40, bottom + 30))  # its corner: resizes
    assert near(dialog.boxes()[0], 120, 110, 140, 90, slack=4)
    drag(qtbot, canvas, (400, 500), (401, 501))  # a click, not a box
    assert len(dialog.boxes()) == 1 and canvas.selected is None
    canvas.select(0)
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.boxes()[0].x >= 128
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert dialog.boxes() == ()


def test_boxes_stay_inside_the_image(qtbot, dialog):
    drag(qtbot, dialog.canvas, (450, 520), (600, 700))
    box = dialog.boxes()[0]
    assert box.x + box.width <= 512 and box.y + box.height <= 600
    drag(qtbot, dialog.canvas, (470, 540), (900, 900))  # dragged far out: it stops at the edge
    box = dialog.boxes()[0]
    assert box.x + box.width <= 512 and box.y + box.height <= 600 and box.x >= 0


def test_closing_with_unsaved_boxes_asks_and_then_drops_the_image(qtbot, dialog,
                                                                  recorded_messages):
    drag(qtbot, dialog.canvas, (20, 20), (80, 80))
    MessageBox.set_next_answer(Button.Discard)
    dialog.close_button.click()
    assert recorded_messages[-1].title == "Unsaved boxes"
    assert not dialog.isVisible() and dialog._data == b"" and dialog.canvas.image.isNull()
    assert dialog.preview.image.isNull()


# -- in the application, on a real store ------------------------------------------------


def test_boxes_are_saved_as_a_new_revision_and_the_photo_is_untouched(
        qtbot, opened, data, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    session = opened.session
    stored = run_on_store(qtbot, session, lambda s: s.add(sample()))
    run_on_store(qtbot, session, lambda s: s.attach(stored.id, HOPPER))
    testimony = run_on_store(qtbot, session, lambda s: s.get(stored.id))
    before = {p for p in tmp_path.rglob("*") if "store" not in p.parts}
    ws = opened.workspace
    ws.select(testimony.id)
    qtbot.waitUntil(lambda: ws.current is not None and bool(ws.current.attachments))
    opened.review_action.trigger()
    qtbot.waitUntil(lambda: ws.redaction is not None and ws.redaction.dialog.history is not None
                    and session.ops.idle, timeout=20_000)
    review = ws.redaction.dialog
    assert review.panel.images_list.item(0).text() == "grace_hopper.jpg · areas hidden: 0"
    review.accept_current()  # an unsaved text decision survives the image save
    review.panel.image_button.click()
    qtbot.waitUntil(lambda: ws.redaction.image_dialog is not None and session.ops.idle)
    image = ws.redaction.image_dialog
    image.suggest_button.click()
    qtbot.waitUntil(lambda: bool(image.canvas.boxes), timeout=10_000)
    image.accept_all()
    drag(qtbot, image.canvas, (10, 10), (60, 50))
    image.save_button.click()
    qtbot.waitUntil(lambda: "Saved as revision 3" in image.status.text(), timeout=10_000)

    saved = run_on_store(qtbot, session, lambda s: s.get(stored.id))
    ref = saved.attachments[0]
    assert saved.revision == 3 and saved.redactions == testimony.redactions
    assert len(saved.image_redactions) == 2
    assert {b.attachment for b in saved.image_redactions} == {ref.id}
    sink = io.BytesIO()
    run_on_store(qtbot, session, lambda s: s.read_attachment(ref.id, sink))
    assert sink.getvalue() == data and ref.sha256 == hashlib.sha256(data).hexdigest()
    assert review.panel.images_list.item(0).text() == "grace_hopper.jpg · areas hidden: 2"
    assert review.is_modified()
    review.save()
    qtbot.waitUntil(lambda: "Saved as revision 4" in review.status.text(), timeout=10_000)
    final = run_on_store(qtbot, session, lambda s: s.get(stored.id))
    assert final.image_redactions == saved.image_redactions and final.redactions
    assert os.listdir(scratch) == []
    assert {p for p in tmp_path.rglob("*") if "store" not in p.parts} == before
