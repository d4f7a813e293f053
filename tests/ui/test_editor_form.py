"""The testimony editor: round trip, inline validation, saving, drafts restored as typed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from intake.model import Testimony
from tests.samples import sample_dict
from ui.editor.editor import TAB_EVENTS, TestimonyEditor
from ui.editor.place_edit import PlaceEdit

AUDIO_ID = "5a1c7e39-8b36-4a3c-b7f6-0c3c1f1f4d11"


def rich_dict() -> dict[str, Any]:
    """A testimony using every part of the form (fictional), with a redaction and a name."""
    d = sample_dict()
    d["id"] = "0f8e4a52-1c1e-4c52-9a43-3f8a2f6b9c01"
    d["revision"] = 3
    d["survivor"].update({"risk": ["family_in_north_korea"],
                          "prior_statements": [{"organisation": "NKDB", "date": "2021"}]})
    d["interview"].update({
        "interpreter": "Interpreter B", "mode": "in_person", "recorded": True, "depth": "full",
        "start": "10:00+09:00", "end": "13:30+09:00", "restrictions": "두 번 쉬었다",
        "persons_present": [{"role": "counsellor", "organisation": "Hana Centre"}]})
    d["consent"].update({"advocacy": True, "identity_to_court": False, "recontact": True,
                         "explained_by": ["interviewer", "interpreter"],
                         "form_version": "v2.1", "language": "ko",
                         "expires": "2030-01-01"})
    d["attachments"] = [{"id": AUDIO_ID, "name": "interview-1.m4a", "media_type": "audio/mp4",
                         "sha256": "ab" * 32, "size": 48_123_456}]
    d["events"].insert(0, {"type": "arrest", "start": "2019-03-14", "place": "단둥",
                           "perpetrator": "cn_public_security", "knowledge": "experienced",
                           "description": "시장에서 공안에게 체포되었다.", "sources": [AUDIO_ID]})
    d["events"].append({"type": "interrogation", "start": "2019-05", "end": "2019-06",
                        "approx": True, "place": "Onsong", "facility_kind": "mss_holding_centre",
                        "agency": "kp_mss", "perpetrator_description": "보위원 (계급 모름)",
                        "knowledge": "experienced",
                        "description": "매일 심문을 받았다. 김철수 보위원이 때렸다."})
    d["narrative"] += "\nIn April 2019 I was taken across the bridge at Tumen.\u00a0김철수 보위원."
    at = d["narrative"].index("김철수")
    d["redactions"] = [{"field": "narrative", "start": at, "end": at + 3, "kind": "PERSON",
                        "replacement": "[PERSON-1]"}]
    d["names"] = ["김철수"]
    return d


def ime_type(widget: QWidget, text: str) -> None:
    """Type ``text`` the way a Korean input method delivers it: a syllable being composed
    (pre-edit), then the committed text. (QTest's key clicks are ASCII only.)"""
    widget.setFocus()
    QApplication.sendEvent(widget, QInputMethodEvent(text[-1:], []))
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def rich() -> Testimony:
    return Testimony.from_dict(rich_dict())


@pytest.fixture
def editor(qtbot):
    def make(language: str = "en") -> TestimonyEditor:
        e = TestimonyEditor(language=language)
        qtbot.addWidget(e)
        e.resize(1000, 700)
        e.show()
        e.activateWindow()  # shortcuts such as Ctrl+S work in the active window only
        qtbot.waitUntil(e.isActiveWindow, timeout=2000)
        return e
    return make


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_loaded_testimony_comes_back_unchanged(editor, language):
    e = editor(language)
    original = rich()
    e.load(original)
    assert e.errors() == {}
    assert not e.is_modified()
    assert Testimony.from_dict(e.current_dict()) == original


def test_a_new_testimony_can_be_typed_and_saved_with_ctrl_s(editor, qtbot):
    e = editor()
    e.load(None)
    assert e.is_new() and not e.save_button.isEnabled()
    assert "Pseudonym" in e.save_button.toolTip()
    qtbot.keyClicks(e.survivor.pseudonym, "S-0500")
    ime_type(e.narrative, "2020년 단둥에서 체포되었다.")
    e.validate()
    assert e.save_button.isEnabled()
    with qtbot.waitSignal(e.saveRequested, timeout=1000) as saved:
        qtbot.keyClick(e.narrative, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = Testimony.from_dict(saved.args[0], new=True)
    assert stored.survivor.pseudonym == "S-0500"
    assert stored.narrative == "2020년 단둥에서 체포되었다."
    assert stored.id == e.testimony_id()


def test_an_invalid_form_names_the_field_and_ctrl_s_goes_there(editor, qtbot):
    e = editor()
    e.load(rich())
    e.tabs.setCurrentIndex(TAB_EVENTS)
    e.survivor.birth_year.setText("1850")
    e.validate()
    assert e.errors() == {"survivor.birth_year": e.errors()["survivor.birth_year"]}
    assert not e.save_button.isEnabled()
    assert e.status.text().startswith("Cannot save yet: Survivor › Birth year: must be between")
    row = e.survivor.rows["birth_year"]
    assert not row.message.isHidden() and "between 1900" in row.message.text()
    with qtbot.assertNotEmitted(e.saveRequested):
        qtbot.keyClick(e.narrative, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert e.tabs.currentIndex() == 0
    assert e.focusWidget() is e.survivor.birth_year


def test_partial_dates_are_checked_inline_and_loose_forms_rewritten(editor, qtbot):
    e = editor()
    e.load(rich())
    e.tabs.setCurrentIndex(TAB_EVENTS)
    e.events.select(1)
    start = e.events.form.start
    start.clear()
    qtbot.keyClicks(start, "2019-13")
    e.validate()
    row = e.events.form.rows["when"]
    assert row.message.isVisible()
    assert "does not exist" in row.message.text()
    assert "events[1].start" in e.errors()
    assert e.events.list.item(1).text().startswith("⚠")
    start.clear()
    ime_type(start, "2019년 3월")
    start.editingFinished.emit()
    assert start.text() == "2019-03"
    e.validate()
    assert not row.message.isVisible()
    assert e.errors() == {}


@pytest.mark.parametrize("text", ["2019", "2019-03", "2019-03-14"])
def test_every_precision_of_a_partial_date_is_accepted(editor, qtbot, text):
    e = editor()
    e.load(rich())
    e.events.select(0)
    e.events.form.start.setText(text)
    e.validate()
    assert e.errors() == {}
    assert e.current_dict()["events"][0]["start"] == text


def test_an_error_path_from_the_model_maps_to_its_widget(editor):
    e = editor()
    e.load(rich())
    widget = e.field_widget("events[2].start")
    assert e.events.current_index() == 2
    assert widget is e.events.form.rows["when"].widget
    assert e.field_widget("interview.persons_present[0].role") is e.interview.present
    assert e.field_widget("consent.legal") is e.consent.rows["scopes"].widget
    assert e.field_widget("narrative") is e.narrative


def test_a_draft_is_restored_exactly_as_typed_even_when_invalid(editor, qtbot):
    original = rich()
    first = editor()
    first.load(original)
    first.survivor.birth_year.setText("19x5")
    first.events.select(0)
    first.events.form.start.setText("2019-13")
    first.narrative.moveCursor(first.narrative.textCursor().MoveOperation.Start)
    ime_type(first.narrative, "초안 ")
    first.events.move_current(1)  # the arrest is now the second event
    draft = first.current_dict()

    e = editor()
    e.load(original, draft)
    assert e.survivor.birth_year.text() == "19x5"
    assert e.is_modified()
    assert set(e.errors()) == {"survivor.birth_year", "events[1].start"}
    again = e.current_dict()
    assert again["events"][1]["start"] == "2019-13"
    assert again["narrative"].startswith("초안 ")
    r = again["redactions"][0]
    assert again["narrative"][r["start"]:r["end"]] == "김철수"


def test_what_the_form_does_not_show_is_kept(editor):
    e = editor()
    original = rich()
    e.load(original)
    e.survivor.sex.set_value("unknown")
    d = e.current_dict()
    assert d["id"] == original.id and d["revision"] == original.revision
    assert d["names"] == ["김철수"]
    assert d["attachments"] == [a.to_dict() for a in original.attachments]
    assert d["redactions"] == [r.to_dict() for r in original.redactions]
    assert "name" not in d["survivor"]


@pytest.mark.parametrize("typed", ["단둥", "단동", "Dandong", "丹东"])
def test_places_complete_from_the_gazetteer_in_any_spelling(qtbot, typed):
    edit = PlaceEdit("ko")
    qtbot.addWidget(edit)
    edit.show()
    ime_type(edit, typed)
    assert edit.completion_values()[0] == "단동(단둥)"
    assert "요녕성" in edit.completer_popup_texts()[0]
    assert edit.hint().startswith("✓ 단동(단둥)")


def test_choosing_a_completion_inserts_the_label_in_the_ui_language(qtbot):
    edit = PlaceEdit("en")
    qtbot.addWidget(edit)
    edit.show()
    ime_type(edit, "투먼")
    popup = edit.completer().popup()
    popup.setCurrentIndex(popup.model().index(0, 0))
    edit.completer().activated[str].emit("ignored")
    assert edit.text() == "Tumen"
    assert "Jilin" in edit.hint()


def test_a_birth_year_or_a_band_but_not_both(editor):
    e = editor()
    e.load(rich())
    e.survivor.birth_band.setText("1980-1984")
    e.validate()
    assert e.errors() == {"survivor.birth_year_band": "give birth_year or a band, not both"}
    e.survivor.birth_year.clear()
    e.validate()
    assert e.errors() == {}
    assert Testimony.from_dict(e.current_dict()).survivor.birth_year_band == "1980-1984"


def test_the_form_offers_no_field_for_a_real_name(editor):
    from intake import model

    e = editor()
    e.load(None)
    captions = [row.label_text.casefold() for section in (e.survivor, e.interview)
                for row in section.rows.values()]
    assert not any(key.replace("_", " ") in captions for key in model._NAME_KEYS)
    assert not set(e.current_dict()["survivor"]) & model._NAME_KEYS
