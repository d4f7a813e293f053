"""First run: the wizard creates a real store; passphrase rules; the recovery key check."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from crypto.passphrase import encode_passphrase
from intake.store import Store
from ui.first_run import FirstRunWizard
from ui.first_run.recovery_page import same_group
from ui.messages import Button, MessageBox
from ui.widgets.generator import entropy_bits, generate_passphrase
from ui.widgets.wordlist import WORDS


def _through_creation(qtbot, wizard):
    wizard.identity.label.setText("Field team A")
    wizard.next()
    wizard.passphrase.fill_generated()
    qtbot.waitUntil(wizard.passphrase.isComplete)
    words = wizard.passphrase.take_passphrase()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.PAGE_RECOVERY, timeout=10_000)
    return words


def test_the_wizard_creates_a_store_that_opens_with_the_chosen_passphrase(
        qtbot, session, policy):
    wizard = FirstRunWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.identity.isComplete()
    words = _through_creation(qtbot, wizard)
    assert session.is_unlocked and session.info.label == "Field team A"
    assert wizard.passphrase.first.text() == ""  # wiped once the store exists

    page = wizard.recovery
    display = page.view.label.text()
    groups = display.split()
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert not page.isComplete()
    page.written.setChecked(True)
    page.group_field.setText("0000" if groups[page.asked] != "0000" else "1111")
    assert not page.isComplete()
    page.group_field.setText(groups[page.asked].lower())
    assert page.isComplete()
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert page.view.label.text() == ""  # the key is gone from the screen

    session.lock()
    qtbot.waitUntil(lambda: session.ops.idle)
    with Store.open(session.store_dir, encode_passphrase(words), policy=policy) as store:
        assert store.label == "Field team A"


def test_passphrase_page_refuses_weak_short_and_mismatched(qtbot, session):
    wizard = FirstRunWizard(session)
    qtbot.addWidget(wizard)
    page = wizard.passphrase
    for first, second in [("short", "short"), ("password1", "password1"),
                          ("violet harbour ladder quietly 9", "violet harbour ladder quietly")]:
        page.first.setText(first)
        page.second.setText(second)
        qtbot.waitUntil(lambda: not page.meter.waiting)
        assert not page.isComplete(), first
        assert page.hint.text()
    page.second.setText("violet harbour ladder quietly 9")
    qtbot.waitUntil(page.isComplete)


def test_closing_after_creation_asks_because_the_key_is_shown_only_once(
        qtbot, session, recorded_messages):
    wizard = FirstRunWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    _through_creation(qtbot, wizard)
    MessageBox.set_next_answer(Button.No)
    wizard.reject()
    assert wizard.isVisible()
    assert "never be shown again" in recorded_messages[-1].text
    MessageBox.set_next_answer(Button.Yes)
    wizard.reject()
    assert not wizard.isVisible()


def test_recovery_group_comparison_reads_like_the_parser():
    assert same_group("ab1o", "AB10")
    assert same_group(" a b l 0 ", "AB10")
    assert not same_group("AB11", "AB10")


def test_generated_passphrases_are_six_words_from_a_2048_word_list():
    assert len(WORDS) == len(set(WORDS)) == 2048
    assert all(w.isascii() and w.isalpha() and w.islower() for w in WORDS)
    words = generate_passphrase().split(" ")
    assert len(words) == 6 and all(w in WORDS for w in words)
    assert entropy_bits() == 66
    assert len({generate_passphrase() for _ in range(20)}) == 20


def test_the_wizard_offers_a_restore_instead(qtbot, session, tmp_path, new_store, monkeypatch,
                                             policy):
    """The first page's "Restore from a backup instead…" restores into the (empty) store
    location; the wizard then ends accepted, with no store created and no key shown."""
    from intake.backup import create_backup
    from tests.conftest import PASSPHRASE
    from ui.backup.restore_dialog import RestoreDialog

    source, _key = new_store("elsewhere", label="Field team B")
    backup = tmp_path / "b.tibak"
    create_backup(source, backup)
    wizard = FirstRunWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()

    def run_modal(dialog):
        dialog.file_edit.setText(str(backup))
        dialog.secret.passphrase.setText(PASSPHRASE)
        dialog.action_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", run_modal)
    wizard.identity.restore_button.click()
    assert wizard.restored and not wizard.created
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert session.store_exists() and not session.is_unlocked
    Store.open(session.store_dir, encode_passphrase(PASSPHRASE), policy=policy).close()
