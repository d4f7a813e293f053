"""Auto-lock when idle, Ctrl+L to lock, Ctrl+Shift+L to panic (KeePassXC's inactivity filter).

One application-wide event filter sees every input event in every window, so
activity anywhere postpones the idle lock, and the two lock keys work even while
a modal dialog is open (a ``QShortcut`` would be blocked by it). The clock and
the check interval are injectable so a test can make the store "idle" without
waiting five minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
    QEvent.Type.InputMethod,
})
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_RELEVANT = _CTRL | _SHIFT | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
LOCK_KEYS = "Ctrl+L"
PANIC_KEYS = "Ctrl+Shift+L"


class ActivityFilter(QObject):
    """Watches input app-wide: emits ``idle`` after ``timeout_ms`` without any, and the keys."""

    idle = Signal()
    lockPressed = Signal()
    panicPressed = Signal()

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = 5 * 60_000,
                 clock: Callable[[], float] = time.monotonic,
                 check_interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout_s = timeout_ms / 1000
        self._last = clock()
        self.armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout_ms(self, ms: int) -> None:
        self._timeout_s = ms / 1000

    def arm(self) -> None:
        """Start counting (on unlock); idleness while locked means nothing."""
        self._last = self._clock()
        self.armed = True
        self._timer.start()

    def disarm(self) -> None:
        self.armed = False
        self._timer.stop()

    def check(self) -> None:
        if self.armed and self._clock() - self._last >= self._timeout_s:
            self.disarm()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind in ACTIVITY:
            self._last = self._clock()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_L and not event.isAutoRepeat():
                mods = event.modifiers() & _RELEVANT
                if mods == _CTRL | _SHIFT:
                    self.panicPressed.emit()
                    return True
                if mods == _CTRL:
                    self.lockPressed.emit()
                    return True
        return False

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.disarm()


def close_dialogs() -> None:
    """Reject every open dialog (the unlock screen is a page, not a dialog, so it stays)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def hide_all_windows() -> None:
    """Panic: every top-level window disappears at once."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.hide()
