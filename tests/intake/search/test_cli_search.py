"""search, searches, stats and corroborate on the command line: output and exit codes."""

from __future__ import annotations

import json

import pytest

from tests.intake.search.conftest import DATA
from tests.intake.test_cli import Cli, one_line_failure


@pytest.fixture
def cli(tmp_path, policy):
    c = Cli(tmp_path, policy)
    assert c("init", "--label", "legal team").code == 0
    for path in [*sorted(DATA.glob("*.json")), DATA / "screening_batch.jsonl"]:
        r = c("add", str(path))
        assert r.code == 0, r.err
    return c


def ids(r) -> list[str]:
    assert r.code == 0, r.err
    return [x["pseudonym"] for x in json.loads(r.out)]


def test_search_text_and_filters(cli):
    assert ids(cli("search", "단둥", "--json")) == ["S-0305"]
    assert ids(cli("search", "--type", "forced_return", "--place", "Tumen", "--json")) == [
        "S-0388", "S-0502"]
    assert ids(cli("search", "보위부", "--place", "온성", "--from", "2019", "--to", "2019",
                   "--json")) == ["S-0217"]
    assert ids(cli("search", "", "--consent", "advocacy", "--json")) == ["S-0217"]
    assert ids(cli("search", "--sender", "local", "--perpetrator", "bowibu", "--json")) == [
        "S-0388", "S-0305", "S-0217"]
    assert ids(cli("search", "--type", "family_punishment", "--json")) == []
    assert ids(cli("search", "--type", "family_punishment", "--include-withdrawn",
                   "--json")) == ["S-0412"]


def test_search_json_carries_snippets_with_code_point_offsets(cli):
    (hit,) = json.loads(cli("search", '"한 달 넘게"', "--json").out)
    snip = hit["snippets"][0]
    s, e = snip["highlights"][0]
    assert snip["text"][s:e] == "한 달 넘게" and hit["score"] > 0


def test_search_text_output(cli):
    r = cli("search", "Dandong")
    assert r.code == 0 and "1 testimony matches" in r.out and "[Dandong]" in r.out
    assert cli("search", "평양").out.strip() == "No testimony matches."


def test_search_usage_and_failures(cli):
    one_line_failure(cli("search"), 2)  # no query and no filter
    one_line_failure(cli("search", "  "), 2)
    one_line_failure(cli("search", "x", "--from", "2019-13"))
    one_line_failure(cli("search", "x", "--from", "2020", "--to", "2019"))
    one_line_failure(cli("search", "--type", "no_such_type"))
    one_line_failure(cli("search", "--sender", "nobody"))
    one_line_failure(cli("search", "--consent", "everything"), 2)
    one_line_failure(cli("search", "x", "--limit", "many"), 2)
    one_line_failure(cli("search", "x", "--limit", "-1"))
    assert cli("search", "AND OR NOT * : ( \"", "--json").code == 0


def test_saved_searches_on_the_command_line(cli):
    r = cli("search", "보위부", "--place", "Onsong", "--save", "Onsong case", "--json")
    assert ids(r) == ["S-0217"]
    assert ids(cli("search", "--saved", "Onsong case", "--json")) == ["S-0217"]
    listed = json.loads(cli("searches", "--json").out)
    assert listed[0]["name"] == "Onsong case" and listed[0]["filters"]["places"] == ["Onsong"]
    one_line_failure(cli("search", "x", "--saved", "Onsong case"), 2)
    assert cli("searches", "--delete", "Onsong case").code == 0
    one_line_failure(cli("search", "--saved", "Onsong case"))
    one_line_failure(cli("searches", "--delete", "Onsong case"))


def test_stats_table_json_and_csv(cli):
    r = cli("stats", "--by", "type")
    assert r.code == 0, r.err
    assert "<5" in r.out and "합계" in r.out and "survivors" in r.out.lower()
    d = json.loads(cli("stats", "--by", "place", "--json").out)
    assert d["by"] == "place" and all(row["events"] is None for row in d["rows"])
    csv_path = cli.tmp / "stats.csv"
    r = cli("stats", "--by", "year", "--threshold", "2", "--csv", str(csv_path))
    assert r.code == 0 and csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "2019년" in csv_path.read_text(encoding="utf-8-sig")
    one_line_failure(cli("stats", "--threshold", "1"))
    one_line_failure(cli("stats", "--by", "colour"), 2)
    one_line_failure(cli("stats", "--csv", str(cli.tmp)))


def test_corroborate(cli):
    other = json.loads((DATA / "s0305_dandong_danryeondae.json").read_text(encoding="utf-8"))
    other["id"] = "0b0c0d0e-0f10-4112-8314-151617181920"
    other["survivor"]["pseudonym"] = "S-0999"
    other["events"] = [{"type": "interrogation", "start": "2019-04", "place": "온성",
                        "facility_kind": "mss_holding_centre", "perpetrator": "kp_mss"}]
    for key in ("attachments", "redactions"):
        other[key] = []
    assert cli("add", str(cli.write("other.json", json.dumps(other)))).code == 0
    r = cli("corroborate", "3f1c9a52", "--json")
    assert r.code == 0, r.err
    (found,) = json.loads(r.out)
    assert found["pseudonym"] == "S-0999"
    assert found["shared"][0]["detail"].startswith("same facility kind mss_holding_centre at "
                                                   "Onsong")
    text = cli("corroborate", "3f1c9a52").out
    assert "S-0999" in text and "same facility kind" in text
    assert "No other testimony" in cli("corroborate", "0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c00").out
    one_line_failure(cli("corroborate", "00000000"))
    one_line_failure(cli("corroborate", "short"))
    one_line_failure(cli("corroborate"), 2)
