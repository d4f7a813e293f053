"""Text copied out of the app: marked secret, cleared after a while and on lock.

Why: a pseudonym, place or sentence copied into another program stays on the
clipboard (and in clipboard-manager histories) long after the store locks. So
every copy is marked with the hints clipboard managers honour — KDE Klipper's
``x-kde-passwordManagerHint: secret`` (GNOME's managers and many X11 ones honour
it too), macOS's ``org.nspasteboard.ConcealedType``, Windows'
``ExcludeClipboardContentFromMonitorProcessing`` and history/cloud opt-outs —
and cleared after ``clear_ms`` and on lock, but only if the clipboard still
holds what we put there (the user may have copied something else since).

Copies made by standard widgets (Ctrl+C in a text field) do not pass through
:meth:`copy`; :meth:`_on_changed` re-marks them and starts the same timer when
the clipboard is ours. A clipboard manager quick enough may see such a copy
before it is re-marked; use the app's own copy actions for sensitive text.
"""

from __future__ import annotations

import hashlib
import struct

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

DEFAULT_CLEAR_MS = 30_000
SECRET_HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    "application/x-kde-passwordManagerHint": b"secret",
    "org.nspasteboard.ConcealedType": b"",
    "ExcludeClipboardContentFromMonitorProcessing": struct.pack("<I", 1),
    "CanIncludeInClipboardHistory": struct.pack("<I", 0),
    "CanUploadToCloudClipboard": struct.pack("<I", 0),
}


def _digest(text: str) -> bytes:
    """We remember a hash of what we copied, not the text itself."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def secret_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    for fmt, value in SECRET_HINTS.items():
        mime.setData(fmt, QByteArray(value))
    return mime


class SecureClipboard(QObject):
    """The app's clipboard: ``copy`` marks and schedules clearing; ``clear`` is safe to call."""

    cleared = Signal()

    def __init__(self, parent: QObject | None = None, *, clear_ms: int = DEFAULT_CLEAR_MS) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._ours: bytes | None = None
        self._marking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.set_clear_ms(clear_ms)
        self._clipboard.dataChanged.connect(self._on_changed)

    def set_clear_ms(self, ms: int) -> None:
        self._timer.setInterval(max(1, int(ms)))

    @property
    def holds_ours(self) -> bool:
        return self._ours is not None and _digest(self._clipboard.text()) == self._ours

    def copy(self, text: str) -> None:
        self._marking = True
        try:
            self._clipboard.setMimeData(secret_mime(text))
        finally:
            self._marking = False
        self._ours = _digest(text)
        self._timer.start()

    def clear(self) -> None:
        """Empty the clipboard if it still holds our copy; also drop our primary selection."""
        self._timer.stop()
        if self.holds_ours:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
            self.cleared.emit()
        self._ours = None
        if self._clipboard.supportsSelection() and self._clipboard.ownsSelection():
            self._clipboard.clear(QClipboard.Mode.Selection)

    def _on_changed(self) -> None:
        if self._marking:
            return
        mime = self._clipboard.mimeData()
        if (mime is None or not mime.hasText() or mime.hasFormat("x-kde-passwordManagerHint")
                or not self._clipboard.ownsClipboard()):
            return
        self.copy(mime.text())  # a standard widget's copy: mark it and time it
