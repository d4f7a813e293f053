"""The guard that fails any test opening a network connection, in-process and in subprocesses."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def test_connection_in_process_is_refused():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError, match="network access attempted"):
            s.connect(("127.0.0.1", 9))
    finally:
        s.close()


def test_connection_in_subprocess_is_refused():
    code = ("import socket; s = socket.socket()\n"
            "try:\n    s.connect(('127.0.0.1', 9))\nexcept OSError as e:\n    print(e)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "network access attempted" in out
