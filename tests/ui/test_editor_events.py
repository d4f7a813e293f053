"""The event timeline: adding, removing and reordering from the keyboard; redactions follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from intake.model import Testimony
from tests.ui.test_editor_form import rich, rich_dict
from ui.editor.editor import TAB_EVENTS, TestimonyEditor

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def editor(qtbot):
    e = TestimonyEditor(language="en")
    qtbot.addWidget(e)
    e.resize(1000, 700)
    e.show()
    e.load(rich())
    e.tabs.setCurrentIndex(TAB_EVENTS)
    e.events.list.setFocus()
    e.events.select(0)
    return e


def types(e: TestimonyEditor) -> list[str | None]:
    return [ev["type"] for ev in e.current_dict()["events"]]


def test_events_are_added_reordered_and_removed_from_the_keyboard(editor, qtbot):
    e, timeline = editor, editor.events.list
    assert types(e) == ["arrest", "forced_return", "interrogation"]

    qtbot.keyClick(timeline, Qt.Key.Key_Down, ALT)               # arrest moves down
    assert types(e) == ["forced_return", "arrest", "interrogation"]
    assert e.events.current_index() == 1
    qtbot.keyClick(timeline, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert types(e) == ["arrest", "forced_return", "interrogation"]

    qtbot.keyClick(timeline, Qt.Key.Key_Insert)                  # a new event after it
    assert types(e) == ["arrest", None, "forced_return", "interrogation"]
    assert e.events.current_index() == 1
    form = e.events.form
    form.type.set_value("torture")
    form.start.setText("2019-03")
    assert types(e) == ["arrest", "torture", "forced_return", "interrogation"]
    assert "Torture" in timeline.item(1).text()

    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Delete)
    assert types(e) == ["arrest", "forced_return", "interrogation"]
    assert e.events.restore_button.isEnabled()
    e.events.restore_removed()
    assert types(e) == ["arrest", "torture", "forced_return", "interrogation"]
    e.validate()
    assert e.errors() == {}


def test_a_new_event_without_a_type_cannot_be_saved(editor, qtbot):
    e = editor
    qtbot.keyClick(e.events.list, Qt.Key.Key_Insert)
    e.validate()
    assert "events[1].type" in e.errors()
    assert not e.save_button.isEnabled()
    assert e.status.text().startswith("Cannot save yet: Event 2 › Type")


def test_sorting_by_date_orders_the_timeline(editor):
    e = editor
    e.events.select(0)
    e.events.form.start.setText("2020")
    e.events.sort_by_date()
    assert types(e) == ["forced_return", "interrogation", "arrest"]
    assert e.events.current_index() == 2  # the edited event stays selected


def test_redactions_follow_their_event_when_events_move_or_go(qtbot):
    d = rich_dict()
    at = d["events"][2]["description"].index("김철수")
    d["redactions"].append({"field": "events[2].description", "start": at, "end": at + 3,
                            "kind": "PERSON", "replacement": "[PERSON-1]"})
    e = TestimonyEditor(language="en")
    qtbot.addWidget(e)
    e.load(Testimony.from_dict(d))
    e.events.select(2)
    e.events.move_current(-1)
    e.events.move_current(-1)  # the interrogation is now first
    out = e.current_dict()
    moved = [r for r in out["redactions"] if r["field"].startswith("events")]
    assert moved[0]["field"] == "events[0].description"
    text = out["events"][0]["description"]
    assert text[moved[0]["start"]:moved[0]["end"]] == "김철수"
    Testimony.from_dict(out)  # still a valid record
    e.events.select(0)
    e.events.remove_current()
    assert [r["field"] for r in e.current_dict()["redactions"]] == ["narrative"]


def test_editing_the_narrative_keeps_a_redaction_on_its_name(qtbot):
    e = TestimonyEditor(language="en")
    qtbot.addWidget(e)
    e.load(rich())
    cursor = e.narrative.textCursor()
    cursor.setPosition(0)
    cursor.insertText("추가한 첫 문장. ")
    cursor.setPosition(len("추가한 첫 문장. ") + 5)
    cursor.removeSelectedText()
    out = e.current_dict()
    r = out["redactions"][0]
    assert out["narrative"][r["start"]:r["end"]] == "김철수"
    cursor.setPosition(r["start"])
    cursor.setPosition(r["end"], cursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()  # the name itself is deleted: nothing left to cover
    assert e.current_dict()["redactions"] == []
