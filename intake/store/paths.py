"""Where a store lives, and the names of its files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

STORE_ENV = "TESTIMONY_INTAKE_STORE"


@dataclass(frozen=True)
class StorePaths:
    root: Path

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def db(self) -> Path:
        return self.root / "store.db"

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    def db_sidecars(self) -> list[Path]:
        return [self.root / "store.db-wal", self.root / "store.db-shm"]

    @property
    def unlock_guard(self) -> Path:
        """Failed-unlock counts and the wipe setting (``intake.unlock_guard``); not secret."""
        return self.root / "unlock-guard"

    def leftovers(self) -> list[Path]:
        """What the app may leave beside the store's files: the unlock guard and its temp
        files, an interrupted backup's database copy, damaged logs kept by ``open``, and
        interrupted writes of blobs (all ciphertext or counts). Erase removes them."""
        patterns = ("unlock-guard", ".unlock-guard.*.tmp", ".backup-*",
                    "store.db-wal.damaged-*", "blobs/.*.tmp")
        return sorted({p for pattern in patterns for p in self.root.glob(pattern)})

    def exists(self) -> bool:
        return self.keys.exists()


def default_store_dir() -> Path:
    """``--store`` wins, then ``TESTIMONY_INTAKE_STORE``, then the per-user data directory."""
    override = os.environ.get(STORE_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("testimony-intake", appauthor=False)) / "store"
