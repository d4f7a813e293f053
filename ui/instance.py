"""One running app per user: a second launch brings the first back instead of starting anew.

Why: the panic keys hide every window and keep the (locked) app running, so the
way back is simply to start the app again. The second process finds the first
through a local socket private to the user (made under ``umask 077``), asks it
to show its unlock screen, and exits. The socket carries one fixed word, never
data.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_WORD = b"show\n"


def server_name() -> str:
    user = hashlib.sha256(getpass.getuser().encode()).hexdigest()[:12]
    return f"testimony-intake-{user}"


def ask_running_instance(name: str | None = None, timeout_ms: int = 500) -> bool:
    """True if another instance answered and was asked to show itself."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_WORD)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; emits ``showRequested`` when one arrives."""

    showRequested = Signal()

    def __init__(self, parent: QObject | None = None, name: str | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.name = name or server_name()
        if not self._server.listen(self.name):
            QLocalServer.removeServer(self.name)  # stale socket of a crashed instance
            self._server.listen(self.name)
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (conn := self._server.nextPendingConnection()) is not None:
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)

    def _read(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll().data()).startswith(_WORD.strip()):
            self.showRequested.emit()
        conn.disconnectFromServer()

    def close(self) -> None:
        self._server.close()
