"""Loaded by every Python subprocess the tests start (via PYTHONPATH): no network.

Testimony Intake must never reach the network. Any attempt to connect a
non-local socket raises, so a test that triggers one fails loudly.
"""

import socket

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded(real):
    def connect(self, address, *args):
        if self.family != getattr(socket, "AF_UNIX", object()):
            raise OSError(f"network access attempted during tests: {address!r}")
        return real(self, address, *args)
    return connect


socket.socket.connect = _guarded(_real_connect)
socket.socket.connect_ex = _guarded(_real_connect_ex)
