"""Process hardening done before any window opens (DESIGN §1: a seized laptop reveals nothing).

- No core dumps, and (Linux) not dumpable, so a crash cannot write testimony
  from memory to disk and another process of the same user cannot read ours.
- ``umask 077``: every file the app makes is private to the user.
- Qt's own settings (``QtProject.conf``) go to a private scratch directory that is
  removed at exit. Measured with Qt 6.12: ``QFileDialog``'s destructor writes the
  last visited folder and a history of folders there (``FileDialog/lastVisited``,
  ``history``) whether or not it is native; redirecting is the only way to stop
  it. The app's own settings have an explicit path (``ui/settings.py``) and are
  not affected.
- Native file dialogs are off (``AA_DontUseNativeDialogs``, set in ``ui/app.py``
  once a ``QApplication`` may exist): the GTK dialog records chosen files in
  ``~/.local/share/recently-used.xbel``, outside anything we control.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import resource
import shutil
import sys
import tempfile
from pathlib import Path

_PR_SET_DUMPABLE = 4
_scratch: Path | None = None


def harden_process() -> Path:
    """Apply everything above; return the scratch directory Qt's own settings go to."""
    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    return redirect_qt_settings()


def redirect_qt_settings() -> Path:
    """Point every ``QSettings`` without an explicit file at a throwaway directory.

    ``QSettings.setPath`` must run before the first ``QSettings`` is made. The
    directory lives in the per-user runtime directory (a tmpfs, gone at logout)
    where there is one, and is removed at exit.
    """
    global _scratch
    if _scratch is not None:
        return _scratch
    from PySide6.QtCore import QSettings

    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = runtime if runtime and os.path.isdir(runtime) else None
    _scratch = Path(tempfile.mkdtemp(prefix="testimony-intake-qt-", dir=base))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(_scratch))
    atexit.register(shutil.rmtree, _scratch, True)
    return _scratch


def no_native_dialogs() -> None:
    """Widget-based dialogs only (see the module docstring); needs QtWidgets imported."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
