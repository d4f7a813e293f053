"""What every command gets: where the store is, how to ask for secrets, where to print."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from crypto.kdf import PRODUCTION, KdfPolicy
from intake.bundle.statement import StatementRenderer
from intake.cli import passphrase
from intake.consent_receipt import ReceiptRenderer
from intake.errors import IntakeError, WrongPassphrase
from intake.store import Store
from intake.unlock_guard import StoreWiped, UnlockDelayed, UnlockGuard


@dataclass
class Context:
    store_dir: Path
    passphrase_file: str | None = None
    policy: KdfPolicy = PRODUCTION
    stdin: BinaryIO = field(default_factory=lambda: sys.stdin.buffer)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    # Makes witness statement PDFs for ``export`` (Qt, injected by ui/launcher.py).
    statement_renderer: StatementRenderer | None = None
    # Makes consent receipt PDFs for ``consent-receipt`` (Qt, injected the same way).
    receipt_renderer: ReceiptRenderer | None = None

    def out(self, line: str = "") -> None:
        print(line, file=self.stdout)

    def warn(self, line: str) -> None:
        print(line, file=self.stderr)

    def open_store(self) -> Store:
        """Unlock with the passphrase, through the failed-unlock guard (``intake.unlock_guard``):
        a wait after repeated failures, and the wipe after N if the owner turned it on."""
        guard = UnlockGuard(self.store_dir)
        wait = guard.delay()  # before asking, so nobody types a passphrase in vain
        if wait > 0:
            raise UnlockDelayed(wait)
        with passphrase.existing(self.passphrase_file, self.stdin) as secret:
            wait = guard.before_attempt()  # counts the attempt as failed until it succeeds
            if wait > 0:
                raise UnlockDelayed(wait)
            try:
                store = Store.open(self.store_dir, secret, policy=self.policy)
            except WrongPassphrase:
                if guard.record_failure():
                    raise StoreWiped("wrong passphrase, and this store's limit of failed "
                                     "unlocks was reached: it has been erased") from None
                raise
            except IntakeError:
                guard.forget_attempt()  # damaged or missing files: not a wrong passphrase
                raise
        guard.record_success()
        return store
