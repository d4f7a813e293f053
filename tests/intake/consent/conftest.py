"""A store driven through the command line, with the real Qt consent receipt renderer."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake.cli.context import Context
from intake.cli.main import main
from intake.store import Store

PW = "a passphrase for the tests"


@dataclass
class Result:
    code: int
    out: str
    err: str


def real_renderer(receipt):
    from ui.pdf.consent_receipt import render_receipt

    return render_receipt(receipt)


class Desk:
    """One store at a laptop: ``desk("consent-receipt", ...)`` runs the CLI in-process."""

    def __init__(self, tmp: Path, policy, *, init: bool = True) -> None:
        self.tmp, self.policy = tmp, policy
        self.store_dir = tmp / "store"
        self.pw = tmp / "pw.txt"
        self.pw.write_text(PW + "\n", encoding="utf-8")
        if init:
            assert self("init", "--label", "Field team A").code == 0

    def __call__(self, *argv: str, renderer=real_renderer) -> Result:
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(store_dir=Path(), stdin=io.BytesIO(), stdout=out, stderr=err)
        code = main(["--store", str(self.store_dir), "--passphrase-file", str(self.pw),
                     *argv], policy=self.policy, context=ctx, receipt_renderer=renderer)
        return Result(code, out.getvalue(), err.getvalue())

    def open(self) -> Store:
        from intake.cli.passphrase import from_text

        return Store.open(self.store_dir, from_text(PW), policy=self.policy)


def one_line(r: Result, code: int = 1) -> str:
    assert r.code == code, (r.code, r.out, r.err)
    assert "Traceback" not in r.err
    assert len(r.err.strip().splitlines()) == 1, r.err
    return r.err


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory):
    """An initialised store, made once; each test gets a copy."""
    from crypto.kdf import KdfPolicy

    root = tmp_path_factory.mktemp("consent-desk")
    Desk(root, KdfPolicy.insecure_for_tests())
    return root


@pytest.fixture
def desk(desk_template, tmp_path, policy):
    shutil.copytree(desk_template / "store", tmp_path / "store")
    return Desk(tmp_path, policy, init=False)
