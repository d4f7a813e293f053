"""The unlocked store, held on the worker, and the lock/unlock life cycle around it.

Why a session object: the ``Store`` must live on the worker thread (SQLCipher
connections are per thread), so the UI never holds it. Widgets ask the session
to :meth:`run` a function on it; results come back on the UI thread. Every
result is tagged with the session's *epoch*, which changes on lock, so a list
of summaries that arrives after the user pressed Ctrl+L is dropped instead of
painted on the unlock screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from crypto.kdf import PRODUCTION, KdfPolicy
from crypto.recovery import RecoveryKey
from crypto.secret import SecretBytes
from intake.errors import StoreLocked, WrongPassphrase
from intake.store import Store, StorePaths
from intake.unlock_guard import StoreWiped, UnlockDelayed, UnlockGuard
from ui.operations import OperationHandle, Operations

T = TypeVar("T")


@dataclass(frozen=True)
class StoreInfo:
    """What the UI may show about an unlocked store (status bar, settings)."""

    label: str
    fingerprint: str
    root: Path
    # What the quick check at unlock found damaged (``Store.quick_check``); empty if sound.
    problems: tuple[str, ...] = ()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


def quick_problems(store: Store) -> tuple[str, ...]:
    """The quick check run right after every unlock (milliseconds at 50,000 records). It
    must never stop the owner from reaching the store: a check that itself fails is
    reported as a problem, not raised."""
    try:
        return tuple(store.quick_check().problems)
    except Exception as exc:  # noqa: BLE001 - the store is open; say what we could not check
        return (_tr("The quick check could not finish ({0}); run the full check.").format(
            type(exc).__name__),)


class Session(QObject):
    """Owns the worker (``ops``) and, on it, the open ``Store``."""

    unlocked = Signal(object)  # StoreInfo
    locked = Signal()

    def __init__(self, store_dir: Path, *, policy: KdfPolicy = PRODUCTION,
                 parent: QObject | None = None, ops: Operations | None = None) -> None:
        super().__init__(parent)
        self.store_dir = Path(store_dir)
        self.policy = policy
        self.ops = ops or Operations(self)
        self._store: Store | None = None  # touched only on the worker
        self._epoch = 0
        self.info: StoreInfo | None = None

    # -- state --------------------------------------------------------------------------

    def store_exists(self) -> bool:
        return StorePaths(self.store_dir).exists()

    @property
    def is_unlocked(self) -> bool:
        return self.info is not None

    # -- unlocking ----------------------------------------------------------------------

    def create(self, passphrase: SecretBytes, label: str, *,
               success: Callable[[RecoveryKey], None],
               failure: Callable[[Exception], None] | None = None,
               progress: Callable[[float], None] | None = None) -> OperationHandle:
        """Calibrate the KDF and create the store on the worker; the passphrase is wiped."""

        def work(handle: OperationHandle) -> tuple[StoreInfo, RecoveryKey]:
            try:
                def report(fraction: float) -> None:
                    handle.report(fraction * 0.9)
                store, recovery = Store.create(self.store_dir, passphrase, label=label,
                                               policy=self.policy, progress=report)
            finally:
                passphrase.wipe()
            handle.report(1.0)
            return self._adopt(store), recovery

        def done(result: tuple[StoreInfo, RecoveryKey]) -> None:
            self._announce(result[0])
            success(result[1])

        listener = (lambda f, _text: progress(f)) if progress is not None else None
        return self.ops.submit(work, success=done, failure=failure, progress=listener)

    def guard(self) -> UnlockGuard:
        """The store's failed-unlock guard, shared with the CLI (``intake.unlock_guard``)."""
        return UnlockGuard(self.store_dir)

    def unlock(self, passphrase: SecretBytes, *, success: Callable[[StoreInfo], None] | None = None,
               failure: Callable[[Exception], None] | None = None,
               guard: UnlockGuard | None = None) -> OperationHandle:
        """Open with the passphrase through the guard, exactly as the CLI does
        (``Context.open_store``): the attempt counts as failed until it succeeds, so a
        kill after a wrong guess keeps the count; a damaged file is not a wrong guess.
        Fails with ``UnlockDelayed`` while the guard says wait, and ``StoreWiped`` when the
        owner's wipe-after-N fired."""
        guard = guard or self.guard()

        def work(_handle: OperationHandle) -> StoreInfo:
            try:
                wait = guard.before_attempt()
                if wait > 0:
                    raise UnlockDelayed(wait)
                try:
                    store = Store.open(self.store_dir, passphrase, policy=self.policy)
                except WrongPassphrase:
                    if guard.record_failure():
                        raise StoreWiped(_tr("Wrong passphrase, and this store's limit of "
                                             "failed unlocks was reached: it has been "
                                             "erased.")) from None
                    raise
                except Exception:
                    guard.forget_attempt()
                    raise
            finally:
                passphrase.wipe()
            guard.record_success()
            return self._adopt(store)

        return self.ops.submit(work, success=self._then_announce(success), failure=failure)

    def recover(self, recovery_key: RecoveryKey, new_passphrase: SecretBytes, *,
                success: Callable[[StoreInfo], None] | None = None,
                failure: Callable[[Exception], None] | None = None) -> OperationHandle:
        """Open with the recovery key and set a new passphrase (rewraps; no data rewritten)."""

        def work(handle: OperationHandle) -> StoreInfo:
            try:
                store = Store.open_with_recovery(self.store_dir, recovery_key, policy=self.policy)
                try:
                    store.change_passphrase(new_passphrase, action="passphrase.recover",
                                            progress=lambda f: handle.report(f))
                except BaseException:
                    store.close()
                    raise
            finally:
                recovery_key.wipe()
                new_passphrase.wipe()
            self.guard().record_success()  # the owner proved themselves: the count restarts
            return self._adopt(store)

        return self.ops.submit(work, success=self._then_announce(success), failure=failure,
                               progress_title=_tr("Setting the new passphrase…"))

    def _adopt(self, store: Store) -> StoreInfo:
        """On the worker: keep the store, close any older one."""
        if self._store is not None and self._store is not store:
            self._store.close()
        self._store = store
        return StoreInfo(store.label, store.identity_card().fingerprint, store.paths.root,
                         quick_problems(store))

    def _then_announce(self, success: Callable[[StoreInfo], None] | None
                       ) -> Callable[[StoreInfo], None]:
        def done(info: StoreInfo) -> None:
            self._announce(info)
            if success is not None:
                success(info)
        return done

    def _announce(self, info: StoreInfo) -> None:
        self._epoch += 1
        self.info = info
        self.unlocked.emit(info)

    # -- using ----------------------------------------------------------------------------

    def run(self, fn: Callable[[Store, OperationHandle], T], *,
            success: Callable[[T], None] | None = None,
            failure: Callable[[Exception], None] | None = None,
            progress_title: str | None = None) -> OperationHandle:
        """Run ``fn(store, handle)`` on the worker; callbacks are dropped if a lock intervened."""
        epoch = self._epoch

        def work(handle: OperationHandle) -> T:
            if self._store is None or not self._store.is_open:
                raise StoreLocked(_tr("The store is locked."))
            return fn(self._store, handle)

        def fresh(cb: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
            if cb is None:
                return None
            return lambda value: cb(value) if epoch == self._epoch else None

        def failed(exc: Exception) -> None:
            if epoch != self._epoch or isinstance(exc, StoreLocked) and not self.is_unlocked:
                return  # the lock already said everything that needs saying
            if failure is not None:
                failure(exc)
            else:
                from ui.operations import show_failure
                show_failure(exc)

        return self.ops.submit(work, success=fresh(success), failure=failed,
                               progress_title=progress_title)

    # -- locking --------------------------------------------------------------------------

    def lock(self, *, last: Callable[[Store], None] | None = None,
             on_closed: Callable[[None], None] | None = None) -> None:
        """Drop results in flight, cancel running work, close the store (wiping its key).

        ``last`` runs on the store just before it closes (the editor's final draft), and
        its failure is ignored: locking must never be stopped by anything.
        """
        was_unlocked = self.is_unlocked
        self._epoch += 1
        self.info = None
        self.ops.cancel_all()

        def close(_handle: OperationHandle) -> None:
            store, self._store = self._store, None
            if store is None:
                return
            try:
                if last is not None and store.is_open:
                    last(store)
            except Exception:  # noqa: BLE001, S110 - see the docstring
                pass
            finally:
                store.close()

        self.ops.submit(close, success=on_closed, failure=lambda _e: None)
        if was_unlocked:
            self.locked.emit()

    def shutdown(self) -> None:
        """Lock and stop the worker (application exit)."""
        self.lock()
        self.ops.shutdown()
