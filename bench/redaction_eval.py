"""Recall, wrongly flagged keep spans and throughput of the redaction detector.

Runs the detector over the annotated corpus (tests/data/redaction/corpus.jsonl) and prints:
- recall per kind: an identifier counts as found only when every non-space character of it
  lies inside some finding, of any kind (the share found with the same kind is shown too);
- the share of must-keep spans (places, institutions, dates, counts) that any finding
  overlaps;
- extra findings: findings that overlap no annotated identifier (a precision-ish count);
- throughput in characters per second after warm-up, on a text of at least 1 MB made by
  repeating the corpus, and on the corpus once with an empty word cache.

Goals: recall >= 0.98 for every kind and 1.00 for ID_NUMBER, PHONE and EMAIL; <= 5 % of
keep spans flagged; >= 100,000 characters a second after warm-up.

Usage: python bench/redaction_eval.py [--verbose] [--no-morphology] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.redaction import KINDS, Detector  # noqa: E402
from intake.redaction.evaluation import evaluate, load_corpus  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "redaction" / "corpus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--no-morphology", action="store_true", help="rules without kiwipiepy")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="an annotated JSONL corpus (default: the test corpus); "
                             "use a held-out batch written blind to measure honestly")
    args = parser.parse_args()

    records = load_corpus(args.corpus)
    chars = sum(len(r.text) for r in records)
    print(f"corpus: {len(records)} excerpts, {chars} characters, "
          f"{sum(len(r.entities) for r in records)} identifiers, "
          f"{sum(len(r.keep) for r in records)} must-keep spans")

    detector = Detector(use_morphology=not args.no_morphology)
    started = time.perf_counter()
    detector.warm_up()
    print(f"warm-up (model load): {time.perf_counter() - started:.2f} s")

    started = time.perf_counter()
    report = evaluate(detector, records)
    cold = time.perf_counter() - started
    print("\nrecall per kind (found = every non-space character inside a finding of any kind)")
    print(f"  {'kind':<14} {'found':>7} {'recall':>7} {'same kind':>10}")
    for kind in KINDS:
        if report.total[kind]:
            print(f"  {kind:<14} {report.found[kind]:>3}/{report.total[kind]:<3} "
                  f"{report.recall(kind):>7.3f} {report.same_kind[kind]:>6}/{report.found[kind]}")
    print(f"must-keep spans wrongly flagged: {report.keep_flagged}/{report.keep_total} "
          f"= {report.keep_share:.1%}")
    print(f"extra findings (overlapping no identifier): {report.extra} of {report.findings}")
    without = evaluate(detector, records, use_names=False)
    print(f"without the excerpts' name lists: PERSON recall {without.recall('PERSON'):.3f}")
    if args.verbose:
        for what, rows in (("missed", report.missed), ("wrongly flagged", report.flagged),
                           ("extra", report.extras)):
            for row in rows:
                print(f"  {what}: {row[0]} {row[1]} {row[2]!r}")

    print(f"\ncorpus once, empty word cache: {chars / cold:,.0f} chars/s")
    big = "\n\n".join(r.text for r in records)
    big = "\n\n".join([big] * (1_000_000 // len(big) + 1))
    started = time.perf_counter()
    findings = detector.detect(big)
    elapsed = time.perf_counter() - started
    print(f"{len(big):,} chars after warm-up: {elapsed:.2f} s, {len(big) / elapsed:,.0f} chars/s, "
          f"{len(findings)} findings")


if __name__ == "__main__":
    main()
