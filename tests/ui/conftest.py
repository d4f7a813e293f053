"""Fixtures for the shell's tests: real sessions on real stores in tmp dirs, no mocks.

Every message box is recorded and answered instead of shown (``ui.messages``), Qt's own
settings go to a scratch dir, and each session's worker is shut down after its test.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ui  # noqa: E402,F401  (first: keeps None/True/False alive under PySide6 6.12)
from tests.conftest import PASSPHRASE  # noqa: E402


@pytest.fixture(autouse=True)
def recorded_messages(qapp):
    from ui.hardening import redirect_qt_settings
    from ui.messages import MessageBox

    redirect_qt_settings()
    shown = MessageBox.start_recording()
    yield shown
    MessageBox.stop_recording()


@pytest.fixture
def make_session(tmp_path, policy):
    from ui.session import Session

    made = []

    def make(name: str = "store"):
        s = Session(tmp_path / name, policy=policy)
        made.append(s)
        return s

    yield make
    for s in made:
        s.shutdown()


@pytest.fixture
def session(make_session):
    return make_session()


@pytest.fixture
def unlocked(qtbot, session):
    """A session whose store was just created (and so is open), with its recovery key text."""
    from crypto.passphrase import encode_passphrase

    got = {}
    session.create(encode_passphrase(PASSPHRASE), "Field team A",
                   success=lambda key: got.setdefault("key", key.display()))
    qtbot.waitUntil(lambda: "key" in got, timeout=10_000)
    session.recovery_text = got["key"]
    return session


@pytest.fixture
def settings(tmp_path):
    from ui.settings import AppSettings

    return AppSettings(tmp_path / "config" / "settings.ini")


@pytest.fixture
def window(qtbot, session, settings):
    """The main window over a fresh session (no store unless a test makes one)."""
    from ui.locking import ActivityFilter
    from ui.main_window import MainWindow
    from ui.unlock import Throttle

    activity = ActivityFilter(None, timeout_ms=60_000)
    w = MainWindow(session, settings, activity=activity, throttle=Throttle(base_s=0.05,
                                                                           cap_s=0.4))
    qtbot.addWidget(w)
    w.show()
    yield w
    activity.uninstall()


def run_on_store(qtbot, session, fn):
    """Run ``fn(store)`` on the worker and return its result (test helper)."""
    box = {}
    session.run(lambda s, _h: fn(s), success=lambda v: box.setdefault("v", v),
                failure=lambda e: box.setdefault("e", e))
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    if "e" in box:
        raise box["e"]
    return box["v"]


@pytest.fixture
def opened_window(qtbot, window):
    """The main window, unlocked on a store just created through its session."""
    from crypto.passphrase import encode_passphrase

    s = window.session
    s.create(encode_passphrase(PASSPHRASE), "Field team A", success=lambda _k: None)
    qtbot.waitUntil(lambda: s.is_unlocked and s.ops.idle, timeout=10_000)
    return window


class FakeClock:
    """A clock tests move by hand (``clock.now += 300``): no waiting in real time."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
