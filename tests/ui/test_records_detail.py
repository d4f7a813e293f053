"""The read-only detail pane: consent first and loud, a chronological timeline, no leftovers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableWidget

from intake.model import Testimony
from tests.ui.test_editor_form import rich_dict
from ui.records.detail_pane import DetailPane


def pane(qtbot, language: str = "en") -> DetailPane:
    p = DetailPane(language=language)
    qtbot.addWidget(p)
    p.resize(760, 900)
    p.show()
    return p


def label_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_withdrawn_consent_is_impossible_to_miss(qtbot):
    d = rich_dict()
    d["consent"].update({"withdrawn": "2024-01-05", "withdrawal_note": "가족이 위험하다"})
    p = pane(qtbot)
    p.show_testimony(Testimony.from_dict(d))
    headline = p.findChild(QLabel, "consentHeadline")
    assert headline.text() == "⚠ CONSENT WITHDRAWN on 2024-01-05"
    assert headline.font().pointSizeF() > p.font().pointSizeF() * 1.3
    box = headline.parentWidget()
    assert box.property("state") == "withdrawn"
    assert any("must not be exported" in t for t in label_texts(box))
    assert any("가족이 위험하다" in t for t in label_texts(box))


def test_consent_scopes_and_risk_flags_are_shown_first(qtbot):
    p = pane(qtbot)
    p.show_testimony(Testimony.from_dict(rich_dict()))
    headline = p.findChild(QLabel, "consentHeadline")
    assert headline.text() == "Consent: Legal · Advocacy"
    chips = [c.text() for c in p.findChildren(QLabel, "scopeChip")]
    assert chips == ["✓ Legal", "✓ Advocacy", "✗ Publication"]
    assert any(t.startswith("⚠ Family in North Korea") for t in label_texts(p))


def test_events_are_shown_as_a_chronological_timeline_in_the_ui_language(qtbot):
    d = rich_dict()
    d["events"].reverse()  # stored latest first; shown earliest first
    p = pane(qtbot, "ko")
    p.show_testimony(Testimony.from_dict(d))
    heads = [t for t in label_texts(p) if t.startswith("2019-")]
    assert [h.split()[0] for h in heads] == ["2019-03-14", "2019-04", "2019-05"]
    assert "체포" in heads[0] and "강제송환" in heads[1]
    assert any("Tumen (도문(투먼))" == t for t in label_texts(p))


def test_free_text_is_shown_as_plain_text_never_as_markup(qtbot):
    d = rich_dict()
    d["events"][0]["description"] = "<b>not bold</b> & <a href='x'>no link</a>"
    p = pane(qtbot)
    p.show_testimony(Testimony.from_dict(d))
    shown = [lbl for lbl in p.findChildren(QLabel) if "not bold" in lbl.text()]
    assert shown and all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in shown)
    assert p.narrative.isReadOnly()


def test_edit_button_asks_to_edit_this_testimony(qtbot):
    p = pane(qtbot)
    t = Testimony.from_dict(rich_dict())
    p.show_testimony(t)
    with qtbot.waitSignal(p.editRequested, timeout=1000) as asked:
        qtbot.mouseClick(p.edit_button, Qt.MouseButton.LeftButton)
    assert asked.args == [t.id]


def test_clear_leaves_no_testimony_text_anywhere(qtbot):
    p = pane(qtbot)
    p.show_testimony(Testimony.from_dict(rich_dict()))
    p.clear()
    texts = label_texts(p) + [w.text() for w in p.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in p.findChildren(QPlainTextEdit)]
    for table in p.findChildren(QTableWidget):
        assert table.rowCount() == 0
    everything = "\n".join(texts)
    for secret in ("S-0142", "김철수", "Interpreter B", "단둥", "interview-1.m4a", "NKDB"):
        assert secret not in everything
    assert p.testimony_id() is None
    assert p.pages.currentWidget() is p.empty_label
