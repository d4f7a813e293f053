"""The ledger table: real stores, a real session, a real widget."""

from __future__ import annotations

from intake.custody.dispatch import import_file
from intake.custody.receipts import write_receipt
from tests.ui.conftest import run_on_store
from ui.custody.transfers_view import (
    COL_BUNDLE,
    COL_FINGERPRINT,
    COL_RECIPIENT,
    COL_STATUS,
    TransferRole,
    TransfersModel,
    TransfersView,
)


def test_the_model_passes_the_model_tester(qtmodeltester, desk, open_session, qtbot):
    session = open_session(desk.field)
    view = TransfersView(session)
    qtbot.addWidget(view)
    view.show_testimony(None)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(view.model)
    qtmodeltester.check(TransfersModel())


def test_one_testimony_shows_its_transfer_then_its_receipt(desk, open_session, qtbot):
    session = open_session(desk.field)
    view = TransfersView(session)
    qtbot.addWidget(view)
    view.show_testimony(desk.exported)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    m = view.model
    assert m.index(0, COL_RECIPIENT).data() == "법률팀 Legal"
    assert m.index(0, COL_BUNDLE).data() == desk.bundle_id[:8]
    assert desk.bundle_id in m.index(0, COL_BUNDLE).data(0x03)  # tooltip: the whole id
    assert len(m.index(0, COL_FINGERPRINT).data().split()) == 6
    assert m.index(0, COL_STATUS).data() == "Sent, no receipt yet"
    assert not m.index(0, 0).data(TransferRole).delivered

    # The legal team's receipt comes back; the view shows the delivery after a refresh.
    from intake.cli.passphrase import from_text
    from intake.store import Store
    from tests.conftest import PASSPHRASE

    with Store.open(desk.legal, from_text(PASSPHRASE), policy=session.policy) as legal:
        written = write_receipt(legal, desk.bundle_id, desk.legal.parent / "r.tir.age")
    run_on_store(qtbot, session, lambda s: import_file(s, written.path))
    view.refresh()
    qtbot.waitUntil(lambda: m.index(0, COL_STATUS).data().startswith("Delivered"),
                    timeout=10_000)
    assert view.heading.text().endswith("delivered and verified: 1")

    view.show_testimony(desk.kept)
    qtbot.waitUntil(lambda: m.rowCount() == 0, timeout=10_000)
    assert "not been exported" in view.heading.text()


def test_the_view_is_cleared_on_lock(desk, open_session, qtbot):
    session = open_session(desk.field)
    view = TransfersView(session)
    qtbot.addWidget(view)
    view.show_testimony(None)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    session.lock()
    assert view.model.rowCount() == 0
    view.refresh()  # locked: stays empty, asks nothing of the worker
    assert view.model.rowCount() == 0
