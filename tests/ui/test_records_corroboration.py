"""Corroboration in the detail pane: on request, on the worker, with what is shared."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from intake.model import Testimony
from tests.intake.search.conftest import event, record, samples
from tests.ui.conftest import run_on_store
from ui.records.detail_pane import DetailPane

WITHDRAWN = {"recorded": "2020-01-01", "legal": True, "withdrawn": "2021-01-01"}


@pytest.fixture
def case(qtbot, unlocked):
    """S-0217 (held at the Chongjin jipkyulso, ≈2019-05..07) and others around it."""
    x = next(t for t in samples() if t.survivor.pseudonym == "S-0217")
    others = [
        record("jipkyulso", events=[event("forced_labour", "2019", approx=True,
                                          place="청진시", facility_kind="jipkyulso")]),
        record("same-place", events=[event("arrest", "2019-04-20", place="온성")]),
        record("too-early", events=[event("interrogation", "2015", place="Onsong",
                                          facility_kind="mss_holding_centre",
                                          perpetrator="kp_mss")]),
        record("withdrawn", consent=WITHDRAWN,
               events=[event("forced_labour", "2019-06", place="Chongjin",
                             facility_kind="jipkyulso")]),
        record("lonely", events=[event("arrest", "2010", place="Seoul")]),
    ]
    run_on_store(qtbot, unlocked, lambda s: s.add_many([x, *others]))
    return unlocked, x, {t.survivor.pseudonym: t for t in others}


def pane(qtbot, session, lang: str = "en") -> DetailPane:
    p = DetailPane(language=lang)
    p.set_session(session)
    qtbot.addWidget(p)
    p.resize(760, 900)
    p.show()
    return p


def load(qtbot, p: DetailPane) -> None:
    p.corroboration.find_button.click()
    qtbot.waitUntil(lambda: p.corroboration.find_button.isEnabled(), timeout=10_000)


def items(p: DetailPane) -> list[str]:
    box = p.corroboration.list
    return [box.item(i).text() for i in range(box.count())]


def test_nothing_is_looked_up_until_asked(qtbot, case):
    session, x, _ = case
    p = pane(qtbot, session)
    p.show_testimony(x)
    qtbot.waitUntil(lambda: session.ops.idle, timeout=10_000)
    assert p.corroboration.isVisible() and p.corroboration.find_button.isEnabled()
    assert items(p) == []


def test_corroborating_testimonies_are_listed_with_what_they_share(qtbot, case):
    session, x, others = case
    p = pane(qtbot, session)
    p.show_testimony(x)
    load(qtbot, p)
    assert p.corroboration.found_ids()[:2] == [others["jipkyulso"].id, others["same-place"].id]
    first = items(p)[0].splitlines()
    assert first[0].startswith("jipkyulso")
    assert first[1] == ("  • Same facility: Holding centre (jipkyulso) in Chongjin · "
                        "2019-05 – 2019-07 (approx.) / 2019 (approx.) · both Forced labour")
    assert "Same place: Onsong" in items(p)[1]
    assert "withdrawn" not in " ".join(items(p))  # a withdrawn testimony is not offered
    assert "too-early" not in " ".join(items(p))  # dates must overlap
    assert p.corroboration.status.text() == "2 found, most shared first."


def test_shared_facts_are_in_korean_in_the_korean_ui(qtbot, case):
    session, x, _ = case
    p = pane(qtbot, session, "ko")
    p.show_testimony(x)
    load(qtbot, p)
    text = items(p)[0]
    assert "집결소" in text and "청진" in text and "강제노동" in text


def test_choosing_one_asks_to_open_it(qtbot, case):
    session, x, others = case
    p = pane(qtbot, session)
    p.show_testimony(x)
    load(qtbot, p)
    item = p.corroboration.list.item(0)
    rect = p.corroboration.list.visualItemRect(item)
    with qtbot.waitSignal(p.testimonyRequested, timeout=2000) as got:
        qtbot.mouseClick(p.corroboration.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert got.args == [others["jipkyulso"].id]


def test_a_testimony_nobody_corroborates_says_so(qtbot, case):
    session, _, others = case
    p = pane(qtbot, session)
    p.show_testimony(others["lonely"])
    load(qtbot, p)
    assert items(p) == []
    assert p.corroboration.status.text().startswith("No other testimony")


def test_a_testimony_not_in_the_store_fails_in_one_line(qtbot, case, recorded_messages):
    session, _, _ = case
    p = pane(qtbot, session)
    stray = Testimony.from_dict(record("stray").to_dict(), new=True)
    p.show_testimony(stray)
    load(qtbot, p)
    assert "no testimony" in p.corroboration.status.text()
    assert "\n" not in p.corroboration.status.text()
    assert recorded_messages == []


def test_another_testimony_or_a_lock_clears_the_list(qtbot, case):
    session, x, others = case
    p = pane(qtbot, session)
    p.show_testimony(x)
    load(qtbot, p)
    assert items(p)
    p.show_testimony(others["same-place"])
    assert items(p) == []
    p.show_testimony(x)
    load(qtbot, p)
    session.lock()
    assert items(p) == [] and p.corroboration.status.text() == ""
    assert not p.corroboration.find_button.isEnabled()


def test_a_result_for_the_previous_testimony_is_dropped(qtbot, case):
    session, x, others = case
    p = pane(qtbot, session)
    p.show_testimony(x)
    p.corroboration.find_button.click()
    p.show_testimony(others["lonely"])  # before the worker answered
    qtbot.waitUntil(lambda: session.ops.idle, timeout=10_000)
    assert items(p) == []


def test_without_a_session_the_section_is_hidden(qtbot, case):
    _, x, _ = case
    p = DetailPane(language="en")
    qtbot.addWidget(p)
    p.show()
    p.show_testimony(x)
    assert not p.corroboration.isVisible()
