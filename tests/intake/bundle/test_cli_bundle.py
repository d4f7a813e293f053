"""identity, contacts, export, verify and import on the command line: exit codes 0/1/2 and
one-line errors, on two real stores."""

from __future__ import annotations

import io
import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake.cli.context import Context
from intake.cli.main import main
from tests.intake.bundle.conftest import fake_renderer
from tests.samples import sample_dict


@dataclass
class Result:
    code: int
    out: str
    err: str


class Desk:
    """One store driven through the CLI, as a person at a laptop would."""

    def __init__(self, tmp: Path, policy, name: str, label: str) -> None:
        self.tmp, self.policy = tmp, policy
        self.store = tmp / name
        self.pw = tmp / f"{name}.pw"
        self.pw.write_text("a passphrase for the tests\n", encoding="utf-8")
        r = self("init", "--label", label)
        assert r.code == 0, r.err

    def __call__(self, *argv: str, renderer=fake_renderer) -> Result:
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(store_dir=Path(), stdin=io.BytesIO(), stdout=out, stderr=err)
        code = main(["--store", str(self.store), "--passphrase-file", str(self.pw), *argv],
                    policy=self.policy, context=ctx, statement_renderer=renderer)
        return Result(code, out.getvalue(), err.getvalue())

    def file(self, name: str, content: str | bytes) -> Path:
        p = self.tmp / name
        p.write_bytes(content.encode() if isinstance(content, str) else content)
        return p


def one_line(r: Result, code: int = 1) -> str:
    assert r.code == code, (r.code, r.out, r.err)
    assert "Traceback" not in r.err
    assert len(r.err.strip().splitlines()) == 1, r.err
    return r.err


@pytest.fixture
def desks(tmp_path, policy):
    field = Desk(tmp_path, policy, "field", "Field team A")
    legal = Desk(tmp_path, policy, "legal", "Legal team B")
    return field, legal


def exchange_cards(field: Desk, legal: Desk) -> None:
    assert field("identity", "export", str(field.tmp / "field.card")).code == 0
    assert legal("identity", "export", str(legal.tmp / "legal.card")).code == 0
    assert field("contacts", "add", str(legal.tmp / "legal.card"), "--label", "Legal").code == 0
    assert legal("contacts", "add", str(field.tmp / "field.card")).code == 0


def test_identity_and_contacts(desks):
    field, legal = desks
    r = field("identity", "export", str(field.tmp / "field.card"))
    assert r.code == 0 and "Fingerprint: " in r.out
    card = json.loads((field.tmp / "field.card").read_text())
    assert card["format"] == "tic/1" and card["label"] == "Field team A"
    r = legal("contacts", "add", str(field.tmp / "field.card"))
    assert r.code == 0 and card["fingerprint"] in r.out and "contacts verify" in r.out
    err = one_line(legal("contacts", "add", str(field.tmp / "field.card"), "--label", "X"))
    assert "already a contact" in err
    legal("identity", "export", str(legal.tmp / "legal.card"))
    err = one_line(legal("contacts", "add", str(legal.tmp / "legal.card")))
    assert "own identity card" in err
    listed = json.loads(legal("contacts", "list", "--json").out)
    assert [(c["label"], c["verified"]) for c in listed] == [("Field team A", False)]
    assert "NO" in legal("contacts", "list").out
    err = one_line(legal("contacts", "verify", "Field team A", "--fingerprint", "1" * 30))
    assert "does not match" in err
    r = legal("contacts", "verify", "field team a", "--fingerprint", card["fingerprint"])
    assert r.code == 0, r.err
    assert json.loads(legal("contacts", "list", "--json").out)[0]["verified"] is True


def test_contacts_refuse_bad_cards_and_duplicate_labels(desks, new_store):
    field, legal = desks
    bad = field.file("bad.card", '{"format": "tic/1"}')
    assert "bad.card" in one_line(field("contacts", "add", str(bad)))
    other, _ = new_store("other", label="Legal team B")
    twin = field.file("twin.card", other.identity_card().to_json())
    legal("identity", "export", str(legal.tmp / "legal.card"))
    assert field("contacts", "add", str(legal.tmp / "legal.card")).code == 0
    err = one_line(field("contacts", "add", str(twin)))
    assert "already labelled" in err
    assert field("contacts", "add", str(twin), "--label", "Other B").code == 0
    assert one_line(field("contacts", "verify", "Nobody")).startswith("error: no contact")
    assert field("contacts").code == 2
    assert field("contacts", "frobnicate").code == 2


def test_export_age_key_is_private_and_opens_bundles(desks):
    field, legal = desks
    key = legal.tmp / "key.txt"
    r = legal("identity", "export-age-key", str(key))
    assert r.code == 0
    assert "warning" in r.err and "secret" in r.err
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    text = key.read_text()
    assert re.search(r"^AGE-SECRET-KEY-1[0-9A-Z]+$", text, re.M)
    assert text.startswith("# ")
    assert "already exists" in one_line(legal("identity", "export-age-key", str(key)))
    from intake.cli.passphrase import from_text
    from intake.store import Store
    with Store.open(legal.store, from_text("a passphrase for the tests"),
                    policy=legal.policy) as store:
        entry = store.audit.entries()[-1]
        assert entry.action == "identity.export_age_key"
        assert text.split("public key: ")[1].split()[0] == store.identity.age_recipient


