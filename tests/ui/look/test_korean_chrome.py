"""In the Korean UI, the app's own words are Korean: every menu, button, tab, group title,
column header and placeholder of the main window and of the screens its menus open.
(Values a person typed, ids and fingerprints are not the app's words and are not checked.)"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from crypto.passphrase import encode_passphrase
from tests.conftest import PASSPHRASE
from tests.samples import make_testimony
from tests.ui.conftest import run_on_store

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Words that stay as they are in Korean: file formats, hashes, the id of a thing.
KEPT = re.compile(r"\b(PDF|CSV|PNG|SHA-256|ID|Ctrl|Shift|Alt|OK)\b")


def english_left(text: str) -> bool:
    text = text.split("\t")[0].replace("&", "")
    return not HANGUL.search(text) and bool(re.search(r"[A-Za-z]{3,}", KEPT.sub("", text)))


def chrome(widget: QWidget) -> list[str]:
    """The texts of ``widget`` and its visible children that the app itself wrote."""
    texts: list[str] = [widget.windowTitle()] if widget.isWindow() else []
    for b in widget.findChildren(QAbstractButton):
        if b.isVisibleTo(widget) and b.text():
            texts.append(b.text())
    for g in widget.findChildren(QGroupBox):
        if g.isVisibleTo(widget):
            texts.append(g.title())
    for t in widget.findChildren(QTabWidget):
        texts += [t.tabText(i) for i in range(t.count())]
    for e in widget.findChildren(QLineEdit):
        if e.isVisibleTo(widget) and e.placeholderText():
            texts.append(e.placeholderText())
    for v in widget.findChildren(QAbstractItemView):
        model = v.model()
        header = getattr(v, "horizontalHeader", None)
        if v.isVisibleTo(widget) and model is not None and header is not None:
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(header().count())]
    return [t for t in texts if t]


def test_the_korean_main_window_and_its_screens_speak_korean(korean, window, qtbot):
    session = window.session
    session.create(encode_passphrase(PASSPHRASE), "현장팀", success=lambda _key: None)
    qtbot.waitUntil(lambda: session.is_unlocked and session.ops.idle, timeout=10_000)
    added = run_on_store(qtbot, session, lambda s: s.add(make_testimony()))
    window.workspace.refresh()
    window.workspace.select(added.id)
    qtbot.waitUntil(lambda: window.workspace.current is not None and session.ops.idle,
                    timeout=10_000)

    texts = chrome(window)
    for menu in window.menuBar().findChildren(QMenu):
        texts += [a.text() for a in menu.actions() if a.text()]
    texts += [a.text() for a in window.toolbar.actions() if a.text()]
    before = set(QApplication.topLevelWidgets())
    for action in (window.contacts_action, window.export_action, window.import_action,
                   window.backup_action, window.verify_backup_action, window.stats_action,
                   window.transfers_action, window.receipt_action, window.withdraw_action,
                   window.revisions_action):
        action.trigger()
        qtbot.waitUntil(lambda: session.ops.idle, timeout=10_000)
    opened = [w for w in QApplication.topLevelWidgets()
              if w not in before and w.isVisible() and not isinstance(w, QMenu)]
    assert len(opened) >= 9
    for dialog in opened:
        texts += chrome(dialog)
    left = sorted({t for t in texts if english_left(t)})
    assert not left, f"English left in the Korean UI: {left}"
