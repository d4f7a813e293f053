"""Screenshots of the main window and the screens its menus open, offscreen.

    .venv/bin/python docs/screenshots/make_window_screenshots.py en
    .venv/bin/python docs/screenshots/make_window_screenshots.py ko

Builds throwaway stores with the cheap test KDF: a field store holding ~30 fictional
testimonies (the samples of tests/data, the screening batch and a generated crowd), a
photo attachment, a contact, one bundle exported to a legal team's store, imported there
and acknowledged by a delivery receipt (so the transfer ledger has something to show).
Then it drives the real MainWindow through its menus and grabs every screen as
``<screen>-<lang>.png``. Nothing real is ever shown.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # after any tree already on the path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

import ui  # noqa: E402,F401

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import pump  # noqa: E402

OUT = Path(__file__).resolve().parent
PORTRAIT = ROOT / "tests" / "data" / "images" / "grace_hopper.jpg"
LABELS = {"en": ("Field team A", "Legal team B"), "ko": ("현장팀 A", "법률팀 B")}
PASSPHRASE = "screenshots"


def wait_for(cond, limit_ms: int = 30_000) -> None:
    waited = 0
    while not cond() and waited < limit_ms:
        pump(25)
        waited += 25
    if not cond():
        raise SystemExit(f"timed out waiting at line {sys._getframe(1).f_lineno}")


def shot(widget: QWidget, name: str, lang: str) -> None:
    pump(300)
    widget.grab().save(str(OUT / f"{name}-{lang}.png"))


def _sample(path: Path) -> dict:
    d = json.loads(path.read_text(encoding="utf-8"))
    d["attachments"] = []
    for event in d.get("events", []):
        event.pop("sources", None)
    return d


def testimonies() -> list:
    """The four samples, the screening batch and a crowd: ~30 fictional records."""
    from make_search_screenshots import crowd

    from intake.model import Testimony

    folder = ROOT / "tests" / "data" / "testimonies"
    out = [Testimony.from_dict(_sample(p)) for p in sorted(folder.glob("*.json"))]
    for line in (folder / "screening_batch.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(Testimony.from_dict(json.loads(line)))
    return out + crowd(24)


def make_stores(tmp: Path, lang: str) -> dict[str, str]:
    """Field and legal stores; one bundle sent, imported, receipted. Returns ids by name."""
    from crypto.kdf import KdfPolicy
    from intake.bundle import ExportRequest, export_bundle
    from intake.cli.passphrase import from_text
    from intake.contacts import Contacts
    from intake.custody import dispatch
    from intake.custody.receipts import write_receipt
    from intake.store import Store
    from ui.pdf.statement import render_statement

    policy = KdfPolicy.insecure_for_tests()
    field_label, legal_label = LABELS[lang]
    field = Store.create(tmp / "field", from_text(PASSPHRASE), label=field_label,
                         policy=policy)[0]
    legal = Store.create(tmp / "legal", from_text(PASSPHRASE), label=legal_label,
                         policy=policy)[0]
    stored = field.add_many(testimonies())
    ids = {t.survivor.pseudonym: t.id for t in stored}
    shown = field.get(ids["S-0305"])
    field.attach(shown.id, PORTRAIT, name="photo-of-the-pass.jpg")
    shown = field.get(shown.id)
    field.save(replace(shown, narrative=shown.narrative + "\n\n"
                       + ("(2차 면담에서 덧붙임) 단련대에서 풀려난 날짜를 정정함."
                          if lang == "ko" else
                          "(Added at the second interview) The release date corrected.")))
    Contacts(field).add(legal.identity_card())
    Contacts(field).verify(legal_label)
    Contacts(legal).add(field.identity_card())
    Contacts(legal).verify(field_label)
    sent = export_bundle(field, ExportRequest(
        recipients=(legal_label,), purpose="legal", level="full",
        testimony_ids=(ids["S-0305"], ids["S-0217"]), override_risk=True), tmp / "first.tib.age",
        renderer=render_statement)
    dispatch.import_file(legal, tmp / "first.tib.age")
    write_receipt(legal, sent.bundle_id, tmp / "first.tir.age")
    dispatch.import_file(field, tmp / "first.tir.age")
    # A second bundle, not yet imported: the import dialog shows its provenance.
    export_bundle(field, ExportRequest(
        recipients=(legal_label,), purpose="legal", level="redacted",
        testimony_ids=(ids["S-0388"],), accept_risk=True), tmp / "second.tib.age",
        renderer=render_statement)
    for s in (field, legal):
        s.close()
    return ids


def open_session(tmp: Path, name: str):
    from crypto.kdf import KdfPolicy
    from ui.session import Session

    return Session(tmp / name, policy=KdfPolicy.insecure_for_tests())


def recorded_box(window: QWidget, name: str, lang: str) -> None:
    """The last recorded message, shown as the user would see it."""
    from ui.messages import MessageBox

    message = MessageBox.shown[-1]
    icon = {"information": QMessageBox.Icon.Information,
            "warning": QMessageBox.Icon.Warning}.get(message.kind, QMessageBox.Icon.Critical)
    box = QMessageBox(icon, message.title, message.text, QMessageBox.StandardButton.Ok, window)
    box.show()
    shot(box, name, lang)
    box.close()


def main(lang: str) -> None:
    from crypto.passphrase import encode_passphrase
    from intake.unlock_guard import UnlockGuard
    from ui import i18n
    from ui.fonts import install_fonts
    from ui.main_window import MainWindow
    from ui.messages import MessageBox
    from ui.settings import AppSettings

    app = QApplication(["testimony-intake"])
    i18n.install(app, lang)
    install_fonts(app)
    shown = MessageBox.start_recording()
    tmp = Path(tempfile.mkdtemp(prefix="testimony-intake-"))
    ids = make_stores(tmp, lang)
    (tmp / "backups").mkdir()
    UnlockGuard(tmp / "field").set_wipe_after(10)  # the settings and unlock show the wipe

    session = open_session(tmp, "field")
    window = MainWindow(session, AppSettings(tmp / "settings.ini"))
    window.resize(1280, 800)
    window.show()
    session.unlock(encode_passphrase(PASSPHRASE))
    wait_for(lambda: session.is_unlocked and session.ops.idle)
    ws = window.workspace
    wait_for(lambda: ws.list_view.model.rowCount() > 20 and session.ops.idle)
    ws.select(ids["S-0305"])
    wait_for(lambda: ws.current is not None and session.ops.idle)
    ws.detail.corroboration.load()
    wait_for(lambda: session.ops.idle)
    pump(200)
    shot(window, "main-with-data", lang)
    ws.detail.scroll.ensureWidgetVisible(ws.detail.corroboration, 0, 0)
    bar = ws.detail.scroll.verticalScrollBar()
    bar.setValue(ws.detail.corroboration.y() - 8)
    shot(window, "main-corroboration", lang)
    bar.setValue(bar.maximum())
    shot(window, "main-transfers", lang)
    bar.setValue(0)
    if os.environ.get("WHOLE_DETAIL"):  # for reviewing the pane as a whole
        pump(100)
        ws.detail.scroll.widget().grab().save(f"/tmp/detail-{lang}.png")

    window.find_action.trigger()
    ws.search.filters_button.setChecked(True)
    ws.search.field.setText("단둥" if lang == "ko" else "Dandong")
    ws.search.search_now()
    wait_for(lambda: session.ops.idle)
    pump(400)
    wait_for(lambda: session.ops.idle)
    shot(window, "main-search", lang)
    ws.left.setCurrentIndex(0)

    window.revisions_action.trigger()
    wait_for(lambda: ws.revisions is not None and session.ops.idle)
    pump(200)
    wait_for(lambda: session.ops.idle)
    shot(ws.revisions, "revisions", lang)
    ws.revisions.close()

    window.receipt_action.trigger()
    wait_for(lambda: session.ops.idle)
    receipt = next(w for w in app.topLevelWidgets()
                   if type(w).__name__ == "ConsentReceiptDialog" and w.isVisible())
    shot(receipt, "consent-receipt", lang)
    receipt.close()

    window.transfers_action.trigger()
    wait_for(lambda: session.ops.idle)
    transfers = next(w for w in app.topLevelWidgets()
                     if w.windowTitle() == window.transfers_action.text().replace("&", "")
                     .rstrip("…").replace("(T)", "").strip() and w.isVisible())
    shot(transfers, "transfers", lang)
    transfers.close()

    window.withdraw_action.trigger()
    wait_for(lambda: session.ops.idle)
    withdraw = next(w for w in app.topLevelWidgets()
                    if type(w).__name__ == "WithdrawDialog" and w.isVisible())
    shot(withdraw, "withdraw", lang)
    withdraw.close()

    window.backup_action.trigger()
    backup = next(w for w in app.topLevelWidgets()
                  if type(w).__name__ == "BackupDialog" and w.isVisible())
    backup.file_edit.setText(str(tmp / "backups" / "testimony-store.tibak"))
    backup.start()
    wait_for(lambda: session.ops.idle and not backup.busy)
    shot(backup, "backup", lang)
    backup.close()
    window.verify_backup_action.trigger()
    verify = next(w for w in app.topLevelWidgets()
                  if type(w).__name__ == "VerifyBackupDialog" and w.isVisible())
    verify.file_edit.setText(str(tmp / "backups" / "testimony-store.tibak"))
    verify.secret.passphrase.setText(PASSPHRASE)
    verify.start()
    wait_for(lambda: session.ops.idle and not verify.busy)
    shot(verify, "verify-backup", lang)
    verify.close()

    before = len(shown)
    window.check_action.trigger()
    wait_for(lambda: len(shown) > before and session.ops.idle)
    recorded_box(window, "check-report", lang)

    ws.edit(ids["S-0305"])
    wait_for(lambda: ws.editing and session.ops.idle)
    shot(window, "editor", lang)
    ws.leave_editor()
    wait_for(lambda: session.ops.idle)

    from ui.settings import LANGUAGE
    from ui.settings_dialog import SettingsDialog

    window.settings.set(LANGUAGE, lang)  # as a person who chose the language would see it
    settings = SettingsDialog(window.settings, window, store_dir=tmp / "field")
    settings.show()
    shot(settings, "settings", lang)
    settings.close()

    window.lock()
    wait_for(lambda: not session.is_unlocked and session.ops.idle)
    window.unlock_page.field.setText("not the passphrase")
    window.unlock_page.submit()
    wait_for(lambda: window.unlock_page.throttle.failures == 1)
    shot(window, "unlock", lang)
    window.close()
    session.shutdown()

    legal = open_session(tmp, "legal")
    legal.unlock(encode_passphrase(PASSPHRASE))
    wait_for(lambda: legal.is_unlocked and legal.ops.idle)
    from ui.bundles.import_dialog import ImportDialog

    importer = ImportDialog(legal)
    importer.show()
    importer.choose(tmp / "second.tib.age")
    wait_for(lambda: legal.ops.idle)
    shot(importer, "import", lang)
    importer.close()
    legal.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