def test_export_verify_import_round_trip(desks):
    field, legal = desks
    exchange_cards(field, legal)
    field("contacts", "verify", "Legal")
    tid = field("add", str(field.file("t.json", json.dumps(sample_dict())))).out.strip()
    field("attach", tid, str(field.file("a.m4a", b"audio" * 1000)))
    out = field.tmp / "x.tib.age"
    r = field("export", "--to", "Legal", "--purpose", "legal", "--level", "full", "-o",
              str(out))
    assert r.code == 0, r.err
    assert "written to" in r.out and "Legal" in r.out
    assert "already exists" in one_line(field("export", "--to", "Legal", "--purpose", "legal",
                                              "--level", "full", "-o", str(out)))
    r = legal("verify", str(out))
    assert r.code == 0, r.err
    assert "Field team A" in r.out and "legal, full level" in r.out
    assert "1 testimonies, 1 attachments" in r.out
    r = legal("import", str(out))
    assert r.code == 0, r.err
    assert "1 new" in r.out and "1 attachments stored" in r.out
    r = legal("import", str(out))
    assert r.code == 0 and "Already imported" in r.out
    shown = json.loads(legal("show", tid, "--json").out)
    assert shown["narrative"] == sample_dict()["narrative"]


def test_export_refusals_and_usage(desks):
    field, legal = desks
    exchange_cards(field, legal)
    tid = field("add", str(field.file("t.json", json.dumps(sample_dict())))).out.strip()
    out = str(field.tmp / "y.tib.age")
    err = one_line(field("export", "--to", "Legal", "--purpose", "legal", "--level",
                         "full", "--require-verified", "-o", out))
    assert "not verified" in err
    field("contacts", "verify", "Legal")
    err = one_line(field("export", "--to", "Legal", "--purpose", "publication", "--level",
                         "full", "-o", out))
    assert tid[:8] in err and "not given for publication" in err
    assert not Path(out).exists()
    err = one_line(field("export", "--to", "Legal", "--purpose", "legal", "--level", "full",
                         "-o", out, renderer=None))
    assert "renderer" in err and not Path(out).exists()
    assert field("export", "--to", "Legal", "--purpose", "legal", "-o", out).code == 2
    assert field("export", "--to", "Legal", "--purpose", "legal", "--level", "half",
                 "-o", out).code == 2
    assert field("export", "--purpose", "legal", "--level", "full", "-o", out).code == 2
    assert "no testimony" in one_line(field("export", "--to", "Legal", "--ids", "12345678",
                                            "--purpose", "legal", "--level", "full",
                                            "-o", out))


def test_verify_and_import_failures(desks, new_store):
    field, legal = desks
    exchange_cards(field, legal)
    field("contacts", "verify", "Legal")
    field("add", str(field.file("t.json", json.dumps(sample_dict()))))
    out = field.tmp / "z.tib.age"
    assert field("export", "--to", "Legal", "--purpose", "legal", "--level", "full",
                 "-o", str(out)).code == 0
    data = bytearray(out.read_bytes())
    data[-50] ^= 0x20
    bad = field.file("bad.tib.age", bytes(data))
    assert "damaged" in one_line(legal("verify", str(bad)))
    assert "damaged" in one_line(legal("import", str(bad)))
    assert "no such file" in one_line(legal("import", str(field.tmp / "missing.tib.age")))
    assert legal("import").code == 2
    # The sender is unknown to a third store: verify checks everything, shows who signed
    # it and warns (exit 0); import refuses until the fingerprint is accepted.
    third = Desk(field.tmp, field.policy, "third", "Third")
    third("identity", "export", str(field.tmp / "third.card"))
    field("contacts", "add", str(field.tmp / "third.card"))
    field("contacts", "verify", "Third")
    out3 = field.tmp / "third.tib.age"
    assert field("export", "--to", "Third", "--purpose", "legal", "--level", "full",
                 "-o", str(out3)).code == 0
    r = third("verify", str(out3))
    assert r.code == 0
    err = r.err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("warning:")
    assert "not among your contacts" in err and "NOT A CONTACT" in r.out
    fingerprint = json.loads((field.tmp / "field.card").read_text())["fingerprint"]
    assert fingerprint in err and fingerprint in r.out
    assert "--trust-new-sender" in one_line(third("import", str(out3)))
    r = third("import", str(out3), "--trust-new-sender")
    assert r.code == 0 and "Added the sender as contact" in r.out


LAUNCHER_PROBE = """
import io, sys
from pathlib import Path
from crypto.kdf import KdfPolicy
from intake.cli.context import Context
from ui.launcher import main, render_statement_lazily
def run(*argv):
    ctx = Context(store_dir=Path(), stdin=io.BytesIO(), stdout=io.StringIO(),
                  stderr=io.StringIO())
    code = main(["--store", sys.argv[1], "--passphrase-file", sys.argv[2], *argv],
                policy=KdfPolicy.insecure_for_tests(), context=ctx,
                statement_renderer=render_statement_lazily)
    assert code == 0, ctx.stderr.getvalue()
run("contacts", "list")
run("identity", "export", sys.argv[3] + "/probe.card")
assert "PySide6" not in sys.modules, "a command that needs no PDF loaded Qt"
run("export", "--to", "Legal", "--purpose", "legal", "--level", "full",
    "-o", sys.argv[3] + "/probe.tib.age")
assert "PySide6.QtGui" in sys.modules
print("ok")
"""


def test_the_launcher_loads_qt_only_for_an_export(desks):
    import os
    import subprocess
    import sys
    field, legal = desks
    exchange_cards(field, legal)
    field("contacts", "verify", "Legal")
    field("add", str(field.file("t.json", json.dumps(sample_dict()))))
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)  # a CLI on a machine without a display
    r = subprocess.run([sys.executable, "-c", LAUNCHER_PROBE, str(field.store), str(field.pw),
                        str(field.tmp)], capture_output=True, text=True, env=env, timeout=120,
                       cwd=Path(__file__).resolve().parents[3])
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr
    assert legal("verify", str(field.tmp / "probe.tib.age")).code == 0
