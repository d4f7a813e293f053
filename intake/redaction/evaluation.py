"""Scoring the detector against an annotated corpus (tests/data/redaction/corpus.jsonl).

Shared by ``bench/redaction_eval.py``, which prints the figures, and the test that keeps
them from regressing. Definitions, chosen to match what redaction needs:

- an annotated identifier counts as found only when *every non-space code point* of it
  lies inside some finding, of any kind (a half-redacted name is not redacted);
- a must-keep span (a place, an institution, a date, a count) is wrongly flagged when any
  finding overlaps it at all;
- an extra finding is one that overlaps no annotated identifier.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.redaction.detector import Detector
from intake.redaction.finding import KINDS, Finding


@dataclass(frozen=True)
class Record:
    id: str
    lang: str
    text: str
    entities: tuple[dict[str, Any], ...]
    keep: tuple[dict[str, Any], ...]
    names: tuple[str, ...] = ()


@dataclass
class Report:
    total: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    same_kind: Counter[str] = field(default_factory=Counter)
    keep_total: int = 0
    keep_flagged: int = 0
    extra: int = 0
    findings: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (id, kind, text)
    flagged: list[tuple[str, str, str]] = field(default_factory=list)  # (id, label, text)
    extras: list[tuple[str, str, str]] = field(default_factory=list)  # (id, kind, text)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 1.0

    @property
    def keep_share(self) -> float:
        return self.keep_flagged / self.keep_total if self.keep_total else 0.0


def load_corpus(path: Path) -> list[Record]:
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            records.append(
                Record(
                    raw["id"], raw["lang"], raw["text"], tuple(raw["entities"]),
                    tuple(raw["keep"]), tuple(raw.get("names", ())),
                )
            )
    return records


def covered(text: str, start: int, end: int, findings: Iterable[Finding]) -> bool:
    spans = [(f.start, f.end) for f in findings if f.start < end and start < f.end]
    return all(
        text[i].isspace() or any(s <= i < e for s, e in spans) for i in range(start, end)
    )


def evaluate(detector: Detector, records: Iterable[Record], *, use_names: bool = True) -> Report:
    report = Report()
    for record in records:
        names = record.names if use_names else ()
        findings = detector.detect(record.text, lang=_lang(record.lang), names=names)
        report.findings += len(findings)
        for entity in record.entities:
            kind = entity["kind"]
            report.total[kind] += 1
            if covered(record.text, entity["start"], entity["end"], findings):
                report.found[kind] += 1
                if any(
                    f.kind == kind for f in findings
                    if f.start < entity["end"] and entity["start"] < f.end
                ):
                    report.same_kind[kind] += 1
            else:
                report.missed.append((record.id, kind, entity["text"]))
        for span in record.keep:
            report.keep_total += 1
            if any(f.start < span["end"] and span["start"] < f.end for f in findings):
                report.keep_flagged += 1
                report.flagged.append((record.id, span["label"], span["text"]))
        for f in findings:
            if not any(f.start < e["end"] and e["start"] < f.end for e in record.entities):
                report.extra += 1
                report.extras.append((record.id, f.kind, f.text))
    return report


def _lang(lang: str) -> str:
    return lang if lang in ("ko", "en") else "auto"


__all__ = ["KINDS", "Record", "Report", "covered", "evaluate", "load_corpus"]
