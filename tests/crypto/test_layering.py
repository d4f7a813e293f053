"""crypto/ stands alone: it imports neither intake, ui nor Qt (DESIGN §2)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CRYPTO = REPO / "crypto"
FORBIDDEN = ("intake", "ui", "PySide6", "PyQt5", "PyQt6", "shiboken6")


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_forbidden_imports_in_source() -> None:
    for path in sorted(CRYPTO.glob("*.py")):
        assert not _imported_roots(path) & set(FORBIDDEN), path.name


def test_importing_every_module_loads_nothing_forbidden() -> None:
    modules = sorted(f"crypto.{p.stem}" for p in CRYPTO.glob("*.py") if p.stem != "__init__")
    probe = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert not [m for m in loaded if m.split(".")[0] in FORBIDDEN]
