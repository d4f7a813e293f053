"""``testimony-intake loadfile BUNDLE -o DIR``: exit codes, one-line errors, the plain warning
that the directory holds decrypted testimony."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from intake.cli.context import Context
from intake.cli.main import main
from tests.conftest import PASSPHRASE


@pytest.fixture
def run(pair, policy):
    pw = pair.tmp / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")

    def run(*argv: str, store: str = "legal"):
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(store_dir=Path(), stdin=io.BytesIO(), stdout=out, stderr=err)
        code = main(["--store", str(pair.tmp / store), "--passphrase-file", str(pw), *argv],
                    policy=policy, context=ctx)
        return code, out.getvalue(), err.getvalue()
    return run


@pytest.fixture
def bundle(pair):
    t = pair.testimony()
    pair.attach(t, os.urandom(2000), "photo.jpg")
    return pair.export()


def one_line(result, code=1) -> str:
    got, _out, err = result
    assert got == code, result
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


def test_writes_and_warns_plainly(pair, run, bundle):
    out = pair.tmp / "review"
    code, stdout, stderr = run("loadfile", str(bundle), "-o", str(out))
    assert code == 0, stderr
    assert "verified" in stdout and "Wrote 4 documents" in stdout
    assert "DECRYPTED" in stderr and str(out) in stderr
    assert (out / "loadfile.dat").is_file() and (out / "loadfile.csv").is_file()


def test_help_says_it_writes_decrypted_content(run, capsys):
    code, _o, _e = run("loadfile", "--help")
    assert code == 0
    assert "decrypted" in capsys.readouterr().out.lower()


def test_refusals_are_one_line(pair, run, bundle):
    taken = pair.tmp / "taken"
    taken.mkdir()
    (taken / "x").write_text("x")
    assert "not empty" in one_line(run("loadfile", str(bundle), "-o", str(taken)))
    assert "no such file" in one_line(run("loadfile", str(pair.tmp / "nope"), "-o",
                                          str(pair.tmp / "o")))
    assert "wrong recipient" in one_line(run("loadfile", str(bundle), "-o",
                                             str(pair.tmp / "o"), store="field"))
    assert not (pair.tmp / "o").exists()
    one_line(run("loadfile", str(bundle)), code=2)
    one_line(run("loadfile", "-o", str(pair.tmp / "o")), code=2)


def test_unknown_sender(pair, run, bundle):
    with pair.legal.transaction() as conn:
        conn.execute("DELETE FROM contacts")
    out = pair.tmp / "o"
    assert "--trust-new-sender" in one_line(run("loadfile", str(bundle), "-o", str(out)))
    assert not out.exists()
    code, _stdout, stderr = run("loadfile", str(bundle), "-o", str(out), "--trust-new-sender")
    assert code == 0 and "not among your contacts" in stderr
