"""Writing a delivery receipt from the legal team's app."""

from __future__ import annotations

from intake.cli.passphrase import from_text
from intake.custody import ledger
from intake.custody.dispatch import import_file
from intake.store import Store
from tests.conftest import PASSPHRASE
from ui.custody.receipt_action import write_receipt


def test_a_receipt_is_written_and_the_sender_accepts_it(desk, open_session, qtbot, tmp_path,
                                                        recorded_messages, policy):
    session = open_session(desk.legal)
    got = []
    handle = write_receipt(None, session, desk.bundle_id,
                           choose=lambda _p, suggested: str(tmp_path / "back"),
                           done=got.append)
    assert handle is not None
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    path = tmp_path / "back.tir.age"
    assert got[0].path == path and path.exists()
    assert recorded_messages[-1].kind == "information"
    assert "Field A" in recorded_messages[-1].text
    with Store.open(desk.field, from_text(PASSPHRASE), policy=policy) as field:
        import_file(field, path)
        assert ledger.transfers(field)[0].delivered


def test_cancelling_the_file_dialog_does_nothing(desk, open_session, tmp_path):
    session = open_session(desk.legal)
    assert write_receipt(None, session, desk.bundle_id, choose=lambda _p, _s: "") is None
    assert list(tmp_path.glob("*.tir.age")) == []


def test_an_unknown_bundle_or_existing_file_is_a_message(desk, open_session, qtbot, tmp_path,
                                                         recorded_messages):
    session = open_session(desk.legal)
    write_receipt(None, session, "0" * 8, choose=lambda _p, _s: str(tmp_path / "r.tir.age"))
    qtbot.waitUntil(lambda: bool(recorded_messages), timeout=10_000)
    assert "no bundle" in recorded_messages[-1].text
    (tmp_path / "mine.tir.age").write_bytes(b"mine")
    write_receipt(None, session, desk.bundle_id,
                  choose=lambda _p, _s: str(tmp_path / "mine.tir.age"))
    qtbot.waitUntil(lambda: len(recorded_messages) == 2, timeout=10_000)
    assert "already exists" in recorded_messages[-1].text
    assert (tmp_path / "mine.tir.age").read_bytes() == b"mine"
