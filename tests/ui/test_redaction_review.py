"""The redaction review dialog on real findings: highlights, keys, names, numbering, saving."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from intake.model import KEEP
from intake.review import Status
from tests.samples import make_testimony
from tests.ui.conftest import run_on_store
from ui.messages import Button, MessageBox
from ui.redaction import palette

NARRATIVE = ("2019년 4월 단둥에서 김영희와 함께 체포되었다. 영희는 010-1234-5678로 연락했다.\n"
             "그날 향미는 울었다. 별명은 꽃분이였다. 박철도 왔다.")
DESCRIPTION = "김영희가 010 1234 5678 번호를 알려주었다."


def sample(**kw):
    t = make_testimony(narrative=kw.pop("narrative", NARRATIVE))
    return replace(t, events=(replace(t.events[0], description=DESCRIPTION),), **kw)


@pytest.fixture(scope="module")
def warm():
    """Load the Korean dictionary once, so detection in a test takes milliseconds."""
    from intake.redaction import default_detector

    default_detector().warm_up()


@pytest.fixture
def ops(warm):
    from ui.operations import Operations

    o = Operations()
    yield o
    o.cancel_all()
    o.shutdown()


@pytest.fixture
def open_review(qtbot, ops):
    from ui.redaction.review_dialog import RedactionReviewDialog
    from ui.redaction.runner import ops_runner

    def make(t=None):
        d = RedactionReviewDialog(t or sample(), ops_runner(ops))
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        d.start()
        qtbot.waitUntil(lambda: d.history is not None and not d.busy, timeout=20_000)
        d.activateWindow()
        d.text_view.setFocus()
        qtbot.waitUntil(d.isActiveWindow)
        return d

    return make


def item(d, text, field="narrative"):
    return next(i for i in d.state.items if i.text == text and i.field == field)


def key(d, k, modifier=Qt.KeyboardModifier.NoModifier):
    from PySide6.QtTest import QTest

    QTest.keyClick(d.text_view, k, modifier)


def preview_field(d, label: str) -> str:
    lines = d.preview.toPlainText().split("\n")
    return lines[lines.index(label) + 1]


def test_every_finding_is_highlighted_over_exactly_its_text(open_review):
    d = open_review()
    selections = d.text_view.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == [i.text for i in d.state.items]
    assert [i.text for i in d.state.items] == ["김영희", "영희", "010-1234-5678", "박철", "김영희",
                                               "010 1234 5678"]
    person = selections[0].format
    assert person.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert person.background().color() == palette.tint("PERSON")
    assert selections[2].format.background().color() == palette.tint("PHONE")


def test_decisions_change_the_look_solid_or_struck_through(open_review):
    d = open_review()
    key(d, Qt.Key.Key_A)
    key(d, Qt.Key.Key_R)
    accepted, rejected = d.text_view.extraSelections()[:2]
    assert accepted.format.background().color() == palette.colour("PERSON")
    assert accepted.format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert rejected.format.fontStrikeOut()
    assert rejected.format.foreground().color().name() == palette.KEPT_GREY


def test_characters_outside_the_basic_plane_do_not_shift_highlights(open_review):
    d = open_review(sample(narrative="😀😀 김영희가 왔다. 𠀋 영희는 갔다."))
    texts = [s.cursor.selectedText() for s in d.text_view.extraSelections()]
    assert texts[:2] == ["김영희", "영희"]
    d.text_view.select_span("narrative", 3, 6)
    assert d.text_view.selected_span() == ("narrative", 3, 6)


def test_accept_reject_undo_and_redo_from_the_keyboard(open_review):
    d = open_review()
    first, second = d.state.items[0].key, d.state.items[1].key
    assert d.current == first
    key(d, Qt.Key.Key_A)
    assert d.state.item(first).status is Status.ACCEPTED and d.current == second
    key(d, Qt.Key.Key_R)
    assert d.state.item(second).status is Status.REJECTED
    key(d, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert d.state.item(second).status is Status.UNDECIDED
    key(d, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert d.state.item(first).status is Status.UNDECIDED
    key(d, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    key(d, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert d.state.item(second).status is Status.REJECTED
    assert not d.redo_button.isEnabled() and d.undo_button.isEnabled()


def test_n_and_p_walk_the_undecided_findings_and_wrap(open_review):
    d = open_review()
    items = d.state.items
    key(d, Qt.Key.Key_N)
    assert d.current == items[1].key
    key(d, Qt.Key.Key_P)
    key(d, Qt.Key.Key_P)
    assert d.current == items[-1].key  # wrapped to the last
    assert d.text_view.textCursor().position() == d.text_view.cursor_for(items[-1].key) \
        .selectionStart()


def test_accept_all_of_the_current_kind(open_review):
    d = open_review()
    key(d, Qt.Key.Key_N)
    key(d, Qt.Key.Key_N)  # the phone number
    assert "Phone number" in d.panel.kind_button.text()
    key(d, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert {i.status for i in d.state.items if i.kind == "PHONE"} == {Status.ACCEPTED}
    assert {i.status for i in d.state.items if i.kind == "PERSON"} == {Status.UNDECIDED}


def test_clicking_a_finding_makes_it_the_current_one(qtbot, open_review):
    d = open_review()
    target = item(d, "박철")
    point = d.text_view.point_of(target.key).toPoint()
    qtbot.mouseClick(d.text_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert d.current == target.key
    assert "박철" in d.panel.finding_label.text() and "[PERSON-2]" in d.panel.finding_label.text()


def test_the_count_says_how_many_are_undecided_and_why_it_matters(open_review):
    d = open_review()
    assert d.count_label.text() == "6 findings undecided (Person 4, Phone number 2)"
    assert "undecided ones included" in d.note.text() and "refused" not in d.note.text()
    for _ in range(6):
        key(d, Qt.Key.Key_A)
    assert d.count_label.text() == "No finding undecided"


def test_any_selected_text_can_be_redacted_by_hand_with_a_kind(open_review):
    d = open_review()
    start = NARRATIVE.index("꽃분이")
    d.text_view.select_span("narrative", start - 1, start + 4)  # " 꽃분이였"
    d.panel.kind_combo.setCurrentIndex(d.panel.kind_combo.findData("OTHER"))
    key(d, Qt.Key.Key_X)
    manual = d.state.item(d.current)
    assert (manual.text, manual.kind, manual.detected) == ("꽃분이였", "OTHER", False)
    assert "별명은 [OTHER-1]다." in d.preview.toPlainText()


def test_adding_a_name_finds_a_later_mention_with_a_particle(qtbot, open_review):
    d = open_review()
    assert "향미" not in [i.text for i in d.state.items]
    d.panel.name_edit.setText("박향미")
    d.panel.add_name_button.click()
    qtbot.waitUntil(lambda: not d.busy and "향미" in [i.text for i in d.state.items])
    assert item(d, "향미").status is Status.ACCEPTED
    assert d.panel.names_list.item(0).text() == "박향미"
    assert "그날 [PERSON-2]는 울었다." in d.preview.toPlainText()
    key(d, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "향미" not in [i.text for i in d.state.items] and d.state.names == ()


def test_the_same_person_has_the_same_label_in_every_field(open_review):
    d = open_review()
    assert preview_field(d, "Narrative").startswith("2019년 4월 단둥에서 [PERSON-1]와 함께")
    assert preview_field(d, "Event 1 › Description") == "[PERSON-1]가 [PHONE-1] 번호를 알려주었다."
    assert "[PERSON-1]는 [PHONE-1]로" in d.preview.toPlainText()  # 영희: part of 김영희


def test_the_survivors_own_name_becomes_the_pseudonym(open_review):
    d = open_review()
    d.go_to(item(d, "김영희").key)
    d.panel.survivor_button.click()
    assert preview_field(d, "Event 1 › Description").startswith("S-0142가")
    assert "단둥에서 S-0142와" in d.preview.toPlainText()
    assert d.panel.survivor_button.isChecked()


def test_closing_with_unsaved_decisions_asks_and_discard_drops_the_text(open_review,
                                                                        recorded_messages):
    d = open_review()
    key(d, Qt.Key.Key_A)
    MessageBox.set_next_answer(Button.Discard)
    d.close_button.click()
    assert recorded_messages[-1].title == "Unsaved decisions"
    assert not d.isVisible() and d.history is None
    assert d.text_view.toPlainText() == "" and d.preview.toPlainText() == ""


def test_detection_runs_on_the_worker_not_the_ui_thread(qtbot, open_review, monkeypatch):
    import ui.redaction.review_dialog as module

    threads = []
    real = module.detect_fields

    def spy(*args, **kw):
        threads.append(threading.current_thread())
        return real(*args, **kw)

    monkeypatch.setattr(module, "detect_fields", spy)
    open_review()
    assert threads and threads[0] is not threading.main_thread()


def test_a_long_testimony_stays_responsive(qtbot):
    import time

    from intake.redaction import Finding
    from ui.redaction.review_dialog import RedactionReviewDialog

    unit = "그날 김영희와 함께 단둥에서 체포되었다. " + "평범한 문장이 길게 이어진다. " * 8
    t = sample(narrative=(unit * 400)[:60_000])
    found = [Finding(i, i + 3, "PERSON", "김영희", 0.9) for i in range(len(t.narrative))
             if t.narrative.startswith("김영희", i)]

    def run(work, success, failure=None, title=None):  # detection already done: hand it over
        success({"narrative": found})

    d = RedactionReviewDialog(t, run)
    qtbot.addWidget(d)
    d.show()
    d.start()
    assert len(d.state.items) == len(found) > 300
    began = time.perf_counter()
    d.accept_current()
    d.reject_current()
    assert time.perf_counter() - began < 2.0  # was ~9 s a decision before edit blocks


# -- in the application, on a real store ------------------------------------------------


@pytest.fixture
def opened(qtbot, window, warm):
    from crypto.passphrase import encode_passphrase
    from tests.conftest import PASSPHRASE

    s = window.session
    s.create(encode_passphrase(PASSPHRASE), "Field team A", success=lambda _k: None)
    qtbot.waitUntil(lambda: s.is_unlocked and s.ops.idle, timeout=10_000)
    return window


def open_in_app(qtbot, window, testimony):
    ws = window.workspace
    stored = run_on_store(qtbot, window.session, lambda s: s.add(testimony))
    ws.select(stored.id)
    qtbot.waitUntil(lambda: ws.current is not None and window.review_action.isEnabled())
    window.review_action.trigger()
    qtbot.waitUntil(lambda: ws.redaction is not None and ws.redaction.dialog.history is not None
                    and window.session.ops.idle, timeout=20_000)
    return stored, ws.redaction.dialog


def test_save_stores_the_decisions_as_a_new_revision_and_leaves_the_text(qtbot, opened):
    stored, d = open_in_app(qtbot, opened, sample())
    d.accept_kind()  # every PERSON
    d.go_to(item(d, "010-1234-5678").key)
    d.reject_current()
    d.save_button.click()
    qtbot.waitUntil(lambda: "Saved as revision 2" in d.status.text(), timeout=10_000)
    saved = run_on_store(qtbot, opened.session, lambda s: s.get(stored.id))
    assert saved.revision == 2 and saved.narrative == stored.narrative
    assert saved.events[0].description == DESCRIPTION
    spans = [(r.field, saved.text_at(r.field)[r.start:r.end], r.kind, r.replacement)
             for r in saved.redactions]
    assert ("narrative", "김영희", "PERSON", "[PERSON-1]") in spans
    assert ("events[0].description", "김영희", "PERSON", "[PERSON-1]") in spans
    assert ("narrative", "010-1234-5678", KEEP, "") in spans
    assert "1 findings" not in d.status.text() and "undecided" in d.status.text()
    assert "will redact them" in d.status.text() and "refused" not in d.status.text()
    decided = run_on_store(qtbot, opened.session, lambda s: [
        e for e in s.audit.entries([stored.id]) if e.action == "redaction.decide"])
    assert len(decided) == 1 and decided[0].detail["revision"] == 2
    assert decided[0].detail["rejected"] == {"PHONE": 1}
    assert "김영희" not in str(decided[0].detail)
    assert opened.workspace.current.revision == 2
    d.accept_current()  # saving again goes on from revision 2, not refused as stale
    d.save()
    qtbot.waitUntil(lambda: "Saved as revision 3" in d.status.text(), timeout=10_000)


def test_a_reopened_review_shows_the_stored_decisions(qtbot, opened):
    stored, d = open_in_app(qtbot, opened, sample())
    d.go_to(item(d, "박철").key)
    d.reject_current()
    d.save()
    qtbot.waitUntil(lambda: not d._saving, timeout=10_000)
    d.discard()
    opened.review_action.trigger()
    ws = opened.workspace
    qtbot.waitUntil(lambda: ws.redaction.dialog is not d and ws.redaction.dialog.history
                    is not None, timeout=20_000)
    assert item(ws.redaction.dialog, "박철").status is Status.REJECTED


def test_the_action_is_off_while_editing_and_locking_closes_the_review(qtbot, opened):
    stored, d = open_in_app(qtbot, opened, sample())
    d.accept_current()
    opened.lock()  # unsaved decisions: no question may block a lock
    qtbot.waitUntil(lambda: not d.isVisible())
    assert d.history is None and d.text_view.toPlainText() == ""
    assert not opened.review_action.isEnabled()
    assert MessageBox.shown is not None and not any(
        m.title == "Unsaved decisions" for m in MessageBox.shown)


def test_the_action_is_in_the_menu_and_the_toolbar_with_a_shortcut(qtbot, opened):
    in_menus = [a for m in opened.menuBar().actions() for a in m.menu().actions()]
    assert opened.review_action in in_menus
    assert opened.toolbar_review in opened.toolbar.actions()
    assert opened.review_action.shortcut().toString() == "Ctrl+Shift+R"
    assert not opened.review_action.isEnabled()  # no testimony shown yet
    open_in_app(qtbot, opened, sample())
    assert opened.toolbar_review.isEnabled()


def test_the_review_speaks_korean_in_the_korean_ui(qapp, open_review):
    import re

    from ui import i18n

    assert i18n.install(qapp, "ko")
    try:
        d = open_review()
        texts = [d.panel.accept_button.text(), d.count_label.text(), d.note.text(),
                 d.save_button.text(), d.legend.kinds.text(), d.preview.toPlainText()[:5]]
        assert all(re.search(r"[\uac00-\ud7a3]", t) for t in texts), texts
        assert d.count_label.text().startswith("미결정 항목 6개")
    finally:
        i18n.install(qapp, "en")
