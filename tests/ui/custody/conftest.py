"""An interviewer's store with transfers to a legal team, and sessions unlocked over them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from intake.bundle import ExportRequest, export_bundle, import_bundle
from intake.cli.passphrase import from_text
from intake.contacts import Contacts
from intake.store import Store
from tests.conftest import PASSPHRASE
from tests.intake.bundle.conftest import fake_renderer
from tests.samples import make_testimony


@dataclass
class Desk:
    field: Path
    legal: Path
    exported: str           # testimony id that was sent
    kept: str               # testimony id never sent
    bundle_id: str


@pytest.fixture
def desk(tmp_path, policy) -> Desk:
    field, _ = Store.create(tmp_path / "field", from_text(PASSPHRASE), label="Field team A",
                            policy=policy)
    legal, _ = Store.create(tmp_path / "legal", from_text(PASSPHRASE), label="Legal team B",
                            policy=policy)
    with field, legal:
        Contacts(field).add(legal.identity_card(), "법률팀 Legal")
        Contacts(field).verify("법률팀 Legal")
        Contacts(legal).add(field.identity_card(), "Field A")
        sent = field.add(make_testimony())
        kept = field.add(make_testimony(survivor={"pseudonym": "S-0300"}))
        result = export_bundle(field, ExportRequest(("법률팀 Legal",), "legal", "full",
                                                    (sent.id,)),
                               tmp_path / "b.tib.age", renderer=fake_renderer)
        import_bundle(legal, result.path)
    return Desk(tmp_path / "field", tmp_path / "legal", sent.id, kept.id, result.bundle_id)


@pytest.fixture
def open_session(qtbot, policy):
    from crypto.passphrase import encode_passphrase
    from ui.session import Session

    made = []

    def make(root: Path):
        s = Session(root, policy=policy)
        made.append(s)
        done = []
        s.unlock(encode_passphrase(PASSPHRASE), success=done.append,
                 failure=lambda e: done.append(e))
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        assert s.is_unlocked, done
        return s

    yield make
    for s in made:
        s.shutdown()
