"""Fixtures for the dashboard: a real unlocked session with enough testimonies to count."""

from __future__ import annotations

import pytest

from tests.intake.search.conftest import event, record
from tests.ui.conftest import run_on_store


def population():
    """12 arrests (2018), 6 detentions (2019), 2 tortures (2019): torture is a small cell."""
    out = []
    for i in range(12):
        out.append(record(f"A-{i:02d}", events=[event("arrest", "2018-0" + str(1 + i % 9),
                                                      place="Dandong")],
                          sex="female" if i % 2 else "male", birth_year=1980 + i))
    for i in range(6):
        out.append(record(f"D-{i:02d}", events=[event("detention", "2019", place="Onsong",
                                                      perpetrator="kp_mss")]))
    for i in range(2):
        out.append(record(f"T-{i:02d}", events=[event("torture", "2019-05", place="Onsong",
                                                      perpetrator="kp_mss")]))
    return out


@pytest.fixture
def counted(qtbot, unlocked):
    run_on_store(qtbot, unlocked, lambda s: s.add_many(population()))
    return unlocked


@pytest.fixture
def dashboard(qtbot, counted):
    from ui.stats.dashboard import StatsDashboard

    d = StatsDashboard(counted, language="en")
    qtbot.addWidget(d)
    d.show()
    with qtbot.waitSignal(d.model.modelReset, timeout=10_000):
        d.refresh()
    qtbot.waitUntil(lambda: counted.ops.idle, timeout=10_000)
    return d
