"""Fixtures for the search panel: a real unlocked session whose store holds testimonies."""

from __future__ import annotations

import pytest

from intake.model import Testimony
from tests.intake.search.conftest import event, record, samples
from tests.ui.conftest import run_on_store

WITHDRAWN = {"recorded": "2020-01-01", "legal": True, "withdrawn": "2021-01-01"}


def extra_records() -> list[Testimony]:
    """Small records made for the UI tests: Korean particles, emoji, partial dates."""
    return [
        record("K-단둥", "2018년에 단둥에서 일했습니다. 😀 단둥 공안에게 잡혔습니다.",
               [event("arrest", "2018-03", place="Dandong", perpetrator="cn_public_security")]),
        record("E-month", "Held in March 2019 at the holding centre in Onsong.",
               [event("detention", "2019-03", place="Onsong", facility_kind="jipkyulso",
                      perpetrator="kp_mss")]),
        record("E-year", "Returned some time in 2019; the officer Pak questioned me.",
               [event("forced_return", "2019", approx=True, place="Tumen",
                      perpetrator="cn_border_police")]),
        record("E-2021", "Interrogated in 2021 by the bowibu in Hyesan.",
               [event("interrogation", "2021-07-01", place="Hyesan", perpetrator="kp_mss")]),
        record("W-withdrawn", "Withdrawn story about Onsong in 2019.", consent=WITHDRAWN,
               events=[event("detention", "2019-05", place="Onsong", facility_kind="jipkyulso")]),
    ]


@pytest.fixture
def filled(qtbot, unlocked):
    """An unlocked session holding the shared samples and :func:`extra_records`."""
    run_on_store(qtbot, unlocked, lambda s: s.add_many(samples() + extra_records()))
    return unlocked


@pytest.fixture
def panel(qtbot, filled):
    from ui.search.search_panel import SearchPanel

    p = SearchPanel(filled, language="en")
    qtbot.addWidget(p)
    p.resize(460, 760)
    p.show()
    qtbot.waitUntil(lambda: filled.ops.idle, timeout=10_000)
    return p


def wait_idle(qtbot, session) -> None:
    qtbot.waitUntil(lambda: session.ops.idle, timeout=10_000)


def search_for(qtbot, panel, text: str) -> list[str]:
    """Type ``text`` as a user would and return the pseudonyms of the hits shown."""
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000):
        panel.field.clear()
        type_into(panel.field, text)
    return shown(panel)


def type_into(field, text: str) -> None:
    """One character at a time, as keys or an input method commit them.

    (``QTest.keyClicks`` aborts on characters outside Latin-1, so Hangul is inserted.)
    """
    for ch in text:
        field.insert(ch)


def shown(panel) -> list[str]:
    return [panel.model.hit(r).summary.pseudonym for r in range(panel.model.rowCount())]
