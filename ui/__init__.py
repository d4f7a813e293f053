"""The PySide6 desktop app, a thin layer over ``intake/``.

Importing ``ui`` first makes ``None``, ``True`` and ``False`` effectively immortal on
Python < 3.12, as PEP 683 made them from 3.12 on. Why: measured here, PySide6 6.12's
wheels (built for the stable ABI with immortal singletons in mind) return ``None``
from every void method (``setText``, ``processEvents``…) and ``True``/``False`` from
``Signal.emit`` without taking a reference. On 3.11 each call drops the singleton's
count by one, and after some tens of thousands of calls the interpreter aborts with
"Fatal Python error: none_dealloc" (or "bool_dealloc"). Raising the counts by 2**40
reproduces 3.12's behaviour; it does nothing on 3.12+, and needs no Qt import, so the
CLI path stays Qt-free.

The cause (PYSIDE-3474; CPython gh-134989): 6.12.0 was compiled with 3.12 headers, whose
``Py_RETURN_NONE`` skips the INCREF. 6.11.x and older are clean (measured), so
pyproject.toml pins ``<6.12`` and ``tests/ui/test_pyside_refcounts.py`` fails if the
installed PySide6 leaks again; this stays as a second line of defence for an install
that ignores the pin. It is harmless there: nothing reads these counts, and 2**40 leaves
the low 32 bits that 3.12-header code inspects untouched.
"""

from __future__ import annotations

import ctypes
import sys


def _immortalise_singletons() -> None:
    if (sys.version_info >= (3, 12) or sys.implementation.name != "cpython"
            or hasattr(sys, "gettotalrefcount")):  # debug builds lay objects out differently
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_immortalise_singletons()
