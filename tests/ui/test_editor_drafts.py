"""Drafts after the debounce, modified state, and clearing every trace on lock."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
)

from intake.model import Testimony
from tests.ui.test_editor_form import ime_type, rich, rich_dict
from ui.editor.editor import TestimonyEditor

# Text from the testimony that must not survive clear(): typed by hand, not vocabulary.
SECRETS = ["S-0142", "김철수", "단둥", "Interpreter B", "Hana Centre", "counsellor", "NKDB",
           "함경북도", "두 번 쉬었다", "보위원", "interview-1.m4a", "2019-03-14", "v2.1",
           "Field team A", "1985"]


@pytest.fixture
def editor(qtbot):
    e = TestimonyEditor(language="ko")
    qtbot.addWidget(e)
    e.resize(1000, 700)
    e.show()
    return e


def test_a_draft_is_reported_after_the_pause_not_before(editor, qtbot):
    editor.draft_interval_ms = 300
    editor.load(rich())
    with qtbot.assertNotEmitted(editor.draftChanged, wait=150):
        ime_type(editor.narrative, "새 문장")
    with qtbot.waitSignal(editor.draftChanged, timeout=2000) as draft:
        pass
    assert "새 문장" in draft.args[0]["narrative"]
    assert draft.args[0]["id"] == rich().id


def test_each_keystroke_restarts_the_pause(editor, qtbot):
    editor.draft_interval_ms = 250
    editor.load(rich())
    drafts = []
    editor.draftChanged.connect(drafts.append)
    for letter in "abcd":
        editor.interview.interviewer.setText(editor.interview.interviewer.text() + letter)
        qtbot.wait(100)
    assert drafts == []
    qtbot.waitUntil(lambda: len(drafts) == 1, timeout=2000)
    assert drafts[0]["interview"]["interviewer"] == "Field team Aabcd"


def test_loading_reports_no_draft_and_flush_reports_a_pending_one(editor, qtbot):
    editor.draft_interval_ms = 10_000
    with qtbot.assertNotEmitted(editor.draftChanged, wait=50):
        editor.load(rich())
    editor.survivor.pseudonym.setText("S-0143")
    with qtbot.waitSignal(editor.draftChanged, timeout=100):
        editor.flush_draft()


def test_modified_state_follows_edits_and_saves(editor, qtbot):
    editor.load(rich())
    assert not editor.is_modified()
    with qtbot.waitSignal(editor.modifiedChanged, timeout=1000):
        editor.survivor.pseudonym.setText("S-0143")
    assert editor.is_modified()
    assert "unsaved" in editor.state_label.text()
    saved = Testimony.from_dict({**editor.current_dict(), "revision": 4})
    editor.mark_saved(saved)
    assert not editor.is_modified()
    assert editor.base_revision() == 4
    assert editor.current_dict()["revision"] == 4


def test_a_draft_from_an_older_revision_is_carried_onto_the_newer_one(editor, qtbot):
    older = rich()
    editor.load(older)
    editor.narrative.moveCursor(editor.narrative.textCursor().MoveOperation.Start)
    ime_type(editor.narrative, "앞에 ")
    draft = editor.current_dict()
    newer = Testimony.from_dict({**rich_dict(), "revision": 4})  # e.g. a file was attached
    editor.load(newer, draft)
    out = editor.current_dict()
    assert out["revision"] == 4 and out["narrative"].startswith("앞에 ")
    r = out["redactions"][0]
    assert out["narrative"][r["start"]:r["end"]] == "김철수"


def visible_texts(widget) -> list[str]:
    """Every piece of text any child widget holds."""
    texts = [w.text() for w in widget.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in widget.findChildren(QPlainTextEdit)]
    texts += [w.text() + w.toolTip() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton)]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for table in widget.findChildren(QTableWidget):
        texts += [table.item(r, c).text() for r in range(table.rowCount())
                  for c in range(table.columnCount()) if table.item(r, c) is not None]
    for lst in widget.findChildren(QListWidget):
        texts += [lst.item(r).text() for r in range(lst.count())]
    return texts


def test_clear_leaves_no_testimony_text_in_any_widget(editor):
    editor.load(rich())
    editor.events.select(2)
    everything = "\n".join(visible_texts(editor))
    assert all(secret in everything for secret in ["S-0142", "김철수", "Interpreter B"])
    editor.clear()
    everything = "\n".join(visible_texts(editor))
    assert [s for s in SECRETS if s in everything] == []
    assert not editor.narrative.document().isUndoAvailable()
    assert editor.current_dict()["narrative"] == ""
    assert not editor.isEnabled()
    assert not editor.is_modified()
