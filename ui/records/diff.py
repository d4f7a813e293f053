"""What changed between two revisions of a testimony: fields one by one, narrative by line.

Records are append-only, so "who changed what, when" is answered by comparing revisions.
Every field of testimony/1 is compared by its path (``events[1].start``), lists of records
position by position; the narrative, which can run to pages, is compared as a line diff.
Nothing here is Qt, so it is tested and reasoned about on its own.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from intake.model import Testimony

_SKIPPED = ("schema", "id", "revision", "narrative")


@dataclass(frozen=True)
class Difference:
    path: str
    before: Any
    after: Any


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """``{"survivor": {"sex": "female"}}`` → ``{"survivor.sex": "female"}``; lists of
    records by index (``events[0].type``), lists of plain values kept whole."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else key))
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for i, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{i}]"))
    else:
        out[prefix] = tuple(value) if isinstance(value, list) else value
    return out


def _comparable(t: Testimony | None) -> dict[str, Any]:
    """The fields to compare; a redaction or an attachment is one line, not five fields."""
    if t is None:
        return {}
    d = {k: v for k, v in t.to_dict().items() if k not in _SKIPPED}
    d["redactions"] = [f"{r.field} {r.start}–{r.end} {r.kind} → {r.replacement}"
                       for r in t.redactions]
    d["attachments"] = [f"{a.name} ({a.media_type}, {a.size:,} B, {a.sha256[:12]}…)"
                        for a in t.attachments]
    return d


def field_differences(a: Testimony | None, b: Testimony) -> list[Difference]:
    """Every field whose value differs, in the order of testimony/1 (``a`` None: all new)."""
    before, after = flatten(_comparable(a)), flatten(_comparable(b))
    paths = list(dict.fromkeys([*before, *after]))
    out = []
    for path in paths:
        old, new = before.get(path), after.get(path)
        if _empty(old) and _empty(new):
            continue
        if old != new:
            out.append(Difference(path, old, new))
    return out


def narrative_diff(a: str, b: str, *, context: int = 2) -> list[tuple[str, str]]:
    """The narrative's changed lines as ``(kind, line)``: kind ``-``, ``+``, `` `` or ``@``."""
    lines = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=context)
    out = []
    for line in lines:
        if line.startswith(("---", "+++")):
            continue
        kind = "@" if line.startswith("@@") else line[:1]
        out.append((kind, line[1:] if kind in "+- " else line))
    return out


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == () or value is False
