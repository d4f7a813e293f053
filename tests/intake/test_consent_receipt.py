"""Consent receipts: plain bilingual content, no identifier, a code that finds the consent."""

from __future__ import annotations

import dataclasses
import json

import pytest

from intake.consent_receipt import build, find, normalise_code, receipt_code
from intake.errors import NotFound
from tests.samples import make_testimony


def test_receipt_says_each_scope_in_both_languages_and_names_nobody(store):
    t = make_testimony()
    r = build(store, t)
    text = json.dumps([dataclasses.asdict(line) for line in r.lines], ensure_ascii=False)
    assert "legal proceedings" in text and "법적 절차" in text
    assert "will not be used for advocacy" in text and "will not be published" in text
    assert t.survivor.pseudonym not in text and t.id not in text
    assert t.survivor.origin not in text and t.narrative[:10] not in text


def test_the_code_changes_with_the_consent_and_finds_the_consent_as_it_stood(store):
    v1 = make_testimony()
    v2 = dataclasses.replace(v1, revision=2, consent=dataclasses.replace(v1.consent,
                                                                       advocacy=True))
    assert receipt_code(store, v1.id, v1.consent) != receipt_code(store, v2.id, v2.consent)
    code = build(store, v1).code
    found = find(store, [v2, v1], code.lower().replace("-", " "))
    assert found.revision == 1 and found.consent.advocacy is False


def test_unknown_code(store):
    with pytest.raises(NotFound):
        find(store, [make_testimony()], "AAAA-AAAA")


def test_withdrawn_consent_is_said_first(store):
    t = make_testimony(consent={"recorded": "2023-08-14", "legal": True, "advocacy": False,
                                "publication": False, "withdrawn": "2024-01-02"})
    assert "withdrawn on 2024-01-02" in build(store, t).lines[0].en


def test_code_normalisation_tolerates_misread_characters():
    assert normalise_code("abcd efgh") == "ABCD-EFGH"
    assert normalise_code("0BCD-1FG8") == "OBCD-IFGB"


def test_each_scope_is_marked_agreed_or_not_and_information_is_unmarked(store):
    t = make_testimony(consent={"recorded": "2023-08-14", "legal": True, "advocacy": False,
                                "publication": False, "withdrawn": None, "recontact": True})
    marks = {line.en: line.agreed for line in build(store, t).lines}
    assert marks["You may be contacted again."] is True
    assert marks["It will not be published."] is False
    assert marks["Date of consent: 2023-08-14"] is None
    assert all("✔" not in x and "✘" not in x for line in build(store, t).lines
               for x in (line.ko, line.en))


def test_expiry_is_the_first_day_consent_no_longer_holds(store):
    t = make_testimony(consent={"recorded": "2023-08-14", "legal": True, "advocacy": False,
                                "publication": False, "withdrawn": None,
                                "expires": "2026-08-14"})
    lines = build(store, t).lines
    assert any(line.en == "This consent ends on 2026-08-14." for line in lines)
    assert any(line.ko == "이 동의는 2026-08-14에 끝납니다." for line in lines)


def test_withdrawn_consent_no_longer_invites_withdrawal_or_states_an_end(store):
    t = make_testimony(consent={"recorded": "2023-08-14", "legal": True, "advocacy": False,
                                "publication": False, "withdrawn": "2024-01-02"})
    text = " ".join(line.en for line in build(store, t).lines)
    assert "withdraw your consent" not in text and "end date" not in text


def test_no_consent_recorded_says_nothing_will_be_shared(store):
    t = make_testimony(consent={"recorded": None, "legal": False, "advocacy": False,
                                "publication": False, "withdrawn": None})
    first = build(store, t).lines[0].en
    assert first == "No consent has been recorded yet: nothing will be shared."


@pytest.mark.parametrize("text", ["", "ABC", "ABCD-EFG9", "ＡＢＣＤＥＦＧＨ", "A" * 10_000])
def test_checked_code_refuses_what_cannot_be_a_code(text):
    from intake.consent_receipt import checked_code
    from intake.errors import InvalidInput

    with pytest.raises(InvalidInput, match="8 letters and digits"):
        checked_code(text)


def test_render_checked_names_the_failure_without_content(store):
    from intake.consent_receipt import ReceiptFailed, render_checked

    receipt = build(store, make_testimony())
    with pytest.raises(ReceiptFailed, match="no consent receipt renderer"):
        render_checked(None, receipt)
    with pytest.raises(ReceiptFailed, match=r"failed \(KeyError\)") as failed:
        render_checked(lambda r: {}["S-0142"], receipt)
    assert "S-0142" not in str(failed.value)
    with pytest.raises(ReceiptFailed, match="unexpectedly large"):
        render_checked(lambda r: b"%PDF-" + bytes(17 * 1024 * 1024), receipt)
    assert render_checked(lambda r: bytearray(b"%PDF-1.4"), receipt) == b"%PDF-1.4"
