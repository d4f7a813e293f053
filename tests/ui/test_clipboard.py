"""The clipboard: marked secret, cleared after the delay and on lock, only if still ours."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from ui.clipboard import SecureClipboard


def test_copies_are_marked_for_clipboard_managers(qtbot):
    clip = SecureClipboard(clear_ms=60_000)
    clip.copy("S-0142")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "S-0142"
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert mime.hasFormat("org.nspasteboard.ConcealedType")
    assert bytes(mime.data("ExcludeClipboardContentFromMonitorProcessing").data()) == (
        b"\x01\x00\x00\x00")
    clip.clear()


def test_cleared_after_the_delay(qtbot):
    clip = SecureClipboard(clear_ms=50)
    clip.copy("회령시 S-0142")
    with qtbot.waitSignal(clip.cleared, timeout=2000):
        pass
    assert QGuiApplication.clipboard().text() == ""


def test_not_cleared_if_the_user_copied_something_else(qtbot):
    clip = SecureClipboard(clear_ms=50)
    clip.copy("S-0142")
    clip.set_clear_ms(60_000)
    QGuiApplication.clipboard().setText("the user's own text")
    clip.clear()
    assert QGuiApplication.clipboard().text() == "the user's own text"
    QGuiApplication.clipboard().clear()


def test_clear_remembers_a_hash_not_the_text(qtbot):
    clip = SecureClipboard(clear_ms=60_000)
    clip.copy("S-0142")
    assert "S-0142" not in repr(vars(clip))
    assert clip.holds_ours
    clip.clear()
    assert not clip.holds_ours
