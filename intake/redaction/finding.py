"""What the detector reports, and how overlapping reports become one.

Several rules may find the same identifier (a phone number that is also a long digit run,
a name inside an e-mail address). Redaction wants one span per identifier, so overlapping
findings are merged into their union: a smaller span would leave part of the identifier
readable, which is the failure that matters here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

KINDS = ("PERSON", "PHONE", "ID_NUMBER", "EMAIL", "ACCOUNT", "DATE_OF_BIRTH", "ADDRESS")

# When spans of equal length and score overlap, the more specific kind names the union.
_PRIORITY = {
    "ID_NUMBER": 7,
    "EMAIL": 6,
    "PHONE": 5,
    "ACCOUNT": 4,
    "DATE_OF_BIRTH": 3,
    "PERSON": 2,
    "ADDRESS": 1,
}


@dataclass(frozen=True)
class Finding:
    """One identifier: ``text[start:end]`` in code points, its kind and a 0..1 score."""

    start: int
    end: int
    kind: str
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """The JSON form the CLI prints and the export stores."""
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "text": self.text,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True)
class Span:
    """A finding before its text is cut from the original string."""

    start: int
    end: int
    kind: str
    score: float

    def weight(self) -> tuple[int, float, int]:
        return (self.end - self.start, self.score, _PRIORITY[self.kind])


def merge(spans: Iterable[Span], text: str) -> list[Finding]:
    """Sorted findings with every overlap resolved into the union of the spans.

    The kind of the merged span is that of its longest part (ties: the surer rule, then
    the more specific kind); its score is the highest of the parts, since each rule is
    evidence on its own.
    """
    ordered = sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, -s.end))
    out: list[Finding] = []
    group: list[Span] = []
    end = -1
    for span in ordered:
        if group and span.start >= end:
            out.append(_combine(group, text))
            group = []
        end = max(end, span.end) if group else span.end
        group.append(span)
    if group:
        out.append(_combine(group, text))
    return out


def _combine(group: list[Span], text: str) -> Finding:
    start = min(s.start for s in group)
    end = max(s.end for s in group)
    best = max(group, key=Span.weight)
    score = max(s.score for s in group)
    return Finding(start, end, best.kind, text[start:end], score)
