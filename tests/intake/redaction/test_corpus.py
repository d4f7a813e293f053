"""The annotated corpus: its annotations are checked, then the detector is held to the goals.

Goals (see bench/redaction_eval.py for the definitions): recall >= 0.98 for every kind and
1.00 for ID_NUMBER, PHONE and EMAIL; at most 5 % of the must-keep spans flagged; at least
100,000 characters a second after warm-up.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from intake.redaction import KINDS
from intake.redaction.evaluation import evaluate, load_corpus

CORPUS = Path(__file__).parents[2] / "data" / "redaction" / "corpus.jsonl"
KEEP_LABELS = {"PLACE", "INSTITUTION", "FACILITY", "ORG", "DATE", "TIME", "COUNT", "KIN", "WORD"}


@pytest.fixture(scope="module")
def records():
    return load_corpus(CORPUS)


def test_every_annotation_spans_the_text_it_names():
    """Annotation errors are the usual failure: each span must cut out its stored substring."""
    seen = set()
    for n, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        raw = json.loads(line)
        assert set(raw) <= {"id", "lang", "text", "names", "entities", "keep"}, n
        assert raw["id"] not in seen, raw["id"]
        seen.add(raw["id"])
        assert raw["lang"] in ("ko", "en", "mixed"), raw["id"]
        text = raw["text"]
        spans = []
        for e in raw["entities"]:
            assert e["kind"] in KINDS, (raw["id"], e)
            assert text[e["start"] : e["end"]] == e["text"], (raw["id"], e)
            spans.append((e["start"], e["end"]))
        for k in raw["keep"]:
            assert k["label"] in KEEP_LABELS, (raw["id"], k)
            assert text[k["start"] : k["end"]] == k["text"], (raw["id"], k)
            spans.append((k["start"], k["end"]))
        spans.sort()
        for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, f"{raw['id']}: annotated spans overlap"
        for s, e in spans:
            assert text[s:e] == text[s:e].strip(), f"{raw['id']}: span with outer spaces"


def test_corpus_is_large_and_varied(records):
    assert len(records) >= 60
    langs = Counter(r.lang for r in records)
    assert langs["ko"] >= 20 and langs["en"] >= 20 and langs["mixed"] >= 10
    kinds = Counter(e["kind"] for r in records for e in r.entities)
    assert all(kinds[k] >= 5 for k in KINDS), kinds


def test_recall_and_keep_goals(detector, records):
    report = evaluate(detector, records)
    misses = "\n".join(f"{i} {k} {t!r}" for i, k, t in report.missed)
    for kind in ("ID_NUMBER", "PHONE", "EMAIL"):
        assert report.recall(kind) == 1.0, misses
    for kind in KINDS:
        assert report.recall(kind) >= 0.98, f"{kind} {report.recall(kind):.3f}\n{misses}"
    assert report.keep_share <= 0.05, report.flagged


def test_a_megabyte_of_testimony_is_scanned_whole(detector, records):
    """Correctness at size (speed is bench/redaction_eval.py's business, not a timed test)."""
    corpus = "\n\n".join(r.text for r in records)
    copies = 1_000_000 // len(corpus) + 1
    big = "\n\n".join([corpus] * copies)
    one = detector.detect(corpus)
    found = detector.detect(big)
    assert len(found) == len(one) * copies
    shift = len(corpus) + 2
    assert [(f.start - shift, f.kind) for f in found[len(one):2 * len(one)]] == [
        (f.start, f.kind) for f in one]
