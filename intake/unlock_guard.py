"""Failed-unlock counting: a growing wait between wrong passphrases, and an optional wipe.

Why it lives in a small clear file (``<store>/unlock-guard``) and not in the
database: failures happen *before* the store is unlocked, when nothing inside
the encrypted database can be read or written. The file holds counts, a time and
the wipe setting — nothing secret, nothing about testimonies.

What it is for, honestly: it slows down someone trying passphrases *through the
application* — a person at the unlocked-but-locked-screen laptop, a border
officer told to "try a few", a shoulder-surfer who half-saw the passphrase. It
does not slow an attacker who copies the store and guesses offline: Argon2id
does that (DESIGN §3). Anyone who can write the store directory can delete or
edit this file and reset the count; docs/SECURITY.md says so.

Every attempt is counted as failed *before* the passphrase is tried and cleared
only on success, so killing the process after a wrong guess does not erase it.
The file is read and replaced under an exclusive lock on the store directory,
so two unlocks at once cannot lose a count.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from crypto.atomicfile import atomic_write_bytes
from intake.errors import IntakeError, InvalidInput
from intake.store.paths import StorePaths

FORMAT = "tig/1"
MAX_FILE_BYTES = 4096
FREE_ATTEMPTS = 3          # typos are free
BASE_DELAY = 1.0           # then 1 s, 2 s, 4 s, … doubling
MAX_DELAY = 300.0          # capped at five minutes
MIN_WIPE_AFTER = 3
MAX_WIPE_AFTER = 1000

Clock = Callable[[], float]


class UnlockDelayed(IntakeError):
    """Too many failed unlocks: the next try must wait ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"too many failed unlocks: wait {math.ceil(seconds)} s before "
                         "trying again")


class StoreWiped(IntakeError):
    """The wipe after N failed unlocks fired: the store was crypto-erased."""


@dataclass(frozen=True)
class GuardState:
    failures: int = 0
    last_failure: float = 0.0
    wipe_after: int | None = None
    damaged: bool = False  # the file was unreadable and was reset

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "failures": self.failures,
               "last_failure": round(self.last_failure, 3), "wipe_after": self.wipe_after}
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> GuardState:
        """Lenient by design: a damaged file resets the counts (and says so) rather than
        locking the owner out; anyone able to damage it could as well delete it."""
        try:
            doc = json.loads(data.decode("utf-8"))
            failures, last, wipe = doc["failures"], doc["last_failure"], doc["wipe_after"]
            if doc["format"] != FORMAT or not _is_int(failures) or failures < 0 \
                    or not isinstance(last, int | float) or isinstance(last, bool) \
                    or not math.isfinite(last) \
                    or not (wipe is None or (_is_int(wipe) and wipe >= MIN_WIPE_AFTER)):
                raise ValueError
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            return cls(damaged=True)
        return cls(min(failures, 10**6), float(last), wipe)


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failures: 0,0,0,1,2,4,8,… ≤ 300."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY, BASE_DELAY * 2.0 ** min(failures - FREE_ATTEMPTS, 30))


