"""Korean and English: which language to use, and loading its translations.

Every user-visible string goes through ``tr()`` / ``QCoreApplication.translate``;
``resources/translations/testimony_intake_ko.ts`` is the source (made with
``pyside6-lupdate`` over ``ui/``) and the ``.qm`` next to it is what loads.
Qt's own ``qtbase_ko.qm`` is loaded too, so standard buttons (OK, Cancel, Yes,
No) and the file dialog speak Korean as well. The default follows the system
locale; the setting ``ui/language`` overrides it.

A change in Settings applies at once (:func:`switch`): the new translator is
installed, Qt's ``LanguageChange`` event reaches every widget (those built from a
``retranslate()`` method — the unlock screen, the backup dialogs — redo their
texts), and every top-level window with a ``retranslate()`` method is asked to
redo its own (the main window rebuilds its menus and toolbar). Widgets that set
their texts once, at construction, show the new language the next time they open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import resources

TRANSLATIONS = Path(resources.__file__).parent / "translations"
CATALOGUE = "testimony_intake"
SUPPORTED = ("en", "ko")
_installed: list[QTranslator] = []
_current = ["en"]


def current() -> str:
    """The language installed last (``"en"`` or ``"ko"``)."""
    return _current[0]


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """``"en"`` or ``"ko"``: the setting if it names one, else the system locale's."""
    if setting in SUPPORTED:
        return setting
    locale = system or QLocale.system()
    return "ko" if locale.language() == QLocale.Language.Korean else "en"


def install(app: QApplication, language: str) -> bool:
    """Load the translations for ``language``; return whether our catalogue loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current[0] = "ko" if language == "ko" else "en"
    QLocale.setDefault(QLocale(QLocale.Language.Korean if language == "ko"
                               else QLocale.Language.English))
    if language == "en":
        return True
    ours = QTranslator(app)
    loaded = ours.load(f"{CATALOGUE}_{language}", str(TRANSLATIONS))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qtmultimedia"):
        qt = QTranslator(app)
        if qt.load(f"{name}_{language}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    return loaded


def switch(app: QApplication, language: str) -> bool:
    """Change the language of the running app (see the module docstring)."""
    loaded = install(app, language)
    if not _installed:  # back to English: nothing was installed, so Qt sent no event
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
    for widget in app.topLevelWidgets():
        redo = getattr(widget, "retranslate", None)
        if callable(redo):
            redo()
    return loaded
