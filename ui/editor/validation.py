"""Validate the form through the model itself, and say where each problem is.

The model stops at the first problem it meets. Reading each part separately (survivor,
interview, consent, every event) finds one problem per part at once, so an interviewer sees
every field to fix, not one at a time; the whole testimony is read last, for the rules that
span parts (an event citing an attachment the testimony lacks, a redaction past the end
of its field). Messages are keyed by testimony/1 field paths, as ``InvalidInput`` names them.
"""

from __future__ import annotations

import re
from typing import Any

from intake.errors import InvalidInput
from intake.model import Consent, Event, Interview, Survivor, Testimony

_EVENT = re.compile(r"events\[(\d+)\](?:\.(.*))?")


def collect_errors(d: dict[str, Any]) -> dict[str, str]:
    """``{field path: reason}`` for the testimony/1 dict ``d``; empty when it is valid."""
    errors: dict[str, str] = {}
    parts: list[tuple[Any, object, str]] = [
        (Survivor, d.get("survivor") or {}, "survivor"),
        (Interview, d.get("interview") or {}, "interview"),
        (Consent, d.get("consent") or {}, "consent"),
    ]
    events = d.get("events") if isinstance(d.get("events"), list) else []
    parts += [(Event, e, f"events[{i}]") for i, e in enumerate(events)]
    for kind, value, path in parts:
        try:
            kind.from_dict(value, path)
        except InvalidInput as e:
            errors[e.field or path] = e.reason
    if not errors:
        try:
            Testimony.from_dict(d)
        except InvalidInput as e:
            errors[e.field or "testimony"] = e.reason
    return errors


def split_errors(errors: dict[str, str]) -> tuple[dict[str, dict[str, str]],
                                                 dict[int, dict[str, str]], dict[str, str]]:
    """``(by part, by event index, the rest)``; part and event paths made relative."""
    parts: dict[str, dict[str, str]] = {"survivor": {}, "interview": {}, "consent": {}}
    events: dict[int, dict[str, str]] = {}
    rest: dict[str, str] = {}
    for path, reason in errors.items():
        head, _, tail = path.partition(".")
        m = _EVENT.fullmatch(path)
        if head in parts and tail:
            parts[head][tail] = reason
        elif m is not None:
            events.setdefault(int(m.group(1)), {})[m.group(2) or "type"] = reason
        else:
            rest[path] = reason
    return parts, events, rest
