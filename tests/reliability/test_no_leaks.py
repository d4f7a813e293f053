"""No plaintext anywhere: a whole headless session with the installed command, then a scan.

The session runs ``testimony-intake`` as a user would — the installed entry point,
the production KDF, a real process per command (``slow``: ~35 s; the default run does
the same session with the test KDF) — with HOME, TMPDIR and every
XDG directory pointed inside ``tmp_path``, so anything the application, Python,
SQLite or a library writes lands where the scan looks. Canaries sit in every free
text field of a testimony and in an attached file and its name, in Korean and
Latin script; the scan looks for each as UTF-8 and UTF-16 (both byte orders) in
every file under ``tmp_path``. The inputs themselves (which hold the canaries in
clear, as a user's own files would) live outside ``tmp_path``.

``EXTRA_STEPS`` is where later features (exports, bundles, the GUI) join the session.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from intake.model import Testimony
from tests.helpers import canary_encodings, files_containing
from tests.reliability.harness import child_env

EXE = Path(sys.executable).parent / "testimony-intake"
TEST_KDF = [sys.executable, "-m", "tests.reliability.run_cli"]

TAG = "7c2e91"
CANARIES = [
    f"CANARY-PSEUDO-{TAG}", f"카나리아가명{TAG}", f"CANARY-ORIGIN-{TAG}", f"카나리아고향{TAG}",
    f"CANARY-PLACE-{TAG}", f"CANARY-INTERVIEWER-{TAG}", f"CANARY-FACILITY-{TAG}",
    f"카나리아시설{TAG}", f"CANARY-DESCRIPTION-{TAG}", f"카나리아설명{TAG}",
    f"CANARY-NARRATIVE-{TAG}", f"카나리아진술{TAG}", f"CANARY-PERPETRATOR-{TAG}",
    f"CANARY-ORG-{TAG}", f"CANARY-FILENAME-{TAG}", f"CANARY-FILEBODY-{TAG}",
    f"카나리아첨부{TAG}",
]


def canary_testimony() -> dict:
    c = iter(CANARIES)
    t = {
        "schema": "testimony/1",
        "survivor": {"pseudonym": next(c) + next(c), "sex": "female", "birth_year": 1985,
                     "origin": f"{next(c)} {next(c)}",
                     "prior_statements": [{"organisation": "", "date": "2020"}]},
        "interview": {"date": "2023-08-14", "place": next(c), "language": "ko",
                      "interviewer": next(c)},
        "consent": {"recorded": "2023-08-14", "legal": True, "advocacy": False,
                    "publication": False, "withdrawn": None},
        "events": [{"type": "forced_return", "start": "2019-04", "approx": True,
                    "place": "Tumen", "facility": f"{next(c)} {next(c)}",
                    "perpetrator": "cn_border_police",
                    "description": f"{next(c)} {next(c)}"}],
        "narrative": f"2019년 4월 단둥에서 체포되었다. {next(c)} {next(c)} " * 20,
    }
    t["events"][0]["perpetrator_description"] = next(c)
    t["survivor"]["prior_statements"][0]["organisation"] = next(c)
    Testimony.from_dict(t, new=True)  # the canaries must pass validation to be stored
    return t


# Steps added by later features: (name, argv-builder(ctx) -> list[str]).
EXTRA_STEPS: list[tuple[str, object]] = []


def test_a_whole_session_leaves_no_plaintext_anywhere(tmp_path, tmp_path_factory):
    session(tmp_path, tmp_path_factory, TEST_KDF)


@pytest.mark.slow
@pytest.mark.skipif(not EXE.exists(), reason="the project is not installed")
def test_a_whole_session_with_the_installed_command_and_real_kdf(tmp_path, tmp_path_factory):
    session(tmp_path, tmp_path_factory, [str(EXE)])


def session(tmp_path: Path, tmp_path_factory, command: list[str]) -> None:
    inputs = tmp_path_factory.mktemp("inputs-outside-the-scan")
    home = tmp_path / "home"
    env = child_env(
        HOME=str(home), TMPDIR=str(tmp_path / "tmp"), XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    env.pop("TESTIMONY_INTAKE_STORE", None)
    for d in ("home", "tmp", "run"):
        (tmp_path / d).mkdir(mode=0o700)
    pw, new_pw, wrong = inputs / "pw", inputs / "new-pw", inputs / "wrong"
    pw.write_text("a real passphrase for the leak test\n", encoding="utf-8")
    new_pw.write_text("another real passphrase, changed\n", encoding="utf-8")
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    record = inputs / "t.json"
    record.write_text(json.dumps(canary_testimony(), ensure_ascii=False), encoding="utf-8")
    attachment = inputs / f"CANARY-FILENAME-{TAG}.txt"
    attachment.write_bytes(((f"CANARY-FILEBODY-{TAG} 카나리아첨부{TAG}\n") * 2000).encode("utf-8")
                           + (f"카나리아첨부{TAG}".encode("utf-16-le")) * 100)

    def run(*args: str, ok: bool = True, passphrase: Path = pw) -> str:
        done = subprocess.run([*command, "--passphrase-file", str(passphrase), *args],
                              env=env, cwd=tmp_path / "home", capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=300)
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, err
        assert (done.returncode == 0) == ok, (args, done.returncode, err)
        return done.stdout.decode("utf-8")

    run("init", "--label", "leak test")
    (tid,) = re.findall(r"[0-9a-f-]{36}", run("add", str(record)))
    run("attach", tid, str(attachment))
    assert tid in run("search", f"카나리아진술{TAG}", "--json")
    assert f"카나리아설명{TAG}" in run("show", tid)
    run("list", passphrase=wrong, ok=False)
    run("passwd", "--new-passphrase-file", str(new_pw))
    backup = tmp_path / "usb" / "store.tibak"
    backup.parent.mkdir()
    run("backup", "-o", str(backup), passphrase=new_pw)
    run("verify-backup", str(backup), passphrase=new_pw)
    run("--store", str(tmp_path / "restored"), "restore", str(backup), passphrase=new_pw)
    assert "intact" in run("check", passphrase=new_pw)
    assert "intact" in run("--store", str(tmp_path / "restored"), "check", passphrase=new_pw)
    for _name, argv in EXTRA_STEPS:
        run(*argv(locals()))  # type: ignore[operator]
    run("list", passphrase=wrong, ok=False)  # so the unlock-guard file is there to scan

    store = home / ".local/share/testimony-intake/store"
    assert (store / "store.db").exists() and (store / "unlock-guard").exists()
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) >= 8, written
    needles = canary_encodings(CANARIES) + [attachment.read_bytes()[:64]]
    assert files_containing([tmp_path], needles) == []
    # What does exist is ciphertext or public: no SQLite header anywhere, blobs are age.
    assert files_containing([tmp_path], [b"SQLite format 3\x00"]) == []
    for blob in tmp_path.rglob("blobs/*"):
        assert blob.read_bytes().startswith(b"age-encryption.org/v1")


# -- the desktop app, offscreen, in this process -------------------------------------------

GUI_TAG = "5d83f0"
GUI_LATIN = [f"GUICANARY-PSEUDO-{GUI_TAG}", f"GUICANARY-INTERVIEWER-{GUI_TAG}",
             f"GUICANARY-INTERPRETER-{GUI_TAG}", f"GUICANARY-FORM-{GUI_TAG}",
             f"GUICANARY-NARRATIVE-{GUI_TAG}", f"GUICANARY-FILENAME-{GUI_TAG}",
             f"GUICANARY-FILEBODY-{GUI_TAG}"]
GUI_KOREAN = [f"화면카나리아고향{GUI_TAG}", f"화면카나리아장소{GUI_TAG}",
              f"화면카나리아진술{GUI_TAG}", f"화면카나리아첨부{GUI_TAG}"]


def _type(qtbot, widget, text: str) -> None:
    """Latin through real key clicks; Hangul as an input method commits it (QTest's key
    clicks are Latin-1 only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    widget.setFocus()
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


@pytest.fixture
def recorded_messages(qapp):
    import ui  # noqa: F401  (first: keeps None/True/False alive under PySide6 6.12)
    from ui.hardening import redirect_qt_settings
    from ui.messages import MessageBox

    redirect_qt_settings()
    shown = MessageBox.start_recording()
    yield shown
    MessageBox.stop_recording()


@pytest.fixture
def private_dirs(tmp_path, monkeypatch):
    """HOME, TMPDIR and every XDG directory inside ``tmp_path``, for this process."""
    import tempfile

    home = tmp_path / "home"
    dirs = {"HOME": home, "TMPDIR": tmp_path / "tmp", "XDG_CONFIG_HOME": home / ".config",
            "XDG_DATA_HOME": home / ".local/share", "XDG_CACHE_HOME": home / ".cache",
            "XDG_STATE_HOME": home / ".local/state"}
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(name, str(path))
    monkeypatch.setattr(tempfile, "tempdir", str(dirs["TMPDIR"]))
    return dirs


def _qt_locations() -> list[Path]:
    from PySide6.QtCore import QStandardPaths

    from ui.hardening import redirect_qt_settings

    kinds = ("AppDataLocation", "AppLocalDataLocation", "AppConfigLocation", "CacheLocation",
             "ConfigLocation", "GenericCacheLocation", "GenericConfigLocation",
             "GenericDataLocation", "TempLocation", "RuntimeLocation", "StateLocation",
             "GenericStateLocation")
    found = {redirect_qt_settings()}  # Qt's own settings (file dialog history) go here
    for kind in kinds:
        location = getattr(QStandardPaths.StandardLocation, kind, None)
        if location is not None:
            found.update(Path(p) for p in QStandardPaths.standardLocations(location) if p)
    return sorted(p for p in found if p.exists())


def test_a_gui_session_leaves_no_plaintext_anywhere(qtbot, qapp, tmp_path, tmp_path_factory,
                                                    private_dirs, policy, recorded_messages):
    """The desktop app offscreen: create a store, type canaries into the editor, let it
    autosave, save, attach a file, lock and unlock, back up, export a bundle, close; then
    scan HOME, TMPDIR, the store and Qt's standard locations for every canary."""
    from crypto.passphrase import encode_passphrase
    from intake.bundle.export import ExportRequest, export_bundle
    from intake.contacts import Contacts
    from intake.store import Store
    from tests.conftest import PASSPHRASE
    from tests.ui.conftest import run_on_store
    from ui.backup import BackupDialog
    from ui.locking import ActivityFilter
    from ui.main_window import MainWindow
    from ui.pdf.statement import render_statement
    from ui.session import Session
    from ui.settings import AppSettings

    inputs = tmp_path_factory.mktemp("gui-inputs-outside-the-scan")
    home = private_dirs["HOME"]
    attachment = inputs / f"GUICANARY-FILENAME-{GUI_TAG}.txt"
    attachment.write_bytes((f"GUICANARY-FILEBODY-{GUI_TAG} 화면카나리아첨부{GUI_TAG}\n" * 500)
                           .encode("utf-8") + f"화면카나리아첨부{GUI_TAG}".encode("utf-16-le"))
    legal, _ = Store.create(inputs / "legal", encode_passphrase("legal team passphrase"),
                            label="Legal", policy=policy)
    legal_card = legal.identity_card()
    legal.close()

    settings = AppSettings(home / ".config" / "testimony-intake" / "settings.ini")
    session = Session(home / ".local/share/testimony-intake/store", policy=policy)
    activity = ActivityFilter(None, timeout_ms=60_000)
    window = MainWindow(session, settings, activity=activity)
    qtbot.addWidget(window)
    window.show()
    try:
        created = {}
        session.create(encode_passphrase(PASSPHRASE), "GUI leak test",
                       success=lambda key: created.setdefault("key", key))
        qtbot.waitUntil(lambda: "key" in created and session.ops.idle, timeout=20_000)

        window.new_action.trigger()
        editor = window.workspace.editor
        qtbot.waitUntil(lambda: window.workspace.editing, timeout=5_000)
        editor.draft_interval_ms = 50
        _type(qtbot, editor.survivor.pseudonym, GUI_LATIN[0])
        _type(qtbot, editor.survivor.origin, GUI_KOREAN[0])
        _type(qtbot, editor.interview.place, GUI_KOREAN[1])
        _type(qtbot, editor.interview.interviewer, GUI_LATIN[1])
        _type(qtbot, editor.interview.interpreter, GUI_LATIN[2])
        _type(qtbot, editor.consent.form_version, GUI_LATIN[3])
        _type(qtbot, editor.consent.recorded, "2023-08-14")
        editor.consent.scopes["legal"].setChecked(True)
        _type(qtbot, editor.narrative, GUI_LATIN[4] + " ")
        _type(qtbot, editor.narrative, GUI_KOREAN[2])
        qtbot.waitUntil(lambda: bool(run_on_store(qtbot, session, lambda s: s.drafts())),
                        timeout=10_000)  # the autosaved draft is in the store
        editor.validate()
        window.save_action.trigger()
        qtbot.waitUntil(lambda: len(run_on_store(qtbot, session, lambda s: s.ids())) == 1
                        and not window.workspace.editing, timeout=10_000)
        (tid,) = run_on_store(qtbot, session, lambda s: s.ids())
        stored = run_on_store(qtbot, session, lambda s: s.get(tid))
        assert stored.narrative == f"{GUI_LATIN[4]} {GUI_KOREAN[2]}"
        assert stored.survivor.pseudonym == GUI_LATIN[0]

        window.workspace.select(tid)
        qtbot.waitUntil(lambda: window.workspace.current is not None, timeout=5_000)
        window.workspace.attach([attachment])
        qtbot.waitUntil(lambda: len(run_on_store(
            qtbot, session, lambda s: s.get(tid).attachments)) == 1, timeout=10_000)

        window.lock()
        qtbot.waitUntil(lambda: not session.is_unlocked and session.ops.idle, timeout=10_000)
        window.unlock_page.field.setText(PASSPHRASE)
        window.unlock_page.submit()
        qtbot.waitUntil(lambda: session.is_unlocked and session.ops.idle, timeout=20_000)

        backup = tmp_path / "usb" / "store.tibak"
        backup.parent.mkdir()
        dialog = BackupDialog(session, window)
        dialog.file_edit.setText(str(backup))
        dialog.action_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        assert dialog.verified, dialog.status.text()
        dialog.close()

        bundle = tmp_path / "usb" / "legal.tib.age"

        def export(store):
            Contacts(store).add(legal_card, "Legal")
            request = ExportRequest(recipients=("Legal",), purpose="legal", level="full",
                                    allow_unverified=True, lang="ko")
            return export_bundle(store, request, bundle, renderer=render_statement)

        run_on_store(qtbot, session, export)
        assert bundle.stat().st_size > 0
    finally:
        window.close()
        qtbot.waitUntil(lambda: session.ops.idle, timeout=20_000)
        activity.uninstall()
    assert not [m for m in recorded_messages if m.kind in ("warning", "critical")], \
        recorded_messages

    canaries = GUI_LATIN + GUI_KOREAN
    roots = [tmp_path, *_qt_locations()]
    written = [p for root in roots for p in root.rglob("*") if p.is_file()]
    assert len(written) >= 6, written
    needles = canary_encodings(canaries) + [attachment.read_bytes()[:64]]
    assert files_containing(roots, needles) == []
    assert files_containing([tmp_path], [b"SQLite format 3\x00"]) == []
