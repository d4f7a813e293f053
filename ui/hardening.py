"""Process hardening done before any window opens (DESIGN §1: a seized laptop reveals nothing).

No core dumps (a crash must not write testimony from memory to disk), files
created private to the user, and Qt's own settings pointed at a throwaway
directory so file dialogs do not record recently used paths.
"""

from __future__ import annotations

import os
import resource
import tempfile


def harden_process() -> None:
    os.umask(0o077)
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    # Qt writes QtProject.conf (recent file-dialog paths) under XDG_CONFIG_HOME;
    # point it at a private temporary directory that is removed at exit.
    scratch = tempfile.mkdtemp(prefix="testimony-intake-qt-")
    os.environ["XDG_CONFIG_HOME"] = scratch
