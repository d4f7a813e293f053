"""The contacts dialog on a real store: own card, list, add from a card, verify, lock."""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtWidgets import QFileDialog

from tests.ui.bundles.conftest import idle, on_store, state
from ui.bundles import open_contacts
from ui.bundles.compare_dialog import CompareFingerprintDialog
from ui.bundles.contacts_dialog import ContactsDialog
from ui.bundles.contacts_model import FINGERPRINT, LABEL, VERIFIED


@pytest.fixture
def dialog(qtbot, legal):
    d = ContactsDialog(legal)
    qtbot.addWidget(d)
    d.show()
    idle(qtbot, legal)
    return d


def file_dialog(parent) -> QFileDialog:
    found = [w for w in parent.findChildren(QFileDialog) if w.isVisible()]
    assert len(found) == 1
    assert found[0].testOption(QFileDialog.Option.DontUseNativeDialog)
    return found[0]


def compare_dialog(parent) -> CompareFingerprintDialog:
    found = [w for w in parent.findChildren(CompareFingerprintDialog) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def audit_actions(store):
    return [(e.action, e.detail.get("label")) for e in store.audit.entries()
            if e.action.startswith("contact.")]


def test_own_card_shows_label_and_fingerprint_in_groups(dialog, qtbot, legal):
    card = on_store(qtbot, legal, lambda s: s.identity_card())
    assert "Legal team B" in dialog.own_label.text()
    shown = dialog.own_fingerprint.text()
    lines = shown.split("\n")
    assert len(lines) == 2
    groups = shown.split()
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert " ".join(groups) == card.fingerprint


def test_save_my_identity_card_writes_a_card_that_adds_elsewhere(dialog, qtbot, legal,
                                                                 tmp_path):
    dialog.save_card_button.click()
    chooser = file_dialog(dialog)
    target = tmp_path / "legal-card.json"
    chooser.selectFile(str(target))
    chooser.accept()
    idle(qtbot, legal)
    doc = json.loads(target.read_text())
    assert doc["format"] == "tic/1" and doc["label"] == "Legal team B"
    assert "secret" not in target.read_text().lower()
    assert "legal-card.json" in dialog.status.text()


def test_contacts_are_listed_with_their_verified_mark(dialog):
    m = dialog.model
    assert m.rowCount() == 1
    assert m.index(0, LABEL).data() == "Field A"
    assert len(m.index(0, FINGERPRINT).data().split()) == 6
    assert "not verified" in m.index(0, VERIFIED).data()
    assert dialog.empty_hint.isHidden()


def test_models_pass_the_model_tester(qtmodeltester, dialog):
    qtmodeltester.check(dialog.model)
    dialog.model.clear()
    qtmodeltester.check(dialog.model)


def test_add_from_card_shows_the_fingerprint_and_adds_verified(dialog, qtbot, legal, template):
    dialog.add_button.click()
    chooser = file_dialog(dialog)
    chooser.selectFile(str(template.root / "stranger-card.json"))
    chooser.accept()
    idle(qtbot, legal)
    compare = compare_dialog(dialog)
    card = json.loads((template.root / "stranger-card.json").read_text())
    assert compare.fingerprint.text().split() == card["fingerprint"].split()
    assert compare.label_edit.text() == "Stranger C"
    compare.label_edit.setText("Stranger's team")
    compare.verified_button.click()
    idle(qtbot, legal)
    labels = [dialog.model.index(r, LABEL).data() for r in range(dialog.model.rowCount())]
    assert "Stranger's team" in labels
    row = labels.index("Stranger's team")
    assert "✔" in dialog.model.index(row, VERIFIED).data()
    actions = on_store(qtbot, legal, audit_actions)
    assert actions[-2:] == [("contact.add", "Stranger's team"),
                            ("contact.verify", "Stranger's team")]


def test_add_unverified_then_mark_verified(dialog, qtbot, legal, template):
    dialog.add_from_card(template.root / "stranger-card.json")
    idle(qtbot, legal)
    compare_dialog(dialog).unverified_button.click()
    idle(qtbot, legal)
    row = dialog.model.row_of("Stranger C")
    assert row >= 0 and "not verified" in dialog.model.index(row, VERIFIED).data()
    assert dialog.selected_contact().label == "Stranger C"
    assert dialog.verify_button.isEnabled()
    dialog.verify_button.click()
    compare = compare_dialog(dialog)
    assert compare.unverified_button is None
    compare.verified_button.click()
    idle(qtbot, legal)
    assert "✔" in dialog.model.index(dialog.model.row_of("Stranger C"), VERIFIED).data()
    assert not dialog.verify_button.isEnabled()
    assert on_store(qtbot, legal, audit_actions)[-2:] == [("contact.add", "Stranger C"),
                                                         ("contact.verify", "Stranger C")]


def test_cancelling_the_comparison_adds_nothing(dialog, qtbot, legal, template):
    before = on_store(qtbot, legal, state)
    dialog.add_from_card(template.root / "stranger-card.json")
    idle(qtbot, legal)
    compare_dialog(dialog).reject()
    idle(qtbot, legal)
    assert on_store(qtbot, legal, state) == before
    assert dialog.model.rowCount() == 1


def _bad_cards(tmp_path, template, legal_card):
    good = json.loads((template.root / "stranger-card.json").read_text())
    cards = {
        "empty": b"",
        "truncated": (template.root / "stranger-card.json").read_bytes()[:40],
        "wrong type": json.dumps([good]).encode(),
        "huge": b"{" + b" " * 40_000 + b"}",
        "binary": bytes(range(256)) * 4,
        "crafted": json.dumps({**good, "fingerprint": "12345 " * 5 + "12345"}).encode(),
        "own card": legal_card.encode(),
    }
    paths = {}
    for name, data in cards.items():
        path = tmp_path / f"{name.replace(' ', '-')}.json"
        path.write_bytes(data)
        paths[name] = path
    paths["folder"] = tmp_path
    paths["missing"] = tmp_path / "nothing-here.json"
    return paths


def test_bad_cards_say_why_in_one_line_and_change_nothing(dialog, qtbot, legal, template,
                                                         tmp_path):
    legal_card = on_store(qtbot, legal, lambda s: s.identity_card().to_json())
    before = on_store(qtbot, legal, state)
    said = {}
    for name, path in _bad_cards(tmp_path, template, legal_card).items():
        dialog.status.clear()
        dialog.add_from_card(path)
        idle(qtbot, legal)
        said[name] = text = dialog.status.text()
        assert text and "\n" not in text and "Traceback" not in text, name
        assert not [w for w in dialog.findChildren(CompareFingerprintDialog)
                    if w.isVisible()], name
    assert "own identity card" in said["own card"]
    assert "fingerprint does not match" in said["crafted"]
    assert "empty" in said["empty"] and "too large" in said["huge"]
    assert on_store(qtbot, legal, state) == before


def test_a_card_already_added_is_refused(dialog, qtbot, legal, template):
    dialog.add_from_card(template.root / "stranger-card.json")
    idle(qtbot, legal)
    compare_dialog(dialog).unverified_button.click()
    idle(qtbot, legal)
    before = on_store(qtbot, legal, state)
    dialog.add_from_card(template.root / "stranger-card.json")
    idle(qtbot, legal)
    assert "already a contact" in dialog.status.text()
    assert on_store(qtbot, legal, state) == before


def test_lock_clears_and_closes_the_dialog_and_its_comparison(qtbot, legal, template):
    d = open_contacts(None, legal)
    idle(qtbot, legal)
    d.add_from_card(template.root / "stranger-card.json")
    idle(qtbot, legal)
    compare = compare_dialog(d)
    legal.lock()
    assert not compare.isVisible()
    assert d.model.rowCount() == 0 and d.own_fingerprint.text() == ""
    assert not d.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(d))  # deleted on close
