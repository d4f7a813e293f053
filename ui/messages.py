"""The one message box every dialog goes through (KeePassXC's ``MessageBox`` pattern).

Why one wrapper: tests pre-answer questions instead of clicking a modal box that
would block the event loop, every message lands in one recorded list that tests
can read, and nothing in the UI ever builds its own ``QMessageBox`` with a
traceback or testimony text in it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


@dataclass(frozen=True)
class Shown:
    """One message as it was (or would have been) shown."""

    kind: str
    title: str
    text: str


class MessageBox:
    """Static helpers: ``information``, ``warning``, ``critical`` and ``question``.

    In test mode (:meth:`start_recording`) nothing is shown: each call is appended
    to :attr:`shown` and answered from :meth:`set_next_answer`, else with the
    default button.
    """

    _answers: deque[Button] = deque()
    shown: list[Shown] | None = None

    @classmethod
    def start_recording(cls) -> list[Shown]:
        cls.shown = []
        cls._answers.clear()
        return cls.shown

    @classmethod
    def stop_recording(cls) -> None:
        cls.shown = None
        cls._answers.clear()

    @classmethod
    def set_next_answer(cls, button: Button) -> None:
        """Answer the next message with ``button`` without showing it."""
        cls._answers.append(button)

    @classmethod
    def _show(cls, kind: str, icon: QMessageBox.Icon, parent: QWidget | None, title: str,
              text: str, buttons: Button, default: Button) -> Button:
        if cls.shown is not None:
            cls.shown.append(Shown(kind, title, text))
        if cls._answers:
            return cls._answers.popleft()
        if cls.shown is not None:
            return default
        box = QMessageBox(icon, title, text, buttons, parent)
        box.setDefaultButton(default)
        # Plain text always: a store label or file name must never be read as HTML.
        box.setTextFormat(Qt.TextFormat.PlainText)
        return Button(box.exec())

    @classmethod
    def information(cls, parent: QWidget | None, title: str, text: str) -> Button:
        return cls._show("information", QMessageBox.Icon.Information, parent, title, text,
                         Button.Ok, Button.Ok)

    @classmethod
    def warning(cls, parent: QWidget | None, title: str, text: str) -> Button:
        return cls._show("warning", QMessageBox.Icon.Warning, parent, title, text,
                         Button.Ok, Button.Ok)

    @classmethod
    def critical(cls, parent: QWidget | None, title: str, text: str) -> Button:
        return cls._show("critical", QMessageBox.Icon.Critical, parent, title, text,
                         Button.Ok, Button.Ok)

    @classmethod
    def question(cls, parent: QWidget | None, title: str, text: str,
                 buttons: Button = Button.Yes | Button.No,
                 default: Button = Button.No) -> Button:
        return cls._show("question", QMessageBox.Icon.Question, parent, title, text,
                         buttons, default)

