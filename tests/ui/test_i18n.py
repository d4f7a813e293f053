"""Korean and English: the catalogue is complete, the Korean UI loads, Hangul has a font."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.fonts import has_glyphs, install_fonts, monospace_font

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "testimony_intake_ko.ts"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _catalogue() -> dict[str, str]:
    out = {}
    for msg in ET.parse(TS).getroot().iter("message"):
        tr = msg.find("translation")
        out[msg.findtext("source")] = (tr.text or "", tr.get("type"))
    return out


def _literals_in_ui() -> set[str]:
    """Every literal given to tr(), translate(ctx, …) or a module's _tr() helper in ui/."""
    found = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            args = node.args
            if name == "translate" and len(args) >= 2 and isinstance(args[0], ast.Constant):
                args = args[1:]
            elif name not in ("tr", "_tr"):
                continue
            if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.add(args[0].value)
    return found


def test_the_korean_catalogue_has_no_unfinished_entries():
    entries = _catalogue()
    assert len(entries) > 100
    unfinished = [s for s, (text, kind) in entries.items() if kind or not text]
    assert unfinished == []
    assert "unfinished" not in TS.read_text(encoding="utf-8")


def test_every_string_in_the_code_is_in_the_catalogue():
    missing = sorted(_literals_in_ui() - set(_catalogue()))
    assert missing == [], "run resources/translations/update_ts.py and translate"


def test_placeholders_survive_translation():
    for source, (text, _kind) in _catalogue().items():
        assert sorted(re.findall(r"\{\d[^}]*\}", source)) == sorted(
            re.findall(r"\{\d[^}]*\}", text)), source


def test_the_compiled_catalogue_is_newer_than_its_source():
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1


@pytest.fixture
def korean(qapp):
    assert i18n.install(qapp, "ko")
    yield
    i18n.install(qapp, "en")


def test_the_korean_ui_shows_korean(qtbot, korean, session, settings):
    from ui.first_run import FirstRunWizard
    from ui.main_window import MainWindow
    from ui.settings_dialog import SettingsDialog

    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    wizard = FirstRunWizard(session)
    qtbot.addWidget(wizard)
    dialog = SettingsDialog(settings, window)
    page = window.unlock_page
    texts = [window.windowTitle(), page.title.text(), page.unlock_button.text(),
             page.recover_link.text(), window.menuBar().actions()[0].text(),
             wizard.identity.title(), wizard.passphrase.title(), wizard.recovery.title(),
             wizard.passphrase.generate.text(), dialog.windowTitle()]
    texts += [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert all(HANGUL.search(t) for t in texts), [t for t in texts if not HANGUL.search(t)]
    assert QLocale().language() == QLocale.Language.Korean


def test_qt_standard_buttons_speak_korean_too(korean):
    from PySide6.QtCore import QCoreApplication

    assert HANGUL.search(QCoreApplication.translate("QPlatformTheme", "Cancel"))


def test_language_follows_the_setting_then_the_system():
    assert i18n.resolve_language("ko") == "ko"
    assert i18n.resolve_language("en", QLocale(QLocale.Language.Korean)) == "en"
    assert i18n.resolve_language("system", QLocale(QLocale.Language.Korean)) == "ko"
    assert i18n.resolve_language("system", QLocale(QLocale.Language.French)) == "en"


def test_hangul_is_drawn_by_a_real_font(qapp):
    family = install_fonts(qapp)
    assert family is not None, "install fonts-noto-cjk"
    assert has_glyphs(QApplication.font(), "증언 진술 생존자 가명 동의 면담")
    assert has_glyphs(monospace_font(12), "0123ABCD")
