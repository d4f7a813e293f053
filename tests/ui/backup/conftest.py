"""Fixtures for the backup screens: an unlocked session whose store holds a testimony with an
attachment, a real backup of it, and a way to hold the worker still."""

from __future__ import annotations

import io
import threading

import pytest

from tests.samples import make_testimony
from tests.ui.conftest import run_on_store


@pytest.fixture
def filled(qtbot, unlocked):
    """The ``unlocked`` session with one testimony and one attachment in its store."""

    def fill(store):
        t = store.add(make_testimony())
        store.attach(t.id, io.BytesIO(b"\x89PNG fake photo bytes" * 100), name="photo.png")
        return t.id

    unlocked.testimony_id = run_on_store(qtbot, unlocked, fill)
    return unlocked


@pytest.fixture
def backup_file(qtbot, filled, tmp_path):
    from intake.backup import create_backup

    out = tmp_path / "usb" / "store.tibak"
    out.parent.mkdir()
    run_on_store(qtbot, filled, lambda s: create_backup(s, out))
    return out


@pytest.fixture
def hold_worker(qtbot):
    """``hold(session)`` blocks the worker until the returned event is set, so work queued
    meanwhile can be cancelled before it starts (no timing involved)."""
    events = []

    def hold(session):
        started, release = threading.Event(), threading.Event()
        events.append(release)

        def wait(_handle):
            started.set()
            release.wait(30)

        session.ops.submit(wait)
        qtbot.waitUntil(started.is_set, timeout=5_000)
        return release

    yield hold
    for e in events:
        e.set()
