"""One warmed-up detector per test process: the dictionary model takes ~2 s to load."""

from __future__ import annotations

import pytest

from intake.redaction import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    d = Detector()
    d.warm_up()
    return d


@pytest.fixture(scope="session")
def texts(detector):
    """texts(text, kind=None, **kw) -> the found substrings (only of ``kind`` if given)."""

    def run(text: str, kind: str | None = None, **kw) -> list[str]:
        return [f.text for f in detector.detect(text, **kw) if kind is None or f.kind == kind]

    return run


@pytest.fixture(scope="session")
def flagged(detector):
    """flagged(text, part) -> True when any finding overlaps the first ``part`` in ``text``."""

    def run(text: str, part: str, **kw) -> bool:
        start = text.index(part)
        end = start + len(part)
        return any(f.start < end and start < f.end for f in detector.detect(text, **kw))

    return run
