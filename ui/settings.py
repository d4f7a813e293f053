"""The app's own settings: a small INI file that holds nothing worth seizing.

Why so strict: a seized laptop must reveal nothing from the settings file. It
holds only the store's location, the language and two timeouts: no recent
files, no window state naming testimonies, no search history, no labels. Every
key is declared in :data:`KEYS`; anything else is refused, and a test reads the
file back to prove it. The path is explicit (under the user config directory)
so the file never lands wherever Qt's defaults would put it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

APP_DIR = "testimony-intake"
LANGUAGES = ("system", "en", "ko")


@dataclass(frozen=True)
class Key:
    name: str
    kind: type
    default: object
    low: int = 0
    high: int = 0


STORE_PATH = Key("store/path", str, "")
LANGUAGE = Key("ui/language", str, "system")
IDLE_LOCK_MINUTES = Key("lock/idle_minutes", int, 5, 1, 240)
CLIPBOARD_CLEAR_SECONDS = Key("clipboard/clear_seconds", int, 30, 5, 600)
KEYS = {k.name: k for k in (STORE_PATH, LANGUAGE, IDLE_LOCK_MINUTES, CLIPBOARD_CLEAR_SECONDS)}


def default_settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_DIR, appauthor=False)) / "settings.ini"


class AppSettings:
    """Typed access to the four settings; anything not in :data:`KEYS` is refused."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)
        for stray in set(self._q.allKeys()) - set(KEYS):
            self._q.remove(stray)  # left by an older or tampered file: drop it

    def get(self, key: Key) -> object:
        raw = self._q.value(key.name, key.default)
        if key.kind is int:
            try:
                value = int(raw)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return key.default
            return min(max(value, key.low), key.high)
        value = str(raw) if raw is not None else key.default
        if key is LANGUAGE and value not in LANGUAGES:
            return key.default
        return value

    def set(self, key: Key, value: object) -> None:
        if KEYS.get(key.name) is not key:
            raise KeyError(f"{key.name} is not a setting this app keeps")
        if key.kind is int:
            value = min(max(int(value), key.low), key.high)  # type: ignore[call-overload]
        elif key is LANGUAGE and value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        else:
            value = str(value)
        self._q.setValue(key.name, value)
        self._q.sync()

    # Typed shortcuts used across the UI.

    @property
    def store_path(self) -> Path | None:
        text = str(self.get(STORE_PATH))
        return Path(text) if text else None

    @property
    def language(self) -> str:
        return str(self.get(LANGUAGE))

    @property
    def idle_lock_ms(self) -> int:
        return int(self.get(IDLE_LOCK_MINUTES)) * 60_000  # type: ignore[call-overload]

    @property
    def clipboard_clear_ms(self) -> int:
        return int(self.get(CLIPBOARD_CLEAR_SECONDS)) * 1000  # type: ignore[call-overload]

    def sync(self) -> None:
        self._q.sync()
