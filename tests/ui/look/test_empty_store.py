"""A first-time user facing an empty store is told how to begin."""

from __future__ import annotations

from crypto.passphrase import encode_passphrase
from tests.conftest import PASSPHRASE
from tests.samples import make_testimony
from tests.ui.conftest import run_on_store


def test_the_empty_store_says_how_to_begin_then_how_to_choose(window, qtbot):
    session = window.session
    session.create(encode_passphrase(PASSPHRASE), "Field team A", success=lambda _key: None)
    qtbot.waitUntil(lambda: session.is_unlocked and session.ops.idle, timeout=10_000)
    detail = window.workspace.detail
    assert detail.pages.currentWidget() is detail.empty_label
    assert "New testimony" in detail.empty_label.text()
    run_on_store(qtbot, session, lambda s: s.add(make_testimony()))
    window.workspace.refresh()
    qtbot.waitUntil(lambda: "Select" in detail.empty_label.text(), timeout=10_000)
