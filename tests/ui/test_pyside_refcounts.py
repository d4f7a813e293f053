"""PySide6 must not drop references to None/True/False (PYSIDE-3474, PySide6 6.12.x).

PySide6 6.12's stable-ABI wheels were compiled with Python 3.12 headers, whose
Py_RETURN_NONE/Py_RETURN_TRUE skip the INCREF (CPython gh-134989). On 3.11 every
void Qt call and every Signal.emit then costs None or True one reference and the
interpreter aborts ("none_dealloc"/"bool_dealloc") after a few hundred emits.
ui/__init__.py papers over it; this test checks the installed PySide6 itself,
in a fresh interpreter that never imports ``ui``, so the workaround cannot hide
a regression. Deterministic: it counts references, never time. The bug costs
exactly one reference per call (10,000 here); the threshold leaves a margin of
a factor of ten over anything else the loop could plausibly touch.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

CALLS = 10_000
ALLOWED_DRIFT = CALLS // 10

PROBE = textwrap.dedent(f"""
    import ctypes, json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # A regression must fail this test, not abort the child: lift the counts first.
    # By 2**30, not ui's 2**40: the low 32 bits must stay a small positive int32,
    # or code compiled with 3.12 headers treats the object as immortal and stops
    # counting, which would hide part of the loss.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 30
    from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

    class Emitter(QObject):
        bare = Signal()
        carrying = Signal(object)

    app = QCoreApplication([])
    obj, timer, emitter = QObject(), QTimer(), Emitter()
    emitter.bare.connect(lambda: None)
    emitter.carrying.connect(lambda value: None)

    def loop(n):
        for _ in range(n):
            obj.setObjectName("x")
            timer.stop()
            emitter.bare.emit()
            emitter.carrying.emit(None)

    loop(100)
    before = [sys.getrefcount(s) for s in (None, True, False)]
    loop({CALLS})
    after = [sys.getrefcount(s) for s in (None, True, False)]
    print(json.dumps([b - a for b, a in zip(before, after)]))
""")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None/True/False are immortal")
def test_pyside_keeps_its_references_to_none_true_and_false():
    child = subprocess.run([sys.executable, "-c", PROBE], capture_output=True,
                           text=True, timeout=120, check=False)
    assert child.returncode == 0, child.stderr[-2000:]
    lost_none, lost_true, lost_false = json.loads(child.stdout.strip().splitlines()[-1])
    import PySide6

    for name, lost in (("None", lost_none), ("True", lost_true), ("False", lost_false)):
        assert lost < ALLOWED_DRIFT, (
            f"PySide6 {PySide6.__version__} dropped {lost} references to {name} in "
            f"{CALLS} rounds of void calls and emits: on Python < 3.12 the app would "
            "abort (none_dealloc). Pin PySide6 < 6.12 (PYSIDE-3474).")
