"""How the redaction screens get slow work done without seeing the store.

Detection, face suggestions and the image preview must run on the worker (DESIGN §2:
anything over ~50 ms leaves the UI thread), but the screens should not hold the
session. They get a :class:`Runner`: ``run(work, success, failure, title)`` runs
``work(handle)`` on the worker and calls back on the UI thread. The workspace gives one
that goes through ``Session.run``; :func:`ops_runner` wraps a bare ``Operations`` (tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from ui.operations import OperationHandle, Operations

Work = Callable[[OperationHandle], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class Runner(Protocol):
    def __call__(self, work: Work, success: Done, failure: Failed | None = None,
                 title: str | None = None) -> None: ...


def ops_runner(ops: Operations) -> Runner:
    """A runner over an ``Operations`` worker (no store needed)."""

    def run(work: Work, success: Done, failure: Failed | None = None,
            title: str | None = None) -> None:
        ops.submit(work, success=success, failure=failure, progress_title=title)

    return run
