"""A passphrase strength bar, estimated by zxcvbn shortly after typing stops.

Why on a timer: zxcvbn takes a few to tens of milliseconds on a long input;
running it on every keystroke makes typing stutter. A 250 ms single-shot timer
restarts on each change, so it runs once per pause. Only the first 100
characters are scored (zxcvbn is quadratic in length, and beyond that any
passphrase is strong).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

DELAY_MS = 250
MIN_SCORE = 3  # "safely unguessable: moderate protection from offline slow-hash scenario"
_COLOURS = ("#c0392b", "#d35400", "#b7950b", "#2e86c1", "#1e8449")


class StrengthMeter(QWidget):
    scored = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self.score = -1
        self.waiting = False
        self._pending = ""
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(120)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._evaluate)
        self._show(-1)

    def set_text(self, text: str) -> None:
        self._pending = text
        self.waiting = True
        self._timer.start()

    @property
    def acceptable(self) -> bool:
        """Strong enough, and the score belongs to the text last given (not a stale one)."""
        return not self.waiting and self.score >= MIN_SCORE

    def _evaluate(self) -> None:
        text, self._pending = self._pending, ""
        self.waiting = False
        if not text:
            self._show(-1)
            return
        from zxcvbn import zxcvbn

        self._show(int(zxcvbn(text[:100])["score"]))

    def _show(self, score: int) -> None:
        self.score = score
        names = (self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Strong"),
                 self.tr("Very strong"))
        self.bar.setValue(max(score, 0))
        self.label.setText(names[score] if score >= 0 else "")
        colour = _COLOURS[score] if score >= 0 else "#999999"
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.scored.emit(score)
