"""The import screen on real stores and real bundles: provenance, decisions, failures."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QFileDialog

from tests.ui.bundles.conftest import idle, on_store, state
from ui.bundles import open_import
from ui.bundles.import_dialog import ImportDialog


@pytest.fixture
def dialog(qtbot, legal):
    d = ImportDialog(legal)
    qtbot.addWidget(d)
    d.show()
    return d


def verify(qtbot, d: ImportDialog, path) -> None:
    d.choose(path)
    idle(qtbot, d.session)


def test_the_file_is_chosen_in_qts_own_dialog(dialog, qtbot, legal, bundle):
    path = bundle("genuine")
    dialog.choose_button.click()
    [chooser] = [w for w in dialog.findChildren(QFileDialog) if w.isVisible()]
    assert chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
    chooser.selectFile(str(path))
    chooser.accept()
    idle(qtbot, legal)
    assert dialog.path_edit.text() == str(path)
    assert dialog.provenance is not None


def test_provenance_of_a_known_sender(dialog, qtbot, legal, bundle, template):
    verify(qtbot, dialog, bundle("genuine"))
    v = dialog.view
    assert v.sender.text() == "Field A (contact, fingerprint not verified)"
    assert len(v.fingerprint.text().split()) == 6
    assert v.purpose.text() == "legal proceedings, full level"
    assert v.contents.text().startswith("Testimonies: 2; attachments: 1 (")
    assert v.created.text() and v.bundle_id.text() == dialog.provenance.bundle_id
    assert dialog.compared_box.isHidden() and not dialog.unverified_note.isHidden()
    assert dialog.import_button.isEnabled()
    assert "Checked" in dialog.status.text()


def test_import_then_reimport_changes_nothing(dialog, qtbot, legal, bundle, template):
    path = bundle("genuine")
    verify(qtbot, dialog, path)
    imported = []
    dialog.imported.connect(imported.append)
    dialog.import_button.click()
    idle(qtbot, legal)
    assert dialog.status.text() == ("Imported. New testimonies: 2; new revisions: 0; "
                                    "unchanged: 0; attachments added: 1.")
    assert len(imported) == 1 and not dialog.import_button.isEnabled()
    ids = on_store(qtbot, legal, lambda s: set(s.ids()))
    assert ids == {template.ids["S-0142"], template.ids["S-0200"]}
    before = on_store(qtbot, legal, state)
    verify(qtbot, dialog, path)
    dialog.import_button.click()
    idle(qtbot, legal)
    assert dialog.status.text() == "This bundle was imported before; nothing changed."
    assert len(imported) == 1
    assert on_store(qtbot, legal, state) == before


def test_unknown_sender_needs_the_explicit_decision(dialog, qtbot, legal, bundle):
    verify(qtbot, dialog, bundle("stranger"))
    p = dialog.provenance
    assert not p.known_sender
    assert dialog.view.sender.text() == "Unknown sender — the card says “Stranger C”"
    assert dialog.view.fingerprint.text().split() == p.sender.fingerprint.split()
    assert not dialog.unknown_note.isHidden() and not dialog.compared_box.isHidden()
    assert not dialog.import_button.isEnabled()
    dialog.compared_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.compared_box.setChecked(False)
    assert not dialog.import_button.isEnabled()
    dialog.start_import()  # refused while undecided
    idle(qtbot, legal)
    assert on_store(qtbot, legal, lambda s: s.ids()) == []
    dialog.compared_box.setChecked(True)
    dialog.import_button.click()
    idle(qtbot, legal)
    assert "added to your contacts as Stranger C" in dialog.status.text()
    trusted = on_store(qtbot, legal, lambda s: [e for e in s.audit.entries()
                                                if e.action == "contact.add"])
    assert trusted[-1].detail["source"] == "bundle"


def test_wrong_recipient(dialog, qtbot, legal, bundle):
    before = on_store(qtbot, legal, state)
    verify(qtbot, dialog, bundle("elsewhere"))
    text = dialog.status.text()
    assert text.startswith("This file cannot be imported: ")
    assert "\n" not in text and "not encrypted to this store" in text
    assert dialog.provenance is None and not dialog.import_button.isEnabled()
    assert dialog.group.isHidden()
    assert on_store(qtbot, legal, state) == before


def test_an_altered_member_is_named_and_nothing_imported(dialog, qtbot, legal, bundle,
                                                         template):
    before = on_store(qtbot, legal, state)
    verify(qtbot, dialog, bundle("altered"))
    text = dialog.status.text()
    assert str(template.bundles["altered_member"]) in text and "SHA-256" in text
    assert not dialog.import_button.isEnabled()
    assert on_store(qtbot, legal, state) == before


@pytest.mark.parametrize("damage", ["empty", "truncated", "flipped", "not age", "huge text",
                                    "folder", "missing"])
def test_damaged_files_get_one_clear_line(dialog, qtbot, legal, bundle, tmp_path, damage):
    data = bundle("genuine").read_bytes()
    path = tmp_path / "damaged.tib.age"
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(data[:len(data) // 2])
    elif damage == "flipped":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:])
    elif damage == "not age":
        path.write_bytes(b"PK\x03\x04" + bytes(1000))
    elif damage == "huge text":
        path.write_bytes(b"age-encryption.org/v1\n" + b"-> X25519 " + b"A" * 2_000_000)
    elif damage == "folder":
        path = tmp_path
    before = on_store(qtbot, legal, state)
    verify(qtbot, dialog, path if damage != "missing" else tmp_path / "gone.tib.age")
    text = dialog.status.text()
    assert text.startswith("This file cannot be imported: "), text
    assert "\n" not in text and "Traceback" not in text
    assert not dialog.import_button.isEnabled()
    assert on_store(qtbot, legal, state) == before


def test_a_file_changed_after_checking_is_refused_at_import(dialog, qtbot, legal, bundle):
    path = bundle("genuine")
    verify(qtbot, dialog, path)
    data = path.read_bytes()
    path.write_bytes(data[:-100])
    before = on_store(qtbot, legal, state)
    dialog.import_button.click()
    idle(qtbot, legal)
    assert dialog.status.text().startswith("Nothing was imported: ")
    assert on_store(qtbot, legal, state) == before


def test_cancelled_check_imports_nothing(dialog, qtbot, legal, bundle):
    gate = threading.Event()
    legal.run(lambda _s, _h: gate.wait(10))
    dialog.choose(bundle("genuine"))
    dialog.handle.cancel()
    gate.set()
    idle(qtbot, legal)
    assert dialog.status.text() == "Checking was cancelled; nothing was imported."
    assert not dialog.import_button.isEnabled() and dialog.choose_button.isEnabled()


def test_lock_clears_and_closes(qtbot, legal, bundle):
    d = open_import(None, legal)
    d.choose(bundle("stranger"))
    idle(qtbot, legal)
    assert d.view.sender.text()
    legal.lock()
    assert not d.isVisible()
    assert d.view.sender.text() == "" and d.view.fingerprint.text() == ""
    assert d.path_edit.text() == "" and d.provenance is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(d))  # deleted on close


def test_a_withdrawal_notice_is_shown_and_applied(qtbot, legal_imported, bundle, template):
    d = ImportDialog(legal_imported)
    qtbot.addWidget(d)
    d.show()
    verify(qtbot, d, bundle("notice"))
    assert d.checked is not None and d.checked.kind == "notice"
    assert d.custody.kind.text() == "Withdrawal of consent"
    assert d.custody.sender.text() == "Field A"
    assert d.custody.subject.text() == f"S-0142 ({template.ids['S-0142'][:8]})"
    assert d.custody.detail.text() == "2024-05-01"
    assert d.view.isHidden() and d.compared_box.isHidden()
    assert d.import_button.isEnabled()
    d.import_button.click()
    idle(qtbot, legal_imported)
    assert d.status.text().startswith("Applied: the testimony is now marked withdrawn")
    withdrawn = on_store(qtbot, legal_imported,
                         lambda s: s.get(template.ids["S-0142"]).consent.withdrawn)
    assert withdrawn.isoformat() == "2024-05-01"
    verify(qtbot, d, bundle("notice"))
    d.import_button.click()
    idle(qtbot, legal_imported)
    assert d.status.text() == "This notice was applied before; nothing changed."


def test_a_delivery_receipt_is_shown_and_recorded(qtbot, field, bundle):
    d = ImportDialog(field)
    qtbot.addWidget(d)
    d.show()
    verify(qtbot, d, bundle("receipt"))
    assert d.checked.kind == "receipt"
    assert d.custody.kind.text() == "Delivery receipt"
    assert d.custody.sender.text() == "Legal"
    assert "testimonies: 2" in d.custody.detail.text()
    d.import_button.click()
    idle(qtbot, field)
    assert d.status.text() == ("Recorded: the bundle is marked delivered and verified by "
                               "the recipient.")
    receipts = on_store(qtbot, field, lambda s: s.conn.execute(
        "SELECT count(*) FROM transfer_receipts").fetchone()[0])
    assert receipts == 1


def test_a_notice_for_a_testimony_never_received_is_refused(dialog, qtbot, legal, bundle):
    before = on_store(qtbot, legal, state)
    verify(qtbot, dialog, bundle("notice"))  # this legal store never imported the bundle
    assert dialog.status.text().startswith("This file cannot be imported: ")
    assert not dialog.import_button.isEnabled()
    assert on_store(qtbot, legal, state) == before


def test_after_a_bundle_the_legal_team_writes_a_receipt_its_sender_accepts(
        qtbot, dialog, legal, field, bundle, tmp_path):
    assert dialog.receipt_button.isHidden()
    verify(qtbot, dialog, bundle("genuine"))
    dialog.import_button.click()
    idle(qtbot, legal)
    assert not dialog.receipt_button.isHidden()
    out = tmp_path / "back-to-field"
    dialog.write_receipt(choose=lambda _parent, suggested: str(out / suggested))
    idle(qtbot, legal)
    [written] = list(out.glob("receipt-*.tir.age")) if out.exists() else [None]
    assert written is None  # the folder did not exist: nothing half-written, one clear line
    out.mkdir()
    dialog.write_receipt(choose=lambda _parent, suggested: str(out / suggested))
    idle(qtbot, legal)
    [written] = list(out.glob("receipt-*.tir.age"))
    back = ImportDialog(field)
    qtbot.addWidget(back)
    verify(qtbot, back, written)
    assert back.checked.kind == "receipt"
    back.import_button.click()
    idle(qtbot, field)
    assert back.status.text() == ("Recorded: the bundle is marked delivered and verified by "
                                  "the recipient.")
    assert back.receipt_button.isHidden()  # a receipt is not itself receipted
