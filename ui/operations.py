"""The one way work leaves the UI thread: a single serial worker that owns the store.

Why serial and single: an SQLCipher connection belongs to the thread that opened
it, so the store is opened, used and closed only on this worker; and one queue
means a save can never overtake the autosave before it. Functions run on the
worker and return a value; ``success``/``failure`` run on the UI thread (Anki's
``CollectionOp``). A progress dialog with Cancel appears only when work with a
``progress_title`` takes longer than ~600 ms, so quick work never flickers.

Failures nobody handles land in :func:`show_failure`: an ``IntakeError`` shows its
text (which is safe by contract, see ``intake/errors.py``); anything else shows a
generic line with the exception's type only — never a traceback, never its text,
which could quote testimony.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from intake.errors import Cancelled, IntakeError
from ui.messages import MessageBox

T = TypeVar("T")
PROGRESS_DELAY_MS = 600
_STEPS = 1000


class OperationHandle:
    """What the worker function gets: a cancel flag to poll and a way to report progress."""

    _ids = itertools.count(1)

    def __init__(self, bridge: _Bridge, title: str | None) -> None:
        self.id = next(self._ids)
        self.title = title
        self._bridge = bridge
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled(QCoreApplication.translate("Operations", "Cancelled."))

    def report(self, fraction: float, text: str = "") -> None:
        """Thread-safe: queued to the UI thread, where the progress dialog shows it."""
        self._bridge.progressed.emit(self, max(0.0, min(1.0, float(fraction))), text)


@dataclass
class _Job(Generic[T]):
    fn: Callable[[OperationHandle], T]
    handle: OperationHandle
    success: Callable[[T], None] | None
    failure: Callable[[Exception], None] | None
    progress: Callable[[float, str], None] | None = None


class _Bridge(QObject):
    """Lives on the UI thread; signals emitted from the worker arrive there queued."""

    started = Signal(object)
    progressed = Signal(object, float, str)
    done = Signal(object, bool, object)


class _Worker(threading.Thread):
    """A plain Python thread: it only runs jobs and emits the bridge's signals, which Qt
    queues to the UI thread; it needs nothing of QThread."""

    def __init__(self, jobs: queue.Queue[_Job[Any] | None], bridge: _Bridge) -> None:
        super().__init__(name="intake-worker", daemon=True)
        self._jobs = jobs
        self._bridge = bridge

    def run(self) -> None:
        # The worker must never drop the last reference to anything the UI thread owns:
        # freeing a widget's wrapper (captured by a callback or by ``fn``) on this thread
        # crashes Qt. So the job itself stays with the UI thread (``Operations._pending``)
        # until its result has been delivered there; this thread lets go of ``fn`` before
        # it announces the result, and of every traceback (whose frames hold fn's locals).
        while True:
            job = self._jobs.get()
            if job is None:
                return
            handle, fn = job.handle, job.fn
            del job
            if handle.cancelled():
                del fn
                self._bridge.done.emit(handle, False, Cancelled("cancelled"))
                continue
            self._bridge.started.emit(handle)
            ok, value = True, None
            try:
                value = fn(handle)
            except Exception as exc:  # noqa: BLE001 - every failure goes back to the UI thread
                _drop_tracebacks(exc)
                ok, value = False, exc
            del fn
            self._bridge.done.emit(handle, ok, value)
            del value, handle


def _drop_tracebacks(exc: BaseException) -> None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


class Operations(QObject):
    """Submit work to the worker; see the module docstring."""

    finished = Signal(int)  # the handle id, after its callbacks ran

    def __init__(self, parent: QObject | None = None, *,
                 progress_delay_ms: int = PROGRESS_DELAY_MS) -> None:
        super().__init__(parent)
        self._bridge = _Bridge()
        self._bridge.started.connect(self._on_started, Qt.ConnectionType.QueuedConnection)
        self._bridge.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._bridge.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._jobs: queue.Queue[_Job[Any] | None] = queue.Queue()
        self._worker = _Worker(self._jobs, self._bridge)
        self._worker.start()
        self._delay = progress_delay_ms
        self._pending: dict[int, _Job[Any]] = {}  # queued or running, callbacks not yet run
        self._dialogs: dict[int, QProgressDialog] = {}
        self._timers: dict[int, QTimer] = {}
        self._last: dict[int, tuple[float, str]] = {}
        self._running = True

    @property
    def idle(self) -> bool:
        """No work queued or running and every callback delivered (tests wait on this)."""
        return not self._pending

    def submit(self, fn: Callable[[OperationHandle], T], *,
               success: Callable[[T], None] | None = None,
               failure: Callable[[Exception], None] | None = None,
               progress_title: str | None = None,
               progress: Callable[[float, str], None] | None = None) -> OperationHandle:
        """Queue ``fn``; ``progress`` (UI thread) sees every ``handle.report`` if given."""
        handle = OperationHandle(self._bridge, progress_title)
        if not self._running:
            handle.cancel()
            return handle
        job = _Job(fn, handle, success, failure, progress)
        self._pending[handle.id] = job  # released here, on the UI thread, in _on_done
        self._jobs.put(job)
        return handle

    def cancel_all(self) -> None:
        """Cancel the running job and drop the queued ones (lock, panic)."""
        for handle in [job.handle for job in self._pending.values()]:
            handle.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Stop after the queued work (call ``cancel_all`` first to drop it)."""
        if not self._running:
            return
        self._running = False
        self._jobs.put(None)
        self._worker.join(timeout_ms / 1000)
        # Deliver what the worker queued before it stopped now, while every receiver is
        # alive, then cut the bridge: a callback arriving after its owner was collected
        # is how a Qt program crashes at exit.
        QCoreApplication.sendPostedEvents(None, 0)
        for signal in (self._bridge.started, self._bridge.progressed, self._bridge.done):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):  # nothing connected any more
                pass
        for key in list(self._dialogs):
            self._close_dialog(key)
        for timer in self._timers.values():
            timer.stop()
        self._timers.clear()
        self._pending.clear()

    # -- on the UI thread ---------------------------------------------------------------

    def _on_started(self, handle: OperationHandle) -> None:
        if handle.title is None:
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda h=handle: self._show_dialog(h))
        timer.start(self._delay)
        self._timers[handle.id] = timer

    def _show_dialog(self, handle: OperationHandle) -> None:
        self._timers.pop(handle.id, None)
        if handle.id not in self._pending:
            return
        parent = _dialog_parent()
        dialog = QProgressDialog(handle.title or "", self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(handle.title or "")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        dialog.canceled.connect(handle.cancel)
        self._dialogs[handle.id] = dialog
        if handle.id in self._last:
            self._on_progress(handle, *self._last[handle.id])
        dialog.show()

    def _on_progress(self, handle: OperationHandle, fraction: float, text: str) -> None:
        self._last[handle.id] = (fraction, text)
        job = self._pending.get(handle.id)
        listener = job.progress if job is not None else None
        if listener is not None:
            listener(fraction, text)
        dialog = self._dialogs.get(handle.id)
        if dialog is None:
            return
        if dialog.maximum() == 0:
            dialog.setRange(0, _STEPS)
        dialog.setValue(int(fraction * _STEPS))
        if text:
            dialog.setLabelText(text)

    def _close_dialog(self, key: int) -> None:
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
        dialog = self._dialogs.pop(key, None)
        if dialog is not None:
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
        self._last.pop(key, None)

    def _on_done(self, handle: OperationHandle, ok: bool, value: Any) -> None:
        key = handle.id
        job = self._pending.get(key)
        self._close_dialog(key)
        if job is None:
            return  # already delivered (shutdown drained it)
        try:
            if ok:
                if job.success is not None:
                    job.success(value)
            elif job.failure is not None:
                job.failure(value)
            else:
                show_failure(value)
        except Exception as exc:  # noqa: BLE001 - a callback bug must not escape the event loop
            show_failure(exc)
        finally:
            self._pending.pop(key, None)
            self.finished.emit(key)


def _dialog_parent() -> QWidget | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    window = app.activeWindow()
    if window is not None:
        return window
    visible = [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow()]
    return visible[0] if visible else None


def failure_text(exc: BaseException) -> str:
    """What a user may see of ``exc``: its text if it is an ``IntakeError``, else its type."""
    if isinstance(exc, IntakeError):
        return str(exc)
    return QCoreApplication.translate(
        "Operations", "Something unexpected went wrong ({0}). Nothing was changed by the step "
        "that failed; if it happens again, restart the application.").format(
            type(exc).__name__)


def show_failure(exc: BaseException) -> None:
    """The one place unhandled failures are shown. A cancel is not a failure: it says nothing."""
    if isinstance(exc, Cancelled):
        return
    title = QCoreApplication.translate("Operations", "Testimony Intake")
    if isinstance(exc, IntakeError):
        MessageBox.warning(_dialog_parent(), title, failure_text(exc))
    else:
        MessageBox.critical(_dialog_parent(), title, failure_text(exc))
