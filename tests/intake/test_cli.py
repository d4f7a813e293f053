"""The command line, in-process, on real stores: DESIGN §7 and its exit codes."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake.cli.context import Context
from intake.cli.main import main
from tests.samples import sample_dict

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass
class Result:
    code: int
    out: str
    err: str


class Cli:
    def __init__(self, tmp_path: Path, policy) -> None:
        self.tmp = tmp_path
        self.policy = policy
        self.store = tmp_path / "store"
        self.pw = tmp_path / "pw.txt"
        self.pw.write_text("a passphrase for the tests\n", encoding="utf-8")

    def __call__(self, *argv: str, passphrase: Path | None = None, stdin: bytes = b"",
                 store: Path | None = None) -> Result:
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(store_dir=Path(), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
        full = ["--store", str(store or self.store),
                "--passphrase-file", str(passphrase or self.pw), *argv]
        code = main(full, policy=self.policy, context=ctx)
        return Result(code, out.getvalue(), err.getvalue())

    def write(self, name: str, content: str | bytes) -> Path:
        p = self.tmp / name
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return p


@pytest.fixture
def cli(tmp_path, policy):
    return Cli(tmp_path, policy)


@pytest.fixture
def initialised(cli):
    r = cli("init", "--label", "field")
    assert r.code == 0, r.err
    cli.recovery = re.search(r"^Recovery key: (.+)$", r.out, re.M).group(1)
    return cli


def one_line_failure(r: Result, code: int = 1) -> None:
    assert r.code == code, (r.code, r.out, r.err)
    assert "Traceback" not in r.err
    assert len(r.err.strip().splitlines()) == 1, r.err


def test_init_prints_fingerprint_and_recovery_key_once(cli):
    r = cli("init", "--label", "field")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert sum(line.startswith("Recovery key: ") for line in lines) == 1
    assert any(line.startswith("Fingerprint: ") for line in lines)
    one_line_failure(cli("init"))  # a second init refuses, the first store untouched


def test_init_refuses_a_short_passphrase(cli):
    short = cli.write("short.txt", "abc\n")
    one_line_failure(cli("init", passphrase=short))
    assert not cli.store.exists()


def test_add_list_show_round_trip(initialised):
    cli = initialised
    f = cli.write("t.json", json.dumps(sample_dict(), ensure_ascii=False))
    r = cli("add", str(f))
    assert r.code == 0, r.err
    (tid,) = UUID.findall(r.out)
    listed = json.loads(cli("list", "--json").out)
    assert [x["id"] for x in listed] == [tid]
    assert listed[0]["pseudonym"] == "S-0142"
    shown = json.loads(cli("show", tid, "--json").out)
    assert shown["narrative"].startswith("2019년 4월 단둥에서")
    text = cli("show", tid[:8]).out
    assert "S-0142" in text and "forced_return" in text
    assert "S-0142" in cli("list").out


def test_add_jsonl_adds_all(initialised):
    cli = initialised
    lines = [json.dumps(sample_dict(survivor={"pseudonym": f"S-{i:04d}"}),
                        ensure_ascii=False) for i in range(3)]
    r = cli("add", str(cli.write("many.jsonl", "\n".join(lines) + "\n")))
    assert r.code == 0, r.err
    assert len(UUID.findall(r.out)) == 3


def test_a_jsonl_with_one_bad_line_stores_nothing_and_names_the_line(initialised):
    cli = initialised
    good = json.dumps(sample_dict(), ensure_ascii=False)
    bad = json.dumps(sample_dict(events=[{"type": "no_such_type"}]))
    r = cli("add", str(cli.write("mixed.jsonl", "\n".join([good, good, bad]) + "\n")))
    one_line_failure(r)
    assert "line 3" in r.err
    assert json.loads(cli("list", "--json").out) == []


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b"\xff\xfe\x00", b'{"schema": "x/9"}',
                                     b"[" * 10000 + b"]" * 10000])
def test_bad_json_input_is_one_line_and_stores_nothing(initialised, content):
    cli = initialised
    one_line_failure(cli("add", str(cli.write("bad.json", content))))
    assert json.loads(cli("list", "--json").out) == []


def test_add_wrong_suffix_and_missing_file(initialised):
    cli = initialised
    one_line_failure(cli("add", str(cli.write("t.txt", "{}"))))
    one_line_failure(cli("add", str(cli.tmp / "missing.json")))


def test_wrong_passphrase_exit_1(initialised):
    cli = initialised
    wrong = cli.write("wrong.txt", "not it at all\n")
    r = cli("list", passphrase=wrong)
    one_line_failure(r)
    assert "wrong passphrase" in r.err


def test_usage_errors_exit_2(initialised):
    cli = initialised
    assert cli("no-such-command").code == 2
    assert cli("show").code == 2
    assert cli("erase").code == 2
    assert cli.store.exists()


def test_no_store_yet(cli):
    r = cli("list")
    one_line_failure(r)
    assert "init" in r.err


def test_passphrase_from_stdin(initialised):
    cli = initialised
    r = cli("list", "--json", passphrase=Path("-"), stdin=b"a passphrase for the tests\n")
    assert r.code == 0, r.err


def test_attach_and_show(initialised):
    cli = initialised
    tid = cli("add", str(cli.write("t.json", json.dumps(sample_dict())))).out.strip()
    photo = cli.write("photo.jpg", bytes(range(256)) * 100)
    r = cli("attach", tid, str(photo))
    assert r.code == 0, r.err
    assert "25600 bytes" in r.out and "image/jpeg" in r.out
    assert json.loads(cli("show", tid, "--json").out)["attachments"][0]["name"] == "photo.jpg"
    one_line_failure(cli("attach", tid, str(cli.tmp / "nope.jpg")))
    one_line_failure(cli("attach", "00000000-dead-beef", str(photo)))


def test_search_finds_korean_substrings(initialised):
    cli = initialised
    tid = cli("add", str(cli.write("t.json", json.dumps(sample_dict())))).out.strip()
    for q in ("단둥", "단둥에서", "투먼", "TUMEN", "\"한 달을\""):
        r = cli("search", q, "--json")
        assert r.code == 0, r.err
        assert [x["id"] for x in json.loads(r.out)] == [tid], q
    assert json.loads(cli("search", "평양", "--json").out) == []
    assert cli("search", "AND OR NOT * : ( \"", "--json").code == 0


def test_passwd_then_recover(initialised):
    cli = initialised
    new = cli.write("new.txt", "another long passphrase\n")
    assert cli("passwd", "--new-passphrase-file", str(new)).code == 0
    one_line_failure(cli("list"))
    assert cli("list", passphrase=new).code == 0
    rk = cli.write("rk.txt", cli.recovery + "\n")
    third = cli.write("third.txt", "third passphrase here\n")
    r = cli("recover", "--recovery-key-file", str(rk), "--new-passphrase-file", str(third))
    assert r.code == 0, r.err
    assert cli("list", passphrase=third).code == 0
    bad_rk = cli.write("badrk.txt", "0000-0000\n")
    one_line_failure(cli("recover", "--recovery-key-file", str(bad_rk),
                         "--new-passphrase-file", str(third)))


def test_check_clean_and_damaged(initialised):
    cli = initialised
    tid = cli("add", str(cli.write("t.json", json.dumps(sample_dict())))).out.strip()
    cli("attach", tid, str(cli.write("a.bin", b"z" * 4000)))
    r = cli("check")
    assert r.code == 0 and "intact" in r.out
    blob = next((cli.store / "blobs").iterdir())
    blob.write_bytes(blob.read_bytes()[:-10])
    r = cli("check")
    assert r.code == 1 and "DAMAGED" in r.out


def test_erase(initialised):
    cli = initialised
    r = cli("erase", "--yes")
    assert r.code == 0
    one_line_failure(cli("list"))
    assert not cli.store.exists()
