"""Keep a testimony's redactions on the text they cover while the form is edited.

A redaction is a span of code points in one field (``narrative`` 120..126, or
``events[2].description``). Editing text before a span, or moving event 2 to position 1,
would leave a stored span pointing at the wrong characters - and a name meant to be hidden
in a redacted export would be shown. So the editor tracks each span on a *slot* (a stable
name for a field while the form lives: ``("event", 17, "description")``), and after every
change maps the span through the edit:

- text inserted or deleted wholly before a span shifts it; wholly after leaves it alone;
- an edit that touches a span makes it cover what remains of it plus what was typed
  there (favouring over-redaction: the detector's rule is recall first);
- a span whose text is gone entirely, or whose field was removed, is dropped.

Nothing here is Qt; the editor feeds it ``(path, slot, text)`` triples.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

Slot = tuple[object, ...]
Slots = list[tuple[str, Slot, str]]

FULL_DIFF_LIMIT = 20_000  # longer texts are compared as one changed region (fast enough)


@dataclass
class _Span:
    slot: Slot | None
    start: int
    end: int
    record: dict[str, Any]  # the stored redaction; field/start/end are rewritten on output


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by halving (string slices compare at C speed)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def edits(old: str, new: str) -> list[tuple[int, int, int]]:
    """The changes from ``old`` to ``new`` as ``(position, removed, inserted)``, last first."""
    if old == new:
        return []
    if len(old) <= FULL_DIFF_LIMIT and len(new) <= FULL_DIFF_LIMIT:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        ops = [(i1, i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
               if tag != "equal"]
        return ops[::-1]
    start = _common_prefix(old, new)
    tail = _common_prefix(old[start:][::-1], new[start:][::-1])
    return [(start, len(old) - start - tail, len(new) - start - tail)]


def map_span(start: int, end: int, changes: list[tuple[int, int, int]]) -> tuple[int, int]:
    """Carry ``[start, end)`` through ``changes`` (as given by :func:`edits`)."""
    for pos, removed, inserted in changes:  # last change first: earlier positions hold
        if end <= pos:
            continue
        if start >= pos + removed:
            start, end = start + inserted - removed, end + inserted - removed
            continue
        new_start = min(start, pos)
        new_end = max(end + inserted - removed, pos + inserted) if end > pos + removed \
            else pos + inserted
        start, end = new_start, max(new_end, new_start)
    return start, end


class RedactionTracker:
    """The loaded testimony's redactions, following the text of the form."""

    def __init__(self) -> None:
        self._spans: list[_Span] = []
        self._texts: dict[Slot, str] = {}

    def load(self, redactions: object, slots: Slots) -> None:
        """Start tracking ``redactions`` (testimony/1 dicts) against the form's text."""
        by_path = {path: slot for path, slot, _text in slots}
        self._texts = {slot: text for _path, slot, text in slots}
        self._spans = []
        for r in redactions if isinstance(redactions, list) else []:
            if not isinstance(r, dict):
                continue
            start, end = r.get("start"), r.get("end")
            slot = by_path.get(r.get("field"))  # type: ignore[arg-type]
            if type(start) is int and type(end) is int and slot is not None:
                self._spans.append(_Span(slot, start, end, dict(r)))
            else:  # kept exactly as stored: the model will say what is wrong with it
                self._spans.append(_Span(None, 0, 0, dict(r)))

    def rebind(self, old: Slots, new: Slots) -> None:
        """The form was refilled (a draft restored): carry spans to the new slots by path,
        then through the differences between the old text and the new."""
        old_path = {slot: path for path, slot, _text in old}
        old_text = {path: text for path, _slot, text in old}
        new_slot = {path: slot for path, slot, _text in new}
        spans = []
        for span in self._spans:
            if span.slot is not None:
                path = old_path.get(span.slot)
                if path is None or path not in new_slot:
                    continue
                span.slot = new_slot[path]
            spans.append(span)
        self._spans = spans
        self._texts = {slot: old_text[path] for path, slot in new_slot.items()
                       if path in old_text}
        self.update(new)

    def update(self, slots: Slots) -> list[dict[str, Any]]:
        """Map every span through what changed; return the redactions as they now stand."""
        current = {slot: (path, text) for path, slot, text in slots}
        changes = {}
        for slot, (_path, text) in current.items():
            before = self._texts.get(slot)
            if before is not None and before != text:
                changes[slot] = edits(before, text)
        kept = []
        for span in self._spans:
            if span.slot is None:
                kept.append(span)
                continue
            if span.slot not in current:
                continue  # its event or row was removed
            if span.slot in changes:
                span.start, span.end = map_span(span.start, span.end, changes[span.slot])
            text = current[span.slot][1]
            span.end = min(span.end, len(text))
            if span.start < span.end:
                kept.append(span)
        self._spans = kept
        self._texts = {slot: text for slot, (_path, text) in current.items()}
        return self.current(slots)

    def current(self, slots: Slots) -> list[dict[str, Any]]:
        paths = {slot: path for path, slot, _text in slots}
        out = []
        for span in self._spans:
            if span.slot is None:
                out.append(dict(span.record))
            else:
                out.append({**span.record, "field": paths[span.slot], "start": span.start,
                            "end": span.end})
        return out

    def clear(self) -> None:
        self._spans = []
        self._texts = {}
