"""What every command gets: where the store is, how to ask for secrets, where to print."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from crypto.kdf import PRODUCTION, KdfPolicy
from intake.cli import passphrase
from intake.store import Store


@dataclass
class Context:
    store_dir: Path
    passphrase_file: str | None = None
    policy: KdfPolicy = PRODUCTION
    stdin: BinaryIO = field(default_factory=lambda: sys.stdin.buffer)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    def out(self, line: str = "") -> None:
        print(line, file=self.stdout)

    def warn(self, line: str) -> None:
        print(line, file=self.stderr)

    def open_store(self) -> Store:
        with passphrase.existing(self.passphrase_file, self.stdin) as secret:
            return Store.open(self.store_dir, secret, policy=self.policy)
