"""The re-identification check of redacted exports, end to end: a survivor nobody shares a
combination with is flagged and refused, generalised in the exported copy only, or exported
as she is with the decision audited; a survivor in a crowd goes out untouched."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest

from intake.bundle import ExportRequest, import_bundle
from intake.bundle.export import assess_export
from intake.bundle.reidentification import ReidentificationRefused
from intake.errors import InvalidInput
from intake.reidentify import (
    BIRTH_YEAR_BAND,
    DATES_TO_MONTH,
    ORIGIN_PROVINCE,
    QI_BIRTH_YEAR,
    QI_ORIGIN,
)
from tests.intake.bundle import craft
from tests.intake.bundle.conftest import snapshot

NARRATIVE = "구류장에서 한 달을 보냈다."


def survivor(pseudonym, year, origin="함경북도 회령시"):
    return {"pseudonym": pseudonym, "sex": "female", "birth_year": year, "origin": origin}


def held(date):
    return [{"type": "detention", "start": date, "facility_kind": "jipkyulso", "place": "온성",
             "description": "보위부 구류장"}]


def crowd(pair, n=5):
    """``n`` survivors who differ in birth year and day of detention, but share a band,
    a province and a month: each is unique as stored, hidden once generalised."""
    return [pair.testimony(survivor=survivor(f"S-C{i}", 1985 + i % 5),
                           events=held(f"2019-03-{10 + i:02d}"), narrative=NARRATIVE)
            for i in range(n)]


def lonely(pair):
    return pair.testimony(survivor=survivor("S-0142", 1987, "함경북도 온성군"),
                          events=held("2019-03-14"), narrative=NARRATIVE)


def request(ids, **kw):
    return ExportRequest(recipients=("Legal",), purpose="legal", level="redacted",
                         testimony_ids=tuple(ids), **kw)


def members(pair, bundle):
    entries, _ = craft.unpack(pair.plain_tar(bundle))
    return dict(entries)


def test_a_crowd_is_not_flagged_and_goes_out_untouched(pair):
    same = [pair.testimony(survivor=survivor(f"S-{i}", 1985), events=held("2019-03-14"),
                           narrative=NARRATIVE) for i in range(5)]
    assert assess_export(pair.field, request([t.id for t in same])) == []
    bundle = pair.export(level="redacted", ids=(same[0].id,))
    record = json.loads(members(pair, bundle)[f"records/{same[0].id}.json"])
    assert record["survivor"]["birth_year"] == 1985
    assert record["events"][0]["start"] == "2019-03-14"
    result = import_bundle(pair.legal, bundle, trust_new_sender=False)
    assert result.created == (same[0].id,) or list(result.created) == [same[0].id]
    assert pair.legal.get(same[0].id).survivor.origin == "함경북도 회령시"
    # With a stricter k the same five are flagged.
    assert len(assess_export(pair.field, request([same[0].id], k=6))) == 1


def test_a_unique_survivor_is_refused_with_a_safe_one_line_reason(pair):
    crowd(pair)
    target = lonely(pair)
    (finding,) = assess_export(pair.field, request([target.id]))
    assert finding.testimony_id == target.id and finding.crowd == 1 and finding.k == 5
    assert QI_BIRTH_YEAR in finding.identifying and QI_ORIGIN in finding.identifying
    assert set(finding.suggested) == {BIRTH_YEAR_BAND, ORIGIN_PROVINCE, DATES_TO_MONTH}
    assert finding.reaches_k and finding.crowd_after == 6
    before = snapshot(pair.field)
    with pytest.raises(ReidentificationRefused) as refused:
        pair.export(level="redacted", ids=(target.id,))
    message = str(refused.value)
    assert "\n" not in message and target.id[:8] in message and "S-0142" in message
    assert "birth year" in message and "--generalise" in message and "--accept-risk" in message
    for value in ("1987", "온성군", "2019-03-14", "회령"):
        assert value not in message
    assert refused.value.findings == (finding,)
    assert not (pair.tmp / "b.tib.age").exists()
    assert snapshot(pair.field) == before


def test_generalise_changes_every_member_of_the_export_and_nothing_stored(pair):
    crowd(pair)
    target = lonely(pair)
    bundle = pair.export(level="redacted", ids=(target.id,), generalise=True)
    got = members(pair, bundle)
    record = json.loads(got[f"records/{target.id}.json"])
    assert record["survivor"]["birth_year"] is None
    assert record["survivor"]["birth_year_band"] == "1985-1989"
    assert record["survivor"]["origin"] == "함경북도"
    assert record["events"][0]["start"] == "2019-03"
    statement = got[f"statements/{target.id}.pdf"]     # the fake renderer writes the texts
    assert "온성군".encode() not in statement and "함경북도".encode() in statement
    everything = b"".join(got.values())
    assert b"1987" not in everything and b"2019-03-14" not in everything
    rows = list(csv.DictReader(io.StringIO(got["metadata.csv"].decode())))
    assert {r["pseudonym"] for r in rows if r["kind"] == "record"} == {"S-0142"}
    # The store keeps what the survivor said; the audit says what went out.
    stored = pair.field.get(target.id)
    assert stored.survivor.birth_year == 1987 and str(stored.events[0].start) == "2019-03-14"
    export = [e for e in pair.field.audit.entries([target.id]) if e.action == "export"][-1]
    assert set(export.detail["generalised"]) == {BIRTH_YEAR_BAND, ORIGIN_PROVINCE,
                                                  DATES_TO_MONTH}
    assert not [e for e in pair.field.audit.entries([target.id])
                if e.action == "export.accept_risk"]
    # The legal team imports the generalised copy.
    import_bundle(pair.legal, bundle)
    received = pair.legal.get(target.id)
    assert received.survivor.birth_year is None
    assert received.survivor.birth_year_band == "1985-1989"


def test_accept_risk_exports_unchanged_and_is_audited(pair):
    crowd(pair)
    target = lonely(pair)
    bundle = pair.export(level="redacted", ids=(target.id,), accept_risk=True)
    record = json.loads(members(pair, bundle)[f"records/{target.id}.json"])
    assert record["survivor"]["birth_year"] == 1987
    (entry,) = [e for e in pair.field.audit.entries([target.id])
                if e.action == "export.accept_risk"]
    assert entry.detail["k"] == 5 and entry.detail["crowd"] == 1
    assert entry.detail["generalised"] == []
    assert "1987" not in json.dumps(entry.detail)
    import_bundle(pair.legal, bundle)
    assert pair.legal.get(target.id).survivor.birth_year == 1987


def test_when_no_generalisation_hides_her_both_flags_are_needed(pair):
    target = lonely(pair)                    # alone in the store: nothing can hide her
    (finding,) = assess_export(pair.field, request([target.id]))
    assert not finding.reaches_k
    with pytest.raises(ReidentificationRefused, match="even generalised"):
        pair.export(level="redacted", ids=(target.id,), generalise=True)
    bundle = pair.export(level="redacted", ids=(target.id,), generalise=True,
                         accept_risk=True)
    record = json.loads(members(pair, bundle)[f"records/{target.id}.json"])
    assert record["survivor"]["birth_year"] is None and record["survivor"]["origin"] is None
    (entry,) = [e for e in pair.field.audit.entries([target.id])
                if e.action == "export.accept_risk"]
    assert entry.detail["generalised"] and entry.detail["crowd_after"] == 1


def test_only_the_redacted_level_is_checked(pair):
    target = lonely(pair)
    full = ExportRequest(recipients=("Legal",), purpose="legal", level="full")
    assert assess_export(pair.field, full) == []
    pair.export(level="full", ids=(target.id,))


@pytest.mark.parametrize("k", [0, 1, -5, 1001, 10**12, True, "5", 5.0, None])
def test_a_bad_k_is_refused_before_anything(pair, k):
    target = lonely(pair)
    before = snapshot(pair.field)
    with pytest.raises(InvalidInput, match="k"):
        assess_export(pair.field, request([target.id], k=k))
    with pytest.raises(InvalidInput, match="k"):
        pair.export(level="redacted", ids=(target.id,), k=k)
    assert snapshot(pair.field) == before
    assert not (pair.tmp / "b.tib.age").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_the_real_statement_shows_the_band_and_not_the_year(pair, tmp_path, qapp):
    from ui.pdf.statement import render_statement

    crowd(pair)
    target = lonely(pair)
    bundle = pair.export(level="redacted", ids=(target.id,), generalise=True,
                         renderer=render_statement)
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(members(pair, bundle)[f"statements/{target.id}.pdf"])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "S-0142" in text and "1985-1989" in text
    assert "1987" not in text and "온성군" not in text and "2019-03-14" not in text


def test_the_command_line_refuses_warns_and_goes_on_only_when_told(tmp_path, policy):
    from tests.intake.bundle.test_cli_bundle import Desk, exchange_cards, one_line
    from tests.samples import sample_dict

    field, legal = Desk(tmp_path, policy, "field", "Field team A"), \
        Desk(tmp_path, policy, "legal", "Legal team B")
    exchange_cards(field, legal)
    lines = [json.dumps(sample_dict(survivor=survivor(f"S-C{i}", 1985 + i),
                                    events=held(f"2019-03-{10 + i:02d}"),
                                    narrative=NARRATIVE), ensure_ascii=False)
             for i in range(5)]
    lines.append(json.dumps(sample_dict(survivor=survivor("S-0142", 1987, "함경북도 온성군"),
                                        events=held("2019-03-14"), narrative=NARRATIVE),
                            ensure_ascii=False))
    r = field("add", str(field.file("many.jsonl", "\n".join(lines) + "\n")))
    assert r.code == 0, r.err
    target = r.out.split()[-1]
    out = tmp_path / "r.tib.age"
    base = ("export", "--to", "Legal", "--purpose", "legal", "--ids", target, "-o", str(out))

    err = one_line(field(*base, "--level", "redacted"))
    assert "S-0142" in err and "--generalise" in err and "1987" not in err
    assert not out.exists()
    assert "k" in one_line(field(*base, "--level", "redacted", "--k", "1"))
    assert field(*base, "--level", "redacted", "--k", "five").code == 2
    err = one_line(field(*base, "--level", "full", "--generalise"), code=2)
    assert "--generalise" in err and "redacted" in err
    assert not out.exists()

    r = field(*base, "--level", "redacted", "--generalise")
    assert r.code == 0, r.err
    warnings = [line for line in r.err.splitlines() if line.startswith("warning: generalised")]
    assert len(warnings) == 1 and "S-0142" in warnings[0] and "1987" not in r.err
    assert "applied: birth year to a 5-year band" in warnings[0]
    r = legal("import", str(out), "--trust-new-sender")
    assert r.code == 0, r.err
    shown = json.loads(legal("show", target, "--json").out)
    assert shown["survivor"]["birth_year_band"] == "1985-1989"
    assert shown["survivor"]["birth_year"] is None
