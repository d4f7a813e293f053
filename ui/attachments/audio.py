"""Play a recording from memory: the decrypted bytes never touch the disk.

``QMediaPlayer.setSourceDevice`` reads from a ``QBuffer`` over the bytes. No file name is
given to the player as a hint: the FFmpeg backend logs the source's name, and a file name
("interview-kim.m4a") can itself identify someone.

QtMultimedia is imported when the first player is made, and a machine without it (or
without its system libraries, e.g. ``libpulse0``) gets a clear message instead of a crash.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

SKIP_MS = 10_000


def multimedia() -> Any | None:
    """The QtMultimedia module, or None where it cannot be loaded."""
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia


def clock(ms: int) -> str:
    seconds = max(ms, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class AudioPlayer(QWidget):
    """Play/pause, ±10 s and a position slider over a recording held in memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buffer: QBuffer | None = None
        self._bytes: QByteArray | None = None
        self._mm = multimedia()
        self.player: Any = None
        self.output: Any = None
        if self._mm is not None:
            self.player = self._mm.QMediaPlayer(self)
            self.output = self._mm.QAudioOutput(self)
            self.player.setAudioOutput(self.output)
            self.player.durationChanged.connect(self._on_duration)
            self.player.positionChanged.connect(self._on_position)
            self.player.playbackStateChanged.connect(self._on_state)
            self.player.errorOccurred.connect(self._on_error)

        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.back_button = QPushButton(self.tr("− 10 s"), self)
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_MS))
        self.forward_button = QPushButton(self.tr("+ 10 s"), self)
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_MS))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("Position in the recording"))
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self._seek)
        self.time_label = QLabel(clock(0) + " / " + clock(0), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.keys_hint = QLabel(self.tr("Space: play or pause · ← →: 10 seconds back or on"),
                                self)
        self.keys_hint.setObjectName("muted")
        self.keys_hint.setStyleSheet("color: #666666")
        for key, handler in ((Qt.Key.Key_Space, self.toggle),
                             (Qt.Key.Key_Left, lambda: self.skip(-SKIP_MS)),
                             (Qt.Key.Key_Right, lambda: self.skip(SKIP_MS))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)

        controls = QHBoxLayout()
        for w in (self.back_button, self.play_button, self.forward_button):
            controls.addWidget(w)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(controls)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._set_enabled(False)

    @property
    def available(self) -> bool:
        return self.player is not None

    def load(self, data: bytes) -> bool:
        """Give the player the recording; False (with a message) if audio cannot play here."""
        self.clear()
        if self.player is None:
            self.status.setText(self.tr("Audio playback is not available on this computer "
                                        "(Qt Multimedia could not be loaded)."))
            return False
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.player.setSourceDevice(self._buffer, QUrl())
        self._set_enabled(True)
        return True

    def clear(self) -> None:
        """Stop and drop the recording's bytes."""
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
        self._buffer = None
        self._bytes = None
        self.slider.setRange(0, 0)
        self.time_label.setText(clock(0) + " / " + clock(0))
        self.status.clear()
        self._set_enabled(False)

    def toggle(self) -> None:
        if self.player is None or self._buffer is None:
            return
        playing = self._mm.QMediaPlayer.PlaybackState.PlayingState
        if self.player.playbackState() == playing:
            self.player.pause()
        else:
            self.player.play()

    def skip(self, delta_ms: int) -> None:
        if self.player is not None and self._buffer is not None:
            self._seek(self.player.position() + delta_ms)

    def _seek(self, ms: int) -> None:
        if self.player is not None:
            self.player.setPosition(max(0, min(ms, self.player.duration())))

    def _set_enabled(self, on: bool) -> None:
        for w in (self.play_button, self.back_button, self.forward_button, self.slider):
            w.setEnabled(on)

    def _on_duration(self, ms: int) -> None:
        self.slider.setRange(0, max(ms, 0))
        self._on_position(self.player.position())

    def _on_position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self.time_label.setText(clock(ms) + " / " + clock(self.player.duration()))

    def _on_state(self, state: Any) -> None:
        playing = state == self._mm.QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _on_error(self, _error: Any, _message: str) -> None:
        # The backend's message may quote the stream; say only what happened.
        self.status.setText(self.tr("This recording cannot be played here. It is still "
                                    "stored, encrypted and unchanged."))
