"""The Finding type and how overlapping findings are merged."""

from __future__ import annotations

import dataclasses

import pytest

from intake.redaction import KINDS, Finding
from intake.redaction.finding import Span, merge


def test_to_dict_has_exactly_the_cli_keys():
    f = Finding(3, 6, "PERSON", "김영희", 0.8123)
    assert f.to_dict() == {"start": 3, "end": 6, "kind": "PERSON", "text": "김영희", "score": 0.812}


def test_finding_is_frozen():
    f = Finding(0, 1, "PHONE", "1", 0.5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 2  # type: ignore[misc]


def test_kinds_are_the_documented_seven():
    assert set(KINDS) == {
        "PERSON", "PHONE", "ID_NUMBER", "EMAIL", "ACCOUNT", "DATE_OF_BIRTH", "ADDRESS"
    }


def test_merge_sorts_and_unions_overlaps():
    text = "abcdefghijklmnop"
    spans = [Span(8, 10, "PHONE", 0.5), Span(0, 4, "PERSON", 0.6), Span(2, 7, "ADDRESS", 0.4)]
    merged = merge(spans, text)
    assert [(f.start, f.end) for f in merged] == [(0, 7), (8, 10)]
    assert merged[0].kind == "ADDRESS"  # the longest part names the union
    assert merged[0].score == 0.6
    assert merged[0].text == "abcdefg"


def test_merge_equal_length_prefers_the_higher_score():
    merged = merge([Span(0, 5, "ID_NUMBER", 0.45), Span(0, 5, "ACCOUNT", 0.85)], "12345")
    assert [(f.kind, f.score) for f in merged] == [("ACCOUNT", 0.85)]


def test_merge_keeps_touching_spans_apart_and_drops_empty_ones():
    spans = [Span(0, 2, "PERSON", 0.5), Span(2, 4, "PERSON", 0.5), Span(5, 5, "PHONE", 1.0)]
    assert [(f.start, f.end) for f in merge(spans, "abcdef")] == [(0, 2), (2, 4)]
