"""``transfers``, ``withdraw``, ``receipt`` and ``import``/``verify`` of notices and receipts,
run in-process on real stores, with DESIGN §7's exit codes."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from intake.cli.context import Context
from intake.cli.main import main
from tests.conftest import PASSPHRASE
from tests.intake.custody.conftest import snapshot


@pytest.fixture
def cli(trio, policy):
    pw = trio.tmp / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")

    def run(store, *argv: str):
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(store_dir=Path(), stdin=io.BytesIO(), stdout=out, stderr=err)
        code = main(["--store", str(store.paths.root), "--passphrase-file", str(pw), *argv],
                    policy=policy, context=ctx)
        return code, out.getvalue(), err.getvalue()
    return run


def one_line(code, err, expected=1):
    assert code == expected and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_the_round_trip_on_the_command_line(trio, cli):
    t = trio.testimony()
    bundle = trio.export("b.tib.age", to=("Legal", "Legal C"))
    code, out, err = cli(trio.field, "transfers", t.id[:8])
    assert code == 0, err
    assert out.count("sent, no receipt yet") == 2 and "Legal C" in out
    code, out, err = cli(trio.legal, "import", str(bundle))
    assert code == 0, err
    bundle_id = re.search(r"^Bundle:\s+(\S+)", out, re.M).group(1)

    receipt = trio.tmp / "r.tir.age"
    code, out, err = cli(trio.legal, "receipt", bundle_id[:8], "-o", str(receipt))
    assert code == 0, err
    assert "Field A" in out and receipt.exists()
    code, out, err = cli(trio.field, "verify", str(receipt))
    assert code == 0 and "matches the ledger" in out, err
    code, out, err = cli(trio.field, "import", str(receipt))
    assert code == 0 and "delivered and verified" in out, err
    code, out, err = cli(trio.field, "import", str(receipt))
    assert code == 0 and "Already recorded" in out
    code, out, err = cli(trio.field, "transfers", "--json")
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["delivered and verified", "sent"]

    outbox = trio.outbox()
    code, out, err = cli(trio.field, "withdraw", t.id, "--note", "by phone", "-o", str(outbox))
    assert code == 0, err
    assert "recorded as withdrawn" in out and "Wrote 2 withdrawal notice(s)" in out
    notices = {re.search(r"to (Legal(?: C)?) \(", line).group(1): Path(line.split()[0])
               for line in out.splitlines() if line.startswith("  ")}
    code, out, err = cli(trio.legal, "verify", str(notices["Legal"]))
    assert code == 0 and "Withdrawn:" in out and "by phone" in out, err
    code, out, err = cli(trio.legal, "import", str(notices["Legal"]))
    assert code == 0 and "marked withdrawn" in out, err
    code, out, err = cli(trio.legal, "import", str(notices["Legal"]))
    assert code == 0 and "Already applied" in out
    code, out, err = cli(trio.legal, "list")
    assert "WITHDRAWN" in out
    code, out, err = cli(trio.field, "transfers", t.id)
    assert out.count("withdrawal notice") == 2


def test_withdraw_a_testimony_never_exported(trio, cli):
    t = trio.testimony()
    code, out, err = cli(trio.field, "withdraw", t.id, "-o", str(trio.outbox()))
    assert code == 0 and "no notice to write" in out, err
    code, out, err = cli(trio.field, "withdraw", t.id, "-o", str(trio.outbox()))
    assert code == 0 and "already withdrawn" in out


def test_failures_are_one_line_and_change_nothing(trio, cli):
    t = trio.testimony()
    trio.deliver(trio.export("b.tib.age"))
    garbage = trio.tmp / "garbage.tin.age"
    garbage.write_bytes(b"\x00" * 100)
    huge = trio.tmp / "huge.tin.age"
    huge.write_bytes(b"age-encryption.org/v1\n" + b"\x00" * (17 * 1024 * 1024))
    before = (snapshot(trio.field), snapshot(trio.legal))
    for store, argv in [
        (trio.field, ("withdraw", t.id, "-o", str(trio.tmp / "missing"))),
        (trio.field, ("withdraw", "00000000", "-o", str(trio.outbox()))),
        (trio.field, ("withdraw", t.id, "--note", "x" * 5000, "-o", str(trio.outbox()))),
        (trio.field, ("transfers", "nope")),
        (trio.legal, ("receipt", "12345678", "-o", str(trio.tmp / "r.tir.age"))),
        (trio.legal, ("receipt", "zz", "-o", str(trio.tmp / "r.tir.age"))),
        (trio.field, ("import", str(garbage))),
        (trio.field, ("verify", str(garbage))),
        (trio.field, ("import", str(huge))),
        (trio.field, ("import", str(trio.tmp))),
    ]:
        code, out, err = cli(store, *argv)
        one_line(code, err)
    assert (snapshot(trio.field), snapshot(trio.legal)) == before
    for argv in (("withdraw", t.id), ("receipt",), ("transfers", "a", "b")):
        code, _out, err = cli(trio.field, *argv)
        one_line(code, err, expected=2)
