"""Shared fixtures: no network, Qt offscreen, cheap-but-real key derivation, real stores."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A desktop session has a private runtime dir; without one, Qt warns and libpulse
# (QtMultimedia) makes its own "pulse-*" directory in TMPDIR.
if not os.environ.get("XDG_RUNTIME_DIR"):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="testimony-intake-runtime-")

NETGUARD = Path(__file__).parent / "netguard"
sys.path.insert(0, str(NETGUARD))
import sitecustomize as _netguard  # noqa: E402,F401  (patches socket for this process)

# Every subprocess the tests start gets the same guard.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(NETGUARD), *filter(None, [os.environ.get("PYTHONPATH")])])

PASSPHRASE = "correct horse battery staple 말"


@pytest.fixture
def policy():
    """The insecure test KDF policy: injected explicitly; production keeps its floor."""
    from crypto.kdf import KdfPolicy

    return KdfPolicy.insecure_for_tests()


@pytest.fixture
def passphrase():
    from intake.cli.passphrase import from_text

    return lambda text=PASSPHRASE: from_text(text)


@pytest.fixture
def new_store(tmp_path, policy, passphrase):
    """A factory for real stores in temp dirs; each returns (store, recovery_key)."""
    from intake.store import Store

    made = []

    def make(name: str = "store", label: str = "Field team A", secret: str = PASSPHRASE):
        store, recovery = Store.create(tmp_path / name, passphrase(secret), label=label,
                                       policy=policy)
        made.append(store)
        return store, recovery

    yield make
    for s in made:
        s.close()


@pytest.fixture
def store(new_store):
    return new_store()[0]

