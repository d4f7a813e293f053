"""The unlock screen: passphrase (or recovery key) → store, off the UI thread, throttled.

Why a growing delay: the Argon2id slot already costs a second per guess, but a
person at the keyboard trying passphrases from a list should also feel it: 1 s,
2 s, 4 s … after each wrong one, capped at 30 s, with a visible countdown. The
field keeps what was typed, selected, so a slip is fixed by typing again.
The delay lives in memory: restarting the app resets it, which buys nothing
against the real threat (offline guessing against the key file).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import resources
from crypto.passphrase import encode_passphrase
from crypto.recovery import RecoveryKey
from intake.cli.passphrase import MIN_PASSPHRASE_CHARS
from intake.errors import WrongPassphrase
from ui.fonts import monospace_font
from ui.operations import failure_text
from ui.session import Session
from ui.widgets.passphrase_field import PassphraseField
from ui.widgets.strength_meter import StrengthMeter


class Throttle:
    """Delay after the n-th consecutive failure: ``base · 2^(n-1)``, at most ``cap``."""

    def __init__(self, *, base_s: float = 1.0, cap_s: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.base_s, self.cap_s, self._clock = base_s, cap_s, clock
        self.failures = 0
        self._until = 0.0

    def fail(self) -> float:
        self.failures += 1
        delay = min(self.base_s * 2 ** (self.failures - 1), self.cap_s)
        self._until = self._clock() + delay
        return delay

    def remaining(self) -> float:
        return max(0.0, self._until - self._clock())

    def reset(self) -> None:
        self.failures = 0
        self._until = 0.0


class UnlockPage(QWidget):
    """Shown whenever the store is locked; the main window swaps it for the workspace."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 throttle: Throttle | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.throttle = throttle or Throttle()
        self.busy = False
        self._error = ""

        icon = QLabel()
        icon.setPixmap(QIcon(str(resources.path("icons", "lock.svg"))).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self.tr("The store is locked"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("unlockStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setMinimumHeight(40)
        self.spinner = QProgressBar()
        self.spinner.setRange(0, 0)
        self.spinner.setFixedHeight(6)
        self.spinner.setTextVisible(False)
        self.spinner.setVisible(False)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._passphrase_panel())
        self.pages.addWidget(self._recovery_panel())
        self.pages.currentChanged.connect(self._fit_pages)
        self._fit_pages(0)

        card = QFrame()
        card.setObjectName("unlockCard")
        card.setMaximumWidth(520)
        inner = QVBoxLayout(card)
        inner.addWidget(icon)
        inner.addWidget(self.title)
        inner.addSpacing(12)
        inner.addWidget(self.pages)
        inner.addWidget(self.spinner)
        inner.addWidget(self.status)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._update)

    # -- the two panels -----------------------------------------------------------------

    def _passphrase_panel(self) -> QWidget:
        panel = QWidget()
        self.field = PassphraseField()
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.recover_link = QPushButton(self.tr("Forgot the passphrase? Use the recovery key"))
        self.recover_link.setFlat(True)
        self.recover_link.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.unlock_button)
        layout.addWidget(self.recover_link, 0, Qt.AlignmentFlag.AlignHCenter)
        self.field.returnPressed.connect(self.submit)
        self.field.textChanged.connect(self._update)
        self.unlock_button.clicked.connect(self.submit)
        self.recover_link.clicked.connect(lambda: self.show_recovery(True))
        return panel

    def _recovery_panel(self) -> QWidget:
        panel = QWidget()
        self.key_field = QLineEdit()
        self.key_field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.key_field.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                           | Qt.InputMethodHint.ImhNoPredictiveText)
        self.key_field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.key_field.setFont(monospace_font(self.font().pointSize() + 1))
        self.new_field = PassphraseField()
        self.repeat_field = PassphraseField()
        self.meter = StrengthMeter()
        self.recover_button = QPushButton(self.tr("&Recover and set the new passphrase"))
        back = QPushButton(self.tr("Back to the passphrase"))
        back.setFlat(True)
        explain = QLabel(self.tr("Type the recovery key from your paper, then choose a new "
                                 "passphrase. The recovery key keeps working afterwards."))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Recovery key:"), self.key_field)
        form.addRow(self.tr("New passphrase:"), self.new_field)
        form.addRow(self.tr("Repeat it:"), self.repeat_field)
        form.addRow(self.tr("Strength:"), self.meter)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.recover_button)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignHCenter)
        for w in (self.key_field, self.new_field, self.repeat_field):
            w.textChanged.connect(self._update)
        self.new_field.textChanged.connect(self.meter.set_text)
        self.meter.scored.connect(lambda _s: self._update())
        self.recover_button.clicked.connect(self.submit_recovery)
        back.clicked.connect(lambda: self.show_recovery(False))
        return panel

    def _fit_pages(self, current: int) -> None:
        """Size the stack to the page shown, not the tallest one (no gaps under the field)."""
        for i in range(self.pages.count()):
            policy = (QSizePolicy.Policy.Preferred if i == current
                      else QSizePolicy.Policy.Ignored)
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.adjustSize()

    def show_recovery(self, on: bool) -> None:
        self.pages.setCurrentIndex(1 if on else 0)
        self._error = ""
        (self.key_field if on else self.field).setFocus()
        self._update()

    # -- acting ---------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy or self.throttle.remaining() > 0 or not self.field.text():
            return
        self._start()
        self.session.unlock(encode_passphrase(self.field.text()),
                            success=lambda _info: self._succeeded(), failure=self._failed)

    def recovery_problem(self) -> str:
        new, again = self.new_field.text(), self.repeat_field.text()
        if not self.key_field.text().strip() or not new:
            return ""
        if len(new.strip()) < MIN_PASSPHRASE_CHARS:
            return self.tr("Use at least {0} characters; several words are best.").format(
                MIN_PASSPHRASE_CHARS)
        if not self.meter.waiting and not self.meter.acceptable:
            return self.tr("This passphrase could be guessed. Add words.")
        if again and again != new:
            return self.tr("The two passphrases differ.")
        return ""

    def submit_recovery(self) -> None:
        if self.busy or self.throttle.remaining() > 0:
            return
        try:
            key = RecoveryKey.parse(self.key_field.text())
        except ValueError:
            self._error = self.tr("The recovery key has a typo: check each group against "
                                  "your paper.")
            self._update()
            return
        self._start()
        self.session.recover(key, encode_passphrase(self.new_field.text()),
                             success=lambda _info: self._succeeded(), failure=self._failed)

    def _start(self) -> None:
        self.busy = True
        self._error = ""
        self.spinner.setVisible(True)
        self._update()

    def _succeeded(self) -> None:
        self.busy = False
        self.throttle.reset()
        self.reset()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.spinner.setVisible(False)
        if isinstance(exc, WrongPassphrase):
            self.throttle.fail()
            self._error = (self.tr("Wrong passphrase.") if self.pages.currentIndex() == 0
                           else self.tr("This recovery key does not open this store."))
            target = self.field if self.pages.currentIndex() == 0 else self.key_field
            target.selectAll()
            target.setFocus()
            self._tick.start()
        else:
            self._error = failure_text(exc)
        self._update()

    def reset(self) -> None:
        """Forget everything typed (after unlocking, and when the screen is shown again)."""
        self.field.wipe()
        self.key_field.clear()
        self.new_field.wipe()
        self.repeat_field.wipe()
        self._error = ""
        self.busy = False
        self.spinner.setVisible(False)
        self.pages.setCurrentIndex(0)
        self._update()

    def _update(self) -> None:
        wait = self.throttle.remaining()
        if wait <= 0:
            self._tick.stop()
        lines = [self._error] if self._error else []
        if wait > 0:
            lines.append(self.tr("Try again in {0} s.").format(math.ceil(wait)))
        problem = self.recovery_problem() if self.pages.currentIndex() == 1 else ""
        if problem:
            lines.append(problem)
        self.status.setText("\n".join(lines))
        free = not self.busy and wait <= 0
        self.unlock_button.setEnabled(free and bool(self.field.text()))
        self.recover_button.setEnabled(
            free and bool(self.key_field.text().strip()) and not problem
            and self.meter.acceptable and self.new_field.text() == self.repeat_field.text())
        self.field.setReadOnly(self.busy)
