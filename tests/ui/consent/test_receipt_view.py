"""The on-screen consent receipt: same content as the PDF, no file unless saved, audited,
closed by a lock; saving goes through Qt's own file dialog and the worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from intake.consent_receipt import receipt_code
from tests.samples import make_testimony
from tests.ui.conftest import run_on_store

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def testimony(qtbot, unlocked):
    return run_on_store(qtbot, unlocked, lambda s: s.add(make_testimony()))


def entries(qtbot, session):
    return run_on_store(qtbot, session, lambda s: [
        e for e in s.audit.entries() if e.action == "consent.receipt"])


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def opened(qtbot, unlocked, testimony):
    from ui.records.consent_receipt_view import show_consent_receipt

    dialog = show_consent_receipt(None, unlocked, testimony.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=10_000)
    return dialog


def test_shows_both_languages_and_the_code_and_names_nobody(qtbot, unlocked, testimony,
                                                            opened, tmp_path):
    text = opened.view.toPlainText()
    code = run_on_store(qtbot, unlocked,
                        lambda s: receipt_code(s, testimony.id, testimony.consent))
    assert opened.code_label.text().endswith(code)
    assert code in text and "동의 확인서" in text and "Consent receipt" in text
    assert "법적 절차" in text and "legal proceedings" in text
    for secret in (testimony.id, "S-0142", "회령", "Seoul"):
        assert secret not in text
    assert opened.save_button.isEnabled()
    [entry] = entries(qtbot, unlocked)
    assert entry.detail == {"code": code, "revision": 1, "medium": "screen"}


def test_showing_writes_no_file(qtbot, unlocked, testimony, tmp_path):
    from ui.records.consent_receipt_view import show_consent_receipt

    before = files_under(tmp_path)
    dialog = show_consent_receipt(None, unlocked, testimony.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=10_000)
    changed = {p for p in files_under(tmp_path) - before
               if "store" not in p.relative_to(tmp_path).parts}
    assert changed == set()


def test_save_as_pdf_through_the_file_dialog(qtbot, unlocked, opened, tmp_path):
    qtbot.mouseClick(opened.save_button, Qt.MouseButton.LeftButton)
    fd = opened.file_dialog
    assert fd is not None and fd.isVisible()
    assert fd.selectedFiles()[0].endswith(f"consent-receipt-{opened.receipt.code}.pdf")
    target = tmp_path / "out" / "receipt.pdf"
    target.parent.mkdir()
    fd.selectFile(str(target))
    fd.accept()
    qtbot.waitUntil(lambda: opened.saved_to is not None, timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF-")
    assert str(target) in opened.status.text()
    assert [e.detail["medium"] for e in entries(qtbot, unlocked)] == ["screen", "pdf"]


def test_a_failed_save_says_so_and_audits_nothing(qtbot, unlocked, opened, tmp_path,
                                                  recorded_messages):
    opened.save_to(tmp_path / "no such dir" / "r.pdf")
    qtbot.waitUntil(lambda: bool(recorded_messages), timeout=20_000)
    [shown] = recorded_messages
    assert shown.kind == "warning" and "not saved" in shown.text
    assert "\n" not in shown.text and "S-0142" not in shown.text
    assert opened.save_button.isEnabled()
    assert [e.detail["medium"] for e in entries(qtbot, unlocked)] == ["screen"]


def test_unknown_testimony(qtbot, unlocked):
    from ui.records.consent_receipt_view import show_consent_receipt

    dialog = show_consent_receipt(None, unlocked, "0f8e0f8e-1111-4222-8333-944444444444")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "could not be made" in dialog.view.toPlainText(), timeout=10_000)
    assert not dialog.save_button.isEnabled() and dialog.receipt is None


def test_locking_closes_and_forgets(qtbot, unlocked, opened):
    opened.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # to look at it after
    unlocked.lock()
    qtbot.waitUntil(lambda: not opened.isVisible(), timeout=10_000)
    assert opened.receipt is None and opened.view.toPlainText() == ""
    assert opened.code_label.text() == ""
