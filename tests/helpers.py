"""Test helpers that look at what is really on disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def canary_encodings(canaries: Iterable[str]) -> list[bytes]:
    """Each canary as UTF-8 and as UTF-16 (LE and BE): how text can sit in a file."""
    out: list[bytes] = []
    for c in canaries:
        out += [c.encode("utf-8"), c.encode("utf-16-le"), c.encode("utf-16-be")]
    return out


def files_containing(roots: Iterable[Path], needles: list[bytes]) -> list[str]:
    """Every file under ``roots`` holding any of ``needles``: the leak list, ideally empty."""
    hits: list[str] = []
    for root in roots:
        if not root.exists():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                p = Path(dirpath) / name
                if p.is_symlink() or not p.is_file():
                    continue
                data = p.read_bytes()
                hits += [f"{p}: {n[:12]!r}" for n in needles if n in data]
    return hits
