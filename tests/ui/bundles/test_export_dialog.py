"""The export dialog on real stores: choices, refusals per testimony, risks, cancel, lock."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt

from intake.bundle import import_bundle
from intake.bundle.statement import StatementFailed
from tests.ui.bundles.conftest import idle, on_store, state
from ui.bundles import open_export
from ui.bundles.checks_dialog import ExportChecksDialog
from ui.bundles.export_dialog import ExportDialog
from ui.bundles.export_models import CONSENT, PSEUDONYM
from ui.messages import Button, MessageBox
from ui.pdf.statement import render_statement


@pytest.fixture
def make_dialog(qtbot, field):
    def make(*preselected, **kw):
        d = ExportDialog(field, preselected=preselected, **kw)
        qtbot.addWidget(d)
        d.show()
        idle(qtbot, field)
        return d
    return make


def row_of(d: ExportDialog, pseudonym: str) -> int:
    m = d.testimonies
    return next(r for r in range(m.rowCount()) if m.index(r, PSEUDONYM).data() == pseudonym)


def choose(d: ExportDialog, template, *pseudonyms: str, to=("Legal",), purpose="legal",
           level="full", path=None) -> None:
    d.testimonies.set_checked(d.testimonies.checked_ids(), False)
    d.testimonies.set_checked([template.ids[p] for p in pseudonyms], True)
    for label in ("Legal", "Stranger"):
        d.recipients.set_checked(label, label in to)
    d.set_purpose(purpose)
    d.set_level(level)
    if path is not None:
        d.set_path(path)


def checks(d: ExportDialog) -> ExportChecksDialog:
    assert d.checks is not None and d.checks.isVisible()
    return d.checks


def lines(dialog: ExportChecksDialog) -> list[str]:
    from PySide6.QtWidgets import QListWidget

    return [v.item(i).text() for v in dialog.findChildren(QListWidget)
            for i in range(v.count())]


def audit(store, action):
    return [e for e in store.audit.entries() if e.action == action]


def test_preselected_testimony_is_checked_with_its_consent(make_dialog, template):
    d = make_dialog(template.ids["S-0200"])
    assert d.testimonies.checked_ids() == (template.ids["S-0200"],)
    assert d.testimonies.rowCount() == 4
    row = row_of(d, "S-0200")
    assert d.testimonies.index(row, CONSENT).data() == "legal proceedings, advocacy"
    withdrawn = row_of(d, "S-0300")
    assert d.testimonies.index(withdrawn, CONSENT).data() == "withdrawn"
    assert d.testimonies.index(withdrawn, CONSENT).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 of 4" in d.count_label.text()


def test_recipients_mark_the_unverified_contact(make_dialog):
    d = make_dialog()
    texts = [d.recipients.index(r).data() for r in range(d.recipients.rowCount())]
    assert texts[0] == "Legal"
    assert texts[1].startswith("Stranger") and "not verified" in texts[1]
    assert d.recipients.checked_labels() == ()
    assert not d.export_button.isEnabled()  # nothing chosen yet


def test_models_pass_the_model_tester(qtmodeltester, make_dialog, template):
    d = make_dialog(template.ids["S-0142"])
    qtmodeltester.check(d.testimonies)
    qtmodeltester.check(d.recipients)
    d.testimonies.clear()
    d.recipients.clear()
    qtmodeltester.check(d.testimonies)
    qtmodeltester.check(d.recipients)


def test_export_writes_a_bundle_the_legal_team_imports(make_dialog, template, qtbot, field,
                                                       legal, tmp_path):
    d = make_dialog(template.ids["S-0142"])
    out = tmp_path / "out" / "for-legal"
    out.parent.mkdir()
    choose(d, template, "S-0142", path=out)
    d.export_button.click()
    idle(qtbot, field)
    written = tmp_path / "out" / "for-legal.tib.age"
    assert written.is_file() and d.result is not None
    assert d.result.testimony_ids == (template.ids["S-0142"],)
    assert "Bundle written" in d.status.text()
    result = on_store(qtbot, legal, lambda s: import_bundle(s, written))
    assert result.created == (template.ids["S-0142"],)
    assert result.provenance.sender_label == "Field A"


def test_withdrawn_consent_is_shown_and_the_testimony_left_out(make_dialog, template, qtbot,
                                                               field, tmp_path):
    d = make_dialog()
    choose(d, template, "S-0142", "S-0300", path=tmp_path / "b.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    dialog = checks(d)
    shown = lines(dialog)
    assert shown == [f"S-0300 ({template.ids['S-0300'][:8]}): consent was withdrawn on "
                     "2024-01-10"]
    assert not (tmp_path / "b.tib.age").exists()
    assert dialog.go_button.text() == "Leave them out and export"
    dialog.go_button.click()
    idle(qtbot, field)
    assert d.result.testimony_ids == (template.ids["S-0142"],)
    assert (tmp_path / "b.tib.age").is_file()


def test_consent_not_given_for_the_purpose(make_dialog, template, qtbot, field, tmp_path):
    d = make_dialog()
    choose(d, template, "S-0142", "S-0200", purpose="advocacy", path=tmp_path / "a.tib.age")
    assert d.testimonies.index(row_of(d, "S-0142"), CONSENT).data(
        Qt.ItemDataRole.ForegroundRole) is not None
    d.export_button.click()
    idle(qtbot, field)
    assert lines(checks(d)) == [f"S-0142 ({template.ids['S-0142'][:8]}): consent was not "
                                "given for advocacy"]
    checks(d).go_button.click()
    idle(qtbot, field)
    assert d.result.testimony_ids == (template.ids["S-0200"],)


def test_back_from_the_checks_writes_nothing(make_dialog, template, qtbot, field, tmp_path):
    before = on_store(qtbot, field, state)
    d = make_dialog()
    choose(d, template, "S-0300", "S-0142", path=tmp_path / "b.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    checks(d).reject()
    idle(qtbot, field)
    assert "Nothing was exported" in d.status.text()
    assert not (tmp_path / "b.tib.age").exists()
    assert on_store(qtbot, field, state) == before
    assert d.export_button.isEnabled()


def test_only_refused_testimonies_leave_nothing_to_export(make_dialog, template, qtbot, field,
                                                          tmp_path):
    d = make_dialog()
    choose(d, template, "S-0300", path=tmp_path / "b.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    dialog = checks(d)
    assert dialog.go_button is None and dialog.generalise_button is None
    dialog.reject()
    assert not (tmp_path / "b.tib.age").exists()


def test_survivor_at_risk_is_left_out_of_a_full_export(make_dialog, template, qtbot, field,
                                                       tmp_path):
    d = make_dialog()
    choose(d, template, "S-0142", "S-0400", path=tmp_path / "b.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    dialog = checks(d)
    assert lines(dialog) == [f"S-0400 ({template.ids['S-0400'][:8]}): family in North Korea"]
    dialog.go_button.click()
    idle(qtbot, field)
    assert d.result.testimony_ids == (template.ids["S-0142"],)


def test_overriding_the_risk_is_audited(make_dialog, template, qtbot, field, tmp_path):
    d = make_dialog()
    choose(d, template, "S-0400", path=tmp_path / "b.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    dialog = checks(d)
    assert not dialog.go_button.isEnabled()  # nothing left unless overridden
    dialog.override_box.setChecked(True)
    assert dialog.go_button.isEnabled() and dialog.go_button.text() == "Export"
    dialog.go_button.click()
    idle(qtbot, field)
    assert d.result.testimony_ids == (template.ids["S-0400"],)
    entries = on_store(qtbot, field, lambda s: audit(s, "export.override_risk"))
    assert [e.testimony_id for e in entries] == [template.ids["S-0400"]]


def test_unverified_recipient_is_named_and_recorded(make_dialog, template, qtbot, field,
                                                    tmp_path):
    d = make_dialog()
    choose(d, template, "S-0142", to=("Legal", "Stranger"), path=tmp_path / "b.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    dialog = checks(d)
    assert dialog.review.unverified == ("Stranger",)
    assert dialog.go_button.text() == "Export"
    dialog.go_button.click()
    idle(qtbot, field)
    assert "never verified: Stranger" in d.status.text()
    entries = on_store(qtbot, field, lambda s: audit(s, "export"))
    assert entries[-1].detail["unverified_recipients"] == 1


@pytest.mark.parametrize("choice", ["generalise", "as_is"])
def test_redacted_export_shows_reidentification_risks(make_dialog, template, qtbot, field,
                                                      tmp_path, choice):
    d = make_dialog()
    choose(d, template, "S-0142", level="redacted", path=tmp_path / "r.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    dialog = checks(d)
    [line] = lines(dialog)
    assert line.startswith(f"S-0142 ({template.ids['S-0142'][:8]}): ")
    assert "Suggested: " in line and "birth year" in line
    assert "1985" not in line and "회령" not in line  # kinds of value, never the values
    button = dialog.generalise_button if choice == "generalise" else dialog.as_is_button
    button.click()
    idle(qtbot, field)
    assert (tmp_path / "r.tib.age").is_file(), d.status.text()
    if choice == "generalise":
        assert d.result.generalised[template.ids["S-0142"]]
    else:
        assert not d.result.generalised
        entries = on_store(qtbot, field, lambda s: audit(s, "export.accept_risk"))
        assert [e.testimony_id for e in entries] == [template.ids["S-0142"]]


def test_cancel_during_the_export_leaves_no_file(make_dialog, template, qtbot, field,
                                                 tmp_path):
    before = on_store(qtbot, field, state)
    holder: dict[str, ExportDialog] = {}

    def render_then_cancel(testimony, bundle_id, lang):
        pdf = render_statement(testimony, bundle_id, lang)
        holder["d"].handle.cancel()  # as the progress dialog's Cancel button does
        return pdf

    d = holder["d"] = make_dialog(renderer=render_then_cancel)
    choose(d, template, "S-0142", "S-0200", path=tmp_path / "c.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    assert d.status.text() == "Export cancelled; no file was written."
    assert list(tmp_path.glob("c.tib.age*")) == [] and not list(tmp_path.glob(".*"))
    assert on_store(qtbot, field, state) == before


def test_cancel_before_writing_starts(make_dialog, template, qtbot, field, tmp_path):
    d = make_dialog()
    choose(d, template, "S-0142", path=tmp_path / "c.tib.age")
    gate = threading.Event()
    field.run(lambda _s, _h: gate.wait(10))  # hold the worker
    d.export_button.click()                  # the review waits behind the gate
    review = d.handle
    review.cancel()
    gate.set()
    idle(qtbot, field)
    assert d.status.text() == "Export cancelled; no file was written."
    assert not (tmp_path / "c.tib.age").exists()
    assert not d.busy and d.export_button.isEnabled()


def test_a_failed_export_leaves_no_file_and_says_why(make_dialog, template, qtbot, field,
                                                     tmp_path):
    def broken(testimony, bundle_id, lang):
        raise StatementFailed("the statement font is missing")

    before = on_store(qtbot, field, state)
    d = make_dialog(renderer=broken)
    choose(d, template, "S-0142", path=tmp_path / "f.tib.age")
    d.export_button.click()
    idle(qtbot, field)
    assert d.status.text().startswith("Nothing was exported: ")
    assert "\n" not in d.status.text()
    assert not (tmp_path / "f.tib.age").exists()
    assert on_store(qtbot, field, state) == before


def test_bad_output_paths(make_dialog, template, qtbot, field, tmp_path):
    d = make_dialog()
    choose(d, template, "S-0142", path=tmp_path / "missing" / "b.tib.age")
    d.export_button.click()
    assert "does not exist" in d.status.text()
    existing = tmp_path / "old.tib.age"
    existing.write_bytes(b"keep me")
    d.set_path(existing)
    MessageBox.set_next_answer(Button.No)
    d.export_button.click()
    idle(qtbot, field)
    assert existing.read_bytes() == b"keep me"
    d.set_path(tmp_path)
    d.export_button.click()
    assert "folder" in d.status.text()
    d.path_edit.setText("")
    assert not d.export_button.isEnabled()


def test_the_output_file_is_chosen_in_qts_own_dialog(make_dialog, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    d = make_dialog()
    assert d.path_edit.text().endswith("-legal.tib.age")
    d.choose_button.click()
    [chooser] = [w for w in d.findChildren(QFileDialog) if w.isVisible()]
    assert chooser.testOption(QFileDialog.Option.DontUseNativeDialog)
    chooser.selectFile(str(tmp_path / "named"))
    chooser.accept()
    assert d.path_edit.text() == str(tmp_path / "named.tib.age")
    d.set_purpose("advocacy")  # a chosen name is kept
    assert d.path_edit.text() == str(tmp_path / "named.tib.age")


def test_lock_clears_and_closes(qtbot, field, template):
    d = open_export(None, field, [template.ids["S-0142"]])
    idle(qtbot, field)
    assert d.testimonies.rowCount() == 4
    field.lock()
    assert not d.isVisible()
    assert d.testimonies.rowCount() == 0 and d.recipients.rowCount() == 0
    qtbot.waitUntil(lambda: not shiboken6.isValid(d))  # deleted on close


def test_audio_is_included_at_the_redacted_level_only_when_asked(make_dialog, template, qtbot,
                                                                 field, tmp_path):
    d = make_dialog()
    d.set_level("full")
    assert not d.choices.media_box.isEnabled()
    choose(d, template, "S-0200", level="redacted", path=tmp_path / "m.tib.age")
    assert d.choices.media_box.isEnabled()
    d.choices.media_box.setChecked(True)
    assert d.request().include_media
    d.export_button.click()
    idle(qtbot, field)
    checks(d).as_is_button.click()
    idle(qtbot, field)
    assert d.result is not None and d.result.attachments == 1, d.status.text()
    entries = on_store(qtbot, field, lambda s: audit(s, "export.include_media"))
    assert [e.testimony_id for e in entries] == [template.ids["S-0200"]]