class UnlockGuard:
    """The one API both the CLI and the UI use around every passphrase unlock.

    ::

        guard = UnlockGuard(store_dir)
        wait = guard.before_attempt()      # 0: go ahead (the attempt is now counted)
        ...try the passphrase...
        guard.record_failure()             # wrong: may wipe (returns True if it did)
        guard.record_success()             # right: the count starts again
    """

    def __init__(self, store_dir: Path, *, clock: Clock = time.time,
                 base_delay: float = BASE_DELAY, max_delay: float = MAX_DELAY) -> None:
        """``base_delay``/``max_delay`` exist for tests that drive real widgets in real time;
        the CLI and the app use the defaults."""
        self.paths = StorePaths(Path(store_dir))
        self._clock = clock
        self._base, self._cap = base_delay, max_delay

    # -- reading ------------------------------------------------------------------------

    def state(self) -> GuardState:
        try:
            with self.paths.unlock_guard.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return GuardState()
        except OSError:
            return GuardState(damaged=True)
        return GuardState.from_bytes(data) if len(data) <= MAX_FILE_BYTES \
            else GuardState(damaged=True)

    def delay(self) -> float:
        """Seconds until the next attempt is allowed (0: now). No side effect: for a UI
        that shows a countdown before asking."""
        return self._remaining(self.state())

    def _remaining(self, state: GuardState) -> float:
        wait = min(self._cap, delay_after(state.failures) * (self._base / BASE_DELAY))
        if wait == 0:
            return 0.0
        elapsed = self._clock() - state.last_failure
        if elapsed < 0:  # the clock went back: wait the full delay from now
            elapsed = 0.0
        return max(0.0, wait - elapsed)

    # -- the unlock protocol --------------------------------------------------------------

    def before_attempt(self) -> float:
        """0 if an attempt may be made now — and then it is counted as failed until
        :meth:`record_success` — else the seconds still to wait (nothing is counted)."""
        if not self.paths.exists():
            return 0.0  # no store here: nothing to guard, and no file is made
        with self._locked():
            state = self.state()
            remaining = self._remaining(state)
            if remaining > 0:
                return remaining
            self._write(replace(state, failures=state.failures + 1,
                                last_failure=self._clock()))
        return 0.0

    def record_failure(self) -> bool:
        """The attempt failed (already counted). Wipes the store if the user asked for that
        after this many failures; returns True when it did."""
        state = self.state()
        if state.wipe_after is None or state.failures < state.wipe_after:
            return False
        from intake.store import erase_store

        erase_store(self.paths.root)
        self._remove()
        with contextlib.suppress(OSError):
            self.paths.root.rmdir()
        return True

    def forget_attempt(self) -> None:
        """The attempt ended before the passphrase could be judged (a damaged file): take
        back the count :meth:`before_attempt` made."""
        if not self.paths.exists():
            return
        with self._locked():
            state = self.state()
            if state.failures:
                self._write(replace(state, failures=state.failures - 1))

    def record_success(self) -> None:
        """The passphrase was right: forget the failures (keep the setting). With no setting
        the file is removed, so a store at rest carries no guard file at all."""
        if not self.paths.exists():
            return
        with self._locked():
            state = self.state()
            if state.wipe_after is None:
                self._remove()
            elif state.failures or state.damaged:
                self._write(replace(state, failures=0, last_failure=0.0, damaged=False))

    # -- settings -----------------------------------------------------------------------

    def set_wipe_after(self, n: int | None) -> None:
        """Crypto-erase the store after ``n`` failed unlocks in a row (None: never, the
        default). Call only with the store unlocked: it proves the owner is choosing."""
        if n is not None and (not _is_int(n) or not MIN_WIPE_AFTER <= n <= MAX_WIPE_AFTER):
            raise InvalidInput("wipe-after", f"choose a number from {MIN_WIPE_AFTER} to "
                               f"{MAX_WIPE_AFTER}, or none")
        with self._locked():
            self._write(replace(self.state(), wipe_after=n, damaged=False), required=True)

    # -- file handling --------------------------------------------------------------------

    def _write(self, state: GuardState, *, required: bool = False) -> None:
        """Best effort unless ``required``: a full or read-only disk must not stop the owner
        from unlocking (and reading, and backing up) the store; the count then lapses."""
        try:
            atomic_write_bytes(self.paths.unlock_guard, state.to_bytes())
        except OSError:
            if required:
                raise

    def _remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.paths.unlock_guard.unlink()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive ``flock`` on the store directory (a file of our own would be one
        more thing left behind); a no-op where ``fcntl`` does not exist."""
        try:
            import fcntl
        except ImportError:  # Windows
            yield
            return
        try:
            fd = os.open(self.paths.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            yield  # the directory vanished (erased meanwhile): nothing to serialise
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
