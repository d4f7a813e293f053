"""The attachment list: what is shown, files dropped on it, opening from the keyboard."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from intake.model import AttachmentRef
from ui.attachments.panel import COL_NAME, COL_SHA256, COL_SIZE, COL_TYPE, AttachmentPanel

REFS = [AttachmentRef(str(uuid.UUID(int=1)), "interview-1.m4a", "audio/mp4", "ab" * 32,
                      48_123_456),
        AttachmentRef(str(uuid.UUID(int=2)), "사진-1.jpg", "image/jpeg", "cd" * 32, 999)]


def panel(qtbot) -> AttachmentPanel:
    p = AttachmentPanel()
    qtbot.addWidget(p)
    p.resize(700, 300)
    p.show()
    return p


def cell(p: AttachmentPanel, row: int, col: int) -> str:
    return p.table.item(row, col).text()


def test_each_attachment_shows_name_type_readable_size_and_full_sha256(qtbot):
    p = panel(qtbot)
    p.set_attachments(REFS)
    assert [cell(p, 0, c) for c in (COL_NAME, COL_TYPE, COL_SIZE)] == \
        ["interview-1.m4a", "audio/mp4", "48.1 MB"]
    assert cell(p, 1, COL_SIZE) == "999 bytes"
    assert cell(p, 0, COL_SHA256) == "ab" * 32
    assert p.table.item(0, COL_SIZE).toolTip() == "48,123,456 bytes"
    p.clear()
    assert p.table.rowCount() == 0


def test_the_sha256_can_be_copied(qtbot):
    p = panel(qtbot)
    p.set_attachments(REFS)
    p.table.selectRow(1)
    p.copy_current_sha256()
    assert QApplication.clipboard().text() == "cd" * 32


def drag_enter(pos: QPoint, actions: Qt.DropAction, mime: QMimeData) -> QDragEnterEvent:
    """Qt 6.12 takes a QPointF position (QPoint deprecated); 6.11 only a QPoint."""
    args = (actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(pos.toPointF(), *args)
    except TypeError:
        return QDragEnterEvent(pos, *args)


def drop(p: AttachmentPanel, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    pos = QPoint(10, 10)
    actions = Qt.DropAction.CopyAction
    enter = drag_enter(pos, actions, mime)
    QApplication.sendEvent(p, enter)
    assert enter.isAccepted()
    event = QDropEvent(pos.toPointF(), actions, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(p, event)
    return event


def test_dropping_files_asks_to_add_them_and_ignores_folders(qtbot, tmp_path):
    audio, photo = tmp_path / "녹음.m4a", tmp_path / "photo.jpg"
    audio.write_bytes(b"not really audio")
    photo.write_bytes(b"not really a photo")
    folder = tmp_path / "folder"
    folder.mkdir()
    p = panel(qtbot)
    with qtbot.waitSignal(p.addRequested, timeout=1000) as added:
        drop(p, [audio, folder, photo])
    assert added.args == [[audio, photo]]
    assert audio.read_bytes() == b"not really audio"  # only reported, never touched


def test_drops_are_refused_while_adding_is_off(qtbot, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("x")
    p = panel(qtbot)
    p.set_add_enabled(False, "Save the testimony first")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    enter = drag_enter(QPoint(5, 5), Qt.DropAction.CopyAction, mime)
    QApplication.sendEvent(p, enter)
    assert not enter.isAccepted()
    assert p.add_button.toolTip() == "Save the testimony first"


def test_enter_or_the_open_button_asks_to_open_inside_the_app(qtbot):
    p = panel(qtbot)
    p.set_attachments(REFS)
    assert not p.open_button.isEnabled()
    p.table.setFocus()
    p.table.selectRow(1)
    with qtbot.waitSignal(p.openRequested, timeout=1000) as opened:
        qtbot.keyClick(p.table, Qt.Key.Key_Return)
    assert opened.args == [REFS[1].id]
    with qtbot.waitSignal(p.openRequested, timeout=1000) as opened:
        qtbot.mouseClick(p.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [REFS[1].id]
