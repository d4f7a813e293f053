"""The unlock screen: passphrase (or recovery key) → store, off the UI thread, guarded.

Why the guard: the Argon2id slot already costs a second per guess, but a person
at the keyboard trying passphrases from a list should also feel it. The screen
goes through the store's own failed-unlock guard (``intake/unlock_guard.py``,
the same one the CLI uses): three free tries, then a wait that doubles from 1 s
to 5 minutes, kept in ``<store>/unlock-guard`` so quitting and restarting the
app does not reset it, and — if the owner turned it on in Settings — a
crypto-erase after N failures in a row, announced here with the tries left.
The field keeps what was typed, selected, so a slip is fixed by typing again.
Recovery-key attempts are not counted (128 random bits cannot be guessed), as in
the CLI. With no store at all (first run abandoned, or wiped), the screen offers
to create one or restore a backup.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QIcon, QShowEvent
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
from intake.unlock_guard import BASE_DELAY, MAX_DELAY, StoreWiped, UnlockDelayed, UnlockGuard
from ui.first_run.no_store import NoStorePanel
from ui.fonts import monospace_font
from ui.messages import MessageBox
from ui.operations import failure_text
from ui.session import Session
from ui.widgets.passphrase_field import PassphraseField
from ui.widgets.strength_meter import StrengthMeter

PAGE_PASSPHRASE, PAGE_RECOVERY, PAGE_NO_STORE = range(3)


class Throttle:
    """The unlock screen's reading of the store's :class:`UnlockGuard`.

    ``base_s``/``cap_s`` are the guard's schedule (1 s doubling to 300 s after three free
    tries); tests that type wrong passphrases into real widgets shorten it. The state
    lives in the guard's file, never here, so it survives a restart of the app.
    """

    def __init__(self, *, base_s: float = BASE_DELAY, cap_s: float = MAX_DELAY,
                 clock: Callable[[], float] = time.time) -> None:
        self.base_s, self.cap_s, self._clock = base_s, cap_s, clock
        self.guard: UnlockGuard | None = None

    def bind(self, store_dir: Path) -> UnlockGuard:
        self.guard = UnlockGuard(store_dir, clock=self._clock, base_delay=self.base_s,
                                 max_delay=self.cap_s)
        return self.guard

    @property
    def failures(self) -> int:
        return self.guard.state().failures if self.guard is not None else 0

    def remaining(self) -> float:
        """Seconds before the next passphrase may be tried (reads the guard's small file)."""
        return self.guard.delay() if self.guard is not None else 0.0

    def tries_before_wipe(self) -> int | None:
        """Wrong passphrases still allowed before the store is erased; None: no wipe set."""
        if self.guard is None:
            return None
        state = self.guard.state()
        if state.wipe_after is None:
            return None
        return max(0, state.wipe_after - state.failures)


class UnlockPage(QWidget):
    """Shown whenever the store is locked; the main window swaps it for the workspace."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 throttle: Throttle | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.throttle = throttle or Throttle()
        self.throttle.bind(session.store_dir)
        self.busy = False
        self._error = ""

        icon = QLabel()
        icon.setPixmap(QIcon(str(resources.path("icons", "lock.svg"))).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
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
        self.wipe_warning = QLabel()
        self.wipe_warning.setObjectName("unlockWipeWarning")
        self.wipe_warning.setWordWrap(True)
        self.wipe_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.wipe_warning.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wipe_warning.setStyleSheet("QLabel { color: #a4262c; font-weight: bold; }")
        self.wipe_warning.setVisible(False)
        self.spinner = QProgressBar()
        self.spinner.setRange(0, 0)
        self.spinner.setFixedHeight(6)
        self.spinner.setTextVisible(False)
        self.spinner.setVisible(False)

        self.no_store = NoStorePanel(session)
        self.no_store.storeAppeared.connect(self.refresh)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._passphrase_panel())
        self.pages.addWidget(self._recovery_panel())
        self.pages.addWidget(self.no_store)
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
        inner.addWidget(self.wipe_warning)
        inner.addWidget(self.status)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._update)
        self.retranslate()
        self.refresh()

    # -- the panels -----------------------------------------------------------------------

    def _passphrase_panel(self) -> QWidget:
        panel = QWidget()
        self.field = PassphraseField()
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.recover_link = QPushButton()
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
        self.recover_button = QPushButton()
        self.back_link = QPushButton()
        self.back_link.setFlat(True)
        self.recovery_explain = QLabel()
        self.recovery_explain.setWordWrap(True)
        self.recovery_form = QFormLayout()
        self.recovery_labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.recovery_labels, (self.key_field, self.new_field,
                                                       self.repeat_field, self.meter),
                                strict=True):
            label.setBuddy(field)
            self.recovery_form.addRow(label, field)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.recovery_explain)
        layout.addLayout(self.recovery_form)
        layout.addWidget(self.recover_button)
        layout.addWidget(self.back_link, 0, Qt.AlignmentFlag.AlignHCenter)
        for w in (self.key_field, self.new_field, self.repeat_field):
            w.textChanged.connect(self._update)
        self.new_field.textChanged.connect(self.meter.set_text)
        self.meter.scored.connect(lambda _s: self._update())
        self.recover_button.clicked.connect(self.submit_recovery)
        self.back_link.clicked.connect(lambda: self.show_recovery(False))
        return panel

    def retranslate(self) -> None:
        """Every text on the screen, again: called at start and on a live language switch."""
        self.title.setText(self.tr("No store yet") if self.pages.currentIndex() == PAGE_NO_STORE
                           else self.tr("The store is locked"))
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.recover_link.setText(self.tr("Forgot the passphrase? Use the recovery key"))
        self.recover_button.setText(self.tr("&Recover and set the new passphrase"))
        self.back_link.setText(self.tr("Back to the passphrase"))
        self.recovery_explain.setText(self.tr(
            "Type the recovery key from your paper, then choose a new passphrase. The "
            "recovery key keeps working afterwards."))
        for label, text in zip(self.recovery_labels, (
                self.tr("Recovery key:"), self.tr("New passphrase:"), self.tr("Repeat it:"),
                self.tr("Strength:")), strict=True):
            label.setText(text)
        self.no_store.retranslate()
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fit_pages(self, current: int) -> None:
        """Size the stack to the page shown, not the tallest one (no gaps under the field)."""
        for i in range(self.pages.count()):
            policy = (QSizePolicy.Policy.Preferred if i == current
                      else QSizePolicy.Policy.Ignored)
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.adjustSize()

    def show_recovery(self, on: bool) -> None:
        self.pages.setCurrentIndex(PAGE_RECOVERY if on else PAGE_PASSPHRASE)
        self._error = ""
        (self.key_field if on else self.field).setFocus()
        self._update()

    def refresh(self) -> None:
        """Show the passphrase panel, or the no-store panel when there is nothing to unlock."""
        missing = not self.session.store_exists()
        if missing:
            self.pages.setCurrentIndex(PAGE_NO_STORE)
        elif self.pages.currentIndex() == PAGE_NO_STORE:
            self.pages.setCurrentIndex(PAGE_PASSPHRASE)
        self.title.setText(self.tr("No store yet") if missing else self.tr("The store is locked"))
        if self.throttle.remaining() > 0:
            self._tick.start()
        self._update()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.refresh()

    # -- acting ---------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy or self.throttle.remaining() > 0 or not self.field.text():
            return
        self._start()
        self.session.unlock(encode_passphrase(self.field.text()), guard=self.throttle.guard,
                            success=lambda info: self._succeeded(info), failure=self._failed)

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
        if self.busy:
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
                             success=lambda info: self._succeeded(info), failure=self._failed)

    def _start(self) -> None:
        self.busy = True
        self._error = ""
        self.spinner.setVisible(True)
        self._update()

    def _succeeded(self, info: object) -> None:
        self.busy = False
        self.reset()
        problems = getattr(info, "problems", ())
        if problems:
            from ui.backup.check_dialog import report_quick_check

            report_quick_check(self.window(), self.session, problems)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.spinner.setVisible(False)
        on_passphrase = self.pages.currentIndex() == PAGE_PASSPHRASE
        if isinstance(exc, StoreWiped):
            self.reset()
            MessageBox.critical(self.window(), self.tr("Store erased"), self.tr(
                "Too many wrong passphrases: as its owner chose, this store has been erased. "
                "Nothing in it can be opened any more. Restore a backup, or create a new "
                "store."))
            return
        if isinstance(exc, WrongPassphrase | UnlockDelayed):
            if isinstance(exc, WrongPassphrase):
                self._error = (self.tr("Wrong passphrase.") if on_passphrase
                               else self.tr("This recovery key does not open this store."))
            target = self.field if on_passphrase else self.key_field
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
        self.pages.setCurrentIndex(PAGE_PASSPHRASE)
        self.refresh()

    def _update(self) -> None:
        wait = self.throttle.remaining() if self.pages.currentIndex() == PAGE_PASSPHRASE else 0
        if wait <= 0:
            self._tick.stop()
        lines = [self._error] if self._error else []
        if wait > 0:
            lines.append(self.tr("Too many wrong passphrases. Try again in {0} s.").format(
                math.ceil(wait)))
        problem = self.recovery_problem() if self.pages.currentIndex() == PAGE_RECOVERY else ""
        if problem:
            lines.append(problem)
        self.status.setText("\n".join(lines))
        self._update_wipe_warning()
        free = not self.busy and wait <= 0
        self.unlock_button.setEnabled(free and bool(self.field.text()))
        self.recover_button.setEnabled(
            not self.busy and bool(self.key_field.text().strip()) and not problem
            and self.meter.acceptable and self.new_field.text() == self.repeat_field.text())
        self.field.setReadOnly(self.busy)
        self.key_field.setReadOnly(self.busy)

    def _update_wipe_warning(self) -> None:
        """Say plainly, before each try, how many wrong passphrases are left before the
        owner's chosen wipe fires."""
        left = (self.throttle.tries_before_wipe()
                if self.pages.currentIndex() == PAGE_PASSPHRASE else None)
        if left is None:
            self.wipe_warning.setVisible(False)
            return
        if left <= 1:
            text = self.tr("Warning: one more wrong passphrase erases this store for good.")
        else:
            text = self.tr("Warning: this store is erased after {0} more wrong "
                           "passphrases.").format(left)
        self.wipe_warning.setText(text)
        self.wipe_warning.setVisible(True)
