"""Revisions: what changed, field by field and narrative line by line."""

from __future__ import annotations

import copy

from intake.model import Testimony
from intake.store.records import RevisionInfo
from tests.ui.test_editor_form import rich_dict
from ui.records.diff import field_differences, narrative_diff
from ui.records.revisions import RevisionDialog


def two_revisions() -> tuple[Testimony, Testimony]:
    old = rich_dict()
    old["revision"] = 2
    new = copy.deepcopy(old)
    new["revision"] = 3
    new["survivor"]["birth_year"] = 1984
    new["events"][1]["type"] = "detention"
    new["narrative"] = new["narrative"].replace("한 달을", "두 달을")
    return Testimony.from_dict(old), Testimony.from_dict(new)


def test_field_differences_name_each_changed_field():
    a, b = two_revisions()
    changes = {c.path: (c.before, c.after) for c in field_differences(a, b)}
    assert changes == {"survivor.birth_year": (1985, 1984),
                       "events[1].type": ("forced_return", "detention")}
    assert len(field_differences(None, b)) > 20  # a first revision: everything is new


def test_narrative_diff_is_by_line():
    lines = narrative_diff("하나\n둘\n셋\n", "하나\n둘!\n셋\n")
    assert ("-", "둘") in lines and ("+", "둘!") in lines
    assert ("-", "하나") not in lines


def test_the_dialog_shows_a_changed_field_with_labels(qtbot):
    dialog = RevisionDialog(language="ko")
    qtbot.addWidget(dialog)
    a, b = two_revisions()
    dialog.show_diff(a, b)
    rows = [[dialog.table.item(r, c).text() for c in range(3)]
            for r in range(dialog.table.rowCount())]
    assert ["Survivor › Birth year", "1985", "1984"] in rows
    assert ["Event 2 › Type", "강제송환", "구금"] in rows
    text = dialog.narrative.toPlainText()
    assert "− " in text and "두 달을" in text
    assert dialog.heading.text() == "Changes from revision 2 to revision 3"


def test_choosing_a_revision_asks_for_it(qtbot):
    dialog = RevisionDialog(language="en")
    qtbot.addWidget(dialog)
    infos = [RevisionInfo("t", n, f"2024-05-0{n}T10:00:00Z", f"{n:064x}") for n in (1, 2, 3)]
    with qtbot.waitSignal(dialog.revisionRequested, timeout=1000) as newest:
        dialog.set_revisions(infos)
    assert newest.args == [3]
    with qtbot.waitSignal(dialog.revisionRequested, timeout=1000) as chosen:
        dialog.list.setCurrentRow(2)
    assert chosen.args == [1]
    dialog.clear()
    assert dialog.list.count() == 0 and dialog.table.rowCount() == 0


# -- through the workspace, on a real store with three revisions ---------------------------


def _three_revisions(qtbot, session):
    from tests.samples import make_testimony
    from tests.ui.conftest import run_on_store

    def make(store):
        t = store.add(make_testimony(
            narrative="2019년 4월 단둥에서 체포되었다.\n구류장에서 한 달을 보냈다."))
        d = t.to_dict()
        d["narrative"] = d["narrative"].replace("한 달을", "두 달을")
        t = store.save(Testimony.from_dict(d))
        d = t.to_dict()
        d["survivor"]["birth_year"] = 1984
        d["events"][0]["place"] = "Dandong"
        return store.save(Testimony.from_dict(d)).id

    return run_on_store(qtbot, session, make)


def _rows(dialog):
    return [[dialog.table.item(r, c).text() if dialog.table.item(r, c) else ""
             for c in range(3)] for r in range(dialog.table.rowCount())]


def test_the_history_of_a_testimony_with_three_revisions(qtbot, window):
    from crypto.passphrase import encode_passphrase
    from tests.conftest import PASSPHRASE

    s = window.session
    s.create(encode_passphrase(PASSPHRASE), "Field team A", success=lambda _k: None)
    qtbot.waitUntil(lambda: s.is_unlocked and s.ops.idle, timeout=10_000)
    tid = _three_revisions(qtbot, s)
    window.workspace.load()
    qtbot.waitUntil(lambda: s.ops.idle)
    window.workspace.select(tid)
    qtbot.waitUntil(lambda: window.workspace.current is not None and s.ops.idle)
    assert window.revisions_action.isEnabled()
    window.revisions_action.trigger()
    qtbot.waitUntil(lambda: window.workspace.revisions is not None
                    and window.workspace.revisions.table.rowCount() > 0, timeout=10_000)
    dialog = window.workspace.revisions
    assert dialog.list.count() == 3
    assert [dialog.list.item(i).text().split("\n")[0] for i in range(3)] == [
        "Revision 3", "Revision 2", "Revision 1"]
    assert dialog.heading.text() == "Changes from revision 2 to revision 3"
    rows = _rows(dialog)
    assert ["Survivor › Birth year", "1985", "1984"] in rows
    assert any(r[0] == "Event 1 › Place" and r[2] == "Dandong" for r in rows), rows
    unchanged = dialog.narrative.toPlainText().splitlines()
    assert not any(line.startswith(("+ ", "− ")) for line in unchanged), unchanged

    dialog.list.setCurrentRow(1)  # revision 2 against revision 1
    qtbot.waitUntil(lambda: "revision 1 to revision 2" in dialog.heading.text(), timeout=10_000)
    text = dialog.narrative.toPlainText()
    assert "− 구류장에서 한 달을 보냈다." in text and "+ 구류장에서 두 달을 보냈다." in text
    assert "+ 2019년 4월 단둥에서" not in text  # the unchanged line is not marked
    assert ["Narrative", "", ""] in _rows(dialog) or all(
        r[0] != "Survivor › Birth year" for r in _rows(dialog))

    dialog.list.setCurrentRow(2)  # the first revision: everything is new
    qtbot.waitUntil(lambda: "first saved" in dialog.heading.text(), timeout=10_000)
    assert dialog.table.rowCount() > 10

    window.lock()
    qtbot.waitUntil(lambda: not s.is_unlocked and s.ops.idle)
    assert dialog.list.count() == 0 and dialog.table.rowCount() == 0  # nothing left shown


def test_the_history_in_korean(qtbot, qapp):
    from ui import i18n

    i18n.install(qapp, "ko")
    try:
        dialog = RevisionDialog(language="ko")
        qtbot.addWidget(dialog)
        a, b = two_revisions()
        dialog.show_diff(a, b)
        dialog.set_revisions([RevisionInfo("t", n, f"2024-05-0{n}T10:00:00Z", f"{n:064x}")
                              for n in (1, 2, 3)])
        import re

        hangul = re.compile(r"[\uac00-\ud7a3]")
        assert hangul.search(dialog.heading.text()), dialog.heading.text()
        assert hangul.search(dialog.list.item(0).text()), dialog.list.item(0).text()
        assert hangul.search(dialog.windowTitle()), dialog.windowTitle()
        assert any("강제송환" in r[1] for r in _rows(dialog))
    finally:
        i18n.install(qapp, "en")
