"""Consent receipts: plain bilingual content, no identifier, a code that finds the consent."""

from __future__ import annotations

import dataclasses
import json

import pytest

from intake.consent_receipt import build, find, normalise_code, receipt_code
from intake.errors import NotFound
from tests.samples import make_testimony


def test_receipt_says_each_scope_in_both_languages_and_names_nobody():
    t = make_testimony()
    r = build(t)
    text = json.dumps([dataclasses.asdict(line) for line in r.lines], ensure_ascii=False)
    assert "legal proceedings" in text and "법적 절차" in text
    assert "will not be used for advocacy" in text and "will not be published" in text
    assert t.survivor.pseudonym not in text and t.id not in text
    assert t.survivor.origin not in text and t.narrative[:10] not in text


def test_the_code_changes_with_the_consent_and_finds_the_consent_as_it_stood():
    v1 = make_testimony()
    v2 = dataclasses.replace(v1, revision=2, consent=dataclasses.replace(v1.consent,
                                                                       advocacy=True))
    assert receipt_code(v1.id, v1.consent) != receipt_code(v2.id, v2.consent)
    code = build(v1).code
    found = find([v2, v1], code.lower().replace("-", " "))
    assert found.revision == 1 and found.consent.advocacy is False


def test_unknown_code():
    with pytest.raises(NotFound):
        find([make_testimony()], "AAAA-AAAA")


def test_withdrawn_consent_is_said_first():
    t = make_testimony(consent={"recorded": "2023-08-14", "legal": True, "advocacy": False,
                                "publication": False, "withdrawn": "2024-01-02"})
    assert "withdrawn on 2024-01-02" in build(t).lines[0].en


def test_code_normalisation_tolerates_misread_characters():
    assert normalise_code("abcd efgh") == "ABCD-EFGH"
    assert normalise_code("0BCD-1FG8") == "OBCD-IFGB"
